"""After the lead approves a partner or cluster introduction: its private thread and the
partnership agreement either side records on it."""

from __future__ import annotations

import enum
from datetime import date, datetime

from sqlalchemy import CheckConstraint, Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from mentorship.models.accounts import User
from mentorship.models.base import Base, in_values, utcnow

INTRODUCTION_MESSAGE_MAX = 5000


class CooperationType(str, enum.Enum):
    SUPPLIER = "supplier"
    BUYER = "buyer_distributor"
    SUBCONTRACTING = "subcontracting"
    JOINT_VENTURE = "joint_venture"
    LICENSING = "licensing"
    INVESTMENT = "investment"


COOPERATION_TYPES = tuple(t.value for t in CooperationType)


class IntroductionMessage(Base):
    __tablename__ = "introduction_messages"
    __table_args__ = (
        CheckConstraint(f"length(body) <= {INTRODUCTION_MESSAGE_MAX}", name="body_length"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    match_id: Mapped[int] = mapped_column(ForeignKey("matches.id", ondelete="CASCADE"), index=True)
    sender_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    sender: Mapped[User | None] = relationship()


class IntroductionReadMark(Base):
    """How far one person has read an introduction's thread.

    Kept per reader, not per message as in a mentorship's two-person thread: one side of an
    introduction may be several people (a partner's contact people, the leads), and each has
    her own unread messages.
    """

    __tablename__ = "introduction_read_marks"
    __table_args__ = (UniqueConstraint("match_id", "user_id", name="uq_introduction_read_mark"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    match_id: Mapped[int] = mapped_column(ForeignKey("matches.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    last_read_message_id: Mapped[int] = mapped_column(Integer, default=0)
    """The newest message she had when she last opened the thread (message ids only grow)."""
    read_at: Mapped[datetime] = mapped_column(default=utcnow)


class PartnershipAgreement(Base):
    """One signed agreement per introduction, recorded by the entrepreneur or the other side."""

    __tablename__ = "partnership_agreements"
    __table_args__ = (
        CheckConstraint(in_values("cooperation_type", COOPERATION_TYPES), name="type_allowed"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    match_id: Mapped[int] = mapped_column(ForeignKey("matches.id", ondelete="CASCADE"), unique=True)
    signed_on: Mapped[date] = mapped_column(Date)
    cooperation_type: Mapped[str] = mapped_column(String(30))
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    recorded_by: Mapped[User | None] = relationship()
