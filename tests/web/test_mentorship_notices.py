"""What the pages show of the inactivity warning and the closing, and the message e-mail choice."""

from __future__ import annotations

from datetime import timedelta

from mentorship.extensions import db
from mentorship.models import User
from mentorship.services.mentorships.access import today
from mentorship.services.mentorships.nudges import send_nudges
from tests.mentorship_pairs import approved_mentorship


def test_the_page_shows_the_warning_until_a_message_and_then_the_closing(client, auth, submit):
    mentorship = approved_mentorship(started_days_ago=60)
    send_nudges()
    page = f"/mentorships/{mentorship.id}"
    auth.login(mentorship.entrepreneur.email)
    html = client.get(page).get_data(as_text=True)
    assert 'id="inactive-warning"' in html
    assert "unless you log a session or send a message" in html
    html = submit(f"{page}/messages", {"body": "Still here!"}, page=page).get_data(as_text=True)
    assert 'id="inactive-warning"' not in html
    db.session.expire_all()
    from mentorship.models import MentorshipMessage

    db.session.query(MentorshipMessage).update(
        {MentorshipMessage.created_at: MentorshipMessage.created_at - timedelta(days=60)}
    )
    db.session.commit()
    send_nudges()
    send_nudges(on=today() + timedelta(days=14))
    html = client.get(page).get_data(as_text=True)
    assert 'id="inactive-closed"' in html and "Ended early" in html
    assert 'id="survey-form"' in html


def test_an_entrepreneur_chooses_an_email_as_soon_as_a_message_arrives(client, auth, submit):
    from tests.web.test_profile_pages import ENTREPRENEUR_PROFILE

    mentorship = approved_mentorship()
    her = mentorship.entrepreneur
    auth.login(her.email)
    html = client.get("/profile").get_data(as_text=True)
    assert "Once a day: one e-mail listing the conversations with new messages" in html
    submit("/profile", {**ENTREPRENEUR_PROFILE, "message_emails": "instant"})
    db.session.expire_all()
    assert db.session.get(User, her.id).instant_emails is True
    submit("/profile", {**ENTREPRENEUR_PROFILE, "message_emails": "daily"})
    db.session.expire_all()
    assert db.session.get(User, her.id).instant_emails is False
