"""Bulk background work as the lead sees it: what is queued or running, how far it got, how it ended."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from mentorship import task_names
from mentorship.extensions import db
from mentorship.infrastructure.background import enqueue
from mentorship.models import BackgroundJob, JobStatus, Programme, User
from mentorship.models.jobs import OPEN_STATUSES
from mentorship.services.errors import NotFoundError, PermissionDeniedError


def start_rematch(actor: User, programme_id: int | None = None) -> BackgroundJob:
    """Re-match every open idea (of one programme) against today's directory, in the background."""
    if not actor.is_lead:
        raise PermissionDeniedError("Only the programme lead starts a re-match.")
    if programme_id is not None and db.session.get(Programme, programme_id) is None:
        raise NotFoundError("Programme not found.")
    job = enqueue(task_names.REMATCH_OPEN_IDEAS, programme_id, created_by_id=actor.id)
    assert job is not None  # a bulk task always answers with its job
    return job


def recent_jobs() -> sa.Select:
    return (
        sa.select(BackgroundJob)
        .where(BackgroundJob.task.in_(sorted(task_names.BULK_TASKS)))
        .order_by(BackgroundJob.created_at.desc(), BackgroundJob.id.desc())
    )


def any_open(jobs: list[BackgroundJob]) -> bool:
    return any(job.status in OPEN_STATUSES for job in jobs)


def job_view(job: BackgroundJob) -> dict[str, Any]:
    """What the page shows of a job; `subject` is the task's first argument (kind or programme)."""
    total = job.progress_total
    done = min(job.progress_done or 0, total) if total else 0
    if job.status == JobStatus.DONE.value:
        percent = 100
    else:
        percent = round(100 * done / total) if total else 0
    subject = job.args[0] if job.args else None
    programme = None
    if job.task == task_names.REMATCH_OPEN_IDEAS and isinstance(subject, int):
        programme = db.session.get(Programme, subject)
    return {
        "job": job,
        "done": done,
        "total": total,
        "percent": percent,
        "kind": subject if job.task == task_names.CANDIDATE_CHANGED else None,
        "programme": programme,
    }
