"""Entrepreneurs' ideas: submit, list, follow one live, see its matches, edit or withdraw it."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, flash, jsonify, redirect, render_template, request, url_for
from flask_babel import gettext
from flask_login import current_user

from mentorship.ideas.forms import IdeaForm, NewIdeaForm
from mentorship.ideas.progress import idea_progress
from mentorship.infrastructure.pagination import page_args, paginate
from mentorship.main.helpers import ConfirmForm, options, role_required, show_service_error
from mentorship.main.ids import parse_id
from mentorship.main.programme_filter import programme_for_page
from mentorship.models import Idea, IdeaStatus
from mentorship.ratelimit import rate_limited
from mentorship.services import idea_changes
from mentorship.services import ideas as idea_service
from mentorship.services import programmes as programme_service
from mentorship.services.errors import ServiceError
from mentorship.services.pairing_endings import end_reason_text

ideas_bp = Blueprint("ideas", __name__, url_prefix="/ideas")
ideas_bp.add_app_template_filter(end_reason_text, "end_reason")

IDEAS_PER_PAGE = 10
SETTLED = (IdeaStatus.MATCHED.value, IdeaStatus.FAILED.value, IdeaStatus.WITHDRAWN.value)


def _programme_choices() -> list:
    """Value `p` for a programme, `p:m` for one of its modules."""
    choices = []
    for programme in programme_service.programmes_of(current_user):
        choices.append(
            (
                str(programme.id),
                gettext("%(programme)s (no particular module)", programme=programme.name),
            )
        )
        choices.extend(
            (f"{programme.id}:{module.id}", f"{programme.name}: {module.title}")
            for module in programme.modules
        )
    return options([("", gettext("Not part of a programme")), *choices]) if choices else []


def _programme_ids(value: str | None) -> tuple[int | None, int | None]:
    programme, _, module = (value or "").partition(":")
    return parse_id(programme), parse_id(module)


def _programme_value(idea: Idea) -> str:
    if idea.programme_id is None:
        return ""
    return f"{idea.programme_id}:{idea.module_id}" if idea.module_id else str(idea.programme_id)


def _form_data(form: IdeaForm) -> dict[str, Any]:
    programme_id, module_id = _programme_ids(form.programme.data)
    return {
        "title": form.title.data,
        "description": form.description.data,
        "sector": form.sector.data or None,
        "stage": form.stage.data or None,
        "needs": form.needs.data,
        "offers": form.offers.data or "",
        "seeks": form.seeks.data or "",
        "city": form.city.data or "",
        "programme_id": programme_id,
        "module_id": module_id,
    }


def _show_error(form: IdeaForm, error: ServiceError) -> None:
    error.fields = {
        "programme" if name in ("programme_id", "module_id") else name: messages
        for name, messages in (error.fields or {}).items()
    } or None
    show_service_error(form, error)


@ideas_bp.route("")
@role_required("entrepreneur", "lead")
def index():
    page, per_page = page_args(request.args, IDEAS_PER_PAGE)
    withdrawn = request.args.get("show") == "withdrawn"
    statement = idea_service.visible_ideas(current_user, withdrawn=withdrawn)
    programme = programme_for_page(request.args.get("programme")) if current_user.is_lead else None
    programme_id = programme.id if programme else None
    if programme_id:
        statement = statement.where(Idea.programme_id == programme_id)
    result = paginate(statement, page, per_page)
    programme_list = programme_service.all_programmes() if current_user.is_lead else []
    return render_template(
        "ideas/index.html",
        page=result,
        programmes=programme_list,
        programme_id=programme_id,
        withdrawn=withdrawn,
    )


@ideas_bp.route("/new", methods=["GET", "POST"])
@role_required("entrepreneur")
@rate_limited("IDEA_SUBMIT_RATE_LIMIT")
def new():
    profile = current_user.entrepreneur_profile
    form = NewIdeaForm(
        sector=profile.sector if profile else None, stage=profile.stage if profile else None
    )
    form.programme.choices = _programme_choices()
    form.ensure_token()
    if form.validate_on_submit():
        key = form.submission_key()
        try:
            submission = idea_service.submit_idea_once(current_user, _form_data(form), key)
        except ServiceError as error:
            _show_error(form, error)
        else:
            if submission.repeated:
                flash(
                    gettext(
                        "This form was already sent, so no second idea was made. "
                        "Here is the idea it created."
                    ),
                    "info",
                )
            else:
                flash(
                    gettext(
                        "Your idea is submitted. We are looking for matches now; "
                        "this page updates by itself."
                    ),
                    "success",
                )
            return redirect(url_for("ideas.show", idea_id=submission.idea.id))
    elif not form.renew_bad_token() and form.errors:
        flash(gettext("Please correct the marked fields."), "error")
    return render_template("ideas/new.html", form=form)


@ideas_bp.route("/<int:idea_id>")
@role_required("entrepreneur", "lead", "mentor")
def show(idea_id: int):
    idea = idea_service.get_visible_idea(current_user, idea_id)
    own = idea.owner_id == current_user.id
    progress = idea_progress(idea, current_user, ConfirmForm())
    return render_template(
        "ideas/show.html",
        idea=idea,
        progress=progress.html,
        settled=idea.status in SETTLED,
        can_change=own and idea_changes.can_change(idea, progress.approved),
    )


def _own_changeable_idea(idea_id: int) -> Idea | None:
    """The owner's idea if she may still change it; else the reason as a message, and None."""
    idea = idea_service.get_own_idea(current_user, idea_id)
    refusal = idea_changes.change_refusal(idea)
    if refusal is not None:
        flash(refusal, "info")
        return None
    return idea


