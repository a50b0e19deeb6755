"""Members on the daily digest (the default) get the no-session and check-in reminders by e-mail
in it, not only in the app; those who chose instant e-mails get each one at once. Read in the
e-mails the outbox task really delivered."""

from __future__ import annotations

from email import message_from_bytes, policy
from pathlib import Path

from mentorship.extensions import db
from mentorship.services.notifications import mark_all_read
from tests.mentorship_pairs import approved_mentorship

NO_SESSION_SUBJECT = "No mentoring session logged for three weeks"
CHECK_IN_SUBJECT = "How is your mentorship going?"


def run(task_name: str):
    import worker.tasks

    return getattr(worker.tasks, task_name).apply().get()


def delivered(app, to: str) -> list[tuple[str, str]]:
    """(subject, body) of each e-mail the outbox task wrote for `to`."""
    run("send_outbox")
    mails = [
        message_from_bytes(path.read_bytes(), policy=policy.default)
        for path in sorted(Path(app.config["MAIL_OUTBOX_PATH"]).glob("*.eml"))
    ]
    return [(str(mail["Subject"]), mail.get_content()) for mail in mails if mail["To"] == to]


def subjects(app, to: str) -> list[str]:
    return [subject for subject, _body in delivered(app, to)]


def test_a_mentor_and_an_entrepreneur_on_the_digest_get_the_reminders_in_it(app):
    mentorship = approved_mentorship(started_days_ago=31)
    members = [mentorship.mentor, mentorship.entrepreneur]
    run("send_mentorship_nudges")
    for member in members:
        assert NO_SESSION_SUBJECT not in subjects(app, member.email)  # no e-mail of its own
    assert run("send_digests") >= 2
    for member in members:
        digests = [body for subject, body in delivered(app, member.email) if "reminder" in subject]
        assert len(digests) == 1, member.role
        assert NO_SESSION_SUBJECT in digests[0] and CHECK_IN_SUBJECT in digests[0]
        assert f"/mentorships/{mentorship.id}#check-in-1" in digests[0]


def test_a_member_who_chose_instant_emails_gets_each_reminder_at_once(app):
    mentorship = approved_mentorship(started_days_ago=31)
    mentor = mentorship.mentor
    mentor.instant_emails = True
    db.session.commit()
    run("send_mentorship_nudges")
    assert {NO_SESSION_SUBJECT, CHECK_IN_SUBJECT} <= set(subjects(app, mentor.email))
    run("send_digests")
    assert not [s for s in subjects(app, mentor.email) if "reminder" in s]


def test_a_reminder_she_already_read_in_the_app_is_not_mailed_again(app):
    mentorship = approved_mentorship(started_days_ago=31)
    her = mentorship.entrepreneur
    run("send_mentorship_nudges")
    mark_all_read(her)
    run("send_digests")
    assert not [s for s in subjects(app, her.email) if "reminder" in s]
