"""The mentorship pages as each role uses them: CSRF on every form, another pair's is a 404."""

from __future__ import annotations

from datetime import timedelta

import sqlalchemy as sa

from mentorship.extensions import db
from mentorship.models import Mentorship, MentorshipGoal, MentorshipMessage, MentorshipSession
from mentorship.services.mentorships.access import today
from tests.factories import EntrepreneurFactory, LeadFactory
from tests.mentorship_pairs import approved_mentorship


def test_the_pair_works_on_their_mentorship_page(client, auth, submit):
    mentorship = approved_mentorship()
    page = f"/mentorships/{mentorship.id}"
    auth.login(mentorship.entrepreneur.email)
    listed = client.get("/mentorships").get_data(as_text=True)
    assert f"With {mentorship.mentor.name}" in listed
    assert "Too early to tell" in listed
    html = submit(f"{page}/agreement", {"meeting_frequency": "Every two weeks"}, page=page)
    assert "Agreement saved." in html.get_data(as_text=True)
    submit(f"{page}/goals", {"title": "First shop order", "due_on": "2027-01-31"}, page=page)
    goal = db.session.scalar(sa.select(MentorshipGoal))
    submit(f"{page}/goals/{goal.id}", {"done": "1"}, page=page)
    submit(
        f"{page}/sessions",
        {"kind": "held", "held_on": today().isoformat(), "duration_minutes": "60"},
        page=page,
    )
    html = submit(f"{page}/messages", {"body": "Thank you <b>so</b> much"}, page=page)
    text = html.get_data(as_text=True)
    assert "Thank you &lt;b&gt;so&lt;/b&gt; much" in text
    db.session.expire_all()
    assert db.session.get(Mentorship, mentorship.id).meeting_frequency == "Every two weeks"
    assert db.session.get(MentorshipGoal, goal.id).done_at is not None
    assert db.session.scalar(sa.select(sa.func.count()).select_from(MentorshipSession)) == 1


def test_bad_input_is_a_form_message_and_changes_nothing(client, auth, submit):
    mentorship = approved_mentorship()
    page = f"/mentorships/{mentorship.id}"
    auth.login(mentorship.mentor.email)
    tomorrow = (today() + timedelta(days=1)).isoformat()
    html = submit(
        f"{page}/sessions",
        {"kind": "held", "held_on": tomorrow, "duration_minutes": "6000"},
        page=page,
    ).get_data(as_text=True)
    assert "A held session cannot be in the future" in html
    assert "A session lasts from 5 minutes to 8 hours." in html
    html = submit(f"{page}/messages", {"body": "x" * 20_000}, page=page).get_data(as_text=True)
    assert "At most 5000 characters." in html
    assert db.session.scalar(sa.select(sa.func.count()).select_from(MentorshipSession)) == 0
    assert db.session.scalar(sa.select(sa.func.count()).select_from(MentorshipMessage)) == 0


def test_a_form_without_its_csrf_token_is_refused(client, auth):
    mentorship = approved_mentorship()
    auth.login(mentorship.entrepreneur.email)
    response = client.post(f"/mentorships/{mentorship.id}/messages", data={"body": "Hi"})
    assert response.status_code == 400
    assert db.session.scalar(sa.select(sa.func.count()).select_from(MentorshipMessage)) == 0


def test_another_pairs_mentorship_is_not_found(client, auth, submit):
    mentorship = approved_mentorship()
    mine = approved_mentorship()
    auth.login(mine.entrepreneur.email)
    assert client.get(f"/mentorships/{mentorship.id}").status_code == 404
    response = submit(
        f"/mentorships/{mentorship.id}/messages",
        {"body": "Hello"},
        page=f"/mentorships/{mine.id}",
        follow_redirects=False,
    )
    assert response.status_code == 404
    assert db.session.scalar(sa.select(sa.func.count()).select_from(MentorshipMessage)) == 0
    assert client.get(f"/mentorships/{mentorship.id}/sessions/1.ics").status_code == 404


def test_the_lead_sees_all_with_their_light_but_not_the_messages(client, auth):
    lead = LeadFactory()
    mentorship = approved_mentorship(lead)
    from mentorship.services.mentorships import activity

    activity.send_message(mentorship.entrepreneur, mentorship.id, {"body": "Private words"})
    auth.login(lead.email)
    listed = client.get("/mentorships").get_data(as_text=True)
    assert mentorship.entrepreneur.name in listed and "light-too_early" in listed
    page = client.get(f"/mentorships/{mentorship.id}").get_data(as_text=True)
    assert "1 message exchanged" in page
    assert "Private words" not in page
    assert db.session.scalar(sa.select(MentorshipMessage.read_at)) is None


def test_the_impact_report_prints_and_downloads_for_the_lead_only(client, auth):
    lead = LeadFactory()
    approved_mentorship(lead)
    auth.login(lead.email)
    page = client.get("/mentorships/impact")
    assert page.status_code == 200
    assert "Outcome change, baseline to endline" in page.get_data(as_text=True)
    sheet = client.get("/mentorships/impact.xlsx")
    assert sheet.status_code == 200
    assert sheet.data[:2] == b"PK"
    auth.logout()
    auth.login(EntrepreneurFactory().email)
    assert client.get("/mentorships/impact").status_code == 403


def test_the_pages_speak_serbian(client, auth):
    mentorship = approved_mentorship()
    auth.login(mentorship.entrepreneur.email)
    html = client.get(f"/mentorships/{mentorship.id}", headers={"Accept-Language": "sr"})
    text = html.get_data(as_text=True)
    assert "Naš dogovor" in text and "Još je rano za ocenu" in text
