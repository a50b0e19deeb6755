"""A mentor's free places are counted when a page shows a match, never taken from stored reasons."""

from __future__ import annotations

import html

import pytest

from tests.factories import (
    EntrepreneurFactory,
    IdeaFactory,
    LeadFactory,
    MatchFactory,
    MentorFactory,
)


def page_text(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return html.unescape(response.get_data(as_text=True))


@pytest.fixture
def full_mentor(app):
    """Capacity 1, and one pairing approved: no place left."""
    mentor = MentorFactory(name="Vesna Ilić", mentor_profile__capacity=1)
    MatchFactory(mentor=mentor, status="approved")
    return mentor


def test_the_approval_page_never_shows_a_stale_capacity_reason(client, auth, full_mentor):
    MatchFactory(
        mentor=full_mentor,
        status="accepted",
        idea=IdeaFactory(title="Ajvar for export"),
        reasons=["Same sector: food", "Can take 1 more mentee"],
    )
    auth.login(LeadFactory().email)
    page = page_text(client, "/lead/approvals")
    assert "Ajvar for export" in page and "load 1 of 1" in page and "full" in page
    assert "Can take" not in page and "Same sector: Food and drink" in page


def test_the_approval_page_counts_free_places_as_of_now(client, auth):
    mentor = MentorFactory(mentor_profile__capacity=3)
    MatchFactory(mentor=mentor, status="approved")
    MatchFactory(mentor=mentor, status="accepted", reasons=["Can take 3 more mentees"])
    auth.login(LeadFactory().email)
    page = page_text(client, "/lead/approvals")
    assert "Can take 2 more mentees" in page and "Can take 3" not in page


def test_the_review_queue_counts_her_free_places_as_of_now(client, auth):
    mentor = MentorFactory(mentor_profile__capacity=3)
    MatchFactory(mentor=mentor, reasons=["Shared terms: jam", "Can take 5 more mentees"])
    auth.login(mentor.email)
    page = page_text(client, "/reviews")
    assert "Shared terms: jam" in page and "Can take 3 more mentees" in page
    assert "Can take 5" not in page


def test_a_full_mentor_sees_no_capacity_reason_on_her_proposal(client, auth, full_mentor):
    proposal = MatchFactory(mentor=full_mentor, reasons=["Can take 1 more mentee"])
    auth.login(full_mentor.email)
    assert "Can take" not in page_text(client, f"/reviews/{proposal.id}")


def test_the_idea_page_counts_free_places_and_leaves_them_out_once_paired(client, auth):
    owner = EntrepreneurFactory()
    idea = IdeaFactory(owner=owner, status="matched")
    MatchFactory(
        idea=idea,
        mentor=MentorFactory(mentor_profile__capacity=2),
        reasons=["Can take 7 more mentees"],
    )
    MatchFactory(
        idea=idea,
        mentor=MentorFactory(mentor_profile__capacity=4),
        status="approved",
        reasons=["Can take 4 more mentees"],
        rank=2,
    )
    auth.login(owner.email)
    page = page_text(client, f"/ideas/{idea.id}")
    assert "Can take 2 more mentees" in page
    assert "Can take 7" not in page and "Can take 4" not in page and "Can take 3" not in page


def test_the_plan_page_counts_free_places_as_of_now(client, auth):
    mentor = MentorFactory(mentor_profile__capacity=2)
    MatchFactory(mentor=mentor, status="approved")
    MatchFactory(
        mentor=mentor,
        idea=IdeaFactory(title="Honey from Kopaonik"),
        reasons=["Same sector: food", "Can take 2 more mentees"],
    )
    auth.login(LeadFactory().email)
    page = page_text(client, "/lead/plan")
    assert "Honey from Kopaonik" in page and "Can take 1 more mentee" in page
    assert "Can take 2 more mentees" not in page
