"""Background jobs against a real Redis, without a worker: what the web and the sweep write."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import redis
import sqlalchemy as sa

from mentorship import task_names
from mentorship.extensions import db
from mentorship.infrastructure import job_runs, recovery
from mentorship.infrastructure.background import enqueue
from mentorship.models import BackgroundJob, Idea
from tests.factories import IdeaFactory

QUEUE = "celery"


def queued_messages(url: str) -> int:
    return redis.Redis.from_url(url).llen(QUEUE)


def test_work_is_written_down_before_it_is_published(redis_app, clean_redis):
    idea = IdeaFactory(status="submitted")
    enqueue(task_names.MATCH_IDEA, idea.id)
    job = db.session.scalars(sa.select(BackgroundJob)).one()
    assert (job.task, job.args, job.status) == (task_names.MATCH_IDEA, [idea.id], "queued")
    expires_at = job.expires_at.replace(tzinfo=job.expires_at.tzinfo or UTC)  # SQLite: naive
    assert expires_at > datetime.now(UTC) + timedelta(seconds=60)  # published: not due
    assert queued_messages(clean_redis) == 1


def test_a_second_delivery_of_a_running_or_finished_job_does_nothing(redis_app, clean_redis):
    job = enqueue(task_names.REMATCH_OPEN_IDEAS, None)
    runs: list[int] = []
    assert job_runs.run_claimed(job.id, lambda: runs.append(1) or 0, (), {}) == 0
    assert job_runs.run_claimed(job.id, lambda: runs.append(2) or 0, (), {}) == "duplicate"
    db.session.refresh(job)
    assert runs == [1] and (job.status, job.attempts) == ("done", 1)


def test_a_failed_job_keeps_its_reason(redis_app, clean_redis):
    job = enqueue(task_names.REMATCH_OPEN_IDEAS, None)

    def broken():
        raise ValueError("the index file is unreadable")

    try:
        job_runs.run_claimed(job.id, broken, (), {})
    except ValueError:
        pass
    db.session.refresh(job)
    assert job.status == "failed" and "the index file is unreadable" in job.error


def test_a_queued_bulk_rematch_takes_in_later_requests(redis_app, clean_redis):
    first = enqueue(task_names.REMATCH_OPEN_IDEAS, None)
    again = enqueue(task_names.REMATCH_OPEN_IDEAS, None)
    other = enqueue(task_names.REMATCH_OPEN_IDEAS, 7)
    assert again.id == first.id and other.id != first.id
    assert queued_messages(clean_redis) == 2


def test_the_sweep_queues_a_job_whose_lease_ran_out_and_publishes_it(redis_app, clean_redis):
    job = enqueue(task_names.REMATCH_OPEN_IDEAS, None)
    assert job_runs.claim(job.id)
    redis.Redis.from_url(clean_redis).delete(QUEUE)
    assert recovery.recover_work()["expired"] == 0  # the lease still runs
    job.expires_at = datetime.now(UTC) - timedelta(seconds=1)
    db.session.commit()
    found = recovery.recover_work()
    db.session.refresh(job)
    assert (found["expired"], found["published"], job.status) == (1, 1, "queued")
    assert queued_messages(clean_redis) == 1


def test_the_sweep_publishes_every_queued_job_again_when_redis_lost_its_data(
    redis_app, clean_redis
):
    recovery.recover_work()  # the first sweep leaves its marker in Redis
    enqueue(task_names.MATCH_IDEA, IdeaFactory(status="submitted").id)
    assert recovery.recover_work()["forgotten"] == 0  # the marker is there: nothing was lost
    redis.Redis.from_url(clean_redis).flushdb()  # a restart without persistence
    found = recovery.recover_work()
    assert (found["forgotten"], found["published"]) == (1, 1)
    assert queued_messages(clean_redis) == 1


def test_the_sweep_requeues_ideas_left_waiting_without_a_job(redis_app, clean_redis):
    waiting = IdeaFactory(status="submitted")
    fresh = IdeaFactory(status="submitted")
    db.session.execute(
        sa.update(Idea)
        .where(Idea.id == waiting.id)
        .values(updated_at=datetime.now(UTC) - timedelta(seconds=61))
    )
    db.session.commit()
    assert recovery.recover_work()["stale_ideas"] == 1
    job = db.session.scalars(sa.select(BackgroundJob)).one()
    assert job.args == [waiting.id] and fresh.id != waiting.id
