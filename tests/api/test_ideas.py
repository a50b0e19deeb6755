"""Ideas through /api/v1: submit, list, read, and the idea's matches; who may see what."""

from __future__ import annotations

import pytest

from tests.api.conftest import error_of
from tests.factories import (
    ClusterFactory,
    EntrepreneurFactory,
    IdeaFactory,
    MatchFactory,
    MentorFactory,
    PartnerFactory,
)

IDEA = {
    "title": "Pekmez od šljiva iz Merošine",
    "description": "Ajvar i pekmez za hotele u Nišu i Čačku.",
}


@pytest.fixture
def own_idea(entrepreneur):
    return IdeaFactory(owner=entrepreneur)


@pytest.fixture
def others_idea(app):
    return IdeaFactory(owner=EntrepreneurFactory())


def test_an_entrepreneur_submits_an_idea_and_gets_201(client, entrepreneur_headers):
    response = client.post("/api/v1/ideas", json=IDEA, headers=entrepreneur_headers)
    assert response.status_code == 201
    body = response.get_json()
    assert body["title"] == IDEA["title"] and body["description"] == IDEA["description"]
    assert set(body) >= {
        "id",
        "title",
        "description",
        "sector",
        "stage",
        "needs",
        "status",
        "created_at",
        "updated_at",
    }
    assert body["status"] == "matched"  # matching runs in-process in the tests
    assert response.headers["Location"].endswith(f"/api/v1/ideas/{body['id']}")


def test_needs_default_to_all_three(client, entrepreneur_headers):
    body = client.post("/api/v1/ideas", json=IDEA, headers=entrepreneur_headers).get_json()
    assert body["needs"] == ["mentor", "partner", "cluster"]


def test_the_sector_and_stage_sent_are_kept(client, entrepreneur_headers):
    body = client.post(
        "/api/v1/ideas",
        json={**IDEA, "sector": "food", "stage": "early", "needs": ["mentor"]},
        headers=entrepreneur_headers,
    ).get_json()
    assert (body["sector"], body["stage"], body["needs"]) == ("food", "early", ["mentor"])


def test_times_are_iso_8601_utc(client, entrepreneur_headers):
    body = client.post("/api/v1/ideas", json=IDEA, headers=entrepreneur_headers).get_json()
    assert body["created_at"].endswith("Z") and "T" in body["created_at"]


@pytest.mark.parametrize("field", ["title", "description"])
def test_a_missing_required_field_is_422_naming_it(client, entrepreneur_headers, field):
    data = {key: value for key, value in IDEA.items() if key != field}
    response = client.post("/api/v1/ideas", json=data, headers=entrepreneur_headers)
    assert response.status_code == 422
    assert field in error_of(response)["fields"]


def test_a_whitespace_only_title_counts_as_missing(client, entrepreneur_headers):
    response = client.post(
        "/api/v1/ideas", json={**IDEA, "title": " \t\n "}, headers=entrepreneur_headers
    )
    assert response.status_code == 422
    assert "title" in error_of(response)["fields"]


@pytest.mark.parametrize(("field", "limit"), [("title", 200), ("description", 5000)])
def test_text_over_its_limit_is_422(client, entrepreneur_headers, field, limit):
    response = client.post(
        "/api/v1/ideas", json={**IDEA, field: "a" * (limit + 1)}, headers=entrepreneur_headers
    )
    assert response.status_code == 422
    assert field in error_of(response)["fields"]


def test_text_exactly_at_its_limit_is_accepted(client, entrepreneur_headers):
    response = client.post(
        "/api/v1/ideas",
        json={"title": "a" * 200, "description": "b" * 5000},
        headers=entrepreneur_headers,
    )
    assert response.status_code == 201


@pytest.mark.parametrize(
    ("field", "value"), [("sector", "mining"), ("stage", "huge"), ("needs", ["investor"])]
)
def test_an_unknown_vocabulary_value_is_422_naming_the_field(
    client, entrepreneur_headers, field, value
):
    response = client.post(
        "/api/v1/ideas", json={**IDEA, field: value}, headers=entrepreneur_headers
    )
    assert response.status_code == 422
    assert field in error_of(response)["fields"]


