"""Cooperation profiles: the list with filters, publishing, changing and removing one's own."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext
from flask_login import current_user, login_required

from mentorship.cooperation.forms import AREA_LABELS, KIND_LABELS, TYPE_LABELS, ProfileForm
from mentorship.extensions import db
from mentorship.infrastructure.pagination import page_args, paginate
from mentorship.main.helpers import ConfirmForm, option, show_service_error
from mentorship.models import Idea, IdeaStatus
from mentorship.services import cooperation
from mentorship.services.errors import NotFoundError, ServiceError

cooperation_bp = Blueprint("cooperation", __name__, url_prefix="/cooperation")

PER_PAGE = 20
LABELS = {"kind": KIND_LABELS, "area": AREA_LABELS, "cooperation_type": TYPE_LABELS}


def _form(**kwargs) -> ProfileForm:
    form = ProfileForm(**kwargs)
    ideas = db.session.scalars(
        db.select(Idea)
        .where(Idea.owner_id == current_user.id, Idea.status != IdeaStatus.WITHDRAWN.value)
        .order_by(Idea.id)
    )
    form.idea_id.choices = [option(idea.id, idea.title) for idea in ideas]
    return form


def _filters() -> dict:
    found = {
        name: request.args.get(name, "") if request.args.get(name, "") in values else ""
        for name, values in cooperation.CHOICES.items()
    }
    found["mine"] = request.args.get("mine") == "1"
    return found


def _data(form: ProfileForm) -> dict:
    return {
        "kind": form.kind.data,
        "area": form.area.data,
        "cooperation_type": form.cooperation_type.data,
        "title": form.title.data,
        "description": form.description.data or "",
        "idea_id": form.idea_id.data,
    }


@cooperation_bp.route("", methods=["GET", "POST"])
@login_required
def index():
    try:
        statement = cooperation.list_profiles(current_user, _filters())
    except NotFoundError:
        abort(404)
    form = _form() if cooperation.can_publish(current_user) else None
    if form is not None and request.method == "POST":
        if form.validate_on_submit():
            try:
                cooperation.create_profile(current_user, _data(form))
            except ServiceError as error:
                show_service_error(form, error)
            else:
                flash(gettext("Your cooperation profile is published."), "success")
                return redirect(url_for("cooperation.index", mine=1))
        else:
            flash(gettext("Please correct the cooperation profile."), "error")
    elif request.method == "POST":
        abort(403)
    page, per_page = page_args(request.args, PER_PAGE)
    return render_template(
        "cooperation/index.html",
        page=paginate(statement, page, per_page),
        filters=_filters(),
        form=form,
        labels=LABELS,
        confirm=ConfirmForm(),
        profile=None,
    )


def _own(profile_id: int):
    try:
        return cooperation.own_profile(current_user, profile_id)
    except NotFoundError:
        abort(404)


@cooperation_bp.route("/<int:profile_id>/edit", methods=["GET", "POST"])
@login_required
def edit(profile_id: int):
    profile = _own(profile_id)
    if profile.author_id != current_user.id:
        abort(404)
    form = _form(obj=profile)
    if form.validate_on_submit():
        try:
            cooperation.update_profile(current_user, profile, _data(form))
        except ServiceError as error:
            show_service_error(form, error)
        else:
            flash(gettext("Your cooperation profile is saved."), "success")
            return redirect(url_for("cooperation.index", mine=1))
    return render_template("cooperation/edit.html", form=form, profile=profile)


@cooperation_bp.route("/<int:profile_id>/delete", methods=["POST"])
@login_required
def delete(profile_id: int):
    profile = _own(profile_id)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    cooperation.delete_profile(current_user, profile)
    flash(gettext("The cooperation profile is removed."), "success")
    return redirect(url_for("cooperation.index", mine=1))
