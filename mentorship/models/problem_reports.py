"""A member's report of a problem in a mentorship or a partner introduction: while it is open,
the programme lead may read that thread's messages (each reading is in the audit trail);
resolving it ends that. A report is about exactly one of the two."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from mentorship.models.accounts import User
from mentorship.models.base import Base, in_values, utcnow
from mentorship.models.matches import Match
from mentorship.models.mentorships import Mentorship


class ProblemReportStatus(str, enum.Enum):
    OPEN = "open"
    RESOLVED = "resolved"


PROBLEM_REPORT_STATUSES = tuple(s.value for s in ProblemReportStatus)
REASON_MAX = 1000
RESOLUTION_NOTE_MAX = 1000


class ProblemReport(Base):
    __tablename__ = "mentorship_problem_reports"
    __table_args__ = (
        CheckConstraint(in_values("status", PROBLEM_REPORT_STATUSES), name="status_allowed"),
        CheckConstraint(f"length(reason) <= {REASON_MAX}", name="reason_length"),
        CheckConstraint(
            f"length(resolution_note) <= {RESOLUTION_NOTE_MAX}", name="resolution_note_length"
        ),
        CheckConstraint("(mentorship_id IS NULL) <> (match_id IS NULL)", name="one_subject"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    mentorship_id: Mapped[int | None] = mapped_column(
        ForeignKey("mentorships.id", ondelete="CASCADE"), index=True
    )
    match_id: Mapped[int | None] = mapped_column(
        ForeignKey("matches.id", ondelete="CASCADE"), index=True
    )
    """A partner introduction (an approved partner match) when the report is about its thread."""
    reporter_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    reason: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(
        String(20), default=ProblemReportStatus.OPEN.value, index=True
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    resolved_at: Mapped[datetime | None]
    resolved_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    resolution_note: Mapped[str | None] = mapped_column(Text)

    mentorship: Mapped[Mentorship | None] = relationship()
    introduction: Mapped[Match | None] = relationship()
    reporter: Mapped[User | None] = relationship(foreign_keys=[reporter_id])
    resolved_by: Mapped[User | None] = relationship(foreign_keys=[resolved_by_id])

    @property
    def introduction_id(self) -> int | None:
        """The API's name for `match_id`: only approved partner introductions are reported."""
        return self.match_id

    @property
    def is_open(self) -> bool:
        return self.status == ProblemReportStatus.OPEN.value
