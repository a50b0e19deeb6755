"""The lead's pairing plan page: one mentor per waiting entrepreneur within capacity, and its approval."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext, lazy_gettext, ngettext
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import HiddenField, SelectMultipleField

from mentorship.main.helpers import role_required
from mentorship.main.programme_filter import programme_for_download, programme_for_page, shown
from mentorship.pairing.page import plan_page
from mentorship.services import programmes as programme_service
from mentorship.services.errors import ServiceError
from mentorship.services.pairing import (
    BEST_FIT,
    HAS_MENTOR,
    MOST_MATCHED,
    NO_CAPACITY,
    NO_PROPOSAL,
    OBJECTIVES,
    OTHER_IDEA,
)
from mentorship.services.pairing_approval import approve_plan

pairing_bp = Blueprint("plan", __name__, url_prefix="/lead")
# Each reason lists at most this many ideas; the count above the list is always complete.
UNPAIRED_SHOWN = 200
OBJECTIVE_LABELS = {
    BEST_FIT: lazy_gettext("Best total fit"),
    MOST_MATCHED: lazy_gettext("Most entrepreneurs matched"),
}
REASON_LABELS = {
    NO_CAPACITY: lazy_gettext("No capacity left"),
    OTHER_IDEA: lazy_gettext("Mentor comes through another idea"),
    HAS_MENTOR: lazy_gettext("Already has a mentor in this programme"),
    NO_PROPOSAL: lazy_gettext("No proposal"),
}
REASON_HELP = {
    NO_CAPACITY: lazy_gettext(
        "The mentors proposed for these ideas have no place left for their entrepreneur."
    ),
    OTHER_IDEA: lazy_gettext(
        "The entrepreneur gets a mentor in this plan through another of her ideas; "
        "this one was not proposed to that mentor."
    ),
    HAS_MENTOR: lazy_gettext(
        "The entrepreneur already has an approved mentor in the idea's programme, "
        "so the plan does not give her another. You can still approve one in the approval queue."
    ),
    NO_PROPOSAL: lazy_gettext("No active mentor was proposed for these ideas."),
}


class PlanApprovalForm(FlaskForm):
    # The choices are the plan itself, which the service checks again on approval.
    selected = SelectMultipleField("Pairings", coerce=int, validate_choice=False)
    programme = HiddenField()
    objective = HiddenField()


def _objective_for_page(value: str | None) -> str:
    """An unknown objective in the address shows the default plan and says so, not a bare 404."""
    if value and value not in OBJECTIVES:
        flash(
            gettext(
                "Unknown plan objective “%(value)s”: showing %(default)s.",
                value=shown(value),
                default=OBJECTIVE_LABELS[BEST_FIT],
            ),
            "warning",
        )
        return BEST_FIT
    return value or BEST_FIT


def _objective(value: str | None) -> str:
    """Best total fit unless the lead chose otherwise; an unknown objective is a 404."""
    if not value:
        return BEST_FIT
    if value not in OBJECTIVES:
        abort(404)
    return value


@pairing_bp.route("/plan")
@role_required("lead")
def index():
    programme = programme_for_page(request.args.get("programme"))
    programme_id = programme.id if programme else None
    objective = _objective_for_page(request.args.get("objective"))
    plan = plan_page(
        programme_id,
        objective,
        reason_labels=REASON_LABELS,
        reason_help=REASON_HELP,
        unpaired_shown=UNPAIRED_SHOWN,
    )
    form = PlanApprovalForm(programme=str(programme_id or ""), objective=objective)
    programmes = programme_service.all_programmes()
    return render_template(
        "pairing/plan.html",
        plan=plan,
        form=form,
        programmes=programmes,
        programme_id=programme_id,
        objectives=OBJECTIVE_LABELS,
    )


@pairing_bp.route("/plan", methods=["POST"])
@role_required("lead")
def approve():
    form = PlanApprovalForm()
    if not form.validate_on_submit():
        abort(400)
    programme = programme_for_download(form.programme.data)
    programme_id = programme.id if programme else None
    objective = _objective(form.objective.data)
    back = url_for("plan.index", programme=programme_id, objective=objective)
    try:
        result = approve_plan(current_user, form.selected.data or [], programme_id, objective)
    except ServiceError as error:
        flash(error.message, "error")
        return redirect(back)
    parts = []
    if result.asked:
        ideas = ngettext("%(num)d idea", "%(num)d ideas", result.asked)
        parts.append(
            ngettext(
                "Asked %(num)d mentor to review %(ideas)s.",
                "Asked %(num)d mentors to review %(ideas)s.",
                result.mentors_notified,
                ideas=ideas,
            )
        )
    if result.approved:
        parts.append(
            ngettext(
                "Approved %(num)d pairing the mentor had already accepted.",
                "Approved %(num)d pairings the mentors had already accepted.",
                result.approved,
            )
        )
    if result.left_for_queue:
        parts.append(
            ngettext(
                "%(num)d accepted pairing waits in the approval queue.",
                "%(num)d accepted pairings wait in the approval queue.",
                result.left_for_queue,
            )
        )
    flash(" ".join(parts), "success")
    for problem in result.problems:
        flash(problem, "warning")
    return redirect(back)
