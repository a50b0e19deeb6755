"""Pages that keep what they computed under a fingerprint of its data: never stale, never re-solved.

The pairing plan and the reports are kept in the page cache (Redis when configured, else the
process); these tests change the data between two views the way the app does (through the
ORM, bulk updates included) and check that the page follows, and that a repeat view of
unchanged data does not solve the plan again.
"""

from __future__ import annotations

import re

import pytest
import sqlalchemy as sa

from mentorship.extensions import db
from mentorship.infrastructure import page_cache
from mentorship.models import Match
from mentorship.services import pairing
from tests.conftest import AuthActions, app_config
from tests.factories import IdeaFactory, LeadFactory, MatchFactory, MentorFactory


@pytest.fixture
def solves(monkeypatch):
    """How many times the plan was solved (each view that solves runs both objectives)."""
    calls = []
    solver = pairing.assign_mentors

    def counting(*args, **kwargs):
        calls.append(args)
        return solver(*args, **kwargs)

    monkeypatch.setattr(pairing, "assign_mentors", counting)
    return calls


def planned(html: str) -> list[int]:
    return [int(found) for found in re.findall(r'name="selected" value="(\d+)"', html)]


def free_places(html: str) -> list[str]:
    return re.findall(r"(\d+) free places?", html)


def test_a_repeat_view_does_not_solve_the_plan_again(client, auth, solves):
    MatchFactory(score=0.8)
    auth.login(LeadFactory().email)
    first = client.get("/lead/plan").get_data(as_text=True)
    solved = len(solves)
    assert solved == 2  # both objectives, once
    second = client.get("/lead/plan").get_data(as_text=True)
    assert len(solves) == solved
    assert planned(second) == planned(first) and len(planned(first)) == 1


def test_a_changed_proposal_gives_a_new_plan(client, auth, solves):
    star = MentorFactory(mentor_profile__capacity=1)
    first, second = IdeaFactory(), IdeaFactory()
    high = MatchFactory(idea=first, mentor=star, score=0.9)
    low = MatchFactory(idea=second, mentor=star, score=0.5)
    auth.login(LeadFactory().email)
    assert planned(client.get("/lead/plan").get_data(as_text=True)) == [high.id]
    # Matching rescores with a bulk update, as services/matching.py does.
    db.session.execute(
        sa.update(Match),
        [{"id": low.id, "score": 0.95}],
        execution_options={"synchronize_session": False},
    )
    db.session.commit()
    assert planned(client.get("/lead/plan").get_data(as_text=True)) == [low.id]
    assert len(solves) == 4


def test_a_withdrawn_proposal_leaves_the_plan(client, auth):
    kept, withdrawn = MatchFactory(score=0.7), MatchFactory(score=0.6)
    auth.login(LeadFactory().email)
    assert sorted(planned(client.get("/lead/plan").get_data(as_text=True))) == sorted(
        [kept.id, withdrawn.id]
    )
    db.session.execute(sa.delete(Match).where(Match.id == withdrawn.id))
    db.session.commit()
    assert planned(client.get("/lead/plan").get_data(as_text=True)) == [kept.id]


def test_a_changed_capacity_gives_a_new_plan(client, auth, solves):
    mentor = MentorFactory(mentor_profile__capacity=1)
    first = MatchFactory(idea=IdeaFactory(), mentor=mentor, score=0.9)
    second = MatchFactory(idea=IdeaFactory(), mentor=mentor, score=0.8)
    auth.login(LeadFactory().email)
    html = client.get("/lead/plan").get_data(as_text=True)
    assert planned(html) == [first.id] and free_places(html) == ["1"]
    mentor.mentor_profile.capacity = 3
    db.session.commit()
    html = client.get("/lead/plan").get_data(as_text=True)
    assert planned(html) == [first.id, second.id] and free_places(html) == ["3", "3"]
    assert len(solves) == 4
    client.get("/lead/plan")
    assert len(solves) == 4


