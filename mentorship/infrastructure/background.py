"""Starts background work by task name: through the broker when REDIS_URL is set, in-process otherwise.

Services call `enqueue` only after their transaction committed, so a worker never looks for a
row that is not there yet. With a broker, each piece of work is first written down as a
`BackgroundJob` and the message only says "job N is ready": when the broker is down the job
waits in the database, and the recovery sweep publishes it as soon as the broker answers again.
Tasks are found by name in this app's Celery registry, so the web never imports the worker.
"""

from __future__ import annotations

import logging
import time
from datetime import datetime, timedelta, timezone
from typing import Any

import sqlalchemy as sa
from celery import Celery, Task
from flask import current_app, g

from mentorship.extensions import db
from mentorship.models import BackgroundJob, JobStatus
from mentorship.task_names import BULK_TASKS
from mentorship.tasks_runtime import JOB_KWARG

log = logging.getLogger(__name__)
# After a failed publish, later ones skip the broker this long, so submissions stay fast.
BROKER_BACKOFF_SECONDS = 5.0


def _now() -> datetime:
    return datetime.now(timezone.utc)


def embedded() -> bool:
    return not current_app.config.get("REDIS_URL") or bool(
        current_app.config.get("RUN_TASKS_INLINE")
    )


def task_named(name: str) -> Task:
    """The registered task; an unknown name fails here, in the web, not later in a worker."""
    celery: Celery = current_app.extensions["celery"]
    if name not in celery.tasks:
        celery.loader.import_default_modules()
    return celery.tasks[name]


def enqueue(task_name: str, *args: Any, created_by_id: int | None = None) -> BackgroundJob | None:
    """Run `task_name(*args)` in the background; bulk work returns its job (see the jobs page)."""
    task = task_named(task_name)
    if embedded():
        return _run_inline(task, list(args), created_by_id)
    job = _queued_twin(task_name, list(args))
    if job is not None:
        return job  # Not started yet: when it starts it sees this change too.
    job = BackgroundJob(
        task=task_name,
        args=list(args),
        status=JobStatus.QUEUED.value,
        expires_at=_now() + _patience(),
        created_by_id=created_by_id,
    )
    db.session.add(job)
    db.session.commit()
    publish(job.id, job.task, job.args)
    return job if task_name in BULK_TASKS else None


def _patience() -> timedelta:
    return timedelta(seconds=current_app.config["JOB_QUEUE_PATIENCE_SECONDS"])


def _queued_twin(task_name: str, args: list) -> BackgroundJob | None:
    if task_name not in BULK_TASKS:
        return None
    waiting = db.session.scalars(
        sa.select(BackgroundJob).where(
            BackgroundJob.task == task_name, BackgroundJob.status == JobStatus.QUEUED.value
        )
    )
    return next((job for job in waiting if job.args == args), None)


def publish(job_id: int, task_name: str, args: list, *, sweeping: bool = False) -> bool:
    """Hand the job to the broker; if it does not answer, the job is due for the next sweep.

    After a failure, requests skip the broker for a few seconds (a broker that times out would
    slow every submission); the sweep always tries.
    """
    backoff = current_app.extensions.setdefault("broker_backoff", {"until": 0.0})
    if sweeping or time.monotonic() >= backoff["until"]:
        try:
            current_app.extensions["celery"].send_task(
                task_name, args=args, kwargs={JOB_KWARG: job_id}, ignore_result=True
            )
            return True
        except Exception as error:  # noqa: BLE001 -- any broker failure means "try again later"
            backoff["until"] = time.monotonic() + BROKER_BACKOFF_SECONDS
            log.warning("broker unavailable, job %s waits for the sweep: %s", job_id, error)
    db.session.execute(
        sa.update(BackgroundJob)
        .where(BackgroundJob.id == job_id, BackgroundJob.status == JobStatus.QUEUED.value)
        .values(expires_at=_now()),
        execution_options={"synchronize_session": False},
    )
    db.session.commit()
    return False


def _run_inline(task: Task, args: list, created_by_id: int | None) -> BackgroundJob | None:
    """Embedded mode: run now, in this request; bulk work still gets a job for the jobs page."""
    job = None
    if task.name in BULK_TASKS:
        job = BackgroundJob(
            task=task.name,
            args=args,
            status=JobStatus.RUNNING.value,
            attempts=1,
            started_at=_now(),
            created_by_id=created_by_id,
        )
        db.session.add(job)
        db.session.commit()
        g.background_job_id = job.id
    try:
        result = task.apply(args=args, throw=False)
    finally:
        g.pop("background_job_id", None)
    if job is not None:
        db.session.rollback()
        job.status = JobStatus.FAILED.value if result.failed() else JobStatus.DONE.value
        job.error = f"{type(result.result).__name__}: {result.result}" if result.failed() else None
        job.finished_at = _now()
        db.session.commit()
    return job
