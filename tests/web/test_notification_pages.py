"""Each user's in-app notifications: the list, the unread count in the nav, marking all read."""

from __future__ import annotations

from mentorship.extensions import db
from mentorship.services.notifications import notify, unread_count
from tests.factories import EntrepreneurFactory, MentorFactory


def test_a_user_sees_her_own_notifications_only(client, auth):
    user, other = EntrepreneurFactory(), EntrepreneurFactory()
    notify(user, "match.approved", "You have a new pairing", "Meet Milica.", "/ideas/1")
    notify(other, "match.approved", "Somebody else's news")
    db.session.commit()
    auth.login(user.email)
    html = client.get("/notifications").get_data(as_text=True)
    assert (
        "You have a new pairing" in html and "Meet Milica." in html and "Somebody else" not in html
    )


def test_the_nav_shows_the_unread_count(client, auth):
    user = MentorFactory()
    for n in range(3):
        notify(user, "match.proposed", f"Proposal {n}")
    db.session.commit()
    auth.login(user.email)
    assert 'aria-label="3 unread">3</span>' in client.get("/").get_data(as_text=True)


def test_marking_all_read_clears_the_count(client, auth, submit):
    user = EntrepreneurFactory()
    notify(user, "match.approved", "News")
    db.session.commit()
    auth.login(user.email)
    response = submit("/notifications/read", page="/notifications")
    assert "marked as read" in response.get_data(as_text=True)
    assert unread_count(user) == 0


def test_marking_read_without_the_csrf_token_is_refused(client, auth):
    user = EntrepreneurFactory()
    notify(user, "match.approved", "News")
    db.session.commit()
    auth.login(user.email)
    assert client.post("/notifications/read").status_code == 400
    assert unread_count(user) == 1


def test_an_outside_link_in_a_notification_is_not_made_clickable(client, auth):
    user = EntrepreneurFactory()
    notify(user, "x", "Look here", link="https://evil.example/")
    db.session.commit()
    auth.login(user.email)
    assert 'href="https://evil.example/"' not in client.get("/notifications").get_data(as_text=True)


def test_no_notifications_shows_a_friendly_empty_state(client, auth):
    auth.login(EntrepreneurFactory().email)
    assert "No notifications yet" in client.get("/notifications").get_data(as_text=True)


def test_notifications_need_a_login(client):
    assert client.get("/notifications").status_code == 302
