"""A partner company's contact person registers herself, waits for the lead, is approved or
rejected on the mentors' page; once approved she sees her company's introductions and events."""

from __future__ import annotations

from mentorship.extensions import db
from mentorship.models import Partner, PartnerContact, User
from mentorship.services import partner_contacts
from tests.event_factories import EventFactory, SessionFactory
from tests.factories import PASSWORD, IdeaFactory, LeadFactory, MatchFactory, PartnerFactory

REJECTED = "The programme lead did not approve your account, so you cannot sign in."


def _form(**changes) -> dict:
    return {
        "name": "Vesna Ilić",
        "email": "vesna@hotel.example",
        "password": PASSWORD,
        "confirm": PASSWORD,
        "partner_id": "0",
        "company_name": "",
        **changes,
    }


def test_contact_registers_for_a_listed_company_and_waits(client, auth, submit):
    hotel = PartnerFactory(name="Hotel Ambasador")
    EventFactory(name="Days of Clusters")
    form_page = client.get("/register/partner").get_data(as_text=True)
    assert "Hotel Ambasador" in form_page and "csrf_token" in form_page
    page = submit("/register/partner", _form(partner_id=str(hotel.id)))
    html = page.get_data(as_text=True)
    assert "Your account waits for the programme lead" in html
    assert 'data-contact-status="pending"' in html and "Days of Clusters" not in html
    user = db.session.scalars(db.select(User).where(User.email == "vesna@hotel.example")).one()
    contact = db.session.get(PartnerContact, user.id)
    assert user.role == "partner" and contact.status == "pending" and contact.partner_id == hotel.id
    assert client.get("/events").status_code == 200
    assert "Days of Clusters" not in client.get("/events").get_data(as_text=True)


def test_lead_approves_a_new_company_then_she_sees_introductions_and_events(client, auth, submit):
    submit("/register/partner", _form(company_name="  Fabrika   Tegli  "))
    auth.logout()
    user = db.session.scalars(db.select(User).where(User.email == "vesna@hotel.example")).one()
    assert db.session.get(PartnerContact, user.id).company_name == "Fabrika Tegli"
    lead = LeadFactory()
    auth.login(lead.email)
    assert "1 partner contact person waiting" in client.get("/").get_data(as_text=True)
    listing = client.get("/lead/mentors").get_data(as_text=True)
    assert "Vesna Ilić" in listing and "new company: Fabrika Tegli" in listing
    page = submit(f"/lead/partner-contacts/{user.id}/approve", page="/lead/mentors")
    assert "approved as the contact person for Fabrika Tegli" in page.get_data(as_text=True)
    partner = db.session.scalars(db.select(Partner).where(Partner.name == "Fabrika Tegli")).one()
    contact = db.session.get(PartnerContact, user.id)
    assert contact.status == "active" and contact.partner_id == partner.id
    again = submit(f"/lead/partner-contacts/{user.id}/reject", page="/lead/mentors")
    assert "already decided on" in again.get_data(as_text=True)
    idea = IdeaFactory(title="Plum jam")
    MatchFactory(idea=idea, kind="partner", mentor=None, partner=partner, status="approved")
    event = EventFactory(name="Days of Clusters")
    SessionFactory(event=event)
    auth.logout()
    auth.login(user.email)
    home = client.get("/").get_data(as_text=True)
    assert "Plum jam" in home and idea.owner.email in home and "Days of Clusters" in home
    assert client.get(f"/events/{event.id}").status_code == 200


