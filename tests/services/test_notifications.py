"""Notifications: in-app rows and the e-mail outbox, delivered after the commit with retries."""

from __future__ import annotations

import socket

import sqlalchemy as sa

from mentorship.extensions import db
from mentorship.models import Notification, OutboxEmail
from mentorship.services.notifications import MAX_ATTEMPTS, deliver_outbox, notify
from tests.factories import MentorFactory


def outbox_rows() -> list[OutboxEmail]:
    return list(db.session.scalars(sa.select(OutboxEmail).order_by(OutboxEmail.id)))


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_notify_writes_an_in_app_notice_and_an_email(app):
    mentor = MentorFactory()
    notify(mentor, "match.proposed", "A new idea for you", "Please have a look.", "/reviews")
    db.session.commit()
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Notification)) == 1
    assert [row.to_email for row in outbox_rows()] == [mentor.email]


def test_a_person_who_turned_emails_off_gets_only_the_in_app_notice(app):
    mentor = MentorFactory(email_notifications=False)
    notify(mentor, "match.proposed", "A new idea for you")
    db.session.commit()
    assert outbox_rows() == []
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Notification)) == 1


def test_nothing_is_queued_when_the_change_rolls_back(app):
    notify(MentorFactory(), "match.proposed", "A new idea for you")
    db.session.rollback()
    assert outbox_rows() == []


def test_without_a_mail_server_emails_are_written_as_files(app, tmp_path):
    mentor = MentorFactory()
    notify(mentor, "match.proposed", "A new idea for you", "Please have a look.")
    db.session.commit()
    assert deliver_outbox() == 1
    [written] = list((tmp_path / "outbox").glob("*.eml"))
    assert f"To: {mentor.email}" in written.read_text() and outbox_rows()[0].status == "sent"


def test_a_failing_mail_server_is_retried_then_given_up(app):
    app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=closed_port(), MAIL_USE_TLS=False)
    notify(MentorFactory(), "match.proposed", "A new idea for you")
    db.session.commit()
    states = []
    for _ in range(MAX_ATTEMPTS):
        deliver_outbox()
        states.append(outbox_rows()[0].status)
    row = outbox_rows()[0]
    assert states == ["pending"] * (MAX_ATTEMPTS - 1) + ["failed"]
    assert row.attempts == MAX_ATTEMPTS and "Refused" in (row.last_error or "")


def test_a_title_with_a_line_break_makes_a_one_line_subject(app):
    notify(MentorFactory(), "match.proposed", "A new idea:\nJam\r\nfor hotels")
    db.session.commit()
    assert outbox_rows()[0].subject == "A new idea: Jam for hotels"


def test_a_message_that_cannot_be_built_fails_alone_and_the_rest_are_sent(app):
    notify(MentorFactory(), "match.proposed", "First")
    notify(MentorFactory(), "match.proposed", "Second")
    db.session.commit()
    broken = outbox_rows()[0]
    broken.to_email = "broken\naddress@example.org"
    db.session.commit()
    deliver_outbox()
    assert [row.status for row in outbox_rows()] == ["failed", "sent"]