def test_the_plan_is_kept_per_objective(client, auth, solves):
    MatchFactory(score=0.8)
    auth.login(LeadFactory().email)
    best = client.get("/lead/plan").get_data(as_text=True)
    most = client.get("/lead/plan?objective=most_matched").get_data(as_text=True)
    assert len(solves) == 4
    assert client.get("/lead/plan").get_data(as_text=True) == best
    assert client.get("/lead/plan?objective=most_matched").get_data(as_text=True) == most
    assert len(solves) == 4


def test_reports_follow_a_decision(client, auth):
    match = MatchFactory(status="accepted")
    auth.login(LeadFactory().email)

    def approved_mentors(html: str) -> str:
        return re.search(r'id="report-funnel".*?</section>', html, re.S).group(0)

    before = approved_mentors(client.get("/lead/dashboard").get_data(as_text=True))
    assert client.get("/lead/dashboard").get_data(as_text=True).count("report-funnel") > 0
    match.status = "approved"
    db.session.commit()
    after = approved_mentors(client.get("/lead/dashboard").get_data(as_text=True))
    assert after != before


def test_the_plan_is_shared_through_redis_and_survives_its_outage(
    _schema, tmp_path, redis_url, solves
):
    """Two web processes share one solved plan; a Redis that stops answering is only a miss."""
    from mentorship import create_app
    from tests.conftest import empty_all_tables

    apps = [create_app(app_config(_schema, tmp_path, REDIS_URL=redis_url)) for _ in range(2)]
    try:
        with apps[0].app_context():
            MatchFactory(score=0.8)
            lead = LeadFactory()
            db.session.commit()
            email = lead.email
        for app in apps:
            with app.app_context():
                client = app.test_client()
                AuthActions(client).login(email)
                assert len(planned(client.get("/lead/plan").get_data(as_text=True))) == 1
        assert len(solves) == 2  # the second process found the first one's plan in Redis
        with apps[1].app_context():
            store = apps[1].extensions[page_cache.EXTENSION]
            store._redis_url = "redis://127.0.0.1:1/0"  # nothing listens there
            store._client = None
            page_cache.clear_local()
            client = apps[1].test_client()
            AuthActions(client).login(email)
            response = client.get("/lead/plan")
            assert (
                response.status_code == 200 and len(planned(response.get_data(as_text=True))) == 1
            )
    finally:
        with apps[0].app_context():
            db.session.remove()
            empty_all_tables()
        for app in apps:
            with app.app_context():
                db.engine.dispose()


def queued(html: str) -> list[int]:
    return [int(found) for found in re.findall(r'id="match-(\d+)"', html)]


def test_the_approval_queue_follows_a_decision(client, auth):
    first = MatchFactory(status="accepted", score=0.9)
    second = MatchFactory(status="accepted", score=0.8)
    auth.login(LeadFactory().email)
    assert queued(client.get("/lead/approvals").get_data(as_text=True)) == [first.id, second.id]
    first.status = "approved"
    db.session.commit()
    assert queued(client.get("/lead/approvals").get_data(as_text=True)) == [second.id]


def test_the_kept_queue_carries_the_requests_own_csrf_token(client, auth):
    MatchFactory(status="accepted")
    auth.login(LeadFactory().email)
    for _ in range(2):  # the second view is the kept list
        html = client.get("/lead/approvals").get_data(as_text=True)
        meta = re.search(r'name="csrf-token" content="([^"]+)"', html).group(1)
        fields = set(re.findall(r'name="csrf_token"[^>]*value="([^"]+)"', html))
        assert fields == {meta} and "csrf-token-slot" not in html


def test_the_queue_pages_count_all_rows_in_one_query(client, auth):
    matches = [MatchFactory(status="accepted", score=0.9 - i / 10) for i in range(3)]
    auth.login(LeadFactory().email)
    second = client.get("/lead/approvals?per_page=1&page=2").get_data(as_text=True)
    assert queued(second) == [matches[1].id] and "Page 2 of 3" in second
    past = client.get("/lead/approvals?per_page=1&page=9")
    html = past.get_data(as_text=True)
    # A page past the end shows the last page and says so.
    assert past.status_code == 200 and queued(html) == [matches[2].id]
    assert "There is no page 9; this is the last page, 3." in html
