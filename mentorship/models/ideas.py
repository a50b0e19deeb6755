"""Business ideas submitted by entrepreneurs, and where each is in the matching pipeline."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from mentorship.models.accounts import User
from mentorship.models.base import Base, in_values, utcnow
from mentorship.models.programmes import Programme, ProgrammeModule


class IdeaStatus(str, enum.Enum):
    SUBMITTED = "submitted"
    MATCHING = "matching"
    MATCHED = "matched"
    FAILED = "failed"
    # The owner took the idea back: it has left the pipeline, so no status-based query
    # (re-matching, the stale sweep, the pairing plan) picks it up again.
    WITHDRAWN = "withdrawn"


IDEA_STATUSES = tuple(s.value for s in IdeaStatus)
# The statuses of the public contract: where an idea that is still in play stands.
PIPELINE_STATUSES = tuple(s for s in IDEA_STATUSES if s != IdeaStatus.WITHDRAWN.value)
OFFERS_MAX = 2000
CITY_MAX = 120


class Idea(Base):
    __tablename__ = "ideas"
    __table_args__ = (CheckConstraint(in_values("status", IDEA_STATUSES), name="status_allowed"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text)
    sector: Mapped[str | None] = mapped_column(String(30))
    stage: Mapped[str | None] = mapped_column(String(20))
    needs: Mapped[list] = mapped_column(default=lambda: ["mentor", "partner", "cluster"])
    # Optional free text; the server default keeps rows written without them (raw SQL) valid.
    offers: Mapped[str] = mapped_column(Text, default="", server_default="")
    """What the business will sell, in the owner's words."""
    seeks: Mapped[str] = mapped_column(Text, default="", server_default="")
    """What the business needs to buy or find, in the owner's words."""
    city: Mapped[str] = mapped_column(String(CITY_MAX), default="", server_default="")
    """Where the business is or will be; empty means the owner's profile city."""
    programme_id: Mapped[int | None] = mapped_column(
        ForeignKey("programmes.id", ondelete="SET NULL"), index=True
    )
    module_id: Mapped[int | None] = mapped_column(
        ForeignKey("programme_modules.id", ondelete="SET NULL")
    )
    status: Mapped[str] = mapped_column(String(20), default=IdeaStatus.SUBMITTED.value, index=True)
    status_error: Mapped[str | None] = mapped_column(Text)
    matching_started_at: Mapped[datetime | None]
    matched_at: Mapped[datetime | None]
    withdrawn_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    owner: Mapped[User] = relationship()
    programme: Mapped[Programme | None] = relationship()
    module: Mapped[ProgrammeModule | None] = relationship()

    @property
    def is_withdrawn(self) -> bool:
        return self.status == IdeaStatus.WITHDRAWN.value

    def __repr__(self) -> str:
        return f"<Idea {self.id} {self.status}>"


class IdeaSubmission(Base):
    """One submission key (an API Idempotency-Key or a web form's one-time token) and its idea.

    The unique (owner, key) pair is what makes a retried or doubled submission find the idea
    the first one created instead of making a second: the row commits with the idea.
    """

    __tablename__ = "idea_submissions"
    __table_args__ = (UniqueConstraint("owner_id", "key", name="uq_idea_submissions_owner_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(255))
    request_hash: Mapped[str] = mapped_column(String(64))
    idea_id: Mapped[int] = mapped_column(ForeignKey("ideas.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