@pytest.mark.parametrize(
    ("field", "value"), [("title", 42), ("needs", "mentor"), ("description", ["x"])]
)
def test_a_wrongly_typed_field_is_422(client, entrepreneur_headers, field, value):
    response = client.post(
        "/api/v1/ideas", json={**IDEA, field: value}, headers=entrepreneur_headers
    )
    assert response.status_code == 422
    assert field in error_of(response)["fields"]


def test_empty_needs_are_422(client, entrepreneur_headers):
    response = client.post(
        "/api/v1/ideas", json={**IDEA, "needs": []}, headers=entrepreneur_headers
    )
    assert response.status_code == 422


def test_a_mentor_cannot_submit_an_idea(client, mentor_headers):
    assert client.post("/api/v1/ideas", json=IDEA, headers=mentor_headers).status_code == 403


def test_a_lead_cannot_submit_an_idea(client, lead_headers):
    response = client.post("/api/v1/ideas", json=IDEA, headers=lead_headers)
    assert response.status_code == 403
    assert error_of(response)["code"] == "forbidden"


def test_submitting_without_a_token_is_401(client):
    assert client.post("/api/v1/ideas", json=IDEA).status_code == 401


def test_an_entrepreneur_lists_only_her_own_ideas(
    client, entrepreneur_headers, own_idea, others_idea
):
    body = client.get("/api/v1/ideas", headers=entrepreneur_headers).get_json()
    assert [idea["id"] for idea in body["items"]] == [own_idea.id]
    assert (body["page"], body["per_page"], body["total"]) == (1, 50, 1)


def test_the_lead_lists_every_idea(client, lead_headers, own_idea, others_idea):
    body = client.get("/api/v1/ideas", headers=lead_headers).get_json()
    assert {idea["id"] for idea in body["items"]} == {own_idea.id, others_idea.id}


def test_a_mentor_cannot_list_ideas(client, mentor_headers):
    assert client.get("/api/v1/ideas", headers=mentor_headers).status_code == 403


def test_ideas_can_be_filtered_by_status(client, lead_headers, entrepreneur):
    IdeaFactory(owner=entrepreneur, status="failed")
    IdeaFactory(owner=entrepreneur, status="matched")
    body = client.get("/api/v1/ideas?status=failed", headers=lead_headers).get_json()
    assert [idea["status"] for idea in body["items"]] == ["failed"]


def test_an_unknown_status_filter_is_422(client, lead_headers):
    response = client.get("/api/v1/ideas?status=lost", headers=lead_headers)
    assert response.status_code == 422
    assert "status" in error_of(response)["fields"]


def test_the_list_is_paginated(client, entrepreneur, entrepreneur_headers):
    for _ in range(3):
        IdeaFactory(owner=entrepreneur)
    body = client.get("/api/v1/ideas?page=2&per_page=2", headers=entrepreneur_headers).get_json()
    assert (len(body["items"]), body["page"], body["per_page"], body["total"]) == (1, 2, 2, 3)


def test_per_page_over_two_hundred_is_clamped(client, entrepreneur_headers):
    body = client.get("/api/v1/ideas?per_page=5000", headers=entrepreneur_headers).get_json()
    assert body["per_page"] == 200


def test_junk_page_arguments_fall_back_to_defaults(client, entrepreneur_headers):
    body = client.get("/api/v1/ideas?page=abc&per_page=-3", headers=entrepreneur_headers).get_json()
    assert (body["page"], body["per_page"]) == (1, 1)


def test_a_huge_page_number_is_an_empty_page_not_an_error(client, entrepreneur_headers):
    response = client.get(
        "/api/v1/ideas?page=99999999999999999999999", headers=entrepreneur_headers
    )
    assert response.status_code == 200
    assert response.get_json()["items"] == []


def test_the_owner_reads_her_idea(client, entrepreneur_headers, own_idea):
    body = client.get(f"/api/v1/ideas/{own_idea.id}", headers=entrepreneur_headers).get_json()
    assert body["id"] == own_idea.id and body["title"] == own_idea.title


def test_the_lead_reads_any_idea(client, lead_headers, others_idea):
    assert client.get(f"/api/v1/ideas/{others_idea.id}", headers=lead_headers).status_code == 200


def test_another_entrepreneurs_idea_is_404(client, entrepreneur_headers, others_idea):
    response = client.get(f"/api/v1/ideas/{others_idea.id}", headers=entrepreneur_headers)
    assert response.status_code == 404
    assert error_of(response)["code"] == "not_found"


