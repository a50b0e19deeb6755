"""B2B matchmaking days: events and their sessions, registration, meetings, schedule, outcomes.

Bodies refuse unknown keys (ClosedRequestBody); session times must carry their offset. What the
service checks against the event's state (registration closed, a table taken) is its own 409.
"""

from __future__ import annotations

from datetime import date

from pydantic import AwareDatetime, Field

from mentorship.contract.base import Answer, ClosedRequestBody, Page, Timestamp
from mentorship.contract.fields import (
    MAX_ID,
    NAME_MAX,
    NOTE_MAX,
    Choice,
    Integer,
    Name,
    Note,
    Text,
    one_of,
)
from mentorship.models.events import (
    COOPERATION_TYPES,
    EVENT_STATUSES,
    MEETING_ORIGINS,
    MEETING_STATUSES,
    OUTCOME_RESULTS,
    SCHEDULE_STAGES,
)

MAX_TABLES = 500
MAX_SESSIONS = 20
PUBLISHED_STAGES = ("preliminary", "final")
RequiredId = Integer(1, MAX_ID, required=True)


class EventSessionInput(ClosedRequestBody):
    name: Name
    starts_at: AwareDatetime
    ends_at: AwareDatetime
    tables: Integer(1, MAX_TABLES, required=True)


class EventInput(ClosedRequestBody):
    name: Name
    place: Text(NAME_MAX) = ""
    starts_on: date
    ends_on: date
    meeting_minutes: Integer(5, 240, required=True) = 30
    sessions: list[EventSessionInput] = Field(default_factory=list, max_length=MAX_SESSIONS)


class EventStatusInput(ClosedRequestBody):
    status: Choice(EVENT_STATUSES, required=True)


class RegistrationInput(ClosedRequestBody):
    session_ids: list[RequiredId] = Field(min_length=1, max_length=MAX_SESSIONS)
    idea_id: Integer(1, MAX_ID) = Field(
        default=None, description="The entrepreneur's idea she comes with; partners leave it out."
    )


class MeetingRequestInput(ClosedRequestBody):
    participant_id: RequiredId
    reason: Text(NOTE_MAX, required=True)


class MeetingAnswerInput(ClosedRequestBody):
    decision: Choice(("accept", "decline"), required=True)


class PlacementInput(ClosedRequestBody):
    session_id: RequiredId
    slot: Integer(0, MAX_ID, required=True)
    table: Integer(1, MAX_TABLES, required=True)


class PublishInput(ClosedRequestBody):
    stage: Choice(PUBLISHED_STAGES, required=True)


class MeetingOutcomeInput(ClosedRequestBody):
    result: Choice(OUTCOME_RESULTS, required=True)
    cooperation_type: Choice(COOPERATION_TYPES) = None
    note: Note = ""


class EventSession(Answer):
    id: int
    name: str
    starts_at: Timestamp
    ends_at: Timestamp
    tables: int = Field(ge=1)
    slots: int = Field(ge=0)


class Event(Answer):
    id: int
    name: str
    place: str
    starts_on: date
    ends_on: date
    meeting_minutes: int
    status: one_of(EVENT_STATUSES)
    schedule_stage: one_of(SCHEDULE_STAGES)
    published_at: Timestamp | None
    sessions: list[EventSession]


class EventPage(Page[Event]):
    """A page of events."""


class Participant(Answer):
    id: int
    user_id: int
    name: str
    idea_id: int | None
    partner_id: int | None
    session_ids: list[int]


class ParticipantPage(Page[Participant]):
    """A page of an event's participants."""


class Meeting(Answer):
    id: int
    first_id: int
    second_id: int
    match_id: int | None
    reason: str
    status: one_of(MEETING_STATUSES)
    origin: one_of(MEETING_ORIGINS) = Field(
        description="`request` (first_id asked), `match` or `profile` (suggested)."
    )
    session_id: int | None
    slot: int | None
    table: int | None
    pinned: bool
    unscheduled_reason: str | None


class MeetingPage(Page[Meeting]):
    """A page of meetings."""


class SuggestionsAdded(Answer):
    added: int = Field(ge=0, description="Meetings suggested, in all.")
    from_profiles: int = Field(
        ge=0, description="Of them, from complementary cooperation profiles (the rest: matches)."
    )


class UnscheduledMeeting(Answer):
    meeting_id: int
    reason: str


class ScheduleRun(Answer):
    placed: int = Field(ge=0)
    unscheduled: list[UnscheduledMeeting]
    slots_used: int
    max_degree: int
    two_sided: bool
    idle_gap: float


class AgendaItem(Answer):
    meeting_id: int
    starts_at: Timestamp
    ends_at: Timestamp
    session_id: int
    slot: int
    table: int
    with_participant: Participant | None = Field(description="null in the lead's table plan.")
    why: str


class Agenda(Answer):
    stage: one_of(SCHEDULE_STAGES)
    items: list[AgendaItem]


class ParticipantAgenda(Answer):
    participant: Participant
    version: one_of(("published", "draft"))
    stage: one_of(SCHEDULE_STAGES)
    items: list[AgendaItem]


class MeetingOutcome(Answer):
    meeting_id: int
    participant_id: int
    result: one_of(OUTCOME_RESULTS)
    cooperation_type: one_of(COOPERATION_TYPES) | None
    note: str


class EventReport(Answer):
    meetings_scheduled: int
    meetings_reported: int
    results: dict[str, int]
    agreements_by_type: dict[str, int]
    follow_ups_by_type: dict[str, int]
