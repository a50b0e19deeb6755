"""POST /api/v1/ideas with an Idempotency-Key: a retried submission never makes a second idea."""

from __future__ import annotations

import threading
import time
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa

from mentorship.contract.ideas import IdeaInput
from mentorship.contract.parsing import parse
from mentorship.extensions import db
from mentorship.models import Idea, IdeaSubmission
from mentorship.services.idea_submissions import request_hash
from tests.api.conftest import error_of
from tests.conftest import _service_missing
from tests.factories import EntrepreneurFactory, IdeaFactory

IDEA = {
    "title": "Pekmez od šljiva iz Merošine",
    "description": "Ajvar i pekmez za hotele u Nišu i Čačku.",
    "offers": "plum jam, ajvar",
    "seeks": "glass jars, a cold store",
}


def idea_count() -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(Idea))


def post(client, headers, key=None, body=IDEA):
    extra = {"Idempotency-Key": key} if key is not None else {}
    return client.post("/api/v1/ideas", json=body, headers={**headers, **extra})


def test_a_repeat_with_the_same_key_answers_the_first_idea(client, entrepreneur_headers):
    first = post(client, entrepreneur_headers, "order-17")
    again = post(client, entrepreneur_headers, "order-17")
    assert (first.status_code, again.status_code) == (201, 201)
    assert again.get_json()["id"] == first.get_json()["id"]
    assert idea_count() == 1


def test_a_replayed_answer_says_so_in_a_header(client, entrepreneur_headers):
    post(client, entrepreneur_headers, "order-17")
    again = post(client, entrepreneur_headers, "order-17")
    assert again.headers["Idempotent-Replayed"] == "true"
    assert again.headers["Location"].endswith(f"/api/v1/ideas/{again.get_json()['id']}")


def test_without_a_key_each_submission_is_a_new_idea(client, entrepreneur_headers):
    post(client, entrepreneur_headers)
    post(client, entrepreneur_headers)
    assert idea_count() == 2


def test_different_keys_make_different_ideas(client, entrepreneur_headers):
    first = post(client, entrepreneur_headers, "a-1").get_json()["id"]
    second = post(client, entrepreneur_headers, "a-2").get_json()["id"]
    assert first != second


def test_keys_belong_to_one_account(client, entrepreneur_headers, api_headers):
    other_headers = api_headers(EntrepreneurFactory())
    mine = post(client, entrepreneur_headers, "shared-key").get_json()["id"]
    theirs = post(client, other_headers, "shared-key")
    assert theirs.status_code == 201 and theirs.get_json()["id"] != mine


def test_the_same_key_with_a_different_body_is_409_and_saves_nothing(client, entrepreneur_headers):
    post(client, entrepreneur_headers, "order-17")
    response = post(client, entrepreneur_headers, "order-17", {**IDEA, "title": "Something else"})
    assert response.status_code == 409
    assert "Idempotency-Key" in error_of(response)["message"]
    assert idea_count() == 1


def test_whitespace_the_validation_strips_does_not_count_as_a_different_body(
    client, entrepreneur_headers
):
    first = post(client, entrepreneur_headers, "k").get_json()["id"]
    again = post(client, entrepreneur_headers, "k", {**IDEA, "title": f"  {IDEA['title']}  "})
    assert (again.status_code, again.get_json()["id"]) == (201, first)


def test_a_key_older_than_24_hours_no_longer_holds(client, entrepreneur_headers):
    first = post(client, entrepreneur_headers, "order-17").get_json()["id"]
    db.session.execute(
        sa.update(IdeaSubmission).values(created_at=datetime.now(UTC) - timedelta(hours=25))
    )
    db.session.commit()
    again = post(client, entrepreneur_headers, "order-17")
    assert again.status_code == 201 and again.get_json()["id"] != first


def test_expired_keys_of_any_account_are_cleaned_up_by_later_submissions(
    client, entrepreneur_headers
):
    old_idea = IdeaFactory()
    db.session.add(
        IdeaSubmission(
            owner_id=old_idea.owner_id,
            key="old",
            request_hash="x" * 64,
            idea_id=old_idea.id,
            created_at=datetime.now(UTC) - timedelta(days=3),
        )
    )
    db.session.commit()
    post(client, entrepreneur_headers, "fresh")
    keys = set(db.session.scalars(sa.select(IdeaSubmission.key)))
    assert keys == {"fresh"}


@pytest.mark.parametrize("key", ["", "x" * 256, "tab\there", "line\x7fdel"])
def test_a_key_that_is_empty_too_long_or_not_printable_is_422_naming_it(
    client, entrepreneur_headers, key
):
    response = post(client, entrepreneur_headers, key)
    assert response.status_code == 422
    assert "Idempotency-Key" in error_of(response)["fields"]
    assert idea_count() == 0


def test_a_key_of_255_printable_characters_is_accepted(client, entrepreneur_headers):
    assert post(client, entrepreneur_headers, "k" * 254 + "~").status_code == 201


