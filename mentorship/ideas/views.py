"""Entrepreneurs' ideas: submit, list, follow one live, and see its matches."""

from __future__ import annotations

from flask import Blueprint, flash, jsonify, redirect, render_template, request, url_for
from flask_babel import gettext
from flask_login import current_user

from mentorship.ideas.forms import IdeaForm
from mentorship.main.helpers import ConfirmForm, options, role_required, show_service_error
from mentorship.models import Idea, IdeaStatus
from mentorship.ratelimit import rate_limited
from mentorship.services import ideas as idea_service
from mentorship.services import programmes as programme_service
from mentorship.services.errors import ServiceError
from mentorship.services.pagination import page_args, paginate

ideas_bp = Blueprint("ideas", __name__, url_prefix="/ideas")

IDEAS_PER_PAGE = 10
SETTLED = (IdeaStatus.MATCHED.value, IdeaStatus.FAILED.value)


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
    return (
        int(programme) if programme.isdigit() else None,
        int(module) if module.isdigit() else None,
    )


@ideas_bp.route("")
@role_required("entrepreneur", "lead")
def index():
    page, per_page = page_args(request.args, IDEAS_PER_PAGE)
    statement = idea_service.visible_ideas(current_user)
    programme_id = request.args.get("programme", type=int) if current_user.is_lead else None
    if programme_id:
        statement = statement.where(Idea.programme_id == programme_id)
    result = paginate(statement, page, per_page)
    programme_list = programme_service.all_programmes() if current_user.is_lead else []
    return render_template(
        "ideas/index.html", page=result, programmes=programme_list, programme_id=programme_id
    )


@ideas_bp.route("/new", methods=["GET", "POST"])
@role_required("entrepreneur")
@rate_limited("IDEA_SUBMIT_RATE_LIMIT")
def new():
    profile = current_user.entrepreneur_profile
    form = IdeaForm(
        sector=profile.sector if profile else None, stage=profile.stage if profile else None
    )
    form.programme.choices = _programme_choices()
    if form.validate_on_submit():
        programme_id, module_id = _programme_ids(form.programme.data)
        data = {
            "title": form.title.data,
            "description": form.description.data,
            "sector": form.sector.data or None,
            "stage": form.stage.data or None,
            "needs": form.needs.data,
            "programme_id": programme_id,
            "module_id": module_id,
        }
        try:
            idea = idea_service.submit_idea(current_user, data)
        except ServiceError as error:
            error.fields = {
                "programme" if name in ("programme_id", "module_id") else name: messages
                for name, messages in (error.fields or {}).items()
            } or None
            show_service_error(form, error)
        else:
            flash(
                gettext(
                    "Your idea is submitted. We are looking for matches now; "
                    "this page updates by itself."
                ),
                "success",
            )
            return redirect(url_for("ideas.show", idea_id=idea.id))
    elif form.errors:
        flash(gettext("Please correct the marked fields."), "error")
    return render_template("ideas/new.html", form=form)


@ideas_bp.route("/<int:idea_id>")
@role_required("entrepreneur", "lead", "mentor")
def show(idea_id: int):
    idea = idea_service.get_visible_idea(current_user, idea_id)
    return render_template(
        "ideas/show.html",
        idea=idea,
        matches=idea_service.matches_by_kind(idea),
        settled=idea.status in SETTLED,
        retry_form=ConfirmForm(),
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
    return render_template(
        "ideas/_progress.html",
        idea=idea,
        matches=idea_service.matches_by_kind(idea),
        retry_form=ConfirmForm(),
    )


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
