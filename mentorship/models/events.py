"""B2B matchmaking days: events with sessions, participants, meetings and their outcomes.

The lead's working schedule lives on the meetings (session, slot, table, pinned); what
participants see is the last published copy on the event (``published``), so a failed re-run
never changes an agenda that is already out.
"""

from __future__ import annotations

import enum
from datetime import date, datetime

from sqlalchemy import CheckConstraint, Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from mentorship.models.base import Base, in_values, utcnow


class EventStatus(str, enum.Enum):
    DRAFT = "draft"
    OPEN = "open"  # registration open
    CLOSED = "closed"  # registration closed, schedule work
    FINISHED = "finished"


class ScheduleStage(str, enum.Enum):
    NONE = "none"
    PRELIMINARY = "preliminary"
    FINAL = "final"


class MeetingStatus(str, enum.Enum):
    SUGGESTED = "suggested"  # offered from a match; either side may accept
    REQUESTED = "requested"  # asked by one side; the other answers
    ACCEPTED = "accepted"
    DECLINED = "declined"


class MeetingOrigin(str, enum.Enum):
    """Where a meeting came from: what its sides are told ("you asked", "from a match")."""

    REQUEST = "request"  # first_id asked second_id
    MATCH = "match"  # suggested from an idea ↔ partner match
    PROFILE = "profile"  # suggested from complementary cooperation profiles


class OutcomeResult(str, enum.Enum):
    NO_INTEREST = "no_interest"
    FOLLOW_UP = "follow_up"
    AGREEMENT = "agreement"


COOPERATION_TYPES = (
    "supplier",
    "buyer",
    "subcontracting",
    "joint_venture",
    "licensing",
    "investment",
    "other",
)
EVENT_STATUSES = tuple(s.value for s in EventStatus)
SCHEDULE_STAGES = tuple(s.value for s in ScheduleStage)
MEETING_STATUSES = tuple(s.value for s in MeetingStatus)
MEETING_ORIGINS = tuple(s.value for s in MeetingOrigin)
OUTCOME_RESULTS = tuple(s.value for s in OutcomeResult)


