"""Cooperation profiles through the pages, and the meetings they suggest at an event
(partner ↔ partner too)."""

from __future__ import annotations

from mentorship.extensions import db
from mentorship.models import CooperationProfile, EventMeeting, PartnerContact
from mentorship.services import cooperation, partner_contacts
from mentorship.services.events import profile_meetings
from tests.event_factories import (
    EventFactory,
    PartnerContactFactory,
    SessionFactory,
    contact_in,
    entrepreneur_in,
)
from tests.factories import PASSWORD, IdeaFactory, LeadFactory, MentorFactory


def _profile(**changes) -> dict:
    return {
        "kind": "offer",
        "area": "business",
        "cooperation_type": "supplier",
        "title": "Glass jars",
        "description": "Jars for jam and honey.",
        **changes,
    }


def test_contact_publishes_changes_and_removes_a_profile(client, auth, submit):
    contact = PartnerContactFactory()
    auth.login(contact.email)
    page = submit("/cooperation", _profile(title="<b>Glass jars</b>"))
    html = page.get_data(as_text=True)
    assert "Your cooperation profile is published." in html
    assert "&lt;b&gt;Glass jars&lt;/b&gt;" in html and "<b>Glass jars</b>" not in html
    profile = db.session.scalars(db.select(CooperationProfile)).one()
    link = db.session.get(PartnerContact, contact.id)
    assert profile.partner_id == link.partner_id and profile.idea_id is None
    edited = submit(f"/cooperation/{profile.id}/edit", _profile(kind="request", title="Jars"))
    assert "Your cooperation profile is saved." in edited.get_data(as_text=True)
    db.session.refresh(profile)
    assert profile.kind == "request" and profile.title == "Jars"
    assert client.post(f"/cooperation/{profile.id}/delete").status_code == 400
    gone = submit(f"/cooperation/{profile.id}/delete", page="/cooperation")
    assert "The cooperation profile is removed." in gone.get_data(as_text=True)
    assert db.session.scalars(db.select(CooperationProfile)).all() == []


def test_entrepreneur_publishes_for_her_idea_and_filters(client, auth, submit):
    idea = IdeaFactory(title="Plum jam")
    auth.login(idea.owner.email)
    bad = submit("/cooperation", _profile(kind="request", title="", idea_id=str(idea.id)))
    assert "Please give a title." in bad.get_data(as_text=True)
    submit("/cooperation", _profile(kind="request", title="Jars wanted", idea_id=str(idea.id)))
    profile = db.session.scalars(db.select(CooperationProfile)).one()
    assert profile.idea_id == idea.id and profile.owner_name == "Plum jam"
    assert "Jars wanted" in client.get("/cooperation?kind=request").get_data(as_text=True)
    assert "Jars wanted" not in client.get("/cooperation?kind=offer").get_data(as_text=True)
    assert "Jars wanted" not in client.get("/cooperation?area=technology").get_data(as_text=True)


def test_other_peoples_profiles_and_waiting_contacts(client, auth, submit):
    contact = PartnerContactFactory()
    profile = cooperation.create_profile(contact, _profile())
    other = IdeaFactory().owner
    auth.login(other.email)
    assert client.get(f"/cooperation/{profile.id}/edit").status_code == 404
    response = submit(f"/cooperation/{profile.id}/delete", page="/cooperation",
                      follow_redirects=False)  # fmt: skip
    assert response.status_code == 404
    auth.logout()
    waiting = partner_contacts.register_contact("w@example.org", PASSWORD, "W", None, "New Co")
    auth.login(waiting.email)
    assert client.get("/cooperation").status_code == 404
    auth.logout()
    auth.login(MentorFactory().email)
    assert client.get("/cooperation").status_code == 404
    auth.logout()
    auth.login(LeadFactory().email)
    html = client.get("/cooperation").get_data(as_text=True)
    assert "Glass jars" in html and "Publish an offer" not in html
    assert db.session.get(CooperationProfile, profile.id) is not None


def test_complementary_profiles_suggest_partner_to_partner_meetings(client, auth, submit):
    event = EventFactory()
    SessionFactory(event=event)
    db.session.refresh(event)
    jars = contact_in(event, event.sessions)
    honey = contact_in(event, event.sessions)
    software = contact_in(event, event.sessions)
    her = entrepreneur_in(event, event.sessions)
    cooperation.create_profile(jars.user, _profile(title="Glass jars for food"))
    cooperation.create_profile(
        honey.user, _profile(kind="request", title="Glass jars for honey", description="")
    )
    cooperation.create_profile(
        software.user, _profile(kind="request", cooperation_type="buyer", title="Glass jars")
    )
    cooperation.create_profile(
        her.user, _profile(kind="request", title="Jars for plum jam", idea_id=her.idea_id)
    )
    auth.login(LeadFactory().email)
    page = submit(f"/events/{event.id}/suggest", page=f"/events/{event.id}/schedule")
    assert "2 from cooperation profiles" in page.get_data(as_text=True)
    found = {(m.first_id, m.second_id): m for m in db.session.scalars(db.select(EventMeeting))}
    assert set(found) == {(honey.id, jars.id), (her.id, jars.id)}
    meeting = found[(honey.id, jars.id)]
    assert meeting.status == "suggested" and "Glass jars for food" in meeting.reason
    assert profile_meetings.suggest_from_profiles(event) == 0  # no duplicates


def test_profile_reasons_are_stored_in_english_and_read_in_the_readers_language(
    client, auth, submit
):
    """A Serbian lead's suggestions used to keep her language: English readers got Serbian."""
    event = EventFactory()
    SessionFactory(event=event)
    db.session.refresh(event)
    jars = contact_in(event, event.sessions)
    her = entrepreneur_in(event, event.sessions)
    cooperation.create_profile(jars.user, _profile(title="Glass jars for food"))
    cooperation.create_profile(
        her.user, _profile(kind="request", title="Jars for plum jam", idea_id=her.idea_id)
    )
    auth.login(LeadFactory(locale="sr").email)
    submit(f"/events/{event.id}/suggest", page=f"/events/{event.id}/schedule")
    meeting = db.session.scalars(db.select(EventMeeting)).one()
    assert meeting.reason == (
        "Complementary profiles: “Glass jars for food” meets “Jars for plum jam”."
    )
    auth.logout()
    auth.login(her.user.email)
    serbian = client.get(f"/events/{event.id}/meetings", headers={"Accept-Language": "sr"})
    assert "Komplementarni profili: „Glass jars for food“ odgovara na „Jars for plum jam“." in (
        serbian.get_data(as_text=True)
    )
    meeting.reason = (
        "Komplementarni profili: „Glass jars for food“ odgovara na „Jars for plum jam“."
    )
    db.session.commit()
    english = client.get(f"/events/{event.id}/meetings", headers={"Accept-Language": "en"})
    html = english.get_data(as_text=True)
    assert "Komplementarni" not in html
    assert "Complementary profiles: “Glass jars for food” meets “Jars for plum jam”." in html
