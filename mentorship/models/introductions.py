"""After the lead approves a partner or cluster introduction: its private thread and the
partnership agreement either side records on it."""

from __future__ import annotations

import enum
from datetime import date, datetime

from sqlalchemy import CheckConstraint, Date, ForeignKey, String, Text
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
