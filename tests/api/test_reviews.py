"""The review workflow over JSON: the mentor's queue and answers, the lead's decisions, stats."""

from __future__ import annotations

import pytest

from mentorship.extensions import db
from mentorship.models import MentorProfile, Programme
from tests.api.conftest import error_of
from tests.factories import MatchFactory, MentorFactory, PartnerFactory


@pytest.fixture
def proposal(mentor):
    return MatchFactory(mentor=mentor)


def review(client, headers, match_id, body):
    return client.post(f"/api/v1/matches/{match_id}/review", json=body, headers=headers)


def decide(client, headers, match_id, body):
    return client.post(f"/api/v1/matches/{match_id}/decision", json=body, headers=headers)


# GET /api/v1/reviews


def test_the_mentor_lists_her_proposals_as_contract_matches(client, mentor_headers, proposal):
    body = client.get("/api/v1/reviews", headers=mentor_headers).get_json()
    assert (body["total"], body["page"], body["per_page"]) == (1, 1, 50)
    assert {
        key: body["items"][0][key] for key in ("id", "idea_id", "kind", "target", "status")
    } == {
        "id": proposal.id,
        "idea_id": proposal.idea_id,
        "kind": "mentor",
        "target": {"id": proposal.mentor_id, "name": "Milica Jovanović"},
        "status": "proposed",
    }


def test_the_review_list_leaves_out_other_mentors_matches(client, mentor_headers, proposal):
    MatchFactory()
    assert client.get("/api/v1/reviews", headers=mentor_headers).get_json()["total"] == 1


def test_the_review_list_filters_by_status(client, mentor_headers, mentor, proposal):
    accepted = MatchFactory(mentor=mentor, status="accepted")
    body = client.get("/api/v1/reviews?status=accepted", headers=mentor_headers).get_json()
    assert [item["id"] for item in body["items"]] == [accepted.id]


def test_an_unknown_review_status_is_422_naming_the_field(client, mentor_headers):
    response = client.get("/api/v1/reviews?status=maybe", headers=mentor_headers)
    assert (response.status_code, list(error_of(response)["fields"])) == (422, ["status"])


def test_the_review_list_is_paginated(client, mentor_headers, mentor):
    for _ in range(3):
        MatchFactory(mentor=mentor)
    body = client.get("/api/v1/reviews?per_page=2&page=2", headers=mentor_headers).get_json()
    assert (body["total"], len(body["items"]), body["page"]) == (3, 1, 2)


@pytest.mark.parametrize("role_headers", ["entrepreneur_headers", "lead_headers"])
def test_only_mentors_list_reviews(client, request, role_headers):
    headers = request.getfixturevalue(role_headers)
    assert client.get("/api/v1/reviews", headers=headers).status_code == 403


def test_listing_reviews_needs_a_token(client):
    assert client.get("/api/v1/reviews").status_code == 401


# POST /api/v1/matches/{id}/review


def test_the_mentor_accepts_her_proposal(client, mentor_headers, proposal):
    response = review(
        client, mentor_headers, proposal.id, {"decision": "accept", "note": "Gladly."}
    )
    body = response.get_json()
    assert (response.status_code, body["status"], body["id"], "reviewed_at" in body) == (
        200,
        "accepted",
        proposal.id,
        True,
    )


def test_the_mentor_declines_her_proposal(client, mentor_headers, proposal):
    response = review(client, mentor_headers, proposal.id, {"decision": "decline"})
    assert response.get_json()["status"] == "declined"


def test_reviewing_twice_is_409(client, mentor_headers, proposal):
    review(client, mentor_headers, proposal.id, {"decision": "accept"})
    response = review(client, mentor_headers, proposal.id, {"decision": "decline"})
    assert (response.status_code, error_of(response)["code"]) == (409, "conflict")
    assert "already accepted" in error_of(response)["message"]


def test_reviewing_another_mentors_match_is_404(client, mentor_headers):
    other = MatchFactory()
    assert review(client, mentor_headers, other.id, {"decision": "accept"}).status_code == 404


