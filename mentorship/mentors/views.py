"""The programme lead's pages: mentor approval and deactivation, with capacity and load."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext, lazy_gettext
from flask_login import current_user

from mentorship.infrastructure.pagination import page_args, paginate
from mentorship.main.helpers import role_required
from mentorship.mentors.forms import CapacityForm, MentorActionForm
from mentorship.models import MentorStatus
from mentorship.models.accounts import MENTOR_STATUSES
from mentorship.services import mentors, partner_contacts
from mentorship.services.errors import NotFoundError, ServiceError

mentors_bp = Blueprint("lead", __name__, url_prefix="/lead")

PER_PAGE = 20
CAPACITY_SAVED = lazy_gettext("The capacity of %(name)s is now %(capacity)d.")


@mentors_bp.route("/mentors")
@role_required("lead")
def mentor_list():
    status = request.args.get("status", "")
    status = status if status in MENTOR_STATUSES else ""
    search = request.args.get("q", "").strip()[:200]
    page, per_page = page_args(request.args, PER_PAGE)
    result = paginate(mentors.mentors_query(status or None, search), page, per_page)
    loads = mentors.mentor_loads([mentor.id for mentor in result.items])
    return render_template(
        "mentors/index.html",
        page=result,
        loads=loads,
        status=status,
        search=search,
        statuses=MENTOR_STATUSES,
        form=MentorActionForm(),
        capacity_form=CapacityForm(),
        pending_contacts=partner_contacts.pending_contacts(),
    )


def _change_status(mentor_id: int, status: str, done: str):
    """`done` is the success message, with %(name)s for the mentor's name."""
    mentor = mentors.get_mentor(mentor_id)
    try:
        mentors.set_mentor_status(current_user, mentor, status)
    except ServiceError as error:
        flash(error.message, "info")
    else:
        flash(done % {"name": mentor.name}, "success")
    return _back_to_list()


def _back_to_list():
    back = request.form.get("back")
    return redirect(back if _is_list_url(back) else url_for("lead.mentor_list"))


@mentors_bp.route("/mentors/<int:mentor_id>/capacity", methods=["POST"])
@role_required("lead")
def capacity(mentor_id: int):
    """A number below the entrepreneurs she mentors now is refused with both numbers named."""
    mentor = mentors.get_mentor(mentor_id)
    form = CapacityForm()
    if not form.validate_on_submit():
        for messages in form.errors.values():
            flash(" ".join(str(message) for message in messages), "error")
        return _back_to_list()
    before = mentor.mentor_profile.capacity
    try:
        mentors.set_mentor_capacity(current_user, mentor, form.capacity.data)
    except ServiceError as error:
        flash(error.message, "error")
    else:
        if form.capacity.data != before:
            flash(CAPACITY_SAVED % {"name": mentor.name, "capacity": form.capacity.data}, "success")
    return _back_to_list()


def _is_list_url(target: str | None) -> bool:
    """Return to the filtered list the button was on, and nowhere else."""
    return bool(target) and target.startswith("/lead/mentors") and "//" not in target


@mentors_bp.route("/mentors/<int:mentor_id>/approve", methods=["POST"])
@role_required("lead")
def approve(mentor_id: int):
    if not MentorActionForm().validate_on_submit():
        abort(400)
    return _change_status(
        mentor_id,
        MentorStatus.ACTIVE.value,
        lazy_gettext("%(name)s is approved and can now be matched with ideas."),
    )


@mentors_bp.route("/mentors/<int:mentor_id>/deactivate", methods=["GET", "POST"])
@role_required("lead")
def deactivate(mentor_id: int):
    """GET asks for confirmation; the confirmed POST deactivates."""
    mentor = mentors.get_mentor(mentor_id)
    form = MentorActionForm()
    if request.method == "POST":
        if not form.validate_on_submit():
            abort(400)
        return _change_status(
            mentor_id,
            MentorStatus.INACTIVE.value,
            lazy_gettext("%(name)s is deactivated and will get no new proposals."),
        )
    load = mentors.mentor_loads([mentor.id])[mentor.id]
    return render_template("mentors/confirm_deactivate.html", mentor=mentor, load=load, form=form)


@mentors_bp.route(
    "/partner-contacts/<int:user_id>/<any(approve, reject):decision>", methods=["POST"]
)
@role_required("lead")
def decide_contact(user_id: int, decision: str):
    """Approve or reject a partner company's contact person who registered herself."""
    if not MentorActionForm().validate_on_submit():
        abort(400)
    try:
        contact = partner_contacts.decide(current_user, user_id, decision == "approve")
    except NotFoundError:
        abort(404)
    except ServiceError as error:
        flash(error.message, "info")
    else:
        if decision == "approve":
            message = gettext(
                "%(name)s is approved as the contact person for %(company)s.",
                name=contact.user.name,
                company=contact.company,
            )
        else:
            message = gettext("%(name)s is rejected.", name=contact.user.name)
        flash(message, "success")
    return _back_to_list()
