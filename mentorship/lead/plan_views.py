"""The lead's pairing plan page: the best mentor per waiting idea within capacity, and its approval."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import ngettext
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import HiddenField, SelectMultipleField

from mentorship.extensions import db
from mentorship.main.helpers import role_required
from mentorship.models import Programme
from mentorship.services.errors import ServiceError
from mentorship.services.pairing import NO_CAPACITY, NO_PROPOSAL, approve_plan, plan_pairings

plan_bp = Blueprint("plan", __name__, url_prefix="/lead")


class PlanApprovalForm(FlaskForm):
    # The choices are the plan itself, which the service checks again on approval.
    selected = SelectMultipleField("Pairings", coerce=int, validate_choice=False)
    programme = HiddenField()


def _programme_id(value: str | None) -> int | None:
    """An unknown or malformed programme is a 404, not a silently different plan."""
    if not value:
        return None
    if not value.isdigit() or db.session.get(Programme, int(value)) is None:
        abort(404)
    return int(value)


@plan_bp.route("/plan")
@role_required("lead")
def index():
    programme_id = _programme_id(request.args.get("programme"))
    plan = plan_pairings(programme_id)
    form = PlanApprovalForm(programme=str(programme_id or ""))
    programmes = list(db.session.scalars(db.select(Programme).order_by(Programme.name)))
    return render_template(
        "lead/plan.html",
        plan=plan,
        form=form,
        programmes=programmes,
        programme_id=programme_id,
        NO_CAPACITY=NO_CAPACITY,
        NO_PROPOSAL=NO_PROPOSAL,
    )


@plan_bp.route("/plan", methods=["POST"])
@role_required("lead")
def approve():
    form = PlanApprovalForm()
    if not form.validate_on_submit():
        abort(400)
    programme_id = _programme_id(form.programme.data)
    back = url_for("plan.index", programme=programme_id)
    try:
        result = approve_plan(current_user, form.selected.data or [], programme_id)
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
