"""Without Celery, the served app sends the whole outbox and the digests by itself, off the request."""

from __future__ import annotations

import socket
import socketserver
import threading
import time

import pytest
import sqlalchemy as sa

from mentorship import create_app
from mentorship.extensions import db
from mentorship.infrastructure.embedded_runner import EXTENSION, EmbeddedRunner
from mentorship.models import OutboxEmail, ProposalNotice
from mentorship.services.notifications import notify
from tests.conftest import AuthActions, app_config, csrf_token_from, empty_all_tables
from tests.factories import EntrepreneurFactory, IdeaFactory, MatchFactory, MentorFactory

SMTP_DELAY = 0.5


class SlowSmtp(socketserver.StreamRequestHandler):
    """Just enough SMTP for smtplib, with a pause before each greeting, like a distant server."""

    def handle(self) -> None:
        time.sleep(SMTP_DELAY)
        self.wfile.write(b"220 slow.example ESMTP\r\n")
        in_data = False
        for raw in self.rfile:
            line = raw.decode("utf-8", "replace").rstrip("\r\n")
            if in_data:
                if line == ".":
                    in_data = False
                    self.wfile.write(b"250 queued\r\n")
                continue
            verb = line[:4].upper()
            if verb == "DATA":
                in_data = True
                self.wfile.write(b"354 go on\r\n")
            elif verb == "QUIT":
                self.wfile.write(b"221 bye\r\n")
                return
            else:
                self.wfile.write(b"250 ok\r\n")


@pytest.fixture
def slow_smtp():
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), SlowSmtp)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


def pending() -> int:
    return db.session.scalar(
        sa.select(sa.func.count()).select_from(OutboxEmail).where(OutboxEmail.status == "pending")
    )


def test_one_round_sends_the_whole_outbox_not_fifty(app):
    mentors = [MentorFactory(instant_emails=True) for _ in range(3)]
    for n in range(120):
        notify(mentors[n % 3], "test", f"Message {n}")
    db.session.commit()
    assert EmbeddedRunner(app).run_once() == 120
    assert pending() == 0


def test_one_round_also_sends_the_due_digests(app):
    mentor = MentorFactory()
    match = MatchFactory(mentor=mentor, idea=IdeaFactory(title="Plum jam"))
    db.session.add(ProposalNotice(mentor_id=mentor.id, idea_id=match.idea_id))
    db.session.commit()
    EmbeddedRunner(app).run_once()
    body = db.session.scalar(sa.select(OutboxEmail.body).where(OutboxEmail.user_id == mentor.id))
    assert "Plum jam" in body
    assert pending() == 0


@pytest.fixture
def served_app(_schema, tmp_path, slow_smtp):
    """The app as `./dev demo` serves it: embedded mode, runner on, a mail server that is slow."""
    served = create_app(
        app_config(
            _schema,
            tmp_path,
            EMBEDDED_RUNNER=True,
            EMBEDDED_RUNNER_INTERVAL=3600,
            MAIL_SERVER="127.0.0.1",
            MAIL_PORT=slow_smtp,
            MAIL_USE_TLS=False,
        )
    )
    yield served
    served.extensions[EXTENSION].stop()
    with served.app_context():
        db.session.remove()
        empty_all_tables()
        db.engine.dispose()


def test_a_request_that_queues_mail_does_not_wait_for_the_mail_server(served_app):
    with served_app.app_context():
        owner = EntrepreneurFactory()
        idea = IdeaFactory(owner=owner, status="matched")
        mentors = [MentorFactory(instant_emails=True) for _ in range(3)]
        for mentor in mentors:
            MatchFactory(idea=idea, mentor=mentor)
        email, idea_id = owner.email, idea.id
    client = served_app.test_client()
    AuthActions(client).login(email)
    runner = served_app.extensions[EXTENSION]
    assert runner.running
    page = client.get(f"/ideas/{idea_id}/withdraw").get_data(as_text=True)
    started = time.monotonic()
    response = client.post(f"/ideas/{idea_id}/withdraw", data={"csrf_token": csrf_token_from(page)})
    took = time.monotonic() - started
    assert response.status_code == 302
    assert took < 3 * SMTP_DELAY  # three e-mails through the slow server would take longer
    with served_app.app_context():
        deadline = time.monotonic() + 15
        while pending() and time.monotonic() < deadline:
            time.sleep(0.2)
            db.session.remove()
        sent = db.session.scalar(
            sa.select(sa.func.count()).select_from(OutboxEmail).where(OutboxEmail.status == "sent")
        )
    assert sent == 3


def test_the_runner_stays_off_with_celery(_schema, tmp_path):
    celery_app = create_app(
        app_config(_schema, tmp_path, REDIS_URL="redis://127.0.0.1:1/0", EMBEDDED_RUNNER=True)
    )
    assert EXTENSION not in celery_app.extensions


def test_the_runner_waits_for_the_first_request(_schema, tmp_path):
    served = create_app(app_config(_schema, tmp_path, EMBEDDED_RUNNER=True))
    assert not served.extensions[EXTENSION].running


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_a_failing_round_leaves_the_mail_for_the_next(app):
    app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=closed_port(), MAIL_USE_TLS=False)
    notify(MentorFactory(instant_emails=True), "test", "Hello")
    db.session.commit()
    assert EmbeddedRunner(app).run_once() == 0
    assert pending() == 1