@ideas_bp.route("/<int:idea_id>/edit", methods=["GET", "POST"])
@role_required("entrepreneur")
def edit(idea_id: int):
    idea = _own_changeable_idea(idea_id)
    if idea is None:
        return redirect(url_for("ideas.show", idea_id=idea_id))
    form = IdeaForm(obj=idea, programme=_programme_value(idea))
    form.programme.choices = _programme_choices()
    if form.validate_on_submit():
        try:
            result = idea_changes.edit_idea(current_user, idea.id, _form_data(form))
        except ServiceError as error:
            _show_error(form, error)
        else:
            if result.rematch:
                message = gettext("Your changes are saved. We are looking for matches again.")
            elif result.changed:
                message = gettext("Your changes are saved.")
            else:
                message = gettext("Nothing was changed.")
            flash(message, "success")
            return redirect(url_for("ideas.show", idea_id=idea.id))
    elif form.errors:
        flash(gettext("Please correct the marked fields."), "error")
    return render_template("ideas/edit.html", form=form, idea=idea)


@ideas_bp.route("/<int:idea_id>/withdraw", methods=["GET", "POST"])
@role_required("entrepreneur")
def withdraw(idea_id: int):
    """A confirmation page first: withdrawing cannot be undone."""
    idea = _own_changeable_idea(idea_id)
    if idea is None:
        return redirect(url_for("ideas.show", idea_id=idea_id))
    form = ConfirmForm()
    if form.validate_on_submit():
        try:
            idea_changes.withdraw_idea(current_user, idea.id)
        except ServiceError as error:
            flash(error.message, "error")
        else:
            flash(gettext("Your idea is withdrawn. It is no longer matched."), "success")
        return redirect(url_for("ideas.show", idea_id=idea_id))
    return render_template(
        "ideas/withdraw.html",
        idea=idea,
        form=form,
        waiting=idea_changes.undecided_count(idea),
    )


@ideas_bp.route("/<int:idea_id>/status")
@role_required("entrepreneur", "lead", "mentor")
def status(idea_id: int):
    """Polled by the idea page until matching settles."""
    idea = idea_service.get_visible_idea(current_user, idea_id)
    response = jsonify({"status": idea.status, "matches_count": idea_service.match_count(idea)})
    response.headers["Cache-Control"] = "no-store"
    return response


@ideas_bp.route("/<int:idea_id>/progress")
@role_required("entrepreneur", "lead", "mentor")
def progress(idea_id: int):
    """The status and matches part of the idea page, swapped in when the status changes."""
    idea = idea_service.get_visible_idea(current_user, idea_id)
    return idea_progress(idea, current_user, ConfirmForm()).html


@ideas_bp.route("/<int:idea_id>/retry", methods=["POST"])
@role_required("entrepreneur", "lead")
def retry(idea_id: int):
    idea = idea_service.get_visible_idea(current_user, idea_id)
    form = ConfirmForm()
    if form.validate_on_submit():
        try:
            idea_service.retry_matching(current_user, idea)
        except ServiceError as error:
            flash(error.message, "info")
        else:
            flash(gettext("We are trying the matching again."), "info")
    return redirect(url_for("ideas.show", idea_id=idea.id))
