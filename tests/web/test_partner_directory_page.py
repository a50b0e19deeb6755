"""A partner company's directory page shows its own cooperation profiles, escaped, to those who
read cooperation profiles, with an empty state; other companies' profiles stay off it."""

from __future__ import annotations

from mentorship.services import cooperation, partner_contacts
from tests.event_factories import PartnerContactFactory
from tests.factories import (
    PASSWORD,
    EntrepreneurFactory,
    IdeaFactory,
    LeadFactory,
    MentorFactory,
    PartnerFactory,
)

OFFER = {
    "kind": "offer",
    "area": "technology",
    "cooperation_type": "licensing",
    "title": "<script>alert(1)</script> sensors",
    "description": "Loggers <b>for</b> dairies.",
}


def _hotel_with_a_profile():
    contact = PartnerContactFactory()
    profile = cooperation.create_profile(contact, OFFER)
    return contact.partner_contact.partner, profile


def test_the_page_shows_its_profiles_escaped_and_not_another_companys(client, auth):
    hotel, profile = _hotel_with_a_profile()
    cooperation.create_profile(PartnerContactFactory(), {**OFFER, "title": "Another company's"})
    idea = IdeaFactory()
    cooperation.create_profile(idea.owner, {**OFFER, "title": "An idea's", "idea_id": idea.id})
    auth.login(EntrepreneurFactory().email)
    html = client.get(f"/partners/{hotel.id}").get_data(as_text=True)
    assert f'data-profile="{profile.id}"' in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; sensors" in html and "<script>alert" not in html
    assert "Loggers &lt;b&gt;for&lt;/b&gt; dairies." in html
    assert "We offer" in html and "Technology" in html and "Licensing" in html
    assert "Another company&#39;s" not in html and "An idea&#39;s" not in html


def test_a_company_without_profiles_shows_the_empty_state(client, auth):
    quiet = PartnerFactory(name="Tiha d.o.o.")
    auth.login(EntrepreneurFactory().email)
    html = client.get(f"/partners/{quiet.id}").get_data(as_text=True)
    assert "Tiha d.o.o." in html
    assert "This company has published no cooperation profiles yet." in html


def test_the_directory_list_links_each_partner_to_its_page(client, auth):
    hotel = PartnerFactory()
    auth.login(EntrepreneurFactory().email)
    assert f'href="/partners/{hotel.id}"' in client.get("/partners").get_data(as_text=True)


def test_mentors_and_waiting_contacts_see_the_company_but_no_profiles(client, auth):
    hotel, profile = _hotel_with_a_profile()
    waiting = partner_contacts.register_contact("vesna@hotel.example", PASSWORD, "V", hotel.id)
    for user in (MentorFactory(), waiting):
        auth.login(user.email)
        html = client.get(f"/partners/{hotel.id}").get_data(as_text=True)
        assert hotel.name in html and 'data-section="cooperation-profiles"' not in html
        assert f'data-profile="{profile.id}"' not in html
        auth.logout()


def test_an_unknown_partner_is_404_and_signing_in_is_needed(client, auth):
    hotel = PartnerFactory()
    assert client.get(f"/partners/{hotel.id}").status_code in (302, 401)
    auth.login(EntrepreneurFactory().email)
    assert client.get("/partners/999999").status_code == 404


def test_the_lead_sees_the_profiles_and_an_edit_link(client, auth):
    hotel, profile = _hotel_with_a_profile()
    auth.login(LeadFactory().email)
    html = client.get(f"/partners/{hotel.id}").get_data(as_text=True)
    assert f'data-profile="{profile.id}"' in html and f"/partners/{hotel.id}/edit" in html
