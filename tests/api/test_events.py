"""/api/v1/events in the contract's style: pydantic-validated bodies, 401/403/404/409/422."""

from __future__ import annotations

import pytest

from mentorship.extensions import db
from mentorship.models import Event
from tests.event_factories import PartnerContactFactory, held
from tests.factories import IdeaFactory, LeadFactory

EVENT = {
    "name": "Days of Clusters",
    "place": "Niš",
    "starts_on": "2026-12-10",
    "ends_on": "2026-12-10",
    "meeting_minutes": 30,
    "sessions": [
        {
            "name": "Morning",
            "starts_at": "2026-12-10T08:00:00Z",
            "ends_at": "2026-12-10T10:00:00Z",
            "tables": 4,
        },
        {
            "name": "Afternoon",
            "starts_at": "2026-12-10T12:00:00Z",
            "ends_at": "2026-12-10T13:00:00Z",
            "tables": 2,
        },
    ],
}


@pytest.fixture
def lead_headers(app, api_headers):
    return api_headers(LeadFactory())


def _open_event(client, lead_headers) -> dict:
    created = client.post("/api/v1/events", json=EVENT, headers=lead_headers)
    assert created.status_code == 201, created.get_json()
    event = created.get_json()
    opened = client.post(
        f"/api/v1/events/{event['id']}/status", json={"status": "open"}, headers=lead_headers
    )
    assert opened.get_json()["status"] == "open"
    return event


def test_lead_creates_an_event_with_sessions_and_slots(client, lead_headers):
    event = _open_event(client, lead_headers)
    assert [s["slots"] for s in event["sessions"]] == [4, 2]
    assert event["sessions"][0]["starts_at"] == "2026-12-10T08:00:00Z"


def test_a_retried_create_with_the_same_idempotency_key_makes_one_event(client, lead_headers):
    keyed = {**lead_headers, "Idempotency-Key": "event-create-1"}
    first = client.post("/api/v1/events", json=EVENT, headers=keyed)
    again = client.post("/api/v1/events", json=EVENT, headers=keyed)
    assert (first.status_code, again.status_code) == (201, 201)
    assert again.get_json()["id"] == first.get_json()["id"]
    assert again.headers["Idempotent-Replayed"] == "true"
    assert "Idempotent-Replayed" not in first.headers
    other = client.post(
        "/api/v1/events", json=EVENT, headers={**lead_headers, "Idempotency-Key": "event-create-2"}
    )
    assert other.get_json()["id"] != first.get_json()["id"]
    unkeyed = [client.post("/api/v1/events", json=EVENT, headers=lead_headers) for _ in range(2)]
    assert unkeyed[0].get_json()["id"] != unkeyed[1].get_json()["id"]
    assert client.get("/api/v1/events", headers=lead_headers).get_json()["total"] == 4


def test_a_bad_idempotency_key_is_422_and_creates_nothing(client, lead_headers):
    response = client.post(
        "/api/v1/events", json=EVENT, headers={**lead_headers, "Idempotency-Key": "x" * 300}
    )
    assert response.status_code == 422
    assert "Idempotency-Key" in response.get_json()["error"]["fields"]
    assert client.get("/api/v1/events", headers=lead_headers).get_json()["total"] == 0


def test_bad_event_bodies_are_422_with_fields(client, lead_headers):
    bad = {**EVENT, "meeting_minutes": 2, "sessions": [{**EVENT["sessions"][0], "tables": 0}]}
    response = client.post("/api/v1/events", json=bad, headers=lead_headers)
    assert response.status_code == 422
    assert {"meeting_minutes", "sessions.0.tables"} <= set(response.get_json()["error"]["fields"])
    naive = {**EVENT, "sessions": [{**EVENT["sessions"][0], "starts_at": "2026-12-10T08:00:00"}]}
    assert client.post("/api/v1/events", json=naive, headers=lead_headers).status_code == 422
    assert (
        client.post("/api/v1/events", json={**EVENT, "x": 1}, headers=lead_headers).status_code
        == 422
    )
    assert client.get("/api/v1/events", headers=lead_headers).get_json()["total"] == 0


def test_roles_and_tokens(client, api_headers, lead_headers):
    assert client.get("/api/v1/events").status_code == 401
    entrepreneur = api_headers(IdeaFactory().owner)
    assert client.post("/api/v1/events", json=EVENT, headers=entrepreneur).status_code == 403
    draft = client.post("/api/v1/events", json=EVENT, headers=lead_headers).get_json()
    assert client.get(f"/api/v1/events/{draft['id']}", headers=entrepreneur).status_code == 404


