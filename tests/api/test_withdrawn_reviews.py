"""GET/POST /api/v1/matches/{id}/review for a proposal that a re-match withdrew."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from matching import Match as RankedMatch
from mentorship.extensions import db
from mentorship.models import Match
from mentorship.services.matching import store_matches
from tests.api.conftest import error_of
from tests.factories import IdeaFactory, MatchFactory, MentorFactory


def ranked_for(*mentors) -> dict:
    return {
        "mentor": [
            RankedMatch(kind="mentor", candidate_id=m.id, score=0.5, rank=i + 1, reasons=())
            for i, m in enumerate(mentors)
        ]
    }


def match_id_of(idea, mentor) -> int | None:
    return db.session.scalar(
        sa.select(Match.id).where(Match.idea_id == idea.id, Match.mentor_id == mentor.id)
    )


@pytest.fixture
def idea(app):
    return IdeaFactory(needs=["mentor"], status="matched")


@pytest.fixture
def withdrawn_id(mentor, idea) -> int:
    store_matches(idea.id, ranked_for(mentor))
    old_id = match_id_of(idea, mentor)
    store_matches(idea.id, ranked_for())
    return old_id


def review_url(match_id: int) -> str:
    return f"/api/v1/matches/{match_id}/review"


def test_the_mentor_reads_her_own_match(client, mentor_headers, mentor):
    match = MatchFactory(mentor=mentor)
    response = client.get(review_url(match.id), headers=mentor_headers)
    assert response.status_code == 200
    assert (response.get_json()["id"], response.get_json()["status"]) == (match.id, "proposed")


def test_reading_another_mentors_match_is_not_found(client, mentor_headers):
    match = MatchFactory()
    assert client.get(review_url(match.id), headers=mentor_headers).status_code == 404


def test_reading_her_withdrawn_proposal_is_a_conflict_that_says_so(
    client, mentor_headers, withdrawn_id
):
    response = client.get(review_url(withdrawn_id), headers=mentor_headers)
    assert response.status_code == 409
    error = error_of(response)
    assert error["code"] == "proposal_withdrawn" and "no longer proposed" in error["message"]


def test_answering_her_withdrawn_proposal_is_a_conflict(client, mentor_headers, withdrawn_id):
    response = client.post(
        review_url(withdrawn_id), json={"decision": "accept"}, headers=mentor_headers
    )
    assert (response.status_code, error_of(response)["code"]) == (409, "proposal_withdrawn")


@pytest.mark.parametrize("method", ["get", "post"])
def test_another_mentor_gets_not_found_for_a_withdrawn_proposal(
    client, api_headers, withdrawn_id, method
):
    headers = api_headers(MentorFactory())
    response = getattr(client, method)(
        review_url(withdrawn_id), json={"decision": "accept"}, headers=headers
    )
    assert (response.status_code, error_of(response)["code"]) == (404, "not_found")


def test_a_proposal_made_again_is_named_in_the_conflict_and_left_unanswered(
    client, mentor_headers, mentor, idea, withdrawn_id
):
    MatchFactory()  # another match meanwhile, so the new row gets a new id on every database
    store_matches(idea.id, ranked_for(mentor))
    current = match_id_of(idea, mentor)
    response = client.post(
        review_url(withdrawn_id), json={"decision": "accept"}, headers=mentor_headers
    )
    assert response.status_code == 409 and f"match {current}" in error_of(response)["message"]
    assert db.session.get(Match, current).status == "proposed"


def test_the_openapi_description_documents_the_withdrawn_conflict(client):
    paths = client.get("/api/v1/openapi.json").get_json()["paths"]
    operations = paths["/api/v1/matches/{id}/review"]
    for method in ("get", "post"):
        assert "proposal_withdrawn" in operations[method]["description"]
        assert "proposal_withdrawn" in operations[method]["responses"]["409"]["description"]


def test_api_reasons_never_carry_a_stored_capacity_sentence(client, mentor_headers, mentor):
    MatchFactory(mentor=mentor, reasons=["Same sector: food", "Can take 3 more mentees"])
    item = client.get("/api/v1/reviews", headers=mentor_headers).get_json()["items"][0]
    assert item["reasons"] == ["Same sector: food"]
