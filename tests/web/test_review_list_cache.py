"""The mentor's review list is kept under a fingerprint of its data: never stale, not rebuilt twice.

Each test changes the data between two views the way the app does (through the ORM) and checks
that the list follows: a business renamed, a programme renamed, a capacity changed, a decision;
and that a repeat view of unchanged data neither loads nor renders the list again.
"""

from __future__ import annotations

import re

import pytest
import sqlalchemy as sa
from flask import g

from mentorship.extensions import db
from mentorship.models import Programme
from mentorship.review import queue
from tests.conftest import csrf_token_from
from tests.factories import IdeaFactory, MatchFactory, MentorFactory


@pytest.fixture
def renders(monkeypatch):
    """How many times the list was loaded and rendered."""
    calls = []
    render = queue._render

    def counting(*args, **kwargs):
        calls.append(args)
        return render(*args, **kwargs)

    monkeypatch.setattr(queue, "_render", counting)
    return calls


@pytest.fixture
def mentor(auth):
    mentor = MentorFactory(mentor_profile__capacity=3)
    auth.login(mentor.email)
    return mentor


def listed(html: str) -> list[int]:
    return [int(found) for found in re.findall(r'id="match-(\d+)"', html)]


def test_a_repeat_view_does_not_load_the_list_again(client, mentor, renders):
    match = MatchFactory(mentor=mentor)
    first = client.get("/reviews").get_data(as_text=True)
    second = client.get("/reviews").get_data(as_text=True)
    assert listed(first) == listed(second) == [match.id]
    assert len(renders) == 1


def test_a_renamed_business_shows_at_once(client, mentor, renders):
    match = MatchFactory(mentor=mentor)
    profile = match.idea.owner.entrepreneur_profile
    assert profile.business_name in client.get("/reviews").get_data(as_text=True)
    profile.business_name = "Sirana Zlatar"
    db.session.commit()
    assert "Sirana Zlatar" in client.get("/reviews").get_data(as_text=True)
    assert len(renders) == 2


def test_a_renamed_programme_shows_in_the_filter(client, mentor):
    programme = Programme(name="Spring school")
    db.session.add(programme)
    db.session.commit()
    MatchFactory(mentor=mentor, idea=IdeaFactory(programme=programme))
    assert ">Spring school</option>" in client.get("/reviews").get_data(as_text=True)
    db.session.execute(sa.update(Programme).values(name="Autumn school"))
    db.session.commit()
    html = client.get("/reviews").get_data(as_text=True)
    assert ">Autumn school</option>" in html and "Spring school" not in html


def test_a_changed_capacity_changes_the_places_in_the_reasons(client, mentor):
    MatchFactory(mentor=mentor)
    assert "3 more" in client.get("/reviews").get_data(as_text=True)
    mentor.mentor_profile.capacity = 2
    db.session.commit()
    assert "2 more" in client.get("/reviews").get_data(as_text=True)


def test_a_decision_moves_the_idea_to_its_tab_and_the_kept_token_works(client, mentor):
    first, second = MatchFactory(mentor=mentor, score=0.9), MatchFactory(mentor=mentor, score=0.8)
    client.get("/reviews")
    page = client.get("/reviews").get_data(as_text=True)  # the kept list
    response = client.post(
        f"/reviews/{first.id}",
        data={"csrf_token": csrf_token_from(page), "decision": "accept"},
    )
    assert response.status_code == 302
    assert listed(client.get("/reviews").get_data(as_text=True)) == [second.id]
    assert listed(client.get("/reviews?status=accepted").get_data(as_text=True)) == [first.id]


def test_the_kept_list_carries_the_requests_own_csrf_token(client, mentor):
    MatchFactory(mentor=mentor)

    def tokens() -> tuple[str, set[str]]:
        html = client.get("/reviews").get_data(as_text=True)
        assert "csrf-token-slot" not in html
        meta = re.search(r'name="csrf-token" content="([^"]+)"', html).group(1)
        return meta, set(re.findall(r'name="csrf_token"[^>]*value="([^"]+)"', html))

    first, fields = tokens()
    assert fields == {first}
    with client.session_transaction() as session:
        del session["csrf_token"]  # a new secret: as another browser of hers would have
    g.pop("csrf_token", None)  # flask-wtf keeps the token on `g`, which tests share
    second, fields = tokens()  # the kept list
    assert fields == {second} and second != first


def test_another_mentor_never_sees_the_kept_list(client, auth, mentor):
    MatchFactory(mentor=mentor)
    assert listed(client.get("/reviews").get_data(as_text=True))
    auth.logout()
    auth.login(MentorFactory().email)
    assert listed(client.get("/reviews").get_data(as_text=True)) == []


def test_a_title_that_looks_like_the_token_slot_is_shown_as_written(client, mentor):
    """The kept HTML holds a slot for the request's token; user text that spells a slot's
    name must not be replaced by the token."""
    MatchFactory(mentor=mentor, idea=IdeaFactory(title="Jam {csrf-token-slot} csrf-token-slot"))
    for _ in range(2):  # drawn, then kept
        html = client.get("/reviews").get_data(as_text=True)
        assert "Jam {csrf-token-slot} csrf-token-slot" in html
