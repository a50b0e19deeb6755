"""Tells people what concerns them: an in-app notification and, if they want it, an e-mail.

Both rows are added to the caller's session, so they commit (or roll back) with the change they
report. A worker task drains the outbox afterwards; nothing is sent before the commit.
"""

from __future__ import annotations

import logging
import smtplib
from datetime import datetime, timezone
from email.message import EmailMessage
from pathlib import Path

import sqlalchemy as sa
from flask import current_app
from flask_babel import LazyString

from mentorship.extensions import db
from mentorship.i18n import language_of
from mentorship.models import Notification, OutboxEmail, OutboxStatus, User

log = logging.getLogger(__name__)
SEND_TASK = "worker.tasks.send_outbox"
MAX_ATTEMPTS = 5


def notify(
    user: User, kind: str, subject: str | LazyString, body: str | LazyString = "", link: str = ""
) -> Notification:
    """Queue an in-app notification and, unless the user opted out, an e-mail.

    Pass `subject` and `body` as lazy_gettext(...) strings: they are rendered here, in the
    recipient's language (User.locale), not in the language of whoever caused the message.
    """
    with language_of(user):
        # A subject is one header line: titles and names typed by users may hold line breaks.
        subject, body = " ".join(str(subject).split()), str(body)
    notification = Notification(
        user_id=user.id, kind=kind, subject=subject[:200], body=body, link=link
    )
    db.session.add(notification)
    if user.email_notifications:
        text = body + (f"\n\n{_absolute(link)}" if link else "")
        db.session.add(
            OutboxEmail(user_id=user.id, to_email=user.email, subject=subject[:200], body=text)
        )
    return notification


def send_pending_emails() -> None:
    """Call after committing a change that queued e-mails."""
    from mentorship.services.background import enqueue

    enqueue(SEND_TASK)


def _absolute(link: str) -> str:
    base = current_app.config.get("PUBLIC_BASE_URL", "").rstrip("/")
    return f"{base}{link}" if base and link.startswith("/") else link


def unread_count(user: User) -> int:
    return (
        db.session.scalar(
            sa.select(sa.func.count())
            .select_from(Notification)
            .where(Notification.user_id == user.id, Notification.read_at.is_(None))
        )
        or 0
    )


def user_notifications(user: User) -> sa.Select:
    return (
        sa.select(Notification)
        .where(Notification.user_id == user.id)
        .order_by(Notification.created_at.desc(), Notification.id.desc())
    )


def mark_all_read(user: User) -> None:
    db.session.execute(
        sa.update(Notification)
        .where(Notification.user_id == user.id, Notification.read_at.is_(None))
        .values(read_at=datetime.now(timezone.utc))
    )
    db.session.commit()


def deliver_outbox(batch: int = 50) -> int:
    """Send pending e-mails; a failure is kept on the row and retried up to MAX_ATTEMPTS times."""
    rows = list(
        db.session.scalars(
            sa.select(OutboxEmail)
            .where(OutboxEmail.status == OutboxStatus.PENDING.value)
            .order_by(OutboxEmail.id)
            .limit(batch)
            .with_for_update(skip_locked=True)
        )
    )
    sent = 0
    for row in rows:
        row.attempts += 1
        try:
            _deliver(row)
        except (OSError, smtplib.SMTPException) as error:
            row.last_error = f"{type(error).__name__}: {error}"[:2000]
            if row.attempts >= MAX_ATTEMPTS:
                row.status = OutboxStatus.FAILED.value
            continue
        except Exception as error:  # a message that cannot be built will never send: no retry
            log.exception("e-mail %s cannot be sent", row.id)
            row.last_error = f"{type(error).__name__}: {error}"[:2000]
            row.status = OutboxStatus.FAILED.value
            continue
        row.status = OutboxStatus.SENT.value
        row.sent_at = datetime.now(timezone.utc)
        row.last_error = None
        sent += 1
    db.session.commit()
    return sent


def _deliver(row: OutboxEmail) -> None:
    """SMTP when MAIL_SERVER is set; otherwise one .eml file per message (embedded mode)."""
    message = EmailMessage()
    message["From"] = current_app.config["MAIL_DEFAULT_SENDER"]
    message["To"] = row.to_email
    message["Subject"] = row.subject
    message.set_content(row.body)
    server = current_app.config.get("MAIL_SERVER")
    if server:
        with smtplib.SMTP(server, current_app.config["MAIL_PORT"], timeout=10) as smtp:
            if current_app.config.get("MAIL_USE_TLS"):
                smtp.starttls()
            if current_app.config.get("MAIL_USERNAME"):
                smtp.login(current_app.config["MAIL_USERNAME"], current_app.config["MAIL_PASSWORD"])
            smtp.send_message(message)
        return
    outbox = Path(current_app.config["MAIL_OUTBOX_PATH"])
    outbox.mkdir(parents=True, exist_ok=True)
    (outbox / f"{row.id:08d}.eml").write_bytes(bytes(message))
    log.info("e-mail to %s written to %s", row.to_email, outbox)
