"""Event pages: the list, the lead's set-up (event, sessions, contacts) and registration."""

from __future__ import annotations

from datetime import UTC

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import format_time, gettext, ngettext, to_utc
from flask_login import current_user, login_required

from mentorship.events.forms import ContactForm, NewEventForm, RegistrationForm, SessionForm
from mentorship.extensions import db
from mentorship.infrastructure.pagination import page_args, paginate
from mentorship.main.helpers import ConfirmForm, option, role_required, show_service_error
from mentorship.models import EventStatus, Idea, MeetingOrigin, MeetingStatus, Partner
from mentorship.reasons import localise_reason
from mentorship.services.errors import NotFoundError, ServiceError
from mentorship.services.events import registration, setup
from mentorship.services.events.profile_meetings import profile_reason

events_bp = Blueprint("events", __name__, url_prefix="/events")


def load_event(event_id: int):
    try:
        return setup.get_event(current_user, event_id)
    except NotFoundError:
        abort(404)


@events_bp.app_template_filter("clock")
def clock(value) -> str:
    """Hours and minutes in the display time zone: the end of a meeting on the same day."""
    return format_time(value, "HH:mm")


@events_bp.app_template_filter("meeting_reason")
def meeting_reason(meeting) -> str:
    """Why two people meet, in the reader's language: a meeting suggested from a match keeps
    the match's English reasons joined by "; ", each rebuilt here like on the match pages; one
    suggested from cooperation profiles keeps an English sentence naming the two profiles."""
    if meeting.origin == MeetingOrigin.PROFILE:
        return profile_reason(meeting.reason)
    if meeting.origin != MeetingOrigin.MATCH or not meeting.reason:
        return meeting.reason
    return "; ".join(
        localise_reason(part, third_person=True) for part in meeting.reason.split("; ")
    )


def _utc(value):
    return to_utc(value).replace(tzinfo=UTC)


@events_bp.route("")
@login_required
def index():
    page, per_page = page_args({}, 20)
    result = paginate(setup.list_events(current_user), page, per_page)
    return render_template("events/index.html", page=result)


@events_bp.route("/new", methods=["GET", "POST"])
@role_required("lead")
def new():
    form = NewEventForm()
    form.ensure_token()
    if form.validate_on_submit():
        try:
            creation = setup.create_event_once(current_user, form.data, (), form.submission_key())
        except ServiceError as error:
            show_service_error(form, error)
        else:
            if creation.repeated:
                flash(
                    gettext(
                        "This form was already sent, so no second event was made. "
                        "Here is the event it created."
                    ),
                    "info",
                )
            else:
                flash(gettext("The event is created. Now add its sessions."), "success")
            return redirect(url_for("events.detail", event_id=creation.event.id))
    else:
        form.renew_bad_token()
    return render_template("events/new.html", form=form)


def _registration_form(event, participant) -> RegistrationForm:
    form = RegistrationForm(
        session_ids=participant.session_ids if participant else None,
        idea_id=participant.idea_id if participant else None,
    )
    form.session_ids.choices = [option(s.id, s.name) for s in event.sessions]
    ideas = db.session.scalars(
        db.select(Idea).where(Idea.owner_id == current_user.id).order_by(Idea.id)
    )
    form.idea_id.choices = [option(idea.id, idea.title) for idea in ideas]
    return form


def _contact_form() -> ContactForm:
    form = ContactForm()
    partners = db.session.scalars(db.select(Partner).order_by(Partner.name))
    form.partner_id.choices = [option(p.id, p.name) for p in partners]
    return form


@events_bp.route("/<int:event_id>")
@login_required
def detail(event_id: int):
    event = load_event(event_id)
    participant = registration.participant_for(current_user, event)
    return render_template(
        "events/detail.html",
        event=event,
        participant=participant,
        my_meetings=registration.meetings_of(participant) if participant else [],
        session_form=SessionForm(),
        contact_form=_contact_form() if current_user.is_lead else None,
        registration_form=_registration_form(event, participant),
        confirm=ConfirmForm(),
        slot_count=setup.slot_count,
        statuses=EventStatus,
        status_moves=setup.STATUS_MOVES[EventStatus(event.status)],
    )


@events_bp.route("/<int:event_id>/sessions", methods=["POST"])
@role_required("lead")
def add_session(event_id: int):
    event = load_event(event_id)
    form = SessionForm()
    if form.validate_on_submit():
        data = {
            **form.data,
            "starts_at": _utc(form.starts_at.data),
            "ends_at": _utc(form.ends_at.data),
        }
        try:
            setup.add_session(current_user, event, data)
        except ServiceError as error:
            flash(error.message, "error")
        else:
            flash(gettext("The session is added."), "success")
    else:
        flash(gettext("Please correct the session: name, start, end and tables."), "error")
    return redirect(url_for("events.detail", event_id=event.id))