class Event(Base):
    __tablename__ = "events"
    __table_args__ = (
        CheckConstraint(in_values("status", EVENT_STATUSES), name="status_allowed"),
        CheckConstraint(in_values("schedule_stage", SCHEDULE_STAGES), name="stage_allowed"),
        CheckConstraint("meeting_minutes >= 5 AND meeting_minutes <= 240", name="meeting_length"),
        # A doubled "create" (two clicks, a retried API call) finds the event the first made.
        UniqueConstraint("created_by_id", "submission_key", name="uq_events_creator_key"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    place: Mapped[str] = mapped_column(String(200), default="")
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)
    meeting_minutes: Mapped[int] = mapped_column(Integer, default=30)
    status: Mapped[str] = mapped_column(String(20), default=EventStatus.DRAFT.value)
    schedule_stage: Mapped[str] = mapped_column(String(20), default=ScheduleStage.NONE.value)
    published: Mapped[list] = mapped_column(default=list)
    published_at: Mapped[datetime | None]
    scheduled_at: Mapped[datetime | None]
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    submission_key: Mapped[str | None] = mapped_column(String(255))
    """The new-event form's one-time token or the API's Idempotency-Key, if one was sent."""
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    sessions: Mapped[list[EventSession]] = relationship(
        back_populates="event", cascade="all, delete-orphan", order_by="EventSession.starts_at"
    )
    participants: Mapped[list[EventParticipant]] = relationship(
        back_populates="event", cascade="all, delete-orphan", order_by="EventParticipant.id"
    )
    meetings: Mapped[list[EventMeeting]] = relationship(
        back_populates="event", cascade="all, delete-orphan", order_by="EventMeeting.id"
    )


class EventSession(Base):
    __tablename__ = "event_sessions"
    __table_args__ = (
        CheckConstraint("tables >= 1 AND tables <= 500", name="tables_range"),
        CheckConstraint("ends_at > starts_at", name="ends_after_start"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    starts_at: Mapped[datetime]
    ends_at: Mapped[datetime]
    tables: Mapped[int] = mapped_column(Integer)

    event: Mapped[Event] = relationship(back_populates="sessions")


class EventParticipant(Base):
    """An entrepreneur (taking part with one of her ideas) or a partner company's contact."""

    __tablename__ = "event_participants"
    __table_args__ = (UniqueConstraint("event_id", "user_id", name="uq_event_participant"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    idea_id: Mapped[int | None] = mapped_column(ForeignKey("ideas.id", ondelete="SET NULL"))
    partner_id: Mapped[int | None] = mapped_column(ForeignKey("partners.id", ondelete="SET NULL"))
    session_ids: Mapped[list] = mapped_column(default=list)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    event: Mapped[Event] = relationship(back_populates="participants")
    user = relationship("User")
    idea = relationship("Idea")
    partner = relationship("Partner")

    @property
    def display_name(self) -> str:
        if self.partner is not None:
            return f"{self.user.name} ({self.partner.name})"
        if self.idea is not None:
            return f"{self.user.name} ({self.idea.title})"
        return self.user.name


class EventMeeting(Base):
    """A one-to-one meeting: suggested from a match or requested, then placed by the scheduler."""

    __tablename__ = "event_meetings"
    __table_args__ = (
        CheckConstraint(in_values("status", MEETING_STATUSES), name="status_allowed"),
        CheckConstraint(in_values("origin", MEETING_ORIGINS), name="origin_allowed"),
        UniqueConstraint("event_id", "first_id", "second_id", name="uq_event_meeting_pair"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    # first_id asked (or is the entrepreneur of a suggestion); second_id answers.
    first_id: Mapped[int] = mapped_column(
        ForeignKey("event_participants.id", ondelete="CASCADE"), index=True
    )
    second_id: Mapped[int] = mapped_column(
        ForeignKey("event_participants.id", ondelete="CASCADE"), index=True
    )
    match_id: Mapped[int | None] = mapped_column(ForeignKey("matches.id", ondelete="SET NULL"))
    reason: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(20), default=MeetingStatus.REQUESTED.value)
    origin: Mapped[str] = mapped_column(
        String(20), default=MeetingOrigin.REQUEST.value, server_default=MeetingOrigin.REQUEST.value
    )
    answered_at: Mapped[datetime | None]
    session_id: Mapped[int | None] = mapped_column(
        ForeignKey("event_sessions.id", ondelete="SET NULL")
    )
    slot: Mapped[int | None] = mapped_column(Integer)
    table_number: Mapped[int | None] = mapped_column(Integer)
    pinned: Mapped[bool] = mapped_column(default=False)
    unscheduled_reason: Mapped[str | None] = mapped_column(String(40))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    event: Mapped[Event] = relationship(back_populates="meetings")
    first: Mapped[EventParticipant] = relationship(foreign_keys=[first_id])
    second: Mapped[EventParticipant] = relationship(foreign_keys=[second_id])
    outcomes: Mapped[list[MeetingOutcome]] = relationship(
        back_populates="meeting", cascade="all, delete-orphan"
    )

    def other(self, participant_id: int) -> EventParticipant:
        return self.second if participant_id == self.first_id else self.first


class MeetingOutcome(Base):
    """What one side says came of a meeting."""

    __tablename__ = "meeting_outcomes"
    __table_args__ = (
        CheckConstraint(in_values("result", OUTCOME_RESULTS), name="result_allowed"),
        UniqueConstraint("meeting_id", "participant_id", name="uq_meeting_outcome_side"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("event_meetings.id", ondelete="CASCADE"), index=True
    )
    participant_id: Mapped[int] = mapped_column(
        ForeignKey("event_participants.id", ondelete="CASCADE")
    )
    result: Mapped[str] = mapped_column(String(20))
    cooperation_type: Mapped[str | None] = mapped_column(String(30))
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    meeting: Mapped[EventMeeting] = relationship(back_populates="outcomes")
