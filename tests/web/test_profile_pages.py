"""Editing one's own profile through the HTML form."""

from __future__ import annotations

from mentorship.extensions import db
from tests.factories import EntrepreneurFactory, LeadFactory, MentorFactory

ENTREPRENEUR_PROFILE = {
    "name": "Đurđa Živković",
    "business_name": "Ђурђевак",
    "city": "Čačak",
    "country": "rs",
    "sector": "food",
    "stage": "early",
    "bio": "Џем од шљива, Niš и Ћуприја.",
    "languages": ["sr", "en"],
    "email_notifications": "y",
}
MENTOR_PROFILE = {
    "name": "Milica Jovanović",
    "headline": "Export of food",
    "bio": "Ж",
    "expertise": "HACCP, jam",
    "city": "Niš",
    "sectors": ["food", "agriculture"],
    "languages": ["sr", "de"],
    "capacity": "4",
}


def test_entrepreneur_saves_her_profile(client, auth, submit):
    user = EntrepreneurFactory()
    auth.login(user.email)
    response = submit("/profile", ENTREPRENEUR_PROFILE)
    assert "Your profile is saved." in response.get_data(as_text=True)
    db.session.refresh(user)
    profile = user.entrepreneur_profile
    assert (profile.city, profile.country, profile.sector, profile.stage, profile.languages) == (
        "Čačak",
        "RS",
        "food",
        "early",
        ["sr", "en"],
    )


def test_serbian_letters_round_trip_through_the_profile_form(client, auth, submit):
    auth.login(EntrepreneurFactory().email)
    submit("/profile", ENTREPRENEUR_PROFILE)
    html = client.get("/profile").get_data(as_text=True)
    for text in ("Đurđa Živković", "Ђурђевак", "Čačak", "Џем од шљива, Niš и Ћуприја."):
        assert text in html


def test_unticking_notifications_turns_them_off(client, auth, submit):
    user = EntrepreneurFactory()
    auth.login(user.email)
    submit(
        "/profile",
        {key: value for key, value in ENTREPRENEUR_PROFILE.items() if key != "email_notifications"},
    )
    db.session.refresh(user)
    assert user.email_notifications is False


def test_unknown_sector_posted_by_hand_is_refused(client, auth, submit):
    user = EntrepreneurFactory()
    auth.login(user.email)
    response = submit("/profile", {**ENTREPRENEUR_PROFILE, "sector": "weapons"})
    assert 'id="sector-error"' in response.get_data(as_text=True)
    db.session.refresh(user)
    assert user.entrepreneur_profile.sector == "food"


def test_unknown_country_code_is_refused_next_to_the_field(client, auth, submit):
    auth.login(EntrepreneurFactory().email)
    response = submit("/profile", {**ENTREPRENEUR_PROFILE, "country": "QQ"})
    assert 'id="country-error"' in response.get_data(as_text=True)


def test_missing_name_is_refused(client, auth, submit):
    user = EntrepreneurFactory(name="Ana")
    auth.login(user.email)
    response = submit("/profile", {**ENTREPRENEUR_PROFILE, "name": "   "})
    assert 'id="name-error"' in response.get_data(as_text=True)
    db.session.refresh(user)
    assert user.name == "Ana"


def test_over_long_business_name_is_refused(client, auth, submit):
    auth.login(EntrepreneurFactory().email)
    response = submit("/profile", {**ENTREPRENEUR_PROFILE, "business_name": "x" * 201})
    assert 'id="business_name-error"' in response.get_data(as_text=True)


def test_mentor_saves_her_profile(client, auth, submit):
    mentor = MentorFactory()
    auth.login(mentor.email)
    submit("/profile", MENTOR_PROFILE)
    db.session.refresh(mentor)
    profile = mentor.mentor_profile
    assert (profile.capacity, profile.sectors, profile.languages, profile.city) == (
        4,
        ["food", "agriculture"],
        ["sr", "de"],
        "Niš",
    )


def test_mentor_capacity_above_fifty_is_refused(client, auth, submit):
    mentor = MentorFactory()
    auth.login(mentor.email)
    response = submit("/profile", {**MENTOR_PROFILE, "capacity": "51"})
    assert 'id="capacity-error"' in response.get_data(as_text=True)
    db.session.refresh(mentor)
    assert mentor.mentor_profile.capacity == 3


def test_saving_keeps_a_language_outside_the_common_list(client, auth, submit):
    mentor = MentorFactory(mentor_profile__languages=["sr", "ja"])
    auth.login(mentor.email)
    assert 'value="ja"' in client.get("/profile").get_data(as_text=True)
    submit("/profile", {**MENTOR_PROFILE, "languages": ["sr", "ja"]})
    db.session.refresh(mentor)
    assert mentor.mentor_profile.languages == ["sr", "ja"]


def test_pending_mentor_sees_the_approval_notice(client, auth):
    mentor = MentorFactory(mentor_profile__status="pending")
    auth.login(mentor.email)
    assert "waiting for approval" in client.get("/").get_data(as_text=True)


def test_lead_edits_only_her_name(client, auth, submit):
    lead = LeadFactory()
    auth.login(lead.email)
    submit("/profile", {"name": "Programme Lead Niš"})
    db.session.refresh(lead)
    assert lead.name == "Programme Lead Niš"


def test_profile_without_csrf_token_is_refused_and_writes_nothing(client, auth):
    user = EntrepreneurFactory(name="Ana")
    auth.login(user.email)
    assert client.post("/profile", data=ENTREPRENEUR_PROFILE).status_code == 400
    db.session.refresh(user)
    assert user.name == "Ana"


def test_a_partner_contact_chooses_an_email_as_soon_as_an_introduction_message_arrives(
    client, auth, submit
):
    from tests.event_factories import PartnerContactFactory

    contact = PartnerContactFactory()
    auth.login(contact.email)
    html = client.get("/profile").get_data(as_text=True)
    assert "Once a day: one e-mail listing the conversations with new messages" in html
    submit("/profile", {"name": contact.name, "message_emails": "instant"})
    db.session.refresh(contact)
    assert contact.instant_emails is True
