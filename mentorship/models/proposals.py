"""What mentors were told about the ideas proposed to them, kept apart from the match rows.

A re-match deletes a proposal nobody answered and may create it again later; these rows outlive
that, so a mentor hears of an idea once and her old links still say what became of it.
"""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from mentorship.models.base import Base, in_values, utcnow


class WithdrawalReason(str, enum.Enum):
    """Why a proposal stopped waiting for its mentor; what she is told and her old link says."""

    REMATCH = "rematch"
    MENTOR_APPROVED = "mentor_approved"
    IDEA_WITHDRAWN = "idea_withdrawn"


WITHDRAWAL_REASONS = tuple(reason.value for reason in WithdrawalReason)


class ProposalNotice(Base):
    """A mentor was told that an idea was proposed to her (and, once, that it no longer is)."""

    __tablename__ = "proposal_notices"
    __table_args__ = (
        CheckConstraint(
            f"withdrawal_reason IS NULL OR {in_values('withdrawal_reason', WITHDRAWAL_REASONS)}",
            name="withdrawal_reason_allowed",
        ),
    )

    mentor_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    idea_id: Mapped[int] = mapped_column(
        ForeignKey("ideas.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    proposed_at: Mapped[datetime] = mapped_column(default=utcnow)
    withdrawn_at: Mapped[datetime | None]
    withdrawal_reason: Mapped[str | None] = mapped_column(String(20))
    idea_title: Mapped[str | None] = mapped_column(String(200))
    """The idea's title when she was told of it: a withdrawal names the idea she knows."""


class WithdrawnProposal(Base):
    """A mentor's proposal that a re-match withdrew; its id is what her old links point to."""

    __tablename__ = "withdrawn_proposals"
    __table_args__ = (
        CheckConstraint(in_values("reason", WITHDRAWAL_REASONS), name="reason_allowed"),
    )

    match_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    mentor_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    idea_id: Mapped[int] = mapped_column(ForeignKey("ideas.id", ondelete="CASCADE"), index=True)
    withdrawn_at: Mapped[datetime] = mapped_column(default=utcnow)
    reason: Mapped[str] = mapped_column(
        String(20), default=WithdrawalReason.REMATCH.value, server_default="rematch"
    )
