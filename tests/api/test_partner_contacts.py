"""/api/v1/partner-contacts and /api/v1/auth/register/partner: a partner company's contact person
registers herself; the lead lists, approves and rejects her with the web page's rules."""

from __future__ import annotations

import sqlalchemy as sa

from mentorship.extensions import db
from mentorship.models import AuditEntry, Notification, Partner, PartnerContact, User
from mentorship.services import partner_contacts
from tests.api.conftest import error_of
from tests.event_factories import PartnerContactFactory
from tests.factories import PASSWORD, PartnerFactory

REGISTER = "/api/v1/auth/register/partner"
CONTACTS = "/api/v1/partner-contacts"


def _pending(email: str = "vesna@hotel.example", partner_id=None, company: str = "New Co") -> User:
    named = "" if partner_id else company  # a listed company or a named one, never both
    return partner_contacts.register_contact(email, PASSWORD, "Vesna Ilić", partner_id, named)


def _status(user_id: int) -> str:
    db.session.expire_all()
    return db.session.get(PartnerContact, user_id).status


def _notifications(user_id: int, kind: str) -> list[Notification]:
    return list(
        db.session.scalars(
            sa.select(Notification).where(
                Notification.user_id == user_id, Notification.kind == kind
            )
        )
    )


def test_contact_registers_through_the_api_and_waits_for_the_lead(client, lead):
    hotel = PartnerFactory(name="Hotel Ambasador")
    body = {"email": "Vesna@Hotel.example", "password": PASSWORD, "name": "Vesna Ilić"}
    response = client.post(REGISTER, json={**body, "partner_id": hotel.id})
    assert response.status_code == 201
    account = response.get_json()
    assert account["role"] == "partner" and account["status"] == "pending"
    assert account["email"] == "vesna@hotel.example"
    contact = db.session.get(PartnerContact, account["id"])
    assert contact.partner_id == hotel.id and contact.status == "pending"
    assert len(_notifications(lead.id, "partner_contact_registered")) == 1


def test_bad_registrations_are_422_or_409_and_create_nothing(client, entrepreneur):
    body = {"email": "vesna@hotel.example", "password": PASSWORD, "name": "Vesna"}
    neither = client.post(REGISTER, json=body)
    assert neither.status_code == 422 and "company_name" in error_of(neither)["fields"]
    unknown = client.post(REGISTER, json={**body, "partner_id": 2147483000})
    assert unknown.status_code == 422 and "partner_id" in error_of(unknown)["fields"]
    not_a_number = client.post(REGISTER, json={**body, "partner_id": "one"})
    assert not_a_number.status_code == 422 and "partner_id" in error_of(not_a_number)["fields"]
    taken = client.post(
        REGISTER, json={**body, "email": entrepreneur.email.upper(), "company_name": "New Co"}
    )
    assert taken.status_code == 409 and error_of(taken)["code"]
    assert db.session.scalars(sa.select(PartnerContact)).all() == []
    assert db.session.scalars(sa.select(Partner)).all() == []


def test_lead_lists_all_contacts_or_one_status_with_pages(client, lead_headers):
    waiting = _pending("a@example.org", company="Fabrika Tegli")
    second = _pending("b@example.org", partner_id=PartnerFactory().id)
    invited = PartnerContactFactory()
    everyone = client.get(CONTACTS, headers=lead_headers).get_json()
    assert {item["id"] for item in everyone["items"]} == {waiting.id, second.id, invited.id}
    assert everyone["total"] == 3 and everyone["per_page"] == 50
    queue = client.get(f"{CONTACTS}?status=pending&per_page=1", headers=lead_headers).get_json()
    assert [item["id"] for item in queue["items"]] == [waiting.id]
    assert queue["total"] == 2 and queue["per_page"] == 1
    first = queue["items"][0]
    assert first["company"] == "Fabrika Tegli" and first["partner_id"] is None
    assert first["company_name"] == "Fabrika Tegli"
    assert first["status"] == "pending" and first["decided_at"] is None
    active = client.get(f"{CONTACTS}?status=active", headers=lead_headers).get_json()
    assert [item["id"] for item in active["items"]] == [invited.id]


def test_an_unknown_status_filter_is_422_naming_it(client, lead_headers):
    waiting = _pending()
    response = client.get(f"{CONTACTS}?status=approved", headers=lead_headers)
    assert response.status_code == 422
    assert "status" in error_of(response)["fields"]
    assert _status(waiting.id) == "pending"


def test_lead_approves_a_contact_of_a_new_company_which_joins_the_directory(
    client, lead, lead_headers
):
    waiting = _pending(company="Fabrika Tegli")
    response = client.post(f"{CONTACTS}/{waiting.id}/approve", headers=lead_headers)
    assert response.status_code == 200
    body = response.get_json()
    partner = db.session.scalars(sa.select(Partner).where(Partner.name == "Fabrika Tegli")).one()
    assert body["status"] == "active" and body["partner_id"] == partner.id
    assert body["decided_at"] is not None
    assert len(_notifications(waiting.id, "partner_contact_decision")) == 1
    audit = db.session.scalars(
        sa.select(AuditEntry).where(AuditEntry.action == "partner_contact.approve")
    ).one()
    assert audit.actor_id == lead.id and audit.object_id == waiting.id


