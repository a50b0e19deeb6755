"""An idea's status and matches are kept under a fingerprint of their data: never stale.

Each test changes the data between two views the way the app does and checks that the idea page
(and its polled part) follows; a repeat view of unchanged data does not load the matches again;
and what one reader sees is never served to another.
"""

from __future__ import annotations

import re

import pytest
from sqlalchemy.orm import Session

from mentorship.extensions import db
from mentorship.ideas import progress
from mentorship.models import Idea, Match
from tests.factories import (
    EntrepreneurFactory,
    IdeaFactory,
    LeadFactory,
    MatchFactory,
    MentorFactory,
    PartnerFactory,
)


@pytest.fixture
def loads(monkeypatch):
    """How many times the idea's matches were loaded for its progress part."""
    calls = []
    load = progress.idea_service.matches_by_kind

    def counting(idea):
        calls.append(idea.id)
        return load(idea)

    monkeypatch.setattr(progress.idea_service, "matches_by_kind", counting)
    return calls


@pytest.fixture
def owner(auth):
    owner = EntrepreneurFactory()
    auth.login(owner.email)
    return owner


def test_a_repeat_view_and_the_polled_part_do_not_load_the_matches_again(client, owner, loads):
    idea = IdeaFactory(owner=owner, status="matched")
    MatchFactory(idea=idea)
    first = client.get(f"/ideas/{idea.id}").get_data(as_text=True)
    assert client.get(f"/ideas/{idea.id}").get_data(as_text=True) == first
    part = client.get(f"/ideas/{idea.id}/progress").get_data(as_text=True)
    assert part.strip() and part.strip() in first
    assert loads == [idea.id]


def test_an_approval_shows_the_mentors_contact_at_once(client, owner):
    mentor = MentorFactory(name="Vesna Ilić", email="vesna@example.rs")
    idea = IdeaFactory(owner=owner, status="matched")
    match = MatchFactory(idea=idea, mentor=mentor, status="accepted")
    assert "vesna@example.rs" not in client.get(f"/ideas/{idea.id}").get_data(as_text=True)
    match.status = "approved"
    db.session.commit()
    html = client.get(f"/ideas/{idea.id}").get_data(as_text=True)
    assert "Approved — you are introduced" in html and "vesna@example.rs" in html
    assert f'href="/ideas/{idea.id}/edit"' not in html  # an approved idea is no longer edited


def test_a_renamed_partner_shows_at_once(client, owner):
    partner = PartnerFactory(name="Hotel Tami")
    idea = IdeaFactory(owner=owner, status="matched")
    MatchFactory(idea=idea, kind="partner", mentor=None, partner=partner)
    assert "Hotel Tami" in client.get(f"/ideas/{idea.id}").get_data(as_text=True)
    partner.name = "Hotel Ambasador"
    db.session.commit()
    html = client.get(f"/ideas/{idea.id}/progress").get_data(as_text=True)
    assert "Hotel Ambasador" in html and "Hotel Tami" not in html


def test_a_changed_capacity_changes_the_places_in_the_reasons(client, owner):
    mentor = MentorFactory(mentor_profile__capacity=3)
    idea = IdeaFactory(owner=owner, status="matched")
    MatchFactory(idea=idea, mentor=mentor)
    assert "3 more" in client.get(f"/ideas/{idea.id}").get_data(as_text=True)
    mentor.mentor_profile.capacity = 1
    db.session.commit()
    assert "1 more" in client.get(f"/ideas/{idea.id}").get_data(as_text=True)


def test_the_finished_matching_replaces_the_waiting_part(client, owner):
    idea = IdeaFactory(owner=owner, status="matching")
    assert "We are comparing your idea" in client.get(f"/ideas/{idea.id}/progress").get_data(
        as_text=True
    )
    MatchFactory(idea=idea)
    idea.status = "matched"
    db.session.commit()
    part = client.get(f"/ideas/{idea.id}/progress").get_data(as_text=True)
    assert "We are comparing your idea" not in part and "Here is who fits your idea" in part


def test_what_the_lead_sees_is_never_shown_to_the_owner(client, auth):
    owner = EntrepreneurFactory()
    idea = IdeaFactory(owner=owner, status="failed", status_error="the index is being rebuilt")
    auth.login(LeadFactory().email)
    assert "the index is being rebuilt" in client.get(f"/ideas/{idea.id}").get_data(as_text=True)
    auth.logout()
    auth.login(owner.email)
    html = client.get(f"/ideas/{idea.id}").get_data(as_text=True)
    assert "Try matching again" in html and "the index is being rebuilt" not in html
    # The kept retry form carries this request's own token.
    meta = re.search(r'name="csrf-token" content="([^"]+)"', html).group(1)
    assert set(re.findall(r'name="csrf_token"[^>]*value="([^"]+)"', html)) == {meta}
    assert "csrf-token-slot" not in html


def test_matching_that_finishes_while_the_page_is_drawn_is_shown_on_the_next_poll(
    client, owner, monkeypatch
):
    """The worker commits the matches after the view loaded the idea but before the part's
    fingerprint is taken: the part drawn from the idea as loaded must not be kept as the new
    state, or the page would say "comparing" until some other write."""
    idea = IdeaFactory(owner=owner, status="matching")
    idea_id, mentor_id = idea.id, MentorFactory().id
    fingerprint = progress.matching_data_fingerprint

    def worker_commits_first(tables):
        monkeypatch.setattr(progress, "matching_data_fingerprint", fingerprint)
        with Session(db.engine) as worker:  # another connection, as the worker's
            worker.get(Idea, idea_id).status = "matched"
            worker.add(
                Match(idea_id=idea_id, kind="mentor", mentor_id=mentor_id, score=0.8, rank=1)
            )
            worker.commit()
        return fingerprint(tables)

    monkeypatch.setattr(progress, "matching_data_fingerprint", worker_commits_first)
    for _ in range(2):  # the view that raced the worker, then the next poll
        part = client.get(f"/ideas/{idea_id}/progress").get_data(as_text=True)
        assert "We are comparing your idea" not in part and "Here is who fits your idea" in part
