"""Business ideas submitted by entrepreneurs, and where each is in the matching pipeline."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from mentorship.models.accounts import User
from mentorship.models.base import Base, in_values, utcnow
from mentorship.models.programmes import Programme, ProgrammeModule


class IdeaStatus(str, enum.Enum):
    SUBMITTED = "submitted"
    MATCHING = "matching"
    MATCHED = "matched"
    FAILED = "failed"


IDEA_STATUSES = tuple(s.value for s in IdeaStatus)


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
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    owner: Mapped[User] = relationship()
    programme: Mapped[Programme | None] = relationship()
    module: Mapped[ProgrammeModule | None] = relationship()

    def __repr__(self) -> str:
        return f"<Idea {self.id} {self.status}>"