def test_approving_or_rejecting_a_decided_contact_is_409_and_changes_nothing(client, lead_headers):
    waiting = _pending(partner_id=PartnerFactory().id)
    assert client.post(f"{CONTACTS}/{waiting.id}/approve", headers=lead_headers).status_code == 200
    for decision in ("approve", "reject"):
        again = client.post(f"{CONTACTS}/{waiting.id}/{decision}", headers=lead_headers)
        assert again.status_code == 409 and error_of(again)["code"] == "conflict"
    assert _status(waiting.id) == "active"
    assert len(_notifications(waiting.id, "partner_contact_decision")) == 1


def test_lead_rejects_a_pending_contact_who_is_told(client, lead_headers):
    waiting = _pending(partner_id=PartnerFactory().id)
    response = client.post(f"{CONTACTS}/{waiting.id}/reject", headers=lead_headers)
    assert response.status_code == 200 and response.get_json()["status"] == "rejected"
    assert _status(waiting.id) == "rejected"
    assert len(_notifications(waiting.id, "partner_contact_decision")) == 1
    again = client.post(f"{CONTACTS}/{waiting.id}/approve", headers=lead_headers)
    assert again.status_code == 409 and _status(waiting.id) == "rejected"


def test_an_unknown_id_or_a_user_who_is_no_contact_is_404(client, lead_headers, mentor):
    for user_id in (2147483000, mentor.id, 99999999999):
        for decision in ("approve", "reject"):
            response = client.post(f"{CONTACTS}/{user_id}/{decision}", headers=lead_headers)
            assert response.status_code == 404 and error_of(response)["code"]


def test_other_roles_get_403_and_change_nothing(
    client, api_headers, entrepreneur_headers, mentor_headers
):
    waiting = _pending(partner_id=PartnerFactory().id)
    other_company_contact = api_headers(PartnerContactFactory())
    for headers in (entrepreneur_headers, mentor_headers, other_company_contact):
        assert client.get(CONTACTS, headers=headers).status_code == 403
        for decision in ("approve", "reject"):
            response = client.post(f"{CONTACTS}/{waiting.id}/{decision}", headers=headers)
            assert response.status_code == 403 and error_of(response)["code"]
    assert client.get(CONTACTS).status_code == 401
    assert client.post(f"{CONTACTS}/{waiting.id}/approve").status_code == 401
    assert _status(waiting.id) == "pending"
    assert _notifications(waiting.id, "partner_contact_decision") == []


def test_a_listed_company_and_a_named_one_at_once_is_422_naming_both(client):
    hotel = PartnerFactory(name="Hotel Ambasador")
    body = {"email": "vesna@hotel.example", "password": PASSWORD, "name": "Vesna"}
    both = client.post(REGISTER, json={**body, "partner_id": hotel.id, "company_name": "New Co"})
    assert both.status_code == 422
    error = error_of(both)
    assert error["code"] and {"partner_id", "company_name"} <= set(error["fields"])
    assert db.session.scalars(sa.select(User).where(User.email == body["email"])).all() == []
    assert db.session.scalars(sa.select(Partner)).all() == [hotel]


def test_the_company_field_has_one_name_in_requests_answers_and_openapi(client):
    schemas = client.get("/api/v1/openapi.json").get_json()["components"]["schemas"]
    assert "company_name" in schemas["PartnerRegister"]["properties"]
    answer = schemas["PartnerContact"]["properties"]
    assert "company_name" in answer and "company_name" in schemas["PartnerContact"]["required"]
    assert answer["company"].get("deprecated") is True  # the older name, still answered


def test_a_rejected_contact_gets_no_token_and_her_old_token_stops_working(client, lead):
    waiting = _pending(partner_id=PartnerFactory().id)
    credentials = {"email": waiting.email, "password": PASSWORD}
    early = client.post("/api/v1/auth/token", json=credentials)
    assert early.status_code == 200  # a waiting contact signs in, as before
    old = {"Authorization": f"Bearer {early.get_json()['token']}"}
    assert client.get("/api/v1/me", headers=old).status_code == 200
    partner_contacts.decide(lead, waiting.id, approve=False)
    refused = client.post("/api/v1/auth/token", json=credentials)
    assert refused.status_code == 403 and error_of(refused)["code"] == "account_rejected"
    assert "did not approve your account" in error_of(refused)["message"]
    after = client.get("/api/v1/me", headers=old)
    assert after.status_code == 403 and error_of(after)["code"] == "account_rejected"
    wrong = client.post("/api/v1/auth/token", json={**credentials, "password": "wrong-pass-1"})
    assert wrong.status_code == 401 and error_of(wrong)["code"] == "invalid_credentials"
