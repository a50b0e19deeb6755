"""The lead's mentor administration pages."""

from __future__ import annotations

from mentorship.extensions import db
from tests.factories import EntrepreneurFactory, LeadFactory, MatchFactory, MentorFactory


def test_mentor_list_shows_capacity_and_load(client, auth):
    mentor = MentorFactory(name="Vesna Ilić", mentor_profile__capacity=4)
    MatchFactory(mentor=mentor, status="approved")
    auth.login(LeadFactory().email)
    html = client.get("/lead/mentors").get_data(as_text=True)
    assert "Vesna Ilić" in html and "Load <strong>1</strong> of <strong>4</strong>" in html


def test_mentor_list_filters_by_status(client, auth):
    MentorFactory(name="Waiting Mentor", mentor_profile__status="pending")
    MentorFactory(name="Working Mentor")
    auth.login(LeadFactory().email)
    html = client.get("/lead/mentors?status=pending").get_data(as_text=True)
    assert "Waiting Mentor" in html and "Working Mentor" not in html


def test_lead_approves_a_pending_mentor(client, auth, submit):
    mentor = MentorFactory(mentor_profile__status="pending")
    auth.login(LeadFactory().email)
    response = submit(f"/lead/mentors/{mentor.id}/approve", page="/lead/mentors?status=pending")
    assert "is approved" in response.get_data(as_text=True)
    db.session.refresh(mentor)
    assert mentor.mentor_profile.status == "active"


def test_deactivation_asks_for_confirmation_first(client, auth):
    mentor = MentorFactory()
    auth.login(LeadFactory().email)
    assert "Yes, deactivate" in client.get(f"/lead/mentors/{mentor.id}/deactivate").get_data(
        as_text=True
    )
    db.session.refresh(mentor)
    assert mentor.mentor_profile.status == "active"


def test_lead_deactivates_a_mentor_after_confirming(client, auth, submit):
    mentor = MentorFactory()
    auth.login(LeadFactory().email)
    response = submit(f"/lead/mentors/{mentor.id}/deactivate")
    assert "is deactivated" in response.get_data(as_text=True)
    db.session.refresh(mentor)
    assert mentor.mentor_profile.status == "inactive"


def test_approving_an_active_mentor_is_a_message_not_an_error(client, auth, submit):
    mentor = MentorFactory()
    auth.login(LeadFactory().email)
    response = submit(f"/lead/mentors/{mentor.id}/approve", page="/lead/mentors")
    assert response.status_code == 200 and "already active" in response.get_data(as_text=True)


def test_approve_without_csrf_token_is_refused(client, auth):
    mentor = MentorFactory(mentor_profile__status="pending")
    auth.login(LeadFactory().email)
    assert client.post(f"/lead/mentors/{mentor.id}/approve").status_code == 400
    db.session.refresh(mentor)
    assert mentor.mentor_profile.status == "pending"


def test_approving_someone_who_is_not_a_mentor_is_not_found(client, auth, submit):
    entrepreneur = EntrepreneurFactory()
    auth.login(LeadFactory().email)
    response = submit(f"/lead/mentors/{entrepreneur.id}/approve", page="/lead/mentors")
    assert response.status_code == 404


def test_entrepreneur_cannot_open_lead_pages(client, auth):
    mentor = MentorFactory()
    auth.login(EntrepreneurFactory().email)
    assert client.get("/lead/mentors").status_code == 403
    assert client.get(f"/lead/mentors/{mentor.id}/deactivate").status_code == 403


def test_mentor_cannot_approve_herself(client, auth, submit):
    mentor = MentorFactory(mentor_profile__status="pending")
    auth.login(mentor.email)
    response = submit(f"/lead/mentors/{mentor.id}/approve", page="/")
    assert response.status_code == 403


def test_anonymous_visitor_is_sent_to_login_from_lead_pages(client):
    response = client.get("/lead/mentors")
    assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_return_address_after_an_action_stays_on_the_mentor_list(client, auth, submit):
    mentor = MentorFactory(mentor_profile__status="pending")
    auth.login(LeadFactory().email)
    response = submit(
        f"/lead/mentors/{mentor.id}/approve",
        {"back": "https://evil.example/"},
        page="/lead/mentors",
        follow_redirects=False,
    )
    assert response.headers["Location"] == "/lead/mentors"