def test_full_journey_over_the_api(client, api_headers, lead_headers):
    event = _open_event(client, lead_headers)
    base = f"/api/v1/events/{event['id']}"
    sessions = [s["id"] for s in event["sessions"]]
    idea = IdeaFactory()
    her = api_headers(idea.owner)
    contact = PartnerContactFactory()
    them = api_headers(contact)
    mine = client.post(
        f"{base}/registration", json={"session_ids": sessions, "idea_id": idea.id}, headers=her
    )
    assert mine.status_code == 201
    theirs = client.post(f"{base}/registration", json={"session_ids": sessions[:1]}, headers=them)
    assert theirs.status_code == 201
    asked = client.post(
        f"{base}/meetings",
        json={"participant_id": theirs.get_json()["id"], "reason": "Hotels buy jam"},
        headers=her,
    )
    assert asked.status_code == 201
    meeting = asked.get_json()
    wrong = client.post(
        f"{base}/meetings/{meeting['id']}/answer", json={"decision": "accept"}, headers=her
    )
    assert wrong.status_code == 409
    bad = client.post(
        f"{base}/meetings/{meeting['id']}/answer", json={"decision": "maybe"}, headers=them
    )
    assert bad.status_code == 422
    ok = client.post(
        f"{base}/meetings/{meeting['id']}/answer", json={"decision": "accept"}, headers=them
    )
    assert ok.get_json()["status"] == "accepted"
    run = client.post(f"{base}/schedule/run", headers=lead_headers).get_json()
    assert run["placed"] == 1 and run["unscheduled"] == []
    published = client.post(
        f"{base}/schedule/publish", json={"stage": "final"}, headers=lead_headers
    )
    assert published.get_json()["schedule_stage"] == "final"
    agenda = client.get(f"{base}/agenda", headers=her).get_json()
    assert agenda["stage"] == "final" and len(agenda["items"]) == 1
    item = agenda["items"][0]
    assert item["why"] == "Hotels buy jam" and item["session_id"] == sessions[0]
    early = client.put(
        f"{base}/meetings/{meeting['id']}/outcome",
        json={"result": "agreement", "cooperation_type": "buyer"},
        headers=her,
    )
    assert early.status_code == 409  # before the meeting took place
    held(db.session.get(Event, event["id"]))
    outcome = client.put(
        f"{base}/meetings/{meeting['id']}/outcome",
        json={"result": "agreement", "cooperation_type": "buyer"},
        headers=her,
    )
    assert outcome.status_code == 200
    report = client.get(f"{base}/report", headers=lead_headers).get_json()
    assert report["results"] == {"agreement": 1} and report["agreements_by_type"] == {"buyer": 1}


def test_another_users_meeting_is_404(client, api_headers, lead_headers):
    event = _open_event(client, lead_headers)
    base = f"/api/v1/events/{event['id']}"
    sessions = [s["id"] for s in event["sessions"]]
    idea, other = IdeaFactory(), IdeaFactory()
    her, stranger = api_headers(idea.owner), api_headers(other.owner)
    client.post(
        f"{base}/registration", json={"session_ids": sessions, "idea_id": idea.id}, headers=her
    )
    contact = PartnerContactFactory()
    them = client.post(
        f"{base}/registration", json={"session_ids": sessions}, headers=api_headers(contact)
    ).get_json()
    meeting = client.post(
        f"{base}/meetings", json={"participant_id": them["id"], "reason": "x"}, headers=her
    ).get_json()
    client.post(
        f"{base}/registration",
        json={"session_ids": sessions, "idea_id": other.id},
        headers=stranger,
    )
    answer = client.post(
        f"{base}/meetings/{meeting['id']}/answer", json={"decision": "decline"}, headers=stranger
    )
    assert answer.status_code == 404
    assert client.get(f"{base}/agenda", headers=api_headers(IdeaFactory().owner)).status_code == 404


def test_unschedulable_input_is_409_and_changes_nothing(client, api_headers, lead_headers):
    event = _open_event(client, lead_headers)
    base = f"/api/v1/events/{event['id']}"
    morning, afternoon = (s["id"] for s in event["sessions"])
    idea = IdeaFactory()
    her = api_headers(idea.owner)
    client.post(
        f"{base}/registration", json={"session_ids": [morning], "idea_id": idea.id}, headers=her
    )
    contact = api_headers(PartnerContactFactory())
    them = client.post(
        f"{base}/registration", json={"session_ids": [afternoon]}, headers=contact
    ).get_json()
    apart = client.post(
        f"{base}/meetings", json={"participant_id": them["id"], "reason": "x"}, headers=her
    )
    # They could never meet: the request was taken, accepted, and left out of both agendas.
    assert (
        apart.status_code == 409 and "no session in common" in apart.get_json()["error"]["message"]
    )
    both = {"session_ids": [morning, afternoon]}
    assert client.post(f"{base}/registration", json=both, headers=contact).status_code == 200
    meeting = client.post(
        f"{base}/meetings", json={"participant_id": them["id"], "reason": "x"}, headers=her
    ).get_json()
    pin = client.put(
        f"{base}/meetings/{meeting['id']}/placement",
        json={"session_id": morning, "slot": 0, "table": 1},
        headers=lead_headers,
    )
    assert pin.status_code == 409  # not accepted yet
    assert (
        client.post(
            f"{base}/schedule/publish", json={"stage": "final"}, headers=lead_headers
        ).status_code
        == 409
    )


