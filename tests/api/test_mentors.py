"""The lead's mentor list with load, and mentor approval."""

from __future__ import annotations

from tests.api.conftest import error_of
from tests.factories import MatchFactory, MentorFactory, MentorProfileFactory, UserFactory


def pending_mentor(name: str = "Dragana Ilić"):
    user = UserFactory(role="mentor", name=name)
    MentorProfileFactory(user=user, status="pending")
    return user


def test_the_lead_lists_mentors_with_capacity_and_load(client, lead_headers, mentor):
    MatchFactory(mentor=mentor, status="approved")
    MatchFactory(mentor=mentor, status="proposed")
    body = client.get("/api/v1/mentors", headers=lead_headers).get_json()
    assert body["total"] == 1
    item = body["items"][0]
    assert {k: item[k] for k in ("id", "name", "email", "status", "capacity", "load")} == {
        "id": mentor.id,
        "name": "Milica Jovanović",
        "email": "milica@example.org",
        "status": "active",
        "capacity": 3,
        "load": 1,
    }


def test_mentors_can_be_filtered_by_status(client, lead_headers, mentor):
    waiting = pending_mentor()
    body = client.get("/api/v1/mentors?status=pending", headers=lead_headers).get_json()
    assert [item["id"] for item in body["items"]] == [waiting.id]


def test_an_unknown_status_filter_is_422(client, lead_headers):
    response = client.get("/api/v1/mentors?status=sleeping", headers=lead_headers)
    assert response.status_code == 422
    assert "status" in error_of(response)["fields"]


def test_the_mentor_list_is_paginated_and_clamped(client, lead_headers):
    for _ in range(3):
        MentorFactory()
    body = client.get("/api/v1/mentors?per_page=1000", headers=lead_headers).get_json()
    assert (body["per_page"], body["total"], len(body["items"])) == (200, 3, 3)


def test_a_mentor_cannot_list_mentors(client, mentor_headers):
    assert client.get("/api/v1/mentors", headers=mentor_headers).status_code == 403


def test_an_entrepreneur_cannot_list_mentors(client, entrepreneur_headers):
    assert client.get("/api/v1/mentors", headers=entrepreneur_headers).status_code == 403


def test_listing_mentors_needs_a_token(client):
    assert client.get("/api/v1/mentors").status_code == 401


def test_the_lead_approves_a_pending_mentor(client, lead_headers):
    waiting = pending_mentor()
    response = client.post(f"/api/v1/mentors/{waiting.id}/approve", headers=lead_headers)
    assert response.status_code == 200
    assert response.get_json()["status"] == "active"
    listed = client.get("/api/v1/mentors?status=active", headers=lead_headers).get_json()
    assert waiting.id in [item["id"] for item in listed["items"]]


def test_approving_an_active_mentor_is_409(client, lead_headers, mentor):
    response = client.post(f"/api/v1/mentors/{mentor.id}/approve", headers=lead_headers)
    assert response.status_code == 409
    assert error_of(response)["code"] == "conflict"


def test_approving_someone_who_is_not_a_mentor_is_404(client, lead_headers, entrepreneur):
    assert (
        client.post(f"/api/v1/mentors/{entrepreneur.id}/approve", headers=lead_headers).status_code
        == 404
    )


def test_approving_a_missing_mentor_is_404(client, lead_headers):
    assert client.post("/api/v1/mentors/9999/approve", headers=lead_headers).status_code == 404


def test_a_mentor_cannot_approve_herself(client, api_headers):
    waiting = pending_mentor()
    headers = api_headers(waiting)
    assert client.post(f"/api/v1/mentors/{waiting.id}/approve", headers=headers).status_code == 403
