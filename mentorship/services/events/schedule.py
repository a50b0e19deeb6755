"""The event's schedule: run the scheduler on the accepted meetings, let the lead pin or move
a meeting, publish a preliminary or final version. Participants only ever see the published
copy, so a run that fails (or a draft being reworked) leaves their agendas as they were."""

from __future__ import annotations

from flask_babel import gettext as _
from flask_babel import lazy_gettext

import scheduling
from mentorship.extensions import db
from mentorship.models import (
    Event,
    EventMeeting,
    EventStatus,
    MeetingStatus,
    ScheduleStage,
    User,
)
from mentorship.models.base import utcnow
from mentorship.services.errors import ConflictError, ValidationFailedError
from mentorship.services.events.setup import require_lead, slot_count
from mentorship.services.notifications import notify, send_pending_emails

ERRORS = {
    "no_sessions": lazy_gettext("The event has no sessions: add at least one."),
    "no_tables": lazy_gettext("A session has no tables: give every session at least one table."),
    "no_slots": lazy_gettext("A session is shorter than one meeting: make it longer."),
    "over_capacity": lazy_gettext(
        "There are more accepted meetings than places (slots × tables): add tables or a "
        "session, or decline some meetings."
    ),
    "unknown_participant": lazy_gettext("A meeting is with someone who no longer takes part."),
    "bad_pin": lazy_gettext("A pinned meeting is at a slot or table that does not exist."),
    "pin_unavailable": lazy_gettext("A meeting is pinned in a session one side does not attend."),
    "pin_clash": lazy_gettext("Two pinned meetings clash: move one of them."),
}
UNSCHEDULED = {
    scheduling.NO_COMMON_SESSION: lazy_gettext("The two attend no session in common."),
    scheduling.PARTICIPANT_FULL: lazy_gettext("One side has a meeting in every slot she attends."),
    scheduling.NO_FREE_TABLE: lazy_gettext("No free table when both are free."),
    scheduling.NO_COMMON_FREE_SLOT: lazy_gettext("No slot in which both are free."),
}


def accepted(event: Event) -> list[EventMeeting]:
    return [m for m in event.meetings if m.status == MeetingStatus.ACCEPTED]


def problem_for(event: Event) -> scheduling.Problem:
    sessions = tuple(
        scheduling.Session(str(s.id), slot_count(event, s), s.tables) for s in event.sessions
    )
    participants = tuple(
        scheduling.Participant(str(p.id), frozenset(str(i) for i in p.session_ids))
        for p in event.participants
    )
    meetings = accepted(event)
    return scheduling.Problem(
        sessions,
        participants,
        tuple(scheduling.Meeting(str(m.id), str(m.first_id), str(m.second_id)) for m in meetings),
        tuple(
            scheduling.Placement(str(m.id), str(m.session_id), m.slot, m.table_number)
            for m in meetings
            if m.pinned and m.session_id is not None
        ),
    )


def _not_finished(event: Event) -> None:
    """A finished event's schedule is a record of what happened: it no longer changes."""
    if event.status == EventStatus.FINISHED:
        raise ConflictError(_("The event is over: its schedule can no longer change."))


def run(actor: User, event: Event) -> scheduling.Schedule:
    """Place the accepted meetings; on bad input raise a clear error and change nothing."""
    require_lead(actor)
    _not_finished(event)
    try:
        result = scheduling.solve(problem_for(event))
    except scheduling.SchedulingError as error:
        raise ConflictError(ERRORS.get(error.code, error.message)) from error
    placed = {p.meeting_id: p for p in result.placements}
    left = {u.meeting_id: u.reason for u in result.unscheduled}
    for meeting in event.meetings:
        place = placed.get(str(meeting.id))
        meeting.session_id = int(place.session_id) if place else None
        meeting.slot = place.slot if place else None
        meeting.table_number = place.table if place else None
        meeting.unscheduled_reason = left.get(str(meeting.id))
        if place is None:
            meeting.pinned = False
    event.scheduled_at = utcnow()
    db.session.commit()
    return result


