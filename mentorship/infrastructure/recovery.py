"""The recovery sweep, run by beat every RECOVERY_INTERVAL_SECONDS: nothing waits on a lost message.

1. A broker restarted without its data has forgotten every queued message: all queued jobs are
   published again (a marker key in the broker tells whether it still remembers).
2. A running job whose lease ran out lost its worker: it is queued again.
3. Queued jobs that are due are published: the broker refused them (it was down), or they
   waited past JOB_QUEUE_PATIENCE_SECONDS without starting.
4. Ideas still waiting after STALE_IDEA_SECONDS are matched again, for work that never got a
   job (the web process died between its commit and the enqueue).
Every step may hand out work twice; a job runs only for the delivery that claims it, and
matching again replaces only untouched proposals.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta, timezone

import sqlalchemy as sa
from flask import current_app

from mentorship import task_names
from mentorship.extensions import db
from mentorship.infrastructure.background import enqueue, publish
from mentorship.models import BackgroundJob, Idea, IdeaStatus, JobStatus

log = logging.getLogger(__name__)
# Set in the broker's own database: if it is missing, the broker lost what it held.
BROKER_MEMORY_KEY = "mentorship:broker-remembers"
PUBLISH_BATCH = 500


def _now() -> datetime:
    return datetime.now(timezone.utc)


def recover_work() -> dict[str, int]:
    return {
        "forgotten": requeue_if_broker_forgot(),
        "expired": requeue_expired_leases(),
        "published": publish_due_jobs(),
        "stale_ideas": sweep_stale_ideas(),
    }


def _queued(where: sa.ColumnElement[bool]) -> int:
    moved = db.session.execute(
        sa.update(BackgroundJob)
        .where(where)
        .values(status=JobStatus.QUEUED.value, expires_at=_now()),
        execution_options={"synchronize_session": False},
    )
    db.session.commit()
    return moved.rowcount


def requeue_if_broker_forgot() -> int:
    redis_url = current_app.config.get("REDIS_URL")
    if not redis_url:
        return 0
    import redis

    client = redis.Redis.from_url(redis_url, socket_connect_timeout=2, socket_timeout=5)
    try:
        forgot = bool(client.set(BROKER_MEMORY_KEY, "1", nx=True))
    finally:
        client.close()
    if not forgot:
        return 0
    count = _queued(BackgroundJob.status == JobStatus.QUEUED.value)
    if count:
        log.warning("the broker lost its queue: %d queued jobs are published again", count)
    return count


def requeue_expired_leases() -> int:
    count = _queued(
        sa.and_(BackgroundJob.status == JobStatus.RUNNING.value, BackgroundJob.expires_at < _now())
    )
    if count:
        log.warning("%d running jobs lost their worker and are queued again", count)
    return count


def publish_due_jobs() -> int:
    now = _now()
    due = db.session.execute(
        sa.select(BackgroundJob.id, BackgroundJob.task, BackgroundJob.args)
        .where(BackgroundJob.status == JobStatus.QUEUED.value, BackgroundJob.expires_at <= now)
        .order_by(BackgroundJob.id)
        .limit(PUBLISH_BATCH)
    ).all()
    if not due:
        return 0
    patience = timedelta(seconds=current_app.config["JOB_QUEUE_PATIENCE_SECONDS"])
    db.session.execute(
        sa.update(BackgroundJob)
        .where(BackgroundJob.id.in_([row.id for row in due]))
        .values(expires_at=now + patience),
        execution_options={"synchronize_session": False},
    )
    db.session.commit()
    published = 0
    for row in due:
        if not publish(row.id, row.task, row.args, sweeping=True):
            break
        published += 1
    return published


def sweep_stale_ideas(older_than: timedelta | None = None) -> int:
    """Re-enqueue ideas stuck in submitted or matching, so no outage loses an idea."""
    if older_than is None:
        older_than = timedelta(seconds=current_app.config["STALE_IDEA_SECONDS"])
    cutoff = _now() - older_than
    # Touching updated_at re-queues each idea at most once per period, even if the queue is slow.
    stale = list(
        db.session.scalars(
            sa.update(Idea)
            .where(
                Idea.status.in_((IdeaStatus.SUBMITTED.value, IdeaStatus.MATCHING.value)),
                Idea.updated_at <= cutoff,
            )
            .values(updated_at=_now())
            .returning(Idea.id),
            execution_options={"synchronize_session": False},
        )
    )
    db.session.commit()
    for idea_id in stale:
        enqueue(task_names.MATCH_IDEA, idea_id)
    return len(stale)
