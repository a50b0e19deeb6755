"""What mentors were told about the ideas proposed to them, kept apart from the match rows.

A re-match deletes a proposal nobody answered and may create it again later; these rows outlive
that, so a mentor hears of an idea once and her old links still say what became of it.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey
from sqlalchemy.orm import Mapped, mapped_column

from mentorship.models.base import Base, utcnow


class ProposalNotice(Base):
    """A mentor was told that an idea was proposed to her (and, once, that it no longer is)."""

    __tablename__ = "proposal_notices"

    mentor_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    idea_id: Mapped[int] = mapped_column(
        ForeignKey("ideas.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    proposed_at: Mapped[datetime] = mapped_column(default=utcnow)
    withdrawn_at: Mapped[datetime | None]


class WithdrawnProposal(Base):
    """A mentor's proposal that a re-match withdrew; its id is what her old links point to."""

    __tablename__ = "withdrawn_proposals"

    match_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    mentor_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    idea_id: Mapped[int] = mapped_column(ForeignKey("ideas.id", ondelete="CASCADE"), index=True)
    withdrawn_at: Mapped[datetime] = mapped_column(default=utcnow)