def move(
    actor: User, meeting: EventMeeting, session_id: int, slot: int, table: int
) -> EventMeeting | None:
    """Pin a meeting at a slot and table, swapping with the meeting at that table if there is
    one (returned: it is pinned at the first one's old place); refused if that meeting is
    pinned (the lead placed it on purpose), or if anyone would have two meetings at once or
    be outside her sessions."""
    require_lead(actor)
    event = meeting.event
    _not_finished(event)
    session = next((s for s in event.sessions if s.id == session_id), None)
    if meeting.status != MeetingStatus.ACCEPTED:
        raise ConflictError(_("Only accepted meetings are scheduled."))
    if (
        session is None
        or not (0 <= slot < slot_count(event, session))
        or not (1 <= table <= session.tables)
    ):
        raise ValidationFailedError(
            _("Choose a slot and table of this event."), {"slot": [_("No such slot or table.")]}
        )
    for side in (meeting.first, meeting.second):
        if session.id not in side.session_ids:
            raise ConflictError(_("%(name)s does not attend this session.", name=side.user.name))
    taken = None
    for other in accepted(event):
        if other.id == meeting.id or (other.session_id, other.slot) != (session.id, slot):
            continue
        if other.table_number == table:
            taken = other
    if taken is not None and taken.pinned:
        raise ConflictError(_("That place holds a pinned meeting: unpin it first."))
    _check_free(event, meeting, session.id, slot, ignore={meeting.id, taken and taken.id})
    if taken is not None:
        # A move onto a taken table is a swap: the other meeting takes this one's place.
        if meeting.session_id is None:
            raise ConflictError(_("That table is taken in that slot."))
        old = next(s for s in event.sessions if s.id == meeting.session_id)
        for side in (taken.first, taken.second):
            if old.id not in side.session_ids:
                raise ConflictError(
                    _("%(name)s does not attend this session.", name=side.user.name)
                )
        _check_free(event, taken, old.id, meeting.slot, ignore={meeting.id, taken.id})
        taken.session_id, taken.slot, taken.table_number = (
            old.id,
            meeting.slot,
            meeting.table_number,
        )
        taken.pinned = True
    meeting.session_id, meeting.slot, meeting.table_number = session.id, slot, table
    meeting.pinned = True
    meeting.unscheduled_reason = None
    db.session.commit()
    return taken


def _check_free(event: Event, meeting: EventMeeting, session_id: int, slot: int, ignore) -> None:
    """Refused, naming who would have two meetings at once: in a swap it may be someone of
    the meeting that makes room, not of the one the lead moves."""
    for other in accepted(event):
        if other.id in ignore or (other.session_id, other.slot) != (session_id, slot):
            continue
        for side in (meeting.first, meeting.second):
            if side.id in (other.first_id, other.second_id):
                raise ConflictError(
                    _(
                        "%(name)s already has a meeting in slot %(slot)d of that session.",
                        name=side.display_name,
                        slot=slot + 1,
                    )
                )


def unpin(actor: User, meeting: EventMeeting) -> None:
    """Let the next run place the meeting freely; it stays where it is until then."""
    require_lead(actor)
    _not_finished(meeting.event)
    if not meeting.pinned:
        raise ConflictError(_("This meeting is not pinned."))
    meeting.pinned = False
    db.session.commit()


def publish(actor: User, event: Event, stage: str) -> None:
    """Copy the draft to what participants see, and tell them."""
    require_lead(actor)
    _not_finished(event)
    if stage not in (ScheduleStage.PRELIMINARY, ScheduleStage.FINAL):
        raise ValidationFailedError(_("Unknown schedule stage."), {"stage": [_("Unknown value.")]})
    placed = [m for m in accepted(event) if m.session_id is not None]
    if not placed:
        raise ConflictError(_("Compute the schedule before publishing it."))
    if not fits(event, placed):
        raise ConflictError(
            _(
                "The schedule no longer fits who attends which session (someone changed her "
                "sessions): compute it again before publishing."
            )
        )
    event.published = [
        {"meeting_id": m.id, "session_id": m.session_id, "slot": m.slot, "table": m.table_number}
        for m in placed
    ]
    event.schedule_stage = stage
    event.published_at = utcnow()
    subject = (
        lazy_gettext("The final schedule of %(event)s is published", event=event.name)
        if stage == ScheduleStage.FINAL
        else lazy_gettext("A preliminary schedule of %(event)s is out", event=event.name)
    )
    for participant in event.participants:
        notify(
            participant.user,
            "event_schedule",
            subject,
            lazy_gettext("Your agenda: times, tables and whom you meet."),
            f"/events/{event.id}/agenda",
        )
    db.session.commit()
    send_pending_emails()


def fits(event: Event, placed: list[EventMeeting]) -> bool:
    """Whether every placed meeting is in a session both sides attend, at a table the session
    has, and nobody is at two tables at once."""
    sessions = {s.id: s for s in event.sessions}
    busy: set[tuple[int, int, int]] = set()
    tables: set[tuple[int, int, int]] = set()
    for meeting in placed:
        session = sessions.get(meeting.session_id)
        if session is None or not 1 <= (meeting.table_number or 0) <= session.tables:
            return False
        if not 0 <= (meeting.slot or 0) < slot_count(event, session):
            return False
        for side in (meeting.first, meeting.second):
            key = (side.id, session.id, meeting.slot)
            if session.id not in side.session_ids or key in busy:
                return False
            busy.add(key)
        table = (session.id, meeting.slot, meeting.table_number)
        if table in tables:
            return False
        tables.add(table)
    return True


def remind_without_meetings(actor: User, event: Event) -> int:
    """Nudge participants who have no accepted meeting yet."""
    require_lead(actor)
    busy = {i for m in accepted(event) for i in (m.first_id, m.second_id)}
    idle = [p for p in event.participants if p.id not in busy]
    for participant in idle:
        notify(
            participant.user,
            "event_reminder",
            lazy_gettext("You have no meetings yet at %(event)s", event=event.name),
            lazy_gettext("Look at the suggested meetings or ask someone for a meeting."),
            f"/events/{event.id}/meetings",
        )
    db.session.commit()
    send_pending_emails()
    return len(idle)
