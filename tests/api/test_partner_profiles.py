"""GET /api/v1/partners/{id} lists the company's own cooperation profiles to those who read them."""

from __future__ import annotations

from mentorship.services import cooperation, partner_contacts
from tests.event_factories import PartnerContactFactory
from tests.factories import PASSWORD, IdeaFactory, PartnerFactory

OFFER = {
    "kind": "offer",
    "area": "research",
    "cooperation_type": "joint_venture",
    "title": "<b>Cold-chain</b> sensors",
    "description": "Loggers for dairy deliveries.",
}


def test_a_partner_answers_with_its_own_profiles_only(client, api_headers, entrepreneur_headers):
    contact = PartnerContactFactory()
    hotel = contact.partner_contact.partner
    published = cooperation.create_profile(contact, OFFER)
    cooperation.create_profile(PartnerContactFactory(), {**OFFER, "title": "Another company's"})
    idea = IdeaFactory()
    cooperation.create_profile(idea.owner, {**OFFER, "kind": "request", "idea_id": idea.id})
    body = client.get(f"/api/v1/partners/{hotel.id}", headers=entrepreneur_headers).get_json()
    assert [p["id"] for p in body["cooperation_profiles"]] == [published.id]
    listed = body["cooperation_profiles"][0]
    assert listed["title"] == "<b>Cold-chain</b> sensors" and listed["mine"] is False
    assert listed["kind"] == "offer" and listed["area"] == "research"
    own = client.get(f"/api/v1/partners/{hotel.id}", headers=api_headers(contact)).get_json()
    assert own["cooperation_profiles"][0]["mine"] is True


def test_a_partner_without_profiles_answers_an_empty_list(client, lead_headers):
    quiet = PartnerFactory()
    body = client.get(f"/api/v1/partners/{quiet.id}", headers=lead_headers).get_json()
    assert body["cooperation_profiles"] == [] and body["name"] == quiet.name


def test_mentors_and_waiting_contacts_get_null_not_the_profiles(
    client, api_headers, mentor_headers
):
    contact = PartnerContactFactory()
    hotel = contact.partner_contact.partner
    cooperation.create_profile(contact, OFFER)
    waiting = partner_contacts.register_contact("vesna@hotel.example", PASSWORD, "Vesna", hotel.id)
    for headers in (mentor_headers, api_headers(waiting)):
        body = client.get(f"/api/v1/partners/{hotel.id}", headers=headers).get_json()
        assert body["id"] == hotel.id and body["cooperation_profiles"] is None


def test_an_unknown_partner_is_404(client, entrepreneur_headers):
    response = client.get("/api/v1/partners/2147483000", headers=entrepreneur_headers)
    assert response.status_code == 404 and response.get_json()["error"]["code"] == "not_found"