def test_rejected_contact_sees_why_and_no_events(client, auth, submit):
    hotel = PartnerFactory()
    event = EventFactory()
    submit("/register/partner", _form(partner_id=str(hotel.id)))
    auth.logout()
    user = db.session.scalars(db.select(User).where(User.email == "vesna@hotel.example")).one()
    auth.login(LeadFactory().email)
    page = submit(f"/lead/partner-contacts/{user.id}/reject", page="/lead/mentors")
    assert "Vesna Ilić is rejected." in page.get_data(as_text=True)
    auth.logout()
    refused = auth.login(user.email)
    assert refused.status_code == 403
    assert REJECTED in refused.get_data(as_text=True).replace("&#39;", "'")
    assert 'data-contact-status="rejected"' not in client.get("/").get_data(as_text=True)
    assert client.get(f"/events/{event.id}").status_code == 302  # to the login page
    wrong = auth.login(user.email, "not-her-password").get_data(as_text=True)
    assert "do not match an account" in wrong and "did not approve" not in wrong


def test_a_session_open_when_the_lead_rejects_her_ends(client, auth, submit):
    submit("/register/partner", _form(company_name="New Co"))
    user = db.session.scalars(db.select(User).where(User.email == "vesna@hotel.example")).one()
    assert 'data-contact-status="pending"' in client.get("/").get_data(as_text=True)
    partner_contacts.decide(LeadFactory(), user.id, approve=False)
    ended = client.get("/", follow_redirects=True)
    assert REJECTED in ended.get_data(as_text=True).replace("&#39;", "'")
    assert ended.request.path == "/login"
    assert 'data-contact-status="rejected"' not in client.get("/").get_data(as_text=True)


def test_a_waiting_contact_still_signs_in_and_sees_that_she_waits(client, auth, submit):
    submit("/register/partner", _form(company_name="New Co"))
    auth.logout()
    page = auth.login("vesna@hotel.example")
    assert page.status_code == 200
    assert 'data-contact-status="pending"' in page.get_data(as_text=True)


def test_bad_registrations_are_refused_with_clear_messages(client, auth, submit):
    PartnerFactory(name="Hotel Ambasador")
    neither = submit("/register/partner", _form()).get_data(as_text=True)
    assert "Give your company&#39;s name." in neither or "Give your company's name." in neither
    unknown = submit("/register/partner", _form(partner_id="999999")).get_data(as_text=True)
    assert "Not a valid choice" in unknown
    hotel = db.session.scalar(db.select(Partner))
    both = submit("/register/partner", _form(partner_id=str(hotel.id), company_name="New Co"))
    both_message = "Choose your company from the list or name it, not both."
    assert both.get_data(as_text=True).count(both_message) >= 2  # next to each field
    existing = IdeaFactory().owner
    taken = submit(
        "/register/partner", _form(email=existing.email.upper(), company_name="New Co")
    ).get_data(as_text=True)
    assert "Already registered." in taken
    assert db.session.scalars(db.select(PartnerContact)).all() == []
    without_token = client.post("/register/partner", data=_form(company_name="X"))
    assert without_token.status_code == 400
    assert db.session.scalars(db.select(PartnerContact)).all() == []


def test_a_named_company_already_in_the_directory_is_linked(app):
    hotel = PartnerFactory(name="Hotel Ambasador")
    user = partner_contacts.register_contact(
        "vesna@hotel.example", PASSWORD, "Vesna", None, "hotel ambasador"
    )
    assert db.session.get(PartnerContact, user.id).partner_id == hotel.id


def test_only_the_lead_decides_and_with_csrf(client, auth, submit):
    user = partner_contacts.register_contact(
        "vesna@hotel.example", PASSWORD, "Vesna", None, "New Co"
    )
    auth.login(IdeaFactory().owner.email)
    forbidden = submit(
        f"/lead/partner-contacts/{user.id}/approve", page="/", follow_redirects=False
    )
    assert forbidden.status_code == 403
    auth.logout()
    auth.login(LeadFactory().email)
    assert client.post(f"/lead/partner-contacts/{user.id}/approve").status_code == 400
    assert db.session.get(PartnerContact, user.id).status == "pending"
    missing = submit("/lead/partner-contacts/999999/approve", page="/lead/mentors",
                     follow_redirects=False)  # fmt: skip
    assert missing.status_code == 404