@events_bp.route(
    "/<int:event_id>/status/<any(open, closed, finished, draft):status>", methods=["POST"]
)
@role_required("lead")
def set_status(event_id: int, status: str):
    event = load_event(event_id)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    try:
        setup.set_status(current_user, event, status)
    except ServiceError as error:
        flash(error.message, "error")
    else:
        flash(gettext("The event's status is changed."), "success")
    return redirect(url_for("events.detail", event_id=event.id))


@events_bp.route("/<int:event_id>/contacts", methods=["POST"])
@role_required("lead")
def invite_contact(event_id: int):
    event = load_event(event_id)
    form = _contact_form()
    if form.validate_on_submit():
        try:
            user = setup.invite_contact(
                current_user, form.partner_id.data, form.name.data, form.email.data
            )
        except ServiceError as error:
            flash(error.message, "error")
        else:
            flash(gettext("%(name)s is invited by e-mail.", name=user.name), "success")
    else:
        flash(gettext("Please give the contact's partner company, name and e-mail."), "error")
    return redirect(url_for("events.detail", event_id=event.id))


@events_bp.route("/<int:event_id>/register", methods=["POST"])
@login_required
def register(event_id: int):
    event = load_event(event_id)
    form = _registration_form(event, None)
    if form.validate_on_submit():
        try:
            registration.register(
                current_user, event, form.session_ids.data or [], form.idea_id.data
            )
        except ServiceError as error:
            flash(error.message, "error")
        else:
            flash(gettext("You are registered. Your sessions are saved."), "success")
    else:
        flash(gettext("Choose at least one session of this event."), "error")
    return redirect(url_for("events.detail", event_id=event.id))


@events_bp.route("/<int:event_id>/withdraw", methods=["GET", "POST"])
@login_required
def withdraw(event_id: int):
    """Asks first (what she loses, who is told), then withdraws her."""
    event = load_event(event_id)
    participant = registration.participant_for(current_user, event)
    if participant is None:
        abort(404)
    refusal = registration.withdrawal_refusal(event, participant)
    form = ConfirmForm()
    if request.method == "POST" and refusal is None:
        if not form.validate_on_submit():
            abort(400)
        try:
            registration.withdraw(current_user, event)
        except ServiceError as error:
            flash(error.message, "error")
        else:
            flash(gettext("You no longer take part in this event."), "success")
        return redirect(url_for("events.detail", event_id=event.id))
    mine = registration.meetings_of(participant)
    return render_template(
        "events/withdraw.html",
        event=event,
        form=form,
        refusal=refusal,
        accepted=sum(m.status == MeetingStatus.ACCEPTED for m in mine),
        waiting=sum(m.status in (MeetingStatus.REQUESTED, MeetingStatus.SUGGESTED) for m in mine),
    )


@events_bp.route(
    "/<int:event_id>/participants/<int:participant_id>/remove", methods=["GET", "POST"]
)
@role_required("lead")
def remove_participant(event_id: int, participant_id: int):
    """The lead takes someone off the event, after a question that says who is told."""
    event = load_event(event_id)
    participant = next((p for p in event.participants if p.id == participant_id), None)
    if participant is None:
        abort(404)
    form = ConfirmForm()
    if request.method == "POST":
        if not form.validate_on_submit():
            abort(400)
        name = participant.display_name
        try:
            cancelled = registration.remove_participant(current_user, event, participant_id)
        except ServiceError as error:
            flash(error.message, "error")
        else:
            flash(
                ngettext(
                    "%(name)s no longer takes part; %(num)d accepted meeting is cancelled. "
                    "Compute and publish the schedule again to fill the gap.",
                    "%(name)s no longer takes part; %(num)d accepted meetings are cancelled. "
                    "Compute and publish the schedule again to fill the gaps.",
                    cancelled,
                    name=name,
                )
                if cancelled
                else gettext("%(name)s no longer takes part.", name=name),
                "success",
            )
        return redirect(url_for("events.detail", event_id=event.id))
    mine = registration.meetings_of(participant)
    return render_template(
        "events/remove_participant.html",
        event=event,
        participant=participant,
        form=form,
        accepted=sum(m.status == MeetingStatus.ACCEPTED for m in mine),
    )