def test_a_key_reused_after_the_idea_was_withdrawn_is_409(client, entrepreneur_headers):
    idea_id = post(client, entrepreneur_headers, "order-17").get_json()["id"]
    client.post(f"/api/v1/ideas/{idea_id}/withdraw", headers=entrepreneur_headers)
    response = post(client, entrepreneur_headers, "order-17")
    assert response.status_code == 409
    assert idea_count() == 1


@contextmanager
def database_fails_after_the_idea_commits():
    """Every statement after the commit that saved an idea fails, as on a dropped connection."""
    state = {"idea_flushed": False, "armed": False, "failed": 0}

    def after_flush(session, _context):
        state["idea_flushed"] |= any(isinstance(item, Idea) for item in session.new)

    def after_commit(_session):
        state["armed"] |= state["idea_flushed"]

    def before_cursor_execute(_conn, _cursor, statement, parameters, _context, _many):
        if state["armed"]:
            state["failed"] += 1
            raise sa.exc.OperationalError(
                statement, parameters, ConnectionError("server closed the connection")
            )

    listeners = [
        (db.session, "after_flush", after_flush),
        (db.session, "after_commit", after_commit),
        (db.engine, "before_cursor_execute", before_cursor_execute),
    ]
    for target, name, listener in listeners:
        sa.event.listen(target, name, listener)
    try:
        yield state
    finally:
        for target, name, listener in listeners:
            sa.event.remove(target, name, listener)


def test_a_database_failure_after_the_commit_still_answers_201(client, entrepreneur_headers):
    with database_fails_after_the_idea_commits() as state:
        response = post(client, entrepreneur_headers, "order-17")
    assert state["failed"] > 0
    assert response.status_code == 201
    assert response.get_json()["title"] == IDEA["title"]


def test_the_retry_after_a_failure_past_the_commit_finds_the_saved_idea(
    client, entrepreneur_headers
):
    with database_fails_after_the_idea_commits():
        first = post(client, entrepreneur_headers, "order-17")
    again = post(client, entrepreneur_headers, "order-17")
    assert again.status_code == 201
    assert again.get_json()["id"] == first.get_json()["id"]
    assert idea_count() == 1


def test_a_database_failure_before_the_commit_is_503_and_saves_nothing(
    client, entrepreneur_headers
):
    failed = []

    def before_cursor_execute(_conn, _cursor, statement, parameters, _context, _many):
        if statement.startswith("INSERT INTO idea_submissions") and not failed:
            failed.append(statement)
            raise sa.exc.OperationalError(statement, parameters, ConnectionError("gone"))

    sa.event.listen(db.engine, "before_cursor_execute", before_cursor_execute)
    try:
        response = post(client, entrepreneur_headers, "order-17")
    finally:
        sa.event.remove(db.engine, "before_cursor_execute", before_cursor_execute)
    assert (response.status_code, error_of(response)["code"]) == (503, "unavailable")
    assert "same Idempotency-Key" in error_of(response)["message"]
    assert idea_count() == 0
    assert post(client, entrepreneur_headers, "order-17").status_code == 201
    assert idea_count() == 1


def _require_postgresql(database_url: str) -> None:
    if not database_url.startswith("postgresql"):
        _service_missing("needs concurrent connections to PostgreSQL: set TEST_DATABASE_URL")


def test_a_submission_that_loses_the_race_for_its_key_answers_the_winners_idea(
    app, _schema, entrepreneur, entrepreneur_headers
):
    """Stage the race: another transaction holds the same key, uncommitted, while we submit."""
    _require_postgresql(_schema)
    winner = IdeaFactory(owner=entrepreneur)
    owner_id, winner_id = entrepreneur.id, winner.id
    fingerprint = request_hash(parse(IdeaInput, dict(IDEA)))
    db.session.remove()
    answers = []

    def submit() -> None:
        answers.append(post(app.test_client(), entrepreneur_headers, "order-17"))

    with db.engine.connect() as rival:
        rival.execute(
            sa.insert(IdeaSubmission).values(
                owner_id=owner_id,
                key="order-17",
                request_hash=fingerprint,
                idea_id=winner_id,
                created_at=datetime.now(UTC),
            )
        )
        loser = threading.Thread(target=submit)
        loser.start()
        time.sleep(1.0)  # the loser is now waiting on the unique (owner, key) index
        rival.commit()
    loser.join(timeout=60)
    assert [(a.status_code, a.get_json()["id"]) for a in answers] == [(201, winner_id)]
    assert idea_count() == 1


def test_simultaneous_requests_with_one_key_make_one_idea(app, _schema, entrepreneur_headers):
    _require_postgresql(_schema)
    db.session.remove()
    requests = 4
    barrier = threading.Barrier(requests)
    answers, lock = [], threading.Lock()

    def submit() -> None:
        client = app.test_client()
        barrier.wait()
        response = post(client, entrepreneur_headers, "double-click")
        with lock:
            answers.append((response.status_code, response.get_json()["id"]))

    threads = [threading.Thread(target=submit) for _ in range(requests)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert len(answers) == requests
    assert {status for status, _id in answers} == {201}
    assert len({idea_id for _status, idea_id in answers}) == 1
    assert idea_count() == 1