def test_reviewing_a_missing_match_is_404(client, mentor_headers):
    assert review(client, mentor_headers, 999999, {"decision": "accept"}).status_code == 404


def test_reviewing_a_partner_match_is_404(client, mentor_headers):
    match = MatchFactory(kind="partner", mentor=None, partner=PartnerFactory())
    assert review(client, mentor_headers, match.id, {"decision": "accept"}).status_code == 404


@pytest.mark.parametrize(
    "body, field",
    [
        ({}, "decision"),
        ({"decision": "maybe"}, "decision"),
        ({"decision": "accept", "note": "x" * 10_000}, "note"),
        ({"decision": "accept", "note": 12}, "note"),
    ],
)
def test_a_bad_review_body_is_422_naming_the_field(client, mentor_headers, proposal, body, field):
    response = review(client, mentor_headers, proposal.id, body)
    assert response.status_code == 422
    assert field in error_of(response)["fields"]


def test_validation_comes_before_state(client, mentor_headers, mentor):
    settled = MatchFactory(mentor=mentor, status="declined")
    response = review(
        client, mentor_headers, settled.id, {"decision": "accept", "note": "x" * 2001}
    )
    assert response.status_code == 422


def test_a_review_body_that_is_not_json_is_415(client, mentor_headers, proposal):
    response = client.post(
        f"/api/v1/matches/{proposal.id}/review", data="decision=accept", headers=mentor_headers
    )
    assert response.status_code == 415


def test_an_inactive_mentor_cannot_review(client, mentor_headers, mentor, proposal):
    db.session.get(MentorProfile, mentor.id).status = "inactive"
    db.session.commit()
    assert review(client, mentor_headers, proposal.id, {"decision": "accept"}).status_code == 409


@pytest.mark.parametrize("role_headers", ["entrepreneur_headers", "lead_headers"])
def test_only_mentors_review(client, request, proposal, role_headers):
    headers = request.getfixturevalue(role_headers)
    assert review(client, headers, proposal.id, {"decision": "accept"}).status_code == 403


def test_reviewing_needs_a_token(client, proposal):
    assert review(client, {}, proposal.id, {"decision": "accept"}).status_code == 401


# POST /api/v1/matches/{id}/decision


def test_the_lead_approves_an_accepted_mentor_match(client, lead_headers):
    match = MatchFactory(status="accepted")
    response = decide(client, lead_headers, match.id, {"decision": "approve", "note": "Yes."})
    body = response.get_json()
    assert (response.status_code, body["status"], "decided_at" in body) == (200, "approved", True)


def test_the_lead_rejects_a_proposed_partner_match(client, lead_headers):
    match = MatchFactory(kind="partner", mentor=None, partner=PartnerFactory())
    assert (
        decide(client, lead_headers, match.id, {"decision": "reject"}).get_json()["status"]
        == "rejected"
    )


def test_approving_a_proposed_mentor_match_is_409(client, lead_headers, proposal):
    response = decide(client, lead_headers, proposal.id, {"decision": "approve"})
    assert response.status_code == 409


def test_approving_beyond_capacity_is_409(client, lead_headers):
    mentor = MentorFactory()
    mentor.mentor_profile.capacity = 1
    db.session.commit()
    MatchFactory(mentor=mentor, status="approved")
    match = MatchFactory(mentor=mentor, status="accepted")
    response = decide(client, lead_headers, match.id, {"decision": "approve"})
    assert (response.status_code, "capacity" in error_of(response)["message"]) == (409, True)


def test_approving_twice_is_409(client, lead_headers):
    match = MatchFactory(status="accepted")
    decide(client, lead_headers, match.id, {"decision": "approve"})
    assert decide(client, lead_headers, match.id, {"decision": "approve"}).status_code == 409


@pytest.mark.parametrize("status", ["declined", "approved", "rejected"])
def test_deciding_a_settled_match_is_409(client, lead_headers, status):
    match = MatchFactory(status=status)
    assert decide(client, lead_headers, match.id, {"decision": "reject"}).status_code == 409


