"""The mentor's review queue: what she sees of an idea, answering, and what she may not see."""

from __future__ import annotations

import pytest

from mentorship.extensions import db
from mentorship.models import Match
from tests.factories import (
    EntrepreneurFactory,
    IdeaFactory,
    LeadFactory,
    MatchFactory,
    MentorFactory,
    PartnerFactory,
)


@pytest.fixture
def proposal(app):
    owner = EntrepreneurFactory(
        name="Jelena Petrović",
        email="jelena@example.org",
        entrepreneur_profile__business_name="Slatko iz Niša",
        entrepreneur_profile__city="Niš",
    )
    return MatchFactory(
        idea=IdeaFactory(owner=owner, title="Plum jam for hotels"),
        reasons=["Shared terms: jam"],
        rank=2,
    )


def status_of(match_id: int) -> str:
    db.session.expire_all()
    return db.session.get(Match, match_id).status


def test_the_queue_shows_the_idea_the_business_and_the_reasons(client, auth, proposal):
    auth.login(proposal.mentor.email)
    html = client.get("/reviews").get_data(as_text=True)
    assert all(
        text in html
        for text in (
            "Plum jam for hotels",
            "Slatko iz Niša",
            "Niš",
            "Shared terms: jam",
            "#2",
            "80% fit",
        )
    )


def test_the_queue_hides_the_entrepreneurs_name_and_email_before_approval(client, auth, proposal):
    auth.login(proposal.mentor.email)
    html = client.get("/reviews").get_data(as_text=True)
    assert proposal.idea.title in html
    assert "Jelena Petrović" not in html and "jelena@example.org" not in html


def test_an_approved_pairing_shows_the_entrepreneurs_email(client, auth, proposal):
    proposal.status = "approved"
    db.session.commit()
    auth.login(proposal.mentor.email)
    assert "jelena@example.org" in client.get("/reviews?status=approved").get_data(as_text=True)


def test_the_queue_is_empty_with_a_friendly_message(client, auth):
    auth.login(MentorFactory().email)
    assert "No ideas are waiting for you" in client.get("/reviews").get_data(as_text=True)


def test_past_answers_are_under_their_status_tab(client, auth, proposal):
    declined = MatchFactory(
        mentor=proposal.mentor, status="declined", idea=IdeaFactory(title="Goat cheese dairy")
    )
    auth.login(proposal.mentor.email)
    html = client.get("/reviews?status=declined").get_data(as_text=True)
    assert declined.idea.title in html and "Plum jam for hotels" not in html


def test_an_unknown_status_tab_falls_back_to_the_waiting_list(client, auth, proposal):
    auth.login(proposal.mentor.email)
    assert "Plum jam for hotels" in client.get("/reviews?status=zzz").get_data(as_text=True)


def test_the_queue_is_paginated(client, auth):
    mentor = MentorFactory()
    for _ in range(12):
        MatchFactory(mentor=mentor)
    auth.login(mentor.email)
    assert "Page 1 of 2" in client.get("/reviews").get_data(as_text=True)


def test_the_mentor_accepts_with_a_note(client, auth, submit, proposal):
    auth.login(proposal.mentor.email)
    response = submit(
        f"/reviews/{proposal.id}", {"decision": "accept", "note": "Gladly."}, page="/reviews"
    )
    assert "You accepted" in response.get_data(as_text=True)
    assert (status_of(proposal.id), db.session.get(Match, proposal.id).review_note) == (
        "accepted",
        "Gladly.",
    )


def test_the_mentor_declines(client, auth, submit, proposal):
    auth.login(proposal.mentor.email)
    submit(f"/reviews/{proposal.id}", {"decision": "decline"}, page="/reviews")
    assert status_of(proposal.id) == "declined"


def test_answering_twice_shows_a_friendly_message(client, auth, submit, proposal):
    auth.login(proposal.mentor.email)
    submit(f"/reviews/{proposal.id}", {"decision": "accept"}, page="/reviews")
    response = submit(f"/reviews/{proposal.id}", {"decision": "decline"}, page="/reviews")
    assert (response.status_code, "already accepted" in response.get_data(as_text=True)) == (
        200,
        True,
    )


def test_a_note_that_is_too_long_is_refused_with_a_message(client, auth, submit, proposal):
    auth.login(proposal.mentor.email)
    response = submit(
        f"/reviews/{proposal.id}", {"decision": "accept", "note": "x" * 10_000}, page="/reviews"
    )
    assert (response.status_code, "At most 2000 characters" in response.get_data(as_text=True)) == (
        422,
        True,
    )
    assert status_of(proposal.id) == "proposed"


def test_an_answer_without_its_csrf_token_is_refused(client, auth, proposal):
    auth.login(proposal.mentor.email)
    response = client.post(f"/reviews/{proposal.id}", data={"decision": "accept"})
    assert response.status_code == 400
    assert status_of(proposal.id) == "proposed"


def test_a_mentor_never_sees_an_idea_not_proposed_to_her(client, auth, proposal):
    auth.login(MentorFactory().email)
    assert client.get(f"/reviews/{proposal.id}").status_code == 404


def test_a_mentor_cannot_answer_another_mentors_proposal(client, auth, submit, proposal):
    auth.login(MentorFactory().email)
    response = submit(f"/reviews/{proposal.id}", {"decision": "accept"}, page="/reviews")
    assert response.status_code == 404
    assert status_of(proposal.id) == "proposed"


def test_a_partner_match_is_not_in_any_mentors_reach(client, auth):
    match = MatchFactory(kind="partner", mentor=None, partner=PartnerFactory())
    auth.login(MentorFactory().email)
    assert client.get(f"/reviews/{match.id}").status_code == 404


def test_the_proposal_page_shows_the_whole_idea(client, auth, proposal):
    auth.login(proposal.mentor.email)
    html = client.get(f"/reviews/{proposal.id}").get_data(as_text=True)
    assert proposal.idea.description in html


@pytest.mark.parametrize("make_user", [EntrepreneurFactory, LeadFactory])
def test_only_mentors_open_the_review_queue(client, auth, make_user):
    auth.login(make_user().email)
    assert client.get("/reviews").status_code == 403


def test_the_review_queue_needs_a_login(client):
    assert client.get("/reviews").status_code == 302


def test_the_nav_links_mentors_to_their_proposals(client, auth):
    auth.login(MentorFactory().email)
    assert 'href="/reviews"' in client.get("/").get_data(as_text=True)


def test_an_inactive_mentor_sees_her_proposals_but_cannot_answer(client, auth, proposal):
    proposal.mentor.mentor_profile.status = "inactive"
    db.session.commit()
    auth.login(proposal.mentor.email)
    html = client.get("/reviews").get_data(as_text=True)
    assert "Plum jam for hotels" in html and 'value="accept"' not in html
