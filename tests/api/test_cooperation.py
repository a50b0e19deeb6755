"""/api/v1/cooperation-profiles: who publishes what, filters, own profiles only, and the
meetings complementary profiles suggest at an event."""

from __future__ import annotations

from mentorship.extensions import db
from mentorship.models import CooperationProfile
from mentorship.services import partner_contacts
from tests.event_factories import PartnerContactFactory
from tests.factories import PASSWORD, IdeaFactory, LeadFactory

OFFER = {
    "kind": "offer",
    "area": "technology",
    "cooperation_type": "licensing",
    "title": "Cold-chain sensors",
    "description": "Temperature loggers for dairy deliveries.",
}


def test_publish_filter_change_and_remove(client, api_headers):
    contact = PartnerContactFactory()
    them = api_headers(contact)
    idea = IdeaFactory()
    her = api_headers(idea.owner)
    created = client.post("/api/v1/cooperation-profiles", json=OFFER, headers=them)
    assert created.status_code == 201 and created.headers["Location"].endswith(
        f"/cooperation-profiles/{created.get_json()['id']}"
    )
    body = created.get_json()
    assert body["mine"] is True and body["partner_id"] and body["idea_id"] is None
    asked = {**OFFER, "kind": "request", "idea_id": idea.id, "title": "Sensors wanted"}
    mine = client.post("/api/v1/cooperation-profiles", json=asked, headers=her).get_json()
    assert mine["idea_id"] == idea.id and mine["owner_name"] == idea.title
    listed = client.get("/api/v1/cooperation-profiles?kind=request", headers=them).get_json()
    assert [p["id"] for p in listed["items"]] == [mine["id"]] and listed["items"][0][
        "mine"
    ] is False
    own = client.get("/api/v1/cooperation-profiles?mine=true", headers=her).get_json()
    assert [p["id"] for p in own["items"]] == [mine["id"]]
    changed = client.put(
        f"/api/v1/cooperation-profiles/{mine['id']}", json={"area": "research"}, headers=her
    )
    assert (
        changed.get_json()["area"] == "research" and changed.get_json()["title"] == "Sensors wanted"
    )
    stolen = client.put(
        f"/api/v1/cooperation-profiles/{mine['id']}", json={"title": "x"}, headers=them
    )
    assert stolen.status_code == 404
    assert db.session.get(CooperationProfile, mine["id"]).title == "Sensors wanted"
    assert (
        client.delete(f"/api/v1/cooperation-profiles/{mine['id']}", headers=them).status_code == 404
    )
    assert (
        client.delete(f"/api/v1/cooperation-profiles/{mine['id']}", headers=her).status_code == 204
    )


def test_bad_bodies_and_who_may_publish(client, api_headers):
    her = api_headers(IdeaFactory().owner)
    bad = client.post(
        "/api/v1/cooperation-profiles",
        json={**OFFER, "cooperation_type": "friendship", "extra": 1},
        headers=her,
    )
    assert bad.status_code == 422
    assert {"cooperation_type", "extra"} <= set(bad.get_json()["error"]["fields"])
    other_idea = IdeaFactory()
    foreign = client.post(
        "/api/v1/cooperation-profiles", json={**OFFER, "idea_id": other_idea.id}, headers=her
    )
    assert foreign.status_code == 422 and "idea_id" in foreign.get_json()["error"]["fields"]
    lead = api_headers(LeadFactory())
    assert client.post("/api/v1/cooperation-profiles", json=OFFER, headers=lead).status_code == 403
    waiting = partner_contacts.register_contact("w@example.org", PASSWORD, "W", None, "New Co")
    pending = api_headers(waiting)
    assert (
        client.post("/api/v1/cooperation-profiles", json=OFFER, headers=pending).status_code == 403
    )
    assert client.get("/api/v1/cooperation-profiles", headers=pending).status_code == 404
    assert db.session.scalars(db.select(CooperationProfile)).all() == []
