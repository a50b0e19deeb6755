"""What participants see of the published schedule: an agenda, the lead's table plan, an .ics."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from icalendar import Calendar
from icalendar import Event as CalendarEvent

from mentorship.extensions import db
from mentorship.models import Event, EventMeeting, EventParticipant, EventSession, MeetingStatus
from mentorship.services.events.setup import slot_start


@dataclass(frozen=True)
class AgendaItem:
    meeting: EventMeeting
    session: EventSession
    slot: int
    table: int
    starts_at: datetime
    ends_at: datetime
    other: EventParticipant | None  # None in the lead's plan

    @property
    def why(self) -> str:
        return self.meeting.reason


def _published_items(event: Event) -> list[tuple[EventMeeting, EventSession, int, int]]:
    sessions = {s.id: s for s in event.sessions}
    items = []
    for entry in event.published or []:
        meeting = db.session.get(EventMeeting, entry["meeting_id"])
        session = sessions.get(entry["session_id"])
        if meeting is None or session is None or meeting.event_id != event.id:
            continue  # a participant left after publishing: her meetings are gone
        if meeting.status != MeetingStatus.ACCEPTED:
            continue  # cancelled after publishing (both sides were told)
        items.append((meeting, session, entry["slot"], entry["table"]))
    return items


def _item(event, meeting, session, slot, table, other) -> AgendaItem:
    start = slot_start(event, session, slot)
    return AgendaItem(
        meeting,
        session,
        slot,
        table,
        start,
        start + timedelta(minutes=event.meeting_minutes),
        other,
    )


def _draft_items(event: Event) -> list[tuple[EventMeeting, EventSession, int, int]]:
    sessions = {s.id: s for s in event.sessions}
    return [
        (m, sessions[m.session_id], m.slot, m.table_number)
        for m in event.meetings
        if m.session_id is not None and m.session_id in sessions
    ]


def agenda(event: Event, participant: EventParticipant, draft: bool = False) -> list[AgendaItem]:
    """The participant's published agenda (the lead may also look at the draft)."""
    entries = _draft_items(event) if draft else _published_items(event)
    found = [
        _item(event, meeting, session, slot, table, meeting.other(participant.id))
        for meeting, session, slot, table in entries
        if participant.id in (meeting.first_id, meeting.second_id)
    ]
    return sorted(found, key=lambda item: item.starts_at)


def table_plan(event: Event, published: bool = False) -> list[tuple[datetime, list[AgendaItem]]]:
    """Meetings by slot start, each slot's meetings by table: the draft, or what is published."""
    entries = _published_items(event) if published else _draft_items(event)
    slots: dict[datetime, list[AgendaItem]] = {}
    for meeting, session, slot, table in entries:
        item = _item(event, meeting, session, slot, table, None)
        slots.setdefault(item.starts_at, []).append(item)
    return [(start, sorted(slots[start], key=lambda i: i.table)) for start in sorted(slots)]


def ics(
    event: Event,
    participant: EventParticipant,
    labels: dict[str, str],
    draft: bool = False,
    why: Callable[[EventMeeting], str] = lambda meeting: meeting.reason,
) -> bytes:
    """The participant's agenda as an iCalendar file; ``labels`` are translated words, ``why``
    gives a meeting's reason in the reader's language."""
    calendar = Calendar()
    calendar.add("prodid", "-//Mentorship Match//B2B agenda//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", f"{event.name} – {participant.user.name}")
    for item in agenda(event, participant, draft):
        entry = CalendarEvent()
        entry.add(
            "uid", f"event-{event.id}-meeting-{item.meeting.id}-p{participant.id}@mentorship-match"
        )
        entry.add("dtstamp", event.published_at or item.starts_at)
        if event.published_at is not None:
            # Each publication is a new version: calendars replace the old entry, not add one.
            entry.add("sequence", int(event.published_at.timestamp()) // 60)
        # In UTC: a time without its zone is read as the calendar's own local time.
        entry.add("dtstart", item.starts_at.astimezone(UTC))
        entry.add("dtend", item.ends_at.astimezone(UTC))
        entry.add("summary", f"{labels['meeting_with']} {item.other.display_name}")
        entry.add("location", f"{event.place} – {labels['table']} {item.table}".strip(" –"))
        reason = why(item.meeting)
        if reason:
            entry.add("description", f"{labels['why']}: {reason}")
        calendar.add_component(entry)
    return calendar.to_ical()
