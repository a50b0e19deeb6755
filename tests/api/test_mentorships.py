"""/api/v1/mentorships in the contract's style: pages, 422 with fields before 409, 404 if not yours."""

from __future__ import annotations

from datetime import timedelta

import sqlalchemy as sa

from mentorship.extensions import db
from mentorship.models import MentorshipMessage, MentorshipSession
from mentorship.services.mentorships.access import today
from tests.api.conftest import error_of
from tests.factories import EntrepreneurFactory, LeadFactory
from tests.mentorship_pairs import approved_mentorship, move_start


def test_members_list_and_read_their_mentorship(client, api_headers):
    mentorship = approved_mentorship()
    headers = api_headers(mentorship.entrepreneur)
    listed = client.get("/api/v1/mentorships", headers=headers).get_json()
    assert (listed["total"], listed["page"], listed["per_page"]) == (1, 1, 50)
    item = listed["items"][0]
    assert item["id"] == mentorship.id and item["status"] == "active"
    assert item["health"] == "too_early" and item["mentor"]["id"] == mentorship.mentor_id
    assert item["started_on"] == today().isoformat()
    one = client.get(f"/api/v1/mentorships/{mentorship.id}", headers=headers)
    assert one.status_code == 200 and one.get_json() == item


def test_another_pairs_mentorship_is_404_everywhere(client, api_headers):
    theirs = approved_mentorship()
    headers = api_headers(EntrepreneurFactory())
    base = f"/api/v1/mentorships/{theirs.id}"
    for path in ("", "/goals", "/sessions", "/messages", "/check-ins"):
        response = client.get(base + path, headers=headers)
        assert response.status_code == 404, path
        assert error_of(response)["code"] == "not_found"
    response = client.post(f"{base}/messages", json={"body": "Hi"}, headers=headers)
    assert response.status_code == 404
    assert db.session.scalar(sa.select(sa.func.count()).select_from(MentorshipMessage)) == 0


def test_goals_sessions_and_messages(client, api_headers):
    mentorship = approved_mentorship()
    headers = api_headers(mentorship.mentor)
    base = f"/api/v1/mentorships/{mentorship.id}"
    goal = client.post(
        f"{base}/goals", json={"title": "Price list", "due_on": "2027-02-01"}, headers=headers
    )
    assert goal.status_code == 201 and goal.get_json()["done"] is False
    ticked = client.patch(
        f"{base}/goals/{goal.get_json()['id']}", json={"done": True}, headers=headers
    )
    assert ticked.get_json()["done"] is True
    held = client.post(
        f"{base}/sessions",
        json={"kind": "held", "held_on": today().isoformat(), "duration_minutes": 60},
        headers=headers,
    )
    assert held.status_code == 201 and held.get_json()["kind"] == "held"
    planned = client.post(
        f"{base}/sessions",
        json={
            "kind": "planned",
            "starts_at": f"{(today() + timedelta(days=2)).isoformat()}T10:00:00Z",
            "duration_minutes": 30,
        },
        headers=headers,
    )
    assert planned.status_code == 201
    ics = client.get(planned.get_json()["ics_url"])
    assert ics.status_code in (302, 401)  # the page needs a browser log-in, not a token
    sent = client.post(f"{base}/messages", json={"body": "See you Monday"}, headers=headers)
    assert sent.status_code == 201 and sent.get_json()["read_at"] is None
    her = api_headers(mentorship.entrepreneur)
    thread = client.get(f"{base}/messages", headers=her).get_json()
    assert [m["body"] for m in thread["items"]] == ["See you Monday"]
    assert client.get(f"{base}/sessions", headers=her).get_json()["total"] == 2


def test_bad_input_is_422_with_fields_and_changes_nothing(client, api_headers):
    mentorship = approved_mentorship()
    headers = api_headers(mentorship.entrepreneur)
    base = f"/api/v1/mentorships/{mentorship.id}"
    tomorrow = (today() + timedelta(days=1)).isoformat()
    cases = [
        ("sessions", {"kind": "held", "held_on": tomorrow, "duration_minutes": 60}, "held_on"),
        (
            "sessions",
            {"kind": "held", "held_on": today().isoformat(), "duration_minutes": 0},
            "duration_minutes",
        ),
        (
            "sessions",
            {"kind": "held", "held_on": today().isoformat(), "duration_minutes": 6000},
            "duration_minutes",
        ),
        ("messages", {"body": "x" * 20_000}, "body"),
        ("messages", {"body": "   "}, "body"),
        ("check-ins", {"pulse": 0}, "pulse"),
    ]
    for path, body, field in cases:
        response = client.post(f"{base}/{path}", json=body, headers=headers)
        assert response.status_code == 422, (path, body, response.get_json())
        assert field in error_of(response)["fields"], response.get_json()
    assert db.session.scalar(sa.select(sa.func.count()).select_from(MentorshipSession)) == 0
    assert db.session.scalar(sa.select(sa.func.count()).select_from(MentorshipMessage)) == 0
    response = client.post(
        f"{base}/messages", data="nope", headers={**headers, "Content-Type": "application/json"}
    )
    assert response.status_code == 400


def test_a_check_in_answered_twice_is_a_conflict(client, api_headers):
    mentorship = approved_mentorship()
    headers = api_headers(mentorship.entrepreneur)
    base = f"/api/v1/mentorships/{mentorship.id}"
    assert client.post(f"{base}/check-ins", json={"pulse": 4}, headers=headers).status_code == 409
    move_start(mentorship, 31)
    assert client.get(base, headers=headers).get_json()["check_in_due_round"] == 1
    assert (
        client.post(
            f"{base}/check-ins", json={"pulse": 4, "line": "Fine"}, headers=headers
        ).status_code
        == 201
    )
    again = client.post(f"{base}/check-ins", json={"pulse": 5}, headers=headers)
    assert again.status_code == 409 and error_of(again)["code"] == "conflict"


def test_the_lead_reads_but_not_messages_and_writes_nothing(client, api_headers):
    lead = LeadFactory()
    mentorship = approved_mentorship(lead)
    headers = api_headers(lead)
    base = f"/api/v1/mentorships/{mentorship.id}"
    assert client.get(base, headers=headers).status_code == 200
    assert client.get(f"{base}/messages", headers=headers).status_code == 403
    assert client.post(f"{base}/goals", json={"title": "x"}, headers=headers).status_code == 403
    assert client.get("/api/v1/mentorships").status_code == 401


def test_closing_out_with_the_survey(client, api_headers):
    mentorship = approved_mentorship()
    headers = api_headers(mentorship.entrepreneur)
    base = f"/api/v1/mentorships/{mentorship.id}"
    early = client.post(f"{base}/close", json={"status": "ended_early", "nps": 5}, headers=headers)
    assert early.status_code == 422 and "end_reason" in error_of(early)["fields"]
    done = client.post(f"{base}/close", json={"status": "completed", "nps": 9}, headers=headers)
    assert done.status_code == 200 and done.get_json()["status"] == "completed"
    again = client.post(f"{base}/survey", json={"nps": 9}, headers=headers)
    assert again.status_code == 409