def test_deciding_a_match_that_does_not_exist_is_404(client, lead_headers):
    assert decide(client, lead_headers, 999999, {"decision": "approve"}).status_code == 404


def test_a_huge_match_id_is_404_not_an_overflow(client, lead_headers):
    assert decide(client, lead_headers, 99999999999, {"decision": "approve"}).status_code == 404


@pytest.mark.parametrize(
    "body, field",
    [
        ({"decision": "accept"}, "decision"),
        ({"note": "no decision"}, "decision"),
        ({"decision": "approve", "note": "x" * 10_000}, "note"),
    ],
)
def test_a_bad_decision_body_is_422(client, lead_headers, body, field):
    match = MatchFactory(status="accepted")
    response = decide(client, lead_headers, match.id, body)
    assert (response.status_code, field in error_of(response)["fields"]) == (422, True)


def test_a_decision_body_that_is_not_an_object_is_422(client, lead_headers):
    match = MatchFactory(status="accepted")
    assert decide(client, lead_headers, match.id, ["approve"]).status_code == 422


def test_malformed_decision_json_is_400(client, lead_headers):
    match = MatchFactory(status="accepted")
    response = client.post(
        f"/api/v1/matches/{match.id}/decision",
        data="{",
        content_type="application/json",
        headers=lead_headers,
    )
    assert response.status_code == 400


@pytest.mark.parametrize("role_headers", ["entrepreneur_headers", "mentor_headers"])
def test_only_the_lead_decides(client, request, role_headers):
    match = MatchFactory(status="accepted")
    headers = request.getfixturevalue(role_headers)
    assert decide(client, headers, match.id, {"decision": "approve"}).status_code == 403


def test_deciding_needs_a_token(client):
    match = MatchFactory(status="accepted")
    assert decide(client, {}, match.id, {"decision": "approve"}).status_code == 401


# GET /api/v1/stats


def test_stats_count_ideas_matches_and_mentor_load(client, lead_headers, mentor):
    MatchFactory(mentor=mentor, status="approved")
    MatchFactory(mentor=mentor, status="proposed")
    body = client.get("/api/v1/stats", headers=lead_headers).get_json()
    assert body["ideas"]["total"] == 2
    assert body["ideas"]["by_sector"] == {"food": 2}
    assert (
        body["matches"]["by_kind"]["mentor"]["approved"],
        body["matches"]["by_kind"]["mentor"]["proposed"],
    ) == (1, 1)
    [row] = [row for row in body["mentors"] if row["id"] == mentor.id]
    assert (row["capacity"], row["load"], row["remaining"]) == (3, 1, 2)


@pytest.mark.parametrize("role_headers", ["entrepreneur_headers", "mentor_headers"])
def test_only_the_lead_sees_stats(client, request, role_headers):
    headers = request.getfixturevalue(role_headers)
    assert client.get("/api/v1/stats", headers=headers).status_code == 403


def test_stats_need_a_token(client):
    assert client.get("/api/v1/stats").status_code == 401


def test_stats_can_be_narrowed_to_one_programme(client, lead_headers, mentor):
    from tests.factories import IdeaFactory

    programme = Programme(name="Start-up training")
    db.session.add(programme)
    db.session.commit()
    MatchFactory(mentor=mentor, status="approved", idea=IdeaFactory(programme_id=programme.id))
    MatchFactory(mentor=mentor, status="proposed")
    body = client.get(f"/api/v1/stats?programme_id={programme.id}", headers=lead_headers).get_json()
    assert (body["ideas"]["total"], body["matches"]["total"]) == (1, 1)


def test_stats_refuse_a_programme_id_that_is_not_a_number(client, lead_headers):
    response = client.get("/api/v1/stats?programme_id=abc", headers=lead_headers)
    assert (response.status_code, list(error_of(response)["fields"])) == (422, ["programme_id"])
