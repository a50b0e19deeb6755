"""Meetings, the lead's schedule, agendas (page and .ics), outcomes and the event report."""

from __future__ import annotations

from datetime import UTC, datetime

from flask import Response, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext
from flask_login import current_user, login_required

from mentorship.events.forms import (
    COOPERATION_LABELS,
    RESULT_LABELS,
    MoveForm,
    OutcomeForm,
    RequestForm,
)
from mentorship.events.views import events_bp, load_event, meeting_reason
from mentorship.main.helpers import ConfirmForm, option, role_required
from mentorship.models import MeetingStatus
from mentorship.services.errors import NotFoundError, ServiceError
from mentorship.services.events import agenda as agendas
from mentorship.services.events import (
    meetings,
    outcomes,
    profile_meetings,
    registration,
    schedule,
)
from mentorship.services.events.setup import slot_count


def _confirmed() -> None:
    if not ConfirmForm().validate_on_submit():
        abort(400)


def _request_form(event, me, *, offered: bool = True) -> RequestForm:
    """The page offers only whom she may ask; a sent form is checked against every other
    participant, so that the service says why someone cannot be asked (no session in common,
    already asked) rather than "not a valid choice"."""
    form = RequestForm()
    if me is None:
        people = []
    elif offered:
        people = meetings.people_to_ask(event, me)
    else:
        people = [p for p in event.participants if p.id != me.id]
    form.other_id.choices = [option(p.id, p.display_name) for p in people]
    return form


def _meeting(event, meeting_id: int):
    try:
        return meetings.get_meeting(current_user, event, meeting_id)
    except NotFoundError:
        abort(404)


@events_bp.route("/<int:event_id>/meetings")
@login_required
def my_meetings(event_id: int):
    event = load_event(event_id)
    me = registration.participant_for(current_user, event)
    if me is None and not current_user.is_lead:
        flash(gettext("Register for the event to see and ask for meetings."), "info")
        return redirect(url_for("events.detail", event_id=event.id))
    found = registration.meetings_of(me) if me else list(event.meetings)
    return render_template(
        "events/meetings.html",
        event=event,
        me=me,
        meetings=found,
        form=_request_form(event, me),
        confirm=ConfirmForm(),
        statuses=MeetingStatus,
    )


@events_bp.route("/<int:event_id>/meetings/request", methods=["POST"])
@login_required
def request_meeting(event_id: int):
    event = load_event(event_id)
    form = _request_form(event, registration.participant_for(current_user, event), offered=False)
    if form.validate_on_submit():
        try:
            meetings.request_meeting(current_user, event, form.other_id.data, form.reason.data)
        except ServiceError as error:
            flash(error.message, "error")
        else:
            flash(gettext("Your request is sent."), "success")
    else:
        flash(gettext("Choose whom to meet and say why."), "error")
    return redirect(url_for("events.my_meetings", event_id=event.id))


@events_bp.route(
    "/<int:event_id>/meetings/<int:meeting_id>/<any(accept, decline):answer>", methods=["POST"]
)
@login_required
def answer(event_id: int, meeting_id: int, answer: str):
    event = load_event(event_id)
    meeting = _meeting(event, meeting_id)
    _confirmed()
    try:
        meetings.answer(current_user, meeting, answer == "accept")
    except NotFoundError:
        abort(404)
    except ServiceError as error:
        flash(error.message, "error")
    else:
        flash(gettext("Your answer is saved."), "success")
    return redirect(url_for("events.my_meetings", event_id=event.id))


@events_bp.route("/<int:event_id>/meetings/<int:meeting_id>/cancel", methods=["GET", "POST"])
@login_required
def cancel_meeting(event_id: int, meeting_id: int):
    """Asks first, then calls off an accepted meeting; the other side is told."""
    event = load_event(event_id)
    meeting = _meeting(event, meeting_id)
    form = ConfirmForm()
    if request.method == "POST":
        _confirmed()
        try:
            meetings.cancel(current_user, meeting)
        except NotFoundError:
            abort(404)
        except ServiceError as error:
            flash(error.message, "error")
        else:
            flash(gettext("The meeting is cancelled; the other side is told."), "success")
        return redirect(url_for("events.my_meetings", event_id=event.id))
    me = registration.participant_for(current_user, event)
    refusal = meetings.cancel_refusal(current_user, meeting)
    return render_template(
        "events/cancel_meeting.html",
        event=event,
        meeting=meeting,
        me=me,
        form=form,
        refusal=refusal,
    )


