"""A worker's side of a background job: claim it, hold its lease while it runs, record the end.

Deliveries are at least once (a message can come twice: redelivered by the broker, republished
by the recovery sweep). Only the delivery that claims the job runs it; the others return at once.
A running job's lease is renewed by a thread of the process that runs it; when the process dies
(SIGKILL, out of memory, a lost machine) the lease runs out and the recovery sweep queues the job
again, within seconds rather than the broker's visibility timeout.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from typing import Any

import sqlalchemy as sa
from celery.exceptions import Retry
from flask import Flask, current_app, g

from mentorship.extensions import db
from mentorship.models import BackgroundJob, JobStatus
from mentorship.task_names import BULK_TASKS

log = logging.getLogger(__name__)
JOBS = BackgroundJob.__table__


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _lease() -> timedelta:
    return timedelta(seconds=current_app.config["JOB_LEASE_SECONDS"])


def run_claimed(job_id: int, run: Callable[..., Any], args: tuple, kwargs: dict) -> Any:
    if not claim(job_id):
        log.info("job %s is done or running elsewhere: this delivery is a duplicate", job_id)
        return "duplicate"
    leases = lease_keeper()
    leases.hold(job_id)
    g.background_job_id = job_id
    try:
        result = run(*args, **kwargs)
    except Retry:
        db.session.rollback()
        _release(job_id)
        raise
    except BaseException as error:
        db.session.rollback()
        _fail(job_id, error)
        raise
    finally:
        leases.drop(job_id)
        g.pop("background_job_id", None)
    _finish(job_id)
    return result


def claim(job_id: int) -> bool:
    """Queued, or running under a lease that ran out: take it. Of two racing deliveries, one wins."""
    now = _now()
    claimed = db.session.execute(
        sa.update(BackgroundJob)
        .where(
            BackgroundJob.id == job_id,
            sa.or_(
                BackgroundJob.status == JobStatus.QUEUED.value,
                sa.and_(
                    BackgroundJob.status == JobStatus.RUNNING.value,
                    BackgroundJob.expires_at < now,
                ),
            ),
        )
        .values(
            status=JobStatus.RUNNING.value,
            expires_at=now + _lease(),
            attempts=BackgroundJob.attempts + 1,
            started_at=sa.func.coalesce(BackgroundJob.started_at, now),
        ),
        execution_options={"synchronize_session": False},
    )
    db.session.commit()
    return claimed.rowcount == 1


def _finish(job_id: int) -> None:
    """Bulk jobs stay for the jobs page; the others are simply gone once done."""
    job = db.session.get(BackgroundJob, job_id, populate_existing=True)
    if job is None:
        return
    if job.task in BULK_TASKS:
        job.status = JobStatus.DONE.value
        job.expires_at = None
        job.error = None
        job.finished_at = _now()
        if job.progress_total is not None:
            job.progress_done = job.progress_total
    else:
        db.session.delete(job)
    db.session.commit()


def _fail(job_id: int, error: BaseException) -> None:
    try:
        db.session.execute(
            sa.update(BackgroundJob)
            .where(BackgroundJob.id == job_id)
            .values(
                status=JobStatus.FAILED.value,
                expires_at=None,
                error=f"{type(error).__name__}: {error}"[:4000],
                finished_at=_now(),
            ),
            execution_options={"synchronize_session": False},
        )
        db.session.commit()
    except Exception:
        db.session.rollback()
        log.exception("could not record the failure of job %s", job_id)


def _release(job_id: int) -> None:
    """The task retries later by itself: the job waits for that message (or the sweep)."""
    db.session.execute(
        sa.update(BackgroundJob)
        .where(BackgroundJob.id == job_id)
        .values(status=JobStatus.QUEUED.value, expires_at=_now() + _lease() * 4),
        execution_options={"synchronize_session": False},
    )
    db.session.commit()


def current_job_id() -> int | None:
    return g.get("background_job_id")


def resume_point() -> tuple[int, int]:
    """(last item done, items done) of the current job's earlier runs; (0, 0) on a first run."""
    job_id = current_job_id()
    if job_id is None:
        return 0, 0
    row = db.session.execute(
        sa.select(JOBS.c.cursor, JOBS.c.progress_done).where(JOBS.c.id == job_id)
    ).first()
    return (row.cursor or 0, row.progress_done or 0) if row else (0, 0)


def record_progress(done: int, total: int, cursor: int) -> None:
    """Written in the caller's transaction, so the cursor moves only with the work it covers."""
    job_id = current_job_id()
    if job_id is None:
        return
    db.session.execute(
        sa.update(JOBS)
        .where(JOBS.c.id == job_id)
        .values(progress_done=done, progress_total=total, cursor=cursor)
    )


def lease_keeper() -> LeaseKeeper:
    app = current_app._get_current_object()
    keeper = app.extensions.get("job_leases")
    if keeper is None:
        keeper = app.extensions["job_leases"] = LeaseKeeper(app)
    return keeper


class LeaseKeeper:
    """Renews the leases of the jobs this process runs, every quarter lease, from one thread."""

    def __init__(self, app: Flask) -> None:
        self._app = app
        self._held: set[int] = set()
        self._lock = threading.Lock()
        self._thread_pid: int | None = None

    def hold(self, job_id: int) -> None:
        with self._lock:
            self._held.add(job_id)
            # Threads do not survive a fork: each worker child process starts its own.
            if self._thread_pid != os.getpid():
                self._thread_pid = os.getpid()
                threading.Thread(target=self._renew, name="job-leases", daemon=True).start()

    def drop(self, job_id: int) -> None:
        with self._lock:
            self._held.discard(job_id)

    def _renew(self) -> None:
        with self._app.app_context():
            seconds = self._app.config["JOB_LEASE_SECONDS"]
            while True:
                time.sleep(max(0.5, seconds / 4))
                with self._lock:
                    held = sorted(self._held)
                if held:
                    self._renew_now(held, seconds)

    def _renew_now(self, held: list[int], seconds: int) -> None:
        try:
            with db.engine.begin() as connection:
                if connection.dialect.name == "postgresql":
                    # A renewal gives way: it never waits long on a lock that other work
                    # holds (a table being emptied, a migration), it just tries next round.
                    connection.execute(sa.text("SET LOCAL lock_timeout = '200ms'"))
                connection.execute(
                    sa.update(JOBS)
                    .where(JOBS.c.id.in_(held), JOBS.c.status == JobStatus.RUNNING.value)
                    .values(expires_at=_now() + timedelta(seconds=seconds))
                )
        except Exception:  # noqa: BLE001 -- the next round tries again; the lease has slack
            log.warning("could not renew the leases of jobs %s", held, exc_info=True)
