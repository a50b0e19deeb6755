"""A mentorship: what an approved mentor pairing becomes, with its agreement, goals, sessions,
messages, check-ins, close-out surveys and the entrepreneur's outcome answers."""

from __future__ import annotations

import enum
from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from mentorship.models.accounts import User
from mentorship.models.base import Base, in_values, utcnow
from mentorship.models.matches import Match
from mentorship.models.programmes import Programme


class MentorshipStatus(str, enum.Enum):
    ACTIVE = "active"
    PAUSED = "paused"
    COMPLETED = "completed"
    ENDED_EARLY = "ended_early"


MENTORSHIP_STATUSES = tuple(s.value for s in MentorshipStatus)
CLOSED_STATUSES = (MentorshipStatus.COMPLETED.value, MentorshipStatus.ENDED_EARLY.value)
OUTCOME_PHASES = ("baseline", "endline")
SESSION_MINUTES = (5, 480)
MESSAGE_MAX = 5000


class Mentorship(Base):
    __tablename__ = "mentorships"
    __table_args__ = (
        CheckConstraint(in_values("status", MENTORSHIP_STATUSES), name="status_allowed"),
        CheckConstraint("planned_end_on >= started_on", name="end_after_start"),
        CheckConstraint(
            "status != 'ended_early' OR (end_reason IS NOT NULL AND end_reason != '')",
            name="early_end_has_reason",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    match_id: Mapped[int] = mapped_column(ForeignKey("matches.id", ondelete="CASCADE"), unique=True)
    entrepreneur_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    mentor_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    programme_id: Mapped[int | None] = mapped_column(
        ForeignKey("programmes.id", ondelete="SET NULL"), index=True
    )
    started_on: Mapped[date] = mapped_column(Date)
    planned_end_on: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default=MentorshipStatus.ACTIVE.value)
    end_reason: Mapped[str | None] = mapped_column(Text)
    closed_at: Mapped[datetime | None]
    meeting_frequency: Mapped[str] = mapped_column(String(200), default="")
    meeting_format: Mapped[str] = mapped_column(String(200), default="")
    success_looks_like: Mapped[str] = mapped_column(Text, default="")
    agreement_updated_at: Mapped[datetime | None]
    inactivity_warned_at: Mapped[datetime | None]
    """When both members were told it closes for inactivity (cleared by new activity)."""
    inactive_close_on: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    match: Mapped[Match] = relationship()
    entrepreneur: Mapped[User] = relationship(foreign_keys=[entrepreneur_id])
    mentor: Mapped[User | None] = relationship(foreign_keys=[mentor_id])
    programme: Mapped[Programme | None] = relationship()

    @property
    def is_closed(self) -> bool:
        return self.status in CLOSED_STATUSES

    def member_ids(self) -> set[int]:
        return {self.entrepreneur_id, self.mentor_id} - {None}


class MentorshipGoal(Base):
    __tablename__ = "mentorship_goals"

    id: Mapped[int] = mapped_column(primary_key=True)
    mentorship_id: Mapped[int] = mapped_column(
        ForeignKey("mentorships.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(String(200))
    due_on: Mapped[date | None] = mapped_column(Date)
    done_at: Mapped[datetime | None]
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class MentorshipSession(Base):
    """A session the pair held (logged) or plans (with a calendar invitation)."""

    __tablename__ = "mentorship_sessions"
    __table_args__ = (
        CheckConstraint(
            f"duration_minutes >= {SESSION_MINUTES[0]} AND duration_minutes <= {SESSION_MINUTES[1]}",
            name="duration_range",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    mentorship_id: Mapped[int] = mapped_column(
        ForeignKey("mentorships.id", ondelete="CASCADE"), index=True
    )
    planned: Mapped[bool] = mapped_column(Boolean, default=False)
    starts_at: Mapped[datetime]
    duration_minutes: Mapped[int] = mapped_column(Integer)
    topics: Mapped[str] = mapped_column(String(300), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    logged_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class SessionRating(Base):
    """A member's one-click rating of a held session, 1-5; clicking again changes it."""

    __tablename__ = "mentorship_session_ratings"
    __table_args__ = (
        UniqueConstraint("session_id", "user_id", name="uq_session_rating_member"),
        CheckConstraint("rating >= 1 AND rating <= 5", name="rating_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("mentorship_sessions.id", ondelete="CASCADE"), index=True
    )
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    rating: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class MentorshipMessage(Base):
    __tablename__ = "mentorship_messages"
    __table_args__ = (CheckConstraint(f"length(body) <= {MESSAGE_MAX}", name="body_length"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    mentorship_id: Mapped[int] = mapped_column(
        ForeignKey("mentorships.id", ondelete="CASCADE"), index=True
    )
    sender_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    read_at: Mapped[datetime | None]
    """When the other member first saw it."""

    sender: Mapped[User | None] = relationship()


class CheckIn(Base):
    """A member's pulse for one check-in round: 1-5 and one line."""

    __tablename__ = "mentorship_check_ins"
    __table_args__ = (
        UniqueConstraint("mentorship_id", "user_id", "round", name="uq_check_in_round"),
        CheckConstraint("pulse >= 1 AND pulse <= 5", name="pulse_range"),
        CheckConstraint("round >= 1", name="round_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    mentorship_id: Mapped[int] = mapped_column(
        ForeignKey("mentorships.id", ondelete="CASCADE"), index=True
    )
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    round: Mapped[int] = mapped_column(Integer)
    pulse: Mapped[int] = mapped_column(Integer)
    line: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class CloseOutSurvey(Base):
    __tablename__ = "mentorship_surveys"
    __table_args__ = (
        UniqueConstraint("mentorship_id", "user_id", name="uq_survey_member"),
        CheckConstraint("nps >= 0 AND nps <= 10", name="nps_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    mentorship_id: Mapped[int] = mapped_column(
        ForeignKey("mentorships.id", ondelete="CASCADE"), index=True
    )
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    nps: Mapped[int] = mapped_column(Integer)
    comment: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class OutcomeAnswers(Base):
    """The entrepreneur's outcome answers at the start (baseline) or at close-out (endline)."""

    __tablename__ = "mentorship_outcomes"
    __table_args__ = (
        UniqueConstraint("mentorship_id", "phase", name="uq_outcome_phase"),
        CheckConstraint(in_values("phase", OUTCOME_PHASES), name="phase_allowed"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    mentorship_id: Mapped[int] = mapped_column(
        ForeignKey("mentorships.id", ondelete="CASCADE"), index=True
    )
    phase: Mapped[str] = mapped_column(String(10))
    answers: Mapped[dict] = mapped_column(default=dict)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