@events_bp.route("/<int:event_id>/suggest", methods=["POST"])
@role_required("lead")
def suggest(event_id: int):
    event = load_event(event_id)
    _confirmed()
    from_matches, from_profiles = profile_meetings.suggest_all(event)
    flash(
        gettext(
            "%(num)d meetings suggested from matches, %(profiles)d from cooperation profiles.",
            num=from_matches,
            profiles=from_profiles,
        ),
        "success",
    )
    return redirect(url_for("events.schedule_page", event_id=event.id))


@events_bp.route("/<int:event_id>/schedule")
@role_required("lead")
def schedule_page(event_id: int):
    event = load_event(event_id)
    return render_template(
        "events/schedule.html",
        event=event,
        plan=agendas.table_plan(event),
        accepted=schedule.accepted(event),
        move_form=MoveForm(),
        confirm=ConfirmForm(),
        unscheduled_texts=schedule.UNSCHEDULED,
        slot_count=slot_count,
    )


@events_bp.route("/<int:event_id>/schedule/run", methods=["POST"])
@role_required("lead")
def run_schedule(event_id: int):
    event = load_event(event_id)
    _confirmed()
    try:
        result = schedule.run(current_user, event)
    except ServiceError as error:
        flash(error.message, "error")
    else:
        flash(
            gettext(
                "Schedule computed: %(placed)d meetings placed, %(left)d left out.",
                placed=len(result.placements),
                left=len(result.unscheduled),
            ),
            "success",
        )
    return redirect(url_for("events.schedule_page", event_id=event.id))


@events_bp.route("/<int:event_id>/schedule/<int:meeting_id>/move", methods=["POST"])
@role_required("lead")
def move(event_id: int, meeting_id: int):
    event = load_event(event_id)
    meeting = _meeting(event, meeting_id)
    form = MoveForm()
    form.session_id.choices = [option(s.id, s.name) for s in event.sessions]
    if form.validate_on_submit():
        try:
            swapped = schedule.move(
                current_user, meeting, form.session_id.data, form.slot.data - 1, form.table.data
            )
        except ServiceError as error:
            flash(error.message, "error")
        else:
            if swapped is None:
                flash(gettext("The meeting is pinned there; a new run keeps it."), "success")
            else:
                flash(
                    gettext(
                        "The two meetings changed places (%(other)s took the old place); both "
                        "are pinned, and a new run keeps them.",
                        other=f"{swapped.first.display_name} ↔ {swapped.second.display_name}",
                    ),
                    "success",
                )
    else:
        flash(gettext("Choose a session, a slot and a table."), "error")
    return redirect(url_for("events.schedule_page", event_id=event.id))


@events_bp.route("/<int:event_id>/schedule/<int:meeting_id>/unpin", methods=["POST"])
@role_required("lead")
def unpin(event_id: int, meeting_id: int):
    event = load_event(event_id)
    meeting = _meeting(event, meeting_id)
    _confirmed()
    try:
        schedule.unpin(current_user, meeting)
    except ServiceError as error:
        flash(error.message, "error")
    else:
        flash(gettext("The meeting is unpinned: the next run may place it anywhere."), "success")
    return redirect(url_for("events.schedule_page", event_id=event.id))


@events_bp.route(
    "/<int:event_id>/schedule/publish/<any(preliminary, final):stage>", methods=["POST"]
)
@role_required("lead")
def publish(event_id: int, stage: str):
    event = load_event(event_id)
    _confirmed()
    try:
        schedule.publish(current_user, event, stage)
    except ServiceError as error:
        flash(error.message, "error")
    else:
        flash(gettext("The schedule is published and participants are told."), "success")
    return redirect(url_for("events.schedule_page", event_id=event.id))


