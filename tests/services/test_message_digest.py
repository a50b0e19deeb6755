"""New messages reach the other member through the daily digest by default: one notification
per thread and digest period, no e-mail per message; instant e-mails are still honoured."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import sqlalchemy as sa

from mentorship.extensions import db
from mentorship.models import Notification, OutboxEmail
from mentorship.services.digests import send_digests
from mentorship.services.mentorships import activity
from tests.clock import next_digest_morning
from tests.mentorship_pairs import approved_mentorship

MORNING = next_digest_morning()


def emails_to(user) -> list[OutboxEmail]:
    """E-mails about messages (the approval of the pairing wrote to the pair before)."""
    return [
        email
        for email in db.session.scalars(
            sa.select(OutboxEmail).where(OutboxEmail.user_id == user.id).order_by(OutboxEmail.id)
        )
        if "message" in email.subject or "wrote to you" in email.subject
    ]


def message_notices(user) -> int:
    return db.session.scalar(
        sa.select(sa.func.count()).where(
            Notification.user_id == user.id, Notification.kind == "mentorship.message"
        )
    )


def write(sender, mentorship, *bodies: str) -> None:
    for body in bodies:
        activity.send_message(sender, mentorship.id, {"body": body})


def test_an_entrepreneur_gets_one_notice_per_thread_and_one_digest_not_an_email_each(app):
    mentorship = approved_mentorship()
    her, mentor = mentorship.entrepreneur, mentorship.mentor
    write(mentor, mentorship, "Hello", "Did you see the price list?", "Call me")
    activity.mark_read(her, mentorship)
    write(mentor, mentorship, "One more thing")
    assert message_notices(her) == 1  # one thread, one digest period, read or not
    assert emails_to(her) == []
    assert send_digests(now=MORNING) >= 1
    (digest,) = emails_to(her)
    assert digest.subject == "1 new message waiting for you"  # the others she read
    assert f"{mentor.name}: 1 new message, " in digest.body
    assert f"/mentorships/{mentorship.id}" in digest.body
    assert "as soon as a message arrives" in digest.body
    send_digests(now=MORNING + timedelta(hours=3))
    assert len(emails_to(her)) == 1  # once a day
    # A new digest period: the next message is one more notice, and the next digest lists it.
    db.session.execute(
        sa.update(Notification).values(created_at=Notification.created_at - timedelta(hours=2))
    )
    her.last_digest_at = datetime.now(UTC) - timedelta(hours=1)
    db.session.commit()
    activity.mark_read(her, mentorship)  # she opened the thread from the digest
    write(mentor, mentorship, "Tomorrow?", "Or Friday?")
    assert message_notices(her) == 2
    send_digests(now=MORNING + timedelta(days=1))
    latest = emails_to(her)[-1]
    assert latest.subject == "2 new messages waiting for you"


def test_a_mentor_hears_of_messages_in_the_digest_too(app):
    mentorship = approved_mentorship()
    her, mentor = mentorship.entrepreneur, mentorship.mentor
    write(her, mentorship, "Thank you!", "See you Monday")
    assert message_notices(mentor) == 1
    assert emails_to(mentor) == []
    send_digests(now=MORNING)
    (digest,) = emails_to(mentor)
    assert "here are the new messages in your mentorships" in digest.body
    assert f"{her.name}: 2 new messages, " in digest.body


def test_messages_read_before_the_digest_are_not_mailed(app):
    mentorship = approved_mentorship()
    write(mentorship.mentor, mentorship, "Hello")
    activity.mark_read(mentorship.entrepreneur, mentorship)
    send_digests(now=MORNING)
    assert emails_to(mentorship.entrepreneur) == []


def test_instant_emails_are_honoured_one_per_run_of_unread_messages(app):
    mentorship = approved_mentorship()
    her, mentor = mentorship.entrepreneur, mentorship.mentor
    her.instant_emails = True
    db.session.commit()
    write(mentor, mentorship, "Hello", "Are you there?")
    assert len(emails_to(her)) == 1 and message_notices(her) == 1
    assert "wrote to you" in emails_to(her)[0].subject
    activity.mark_read(her, mentorship)
    write(mentor, mentorship, "Good, talk soon")
    assert len(emails_to(her)) == 2 and message_notices(her) == 2
    send_digests(now=MORNING)
    assert len(emails_to(her)) == 2  # no digest for her


def test_no_emails_at_all_means_no_digest(app):
    mentorship = approved_mentorship()
    her = mentorship.entrepreneur
    her.email_notifications = False
    db.session.commit()
    write(mentorship.mentor, mentorship, "Hello")
    send_digests(now=MORNING)
    assert emails_to(her) == [] and message_notices(her) == 1
