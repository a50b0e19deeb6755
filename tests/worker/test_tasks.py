"""Matching through Redis and a real worker process: delivery, idempotency, crashes, outages."""

from __future__ import annotations

import shutil
import socket
import subprocess

import sqlalchemy as sa

from mentorship import task_names
from mentorship.extensions import db
from mentorship.infrastructure.background import enqueue
from mentorship.infrastructure.recovery import recover_work
from mentorship.models import Idea, Match
from mentorship.services.ideas import submit_idea
from tests.conftest import _service_missing
from tests.factories import ClusterFactory, EntrepreneurFactory, MentorFactory, PartnerFactory
from tests.worker.conftest import wait_until


def seed_directory() -> None:
    MentorFactory(mentor_profile__expertise="jam, fruit processing, food safety, HACCP, export")
    MentorFactory(
        mentor_profile__expertise="software development, web shops, ICT",
        mentor_profile__sectors=["ict"],
        mentor_profile__headline="Web and software",
    )
    PartnerFactory(name="Hotel SUMATOVAC", seeks="local food, jam, honey, cheese")
    ClusterFactory(name="Nis Region Agro Start Up Cluster")


def idea_status(idea_id: int) -> str:
    db.session.expire_all()
    return db.session.get(Idea, idea_id).status


def matches_of(idea_id: int) -> list[Match]:
    db.session.expire_all()
    return list(
        db.session.scalars(sa.select(Match).where(Match.idea_id == idea_id).order_by(Match.id))
    )


def submit(owner) -> int:
    idea = submit_idea(
        owner,
        {
            "title": "Plum jam for hotels",
            "needs": ["mentor", "partner", "cluster"],
            "description": "Homemade plum jam and winter food from Merošina orchards, sold to hotels.",
            "sector": "food",
        },
    )
    return idea.id


def test_submitted_idea_is_matched_by_a_real_worker(redis_app, start_worker, clean_redis):
    seed_directory()
    start_worker(clean_redis)
    idea_id = submit(EntrepreneurFactory())
    wait_until(lambda: idea_status(idea_id) == "matched")
    kinds = {match.kind for match in matches_of(idea_id)}
    assert kinds == {"mentor", "partner", "cluster"}


def test_rerunning_a_match_task_replaces_proposals_without_duplicates(
    redis_app, start_worker, clean_redis
):
    seed_directory()
    worker = start_worker(clean_redis)
    idea_id = submit(EntrepreneurFactory())
    wait_until(lambda: idea_status(idea_id) == "matched")
    first = sorted((m.kind, m.target_id, m.rank) for m in matches_of(idea_id))
    enqueue(task_names.MATCH_IDEA, idea_id)
    enqueue(task_names.MATCH_IDEA, idea_id)
    wait_until(lambda: worker.count_log("succeeded") >= 3)
    again = sorted((m.kind, m.target_id, m.rank) for m in matches_of(idea_id))
    assert again == first


def test_a_match_the_mentor_accepted_survives_a_rematch(redis_app, start_worker, clean_redis):
    seed_directory()
    worker = start_worker(clean_redis)
    idea_id = submit(EntrepreneurFactory())
    wait_until(lambda: idea_status(idea_id) == "matched")
    accepted = next(m for m in matches_of(idea_id) if m.kind == "mentor")
    accepted.status, accepted.review_note = "accepted", "Happy to help"
    db.session.commit()
    accepted_id = accepted.id
    enqueue(task_names.MATCH_IDEA, idea_id)
    wait_until(lambda: worker.count_log("succeeded") >= 2)
    survivor = db.session.get(Match, accepted_id)
    assert (survivor.status, survivor.review_note) == ("accepted", "Happy to help")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_an_idea_submitted_while_the_broker_is_down_is_matched_once_it_is_back(
    _schema, tmp_path, start_worker
):
    server = shutil.which("redis-server")
    if server is None:
        _service_missing("redis-server is not installed: the broker outage cannot be staged")
    from mentorship import create_app
    from tests.conftest import app_config, empty_all_tables

    port = _free_port()
    broker_url = f"redis://127.0.0.1:{port}/0"
    app = create_app(app_config(_schema, tmp_path, REDIS_URL=broker_url))
    with app.app_context():
        try:
            seed_directory()
            idea_id = submit(EntrepreneurFactory())
            assert idea_status(idea_id) == "submitted"
            redis_process = subprocess.Popen(
                [
                    server,
                    "--port",
                    str(port),
                    "--bind",
                    "127.0.0.1",
                    "--save",
                    "",
                    "--appendonly",
                    "no",
                ],
                stdout=subprocess.DEVNULL,
            )
            try:
                wait_until(lambda: _answers(broker_url), timeout=10)
                start_worker(broker_url)
                # The idea's job waited in the database; the recovery sweep publishes it.
                assert recover_work()["published"] == 1
                wait_until(lambda: idea_status(idea_id) == "matched")
            finally:
                redis_process.terminate()
                redis_process.wait(timeout=10)
        finally:
            db.session.remove()
            empty_all_tables()


def _answers(url: str) -> bool:
    import redis

    try:
        return bool(redis.Redis.from_url(url, socket_connect_timeout=0.5).ping())
    except Exception:
        return False