def test_a_missing_idea_is_404(client, entrepreneur_headers):
    assert client.get("/api/v1/ideas/424242", headers=entrepreneur_headers).status_code == 404


def test_a_mentor_cannot_read_an_idea(client, mentor_headers, own_idea):
    assert client.get(f"/api/v1/ideas/{own_idea.id}", headers=mentor_headers).status_code == 403


def test_the_matches_come_best_first_by_kind_then_rank(client, entrepreneur_headers, own_idea):
    second_mentor = MatchFactory(idea=own_idea, kind="mentor", rank=2, score=0.5)
    cluster = MatchFactory(
        idea=own_idea, kind="cluster", mentor=None, cluster=ClusterFactory(), rank=1
    )
    partner = MatchFactory(
        idea=own_idea, kind="partner", mentor=None, partner=PartnerFactory(), rank=1
    )
    first_mentor = MatchFactory(idea=own_idea, kind="mentor", rank=1, score=0.9)
    body = client.get(
        f"/api/v1/ideas/{own_idea.id}/matches", headers=entrepreneur_headers
    ).get_json()
    assert [match["id"] for match in body["items"]] == [
        first_mentor.id,
        second_mentor.id,
        partner.id,
        cluster.id,
    ]
    assert body["total"] == 4


def test_a_match_has_the_contract_shape(client, entrepreneur_headers, own_idea):
    mentor = MentorFactory(name="Milena Đorđević")
    match = MatchFactory(idea=own_idea, mentor=mentor, reasons=["Shared terms: jam"])
    item = client.get(
        f"/api/v1/ideas/{own_idea.id}/matches", headers=entrepreneur_headers
    ).get_json()["items"][0]
    assert item == {
        "id": match.id,
        "idea_id": own_idea.id,
        "kind": "mentor",
        "target": {"id": mentor.id, "name": "Milena Đorđević"},
        "score": 0.8,
        "rank": 1,
        "reasons": ["Shared terms: jam"],
        "status": "proposed",
        "created_at": item["created_at"],
    }
    assert item["created_at"].endswith("Z")


def test_the_lead_sees_any_ideas_matches(client, lead_headers, others_idea):
    MatchFactory(idea=others_idea)
    body = client.get(f"/api/v1/ideas/{others_idea.id}/matches", headers=lead_headers).get_json()
    assert body["total"] == 1


def test_another_entrepreneurs_matches_are_404(client, entrepreneur_headers, others_idea):
    MatchFactory(idea=others_idea)
    response = client.get(f"/api/v1/ideas/{others_idea.id}/matches", headers=entrepreneur_headers)
    assert response.status_code == 404


def test_an_idea_keeps_the_city_it_was_sent_with(client, entrepreneur_headers):
    created = client.post(
        "/api/v1/ideas", json={**IDEA, "city": "Niš"}, headers=entrepreneur_headers
    ).get_json()
    read = client.get(f"/api/v1/ideas/{created['id']}", headers=entrepreneur_headers).get_json()
    assert created["city"] == read["city"] == "Niš"


def test_an_idea_without_a_city_has_an_empty_one(client, entrepreneur_headers):
    body = client.post("/api/v1/ideas", json=IDEA, headers=entrepreneur_headers).get_json()
    assert body["city"] == ""


def test_a_city_over_its_limit_is_422(client, entrepreneur_headers):
    response = client.post(
        "/api/v1/ideas", json={**IDEA, "city": "a" * 121}, headers=entrepreneur_headers
    )
    assert response.status_code == 422 and "city" in error_of(response)["fields"]


def test_the_city_can_be_changed(client, entrepreneur_headers, own_idea):
    response = client.put(
        f"/api/v1/ideas/{own_idea.id}", json={**IDEA, "city": "Čačak"}, headers=entrepreneur_headers
    )
    assert response.status_code == 200 and response.get_json()["city"] == "Čačak"


def test_a_page_past_the_end_is_the_page_asked_for_empty_with_the_true_total(
    client, entrepreneur_headers, own_idea
):
    # The contract answers the page asked for; a client paging until it sees no items stops.
    body = client.get("/api/v1/ideas?page=999", headers=entrepreneur_headers).get_json()
    assert (body["items"], body["page"], body["total"]) == ([], 999, 1)
