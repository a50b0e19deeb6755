"""Mentorships after the pairing: the agreement, goals, sessions, messages, check-ins, close-out.

Bodies refuse unknown keys (ClosedRequestBody); what the service checks against the mentorship's
state (a date in the future, a check-in not due) it answers itself, after these shapes pass.
"""

from __future__ import annotations

from datetime import date, datetime

from pydantic import ConfigDict, Field

from mentorship.contract.base import Answer, ClosedRequestBody, Page, Timestamp
from mentorship.contract.fields import (
    MAX_ID,
    NAME_MAX,
    Boolean,
    Choice,
    Integer,
    Name,
    Note,
    Text,
    one_of,
)
from mentorship.models.mentorships import (
    CLOSED_STATUSES,
    MENTORSHIP_STATUSES,
    MESSAGE_MAX,
    OUTCOME_PHASES,
    SESSION_MINUTES,
)

SESSION_KINDS = ("held", "planned")
TOPICS_MAX = 300
LINE_MAX = 200
Pulse = Integer(1, 5, required=True)
Area = Integer(1, 5)


class AgreementInput(ClosedRequestBody):
    """The whole agreement: a field left out is emptied."""

    meeting_frequency: Text(NAME_MAX) = ""
    meeting_format: Text(NAME_MAX) = ""
    success_looks_like: Note = ""


class GoalInput(ClosedRequestBody):
    title: Name
    due_on: date | None = None


class GoalDone(ClosedRequestBody):
    done: Boolean


class MentorshipSessionInput(ClosedRequestBody):
    kind: Choice(SESSION_KINDS, required=True)
    held_on: date | None = Field(
        default=None, description="For a held session: the day, today or before (else 422)."
    )
    starts_at: datetime | None = Field(
        default=None, description="For a planned session: when, in the future (else 422)."
    )
    duration_minutes: Integer(*SESSION_MINUTES, required=True)
    topics: Text(TOPICS_MAX) = ""
    notes: Note = ""


class SessionRatingInput(ClosedRequestBody):
    rating: Integer(1, 5, required=True)


class MessageInput(ClosedRequestBody):
    body: Text(MESSAGE_MAX, required=True)


class CheckInInput(ClosedRequestBody):
    pulse: Pulse
    line: Text(LINE_MAX) = ""


class SurveyInput(ClosedRequestBody):
    nps: Integer(0, 10, required=True)
    comment: Note = ""


class CloseInput(SurveyInput):
    status: Choice(CLOSED_STATUSES, required=True)
    end_reason: Note = Field(default="", description="Required when `ended_early` (else 422).")


class OutcomesInput(ClosedRequestBody):
    """The entrepreneur's self-assessment, 1 to 5 per question of the programme's set, and her
    business in figures. The six default areas are named here; a question the lead added is
    sent under its key (from the mentorship page), and the set asked now is required (else 422).
    """

    model_config = ConfigDict(extra="allow")

    confidence: Area = None
    business_skills: Area = None
    leadership: Area = None
    networks_market_reach: Area = None
    strategy: Area = None
    access_to_capital: Area = None
    revenue_band: Text(LINE_MAX, required=True, description="One of the configured bands.")
    employees: Integer(0, MAX_ID, required=True)
    new_partnerships: Integer(0, MAX_ID, required=True)


class Attributes(Answer):
    """An answer read straight from a database row."""

    model_config = ConfigDict(extra="forbid", from_attributes=True)


class MentorshipPerson(Attributes):
    id: int
    name: str


class Agreement(Answer):
    meeting_frequency: str
    meeting_format: str
    success_looks_like: str
    updated_at: Timestamp | None = None


class Mentorship(Answer):
    id: int
    idea_id: int
    programme_id: int | None
    entrepreneur: MentorshipPerson
    mentor: MentorshipPerson | None = Field(description="null once the mentor left.")
    status: one_of(MENTORSHIP_STATUSES)
    end_reason: str | None
    started_on: date
    planned_end_on: date
    closed_at: Timestamp | None
    health: str = Field(
        description="The health light: on_track, needs_check_in, too_early or closed."
    )
    health_reasons: list[str]
    sessions_held: int = Field(ge=0)
    unread_messages: int = Field(ge=0)
    agreement: Agreement
    check_in_due_round: int = Field(ge=0, description="0: no check-in due for the caller.")
    average_session_rating: float | None = Field(
        description="Mean of the members' 1-5 ratings of held sessions; null before the first."
    )
    inactive_close_on: date | None = Field(
        description="Set once the pair was warned: closed that day unless it is active again."
    )


class MentorshipPage(Page[Mentorship]):
    """A page of mentorships, newest first."""


class Goal(Answer):
    id: int
    title: str
    due_on: date | None
    done: bool
    done_at: Timestamp | None
    created_at: Timestamp


class GoalPage(Page[Goal]):
    """A page of goals."""


class MentorshipSession(Answer):
    id: int
    kind: one_of(SESSION_KINDS)
    starts_at: Timestamp
    duration_minutes: int
    topics: str
    notes: str
    ics_url: str | None = Field(description="A planned session's calendar file (signed-in page).")
    my_rating: int | None = Field(description="The caller's 1-5 rating of a held session.")
    average_rating: float | None = Field(description="Mean of both members' ratings.")
    created_at: Timestamp


class MentorshipSessionPage(Page[MentorshipSession]):
    """A page of held and planned sessions."""


class SessionRating(Answer):
    session_id: int
    user_id: int
    rating: int = Field(ge=1, le=5)
    updated_at: Timestamp


class Message(Attributes):
    id: int
    sender_id: int | None
    body: str
    created_at: Timestamp
    read_at: Timestamp | None


class MessagePage(Page[Message]):
    """A page of the pair's messages."""


class CheckIn(Attributes):
    id: int
    user_id: int
    round: int
    pulse: int = Field(ge=1, le=5)
    line: str
    created_at: Timestamp


class CheckInPage(Page[CheckIn]):
    """A page of check-in answers."""


class SurveyRecorded(Answer):
    status: one_of(("recorded",))


class OutcomeAnswers(Answer):
    phase: one_of(OUTCOME_PHASES)
    answers: dict[str, int | str]
