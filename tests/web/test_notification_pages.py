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


def test_notifications_follow_the_readers_language_not_the_one_they_were_written_in(client, auth):
    """A member who switched to Serbian kept reading her older notifications in English."""
    from flask_babel import lazy_gettext

    from tests.web.test_i18n import ENGLISH, SERBIAN

    user = MentorFactory(locale="en")
    title = "Plum jam"
    notify(
        user,
        "match.withdrawn",
        lazy_gettext("“%(title)s” is no longer proposed to you", title=title),
        lazy_gettext(
            "Matching ran again and no longer proposes you as a mentor for “%(title)s”, "
            "so it is not waiting for your answer any more. You do not need to do anything. "
            "If matching proposes it to you again, it comes back to your review list without "
            "another notice.",
            title=title,
        ),
    )
    notify(user, "note", "Typed by hand")  # plain text has no recipe: shown as written
    db.session.commit()
    auth.login(user.email)
    english = client.get("/notifications", headers=ENGLISH).get_data(as_text=True)
    assert "“Plum jam” is no longer proposed to you" in english
    user.locale = "sr"  # she chose Srpski in the footer
    db.session.commit()
    serbian = client.get("/notifications", headers=SERBIAN).get_data(as_text=True)
    assert "is no longer proposed to you" not in serbian and "Plum jam" in serbian
    assert "Ne morate ništa da preduzmete" in serbian and "Typed by hand" in serbian