@events_bp.route("/<int:event_id>/remind", methods=["POST"])
@role_required("lead")
def remind(event_id: int):
    event = load_event(event_id)
    _confirmed()
    count = schedule.remind_without_meetings(current_user, event)
    flash(gettext("%(num)d participants without meetings are reminded.", num=count), "success")
    return redirect(url_for("events.schedule_page", event_id=event.id))


def _participant(event):
    me = registration.participant_for(current_user, event)
    if me is None:
        abort(404)
    return me


@events_bp.route("/<int:event_id>/agenda")
@login_required
def agenda(event_id: int):
    event = load_event(event_id)
    me = _participant(event)
    items = agendas.agenda(event, me)
    forms = {}
    now = datetime.now(UTC)
    for item in items:
        if item.starts_at > now:
            continue  # what came of it is asked once it has taken place
        mine = next((o for o in item.meeting.outcomes if o.participant_id == me.id), None)
        forms[item.meeting.id] = OutcomeForm(obj=mine, prefix=f"m{item.meeting.id}")
    return render_template(
        "events/agenda.html",
        event=event,
        me=me,
        items=items,
        forms=forms,
        result_labels=RESULT_LABELS,
        cooperation_labels=COOPERATION_LABELS,
    )


def _ics_response(event, participant, draft: bool = False, name: str = "") -> Response:
    labels = {
        "meeting_with": gettext("Meeting with"),
        "table": gettext("Table"),
        "why": gettext("Why"),
    }
    filename = f"agenda-event-{event.id}{name}.ics"
    return Response(
        agendas.ics(event, participant, labels, draft, why=meeting_reason),
        mimetype="text/calendar",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


@events_bp.route("/<int:event_id>/agenda.ics")
@login_required
def agenda_ics(event_id: int):
    event = load_event(event_id)
    return _ics_response(event, _participant(event))


def _anyones(event, participant_id: int):
    try:
        return registration.own_participant(current_user, event, participant_id)
    except NotFoundError:
        abort(404)


@events_bp.route("/<int:event_id>/participants/<int:participant_id>/agenda")
@role_required("lead")
def participant_agenda(event_id: int, participant_id: int):
    """Any participant's agenda for the lead: as published, or the draft with ?draft=1."""
    event = load_event(event_id)
    person = _anyones(event, participant_id)
    draft = request.args.get("draft") == "1"
    return render_template(
        "events/agenda.html",
        event=event,
        me=person,
        items=agendas.agenda(event, person, draft),
        lead_view=True,
        draft=draft,
    )


@events_bp.route("/<int:event_id>/participants/<int:participant_id>/agenda.ics")
@role_required("lead")
def participant_agenda_ics(event_id: int, participant_id: int):
    event = load_event(event_id)
    person = _anyones(event, participant_id)
    draft = request.args.get("draft") == "1"
    return _ics_response(event, person, draft, f"-participant-{person.id}")


@events_bp.route("/<int:event_id>/agenda/<int:meeting_id>/outcome", methods=["POST"])
@login_required
def outcome(event_id: int, meeting_id: int):
    event = load_event(event_id)
    _participant(event)
    meeting = _meeting(event, meeting_id)
    form = OutcomeForm(prefix=f"m{meeting.id}")
    if form.validate_on_submit():
        try:
            outcomes.record(
                current_user,
                meeting,
                form.result.data,
                form.cooperation_type.data or None,
                form.note.data or "",
            )
        except NotFoundError:
            abort(404)
        except ServiceError as error:
            messages = [m for texts in (error.fields or {}).values() for m in texts]
            flash(" ".join(str(m) for m in messages) or error.message, "error")
        else:
            flash(gettext("The outcome is saved."), "success")
    else:
        flash(gettext("Choose what came of the meeting."), "error")
    return redirect(url_for("events.agenda", event_id=event.id))


@events_bp.route("/<int:event_id>/report")
@role_required("lead")
def report(event_id: int):
    event = load_event(event_id)
    return render_template(
        "events/report.html",
        event=event,
        report=outcomes.report(event),
        result_labels=RESULT_LABELS,
        cooperation_labels=COOPERATION_LABELS,
    )
