"""Background work the database remembers, so neither a broker outage nor a dead worker loses it."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from mentorship.models.base import Base, in_values, utcnow


class JobStatus(str, enum.Enum):
    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"


JOB_STATUSES = tuple(s.value for s in JobStatus)
OPEN_STATUSES = (JobStatus.QUEUED.value, JobStatus.RUNNING.value)


class BackgroundJob(Base):
    """One piece of background work: a task name and its JSON arguments.

    `expires_at` is when the recovery sweep steps in: for a queued job, the broker is presumed to
    have lost its message (or never took it) and it is published again; for a running job, the
    worker's lease has run out (it stopped renewing it, so it died) and the job is queued again.
    Only bulk jobs are kept once done, for the lead's jobs page.
    """

    __tablename__ = "background_jobs"
    __table_args__ = (
        CheckConstraint(in_values("status", JOB_STATUSES), name="status_allowed"),
        Index("ix_background_jobs_status_expires_at", "status", "expires_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    task: Mapped[str] = mapped_column(String(100))
    args: Mapped[list] = mapped_column(default=list)
    status: Mapped[str] = mapped_column(String(20), default=JobStatus.QUEUED.value)
    expires_at: Mapped[datetime | None]
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    # Bulk jobs: how far they got, and the last item done, so a re-run resumes after it.
    progress_done: Mapped[int] = mapped_column(Integer, default=0)
    progress_total: Mapped[int | None] = mapped_column(Integer)
    cursor: Mapped[int | None] = mapped_column(Integer)
    error: Mapped[str | None] = mapped_column(Text)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    started_at: Mapped[datetime | None]
    finished_at: Mapped[datetime | None]
