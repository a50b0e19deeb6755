"""Checks on the scheduler's input; each failure is a SchedulingError saying what to fix."""

from __future__ import annotations

from scheduling.types import Problem, SchedulingError


def validate(problem: Problem) -> None:
    if not problem.sessions:
        raise SchedulingError("no_sessions", "The event has no sessions: add at least one.")
    _unique("session", [session.id for session in problem.sessions])
    _unique("participant", [person.id for person in problem.participants])
    _unique("meeting", [meeting.id for meeting in problem.meetings])
    for session in problem.sessions:
        if session.tables < 1:
            raise SchedulingError(
                "no_tables", f"Session {session.id} has no tables: give it at least one table."
            )
        if session.slots < 1:
            raise SchedulingError(
                "no_slots", f"Session {session.id} has no meeting slots: make it longer."
            )
    session_ids = {session.id for session in problem.sessions}
    for person in problem.participants:
        unknown = sorted(set(person.sessions) - session_ids)
        if unknown:
            raise SchedulingError(
                "unknown_session",
                f"Participant {person.id} attends a session that does not exist: {unknown[0]}.",
            )
    people = {person.id for person in problem.participants}
    for meeting in problem.meetings:
        for end in (meeting.first, meeting.second):
            if end not in people:
                raise SchedulingError(
                    "unknown_participant",
                    f"Meeting {meeting.id} is with {end}, who no longer takes part.",
                )
        if meeting.first == meeting.second:
            raise SchedulingError(
                "self_meeting", f"Meeting {meeting.id} has the same person on both sides."
            )
    places = sum(session.slots * session.tables for session in problem.sessions)
    # A meeting of two people with no session in common is listed as unscheduled, with its
    # reason; it takes no place, so it must not make the whole day refused.
    attends = {person.id: person.sessions for person in problem.participants}
    placeable = sum(1 for m in problem.meetings if attends[m.first] & attends[m.second])
    if placeable > places:
        raise SchedulingError(
            "over_capacity",
            f"{placeable} meetings do not fit in {places} places (slots × tables): "
            "add tables or slots, or decline some meetings.",
        )
    _validate_pins(problem)


def _unique(what: str, ids: list[str]) -> None:
    seen: set[str] = set()
    for item in ids:
        if item in seen:
            raise SchedulingError(f"duplicate_{what}", f"The {what} {item} is given twice.")
        seen.add(item)


def _validate_pins(problem: Problem) -> None:
    sessions = {session.id: session for session in problem.sessions}
    meetings = {meeting.id: meeting for meeting in problem.meetings}
    attends = {person.id: person.sessions for person in problem.participants}
    busy: set[tuple[str, str, int]] = set()
    tables: set[tuple[str, int, int]] = set()
    pinned: set[str] = set()
    for pin in problem.pinned:
        meeting = meetings.get(pin.meeting_id)
        session = sessions.get(pin.session_id)
        if meeting is None or session is None:
            raise SchedulingError(
                "bad_pin", f"The pinned meeting {pin.meeting_id} or its session is unknown."
            )
        if pin.meeting_id in pinned:
            raise SchedulingError("bad_pin", f"Meeting {pin.meeting_id} is pinned twice.")
        pinned.add(pin.meeting_id)
        if not (0 <= pin.slot < session.slots and 1 <= pin.table <= session.tables):
            raise SchedulingError(
                "bad_pin",
                f"Meeting {pin.meeting_id} is pinned to a slot or table that does not exist.",
            )
        for end in (meeting.first, meeting.second):
            if pin.session_id not in attends[end]:
                raise SchedulingError(
                    "pin_unavailable",
                    f"Meeting {pin.meeting_id} is pinned to a session {end} does not attend.",
                )
            if (end, pin.session_id, pin.slot) in busy:
                raise SchedulingError(
                    "pin_clash", f"Meeting {pin.meeting_id} is pinned where {end} already meets."
                )
            busy.add((end, pin.session_id, pin.slot))
        if (pin.session_id, pin.slot, pin.table) in tables:
            raise SchedulingError(
                "pin_clash", f"Meeting {pin.meeting_id} is pinned to a table already taken."
            )
        tables.add((pin.session_id, pin.slot, pin.table))