def test_lead_unpins_and_reads_any_participants_agenda(client, api_headers, lead_headers):
    event = _open_event(client, lead_headers)
    base = f"/api/v1/events/{event['id']}"
    sessions = [s["id"] for s in event["sessions"]]
    idea = IdeaFactory()
    her = api_headers(idea.owner)
    them = api_headers(PartnerContactFactory())
    mine = {"session_ids": sessions, "idea_id": idea.id}
    me = client.post(f"{base}/registration", json=mine, headers=her).get_json()
    contact = client.post(f"{base}/registration", json={"session_ids": sessions}, headers=them)
    ask = {"participant_id": contact.get_json()["id"], "reason": "Hotels buy jam"}
    meeting = client.post(f"{base}/meetings", json=ask, headers=her).get_json()
    client.post(
        f"{base}/meetings/{meeting['id']}/answer", json={"decision": "accept"}, headers=them
    )
    client.post(f"{base}/schedule/run", headers=lead_headers)
    pin = {"session_id": sessions[0], "slot": 3, "table": 4}
    pinned = client.put(
        f"{base}/meetings/{meeting['id']}/placement", json=pin, headers=lead_headers
    )
    assert pinned.get_json()["pinned"] is True
    assert client.delete(f"{base}/meetings/{meeting['id']}/pin", headers=her).status_code == 403
    unpinned = client.delete(f"{base}/meetings/{meeting['id']}/pin", headers=lead_headers)
    assert unpinned.status_code == 200
    assert unpinned.get_json()["pinned"] is False and unpinned.get_json()["slot"] == 3
    again = client.delete(f"{base}/meetings/{meeting['id']}/pin", headers=lead_headers)
    assert again.status_code == 409 and again.get_json()["error"]
    url = f"{base}/participants/{me['id']}/agenda"
    draft = client.get(f"{url}?version=draft", headers=lead_headers).get_json()
    assert draft["version"] == "draft" and len(draft["items"]) == 1
    assert draft["items"][0]["why"] == "Hotels buy jam" and draft["participant"]["id"] == me["id"]
    published = client.get(url, headers=lead_headers).get_json()
    assert published["version"] == "published" and published["items"] == []
    assert client.get(f"{url}?version=soon", headers=lead_headers).status_code == 422
    assert client.get(url, headers=her).status_code == 403


def _accepted_meeting(client, api_headers, base: str, sessions: list[int]) -> dict:
    idea = IdeaFactory()
    her = api_headers(idea.owner)
    them = api_headers(PartnerContactFactory())
    client.post(
        f"{base}/registration", json={"session_ids": sessions, "idea_id": idea.id}, headers=her
    )
    contact = client.post(f"{base}/registration", json={"session_ids": sessions}, headers=them)
    ask = {"participant_id": contact.get_json()["id"], "reason": "Hotels buy jam"}
    meeting = client.post(f"{base}/meetings", json=ask, headers=her).get_json()
    client.post(
        f"{base}/meetings/{meeting['id']}/answer", json={"decision": "accept"}, headers=them
    )
    return meeting


def _meeting_in_list(client, base: str, meeting_id: int, headers) -> dict:
    listed = client.get(f"{base}/meetings?per_page=200", headers=headers).get_json()["items"]
    return next(m for m in listed if m["id"] == meeting_id)


def test_placing_onto_a_pinned_meeting_is_409_and_changes_nothing(
    client, api_headers, lead_headers
):
    event = _open_event(client, lead_headers)
    base = f"/api/v1/events/{event['id']}"
    sessions = [s["id"] for s in event["sessions"]]
    first = _accepted_meeting(client, api_headers, base, sessions)
    second = _accepted_meeting(client, api_headers, base, sessions)
    client.post(f"{base}/schedule/run", headers=lead_headers)
    place = {"session_id": sessions[0], "slot": 3, "table": 4}
    client.put(f"{base}/meetings/{first['id']}/placement", json=place, headers=lead_headers)
    before = _meeting_in_list(client, base, second["id"], lead_headers)
    refused = client.put(
        f"{base}/meetings/{second['id']}/placement", json=place, headers=lead_headers
    )
    assert refused.status_code == 409
    assert "unpin it first" in refused.get_json()["error"]["message"]
    assert _meeting_in_list(client, base, second["id"], lead_headers) == before
    assert _meeting_in_list(client, base, first["id"], lead_headers)["slot"] == 3


def test_registering_again_changes_her_registration_and_answers_200(
    client, api_headers, lead_headers
):
    event = _open_event(client, lead_headers)
    base = f"/api/v1/events/{event['id']}"
    sessions = [s["id"] for s in event["sessions"]]
    idea = IdeaFactory()
    her = api_headers(idea.owner)
    first = client.post(
        f"{base}/registration", json={"session_ids": sessions, "idea_id": idea.id}, headers=her
    )
    assert first.status_code == 201
    again = client.post(
        f"{base}/registration", json={"session_ids": sessions[:1], "idea_id": idea.id}, headers=her
    )
    assert again.status_code == 200
    assert again.get_json()["id"] == first.get_json()["id"]
    assert again.get_json()["session_ids"] == sessions[:1]
    assert client.get(f"{base}/participants", headers=lead_headers).get_json()["total"] == 1
