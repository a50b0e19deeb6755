"""Sends the e-mail outbox: SMTP when a mail server is configured, else one .eml file per message.

Rows are committed with the change they report (see services.notifications); this only delivers
them. A run goes through everything pending at its start, a batch at a time, each batch committed,
so a large outbox (a demo load, an import) leaves in one run rather than fifty messages per action.
"""

from __future__ import annotations

import logging
import smtplib
from datetime import datetime, timezone
from email.message import EmailMessage
from pathlib import Path

import sqlalchemy as sa
from flask import current_app

from mentorship.extensions import db
from mentorship.models import OutboxEmail, OutboxStatus

log = logging.getLogger(__name__)
MAX_ATTEMPTS = 5
BATCH = 50


def deliver_outbox(batch: int = BATCH) -> int:
    """Send every pending e-mail once; a failure is kept on its row and retried by a later run.

    Each row is tried at most once per run (rows are walked by id), so a failing server does
    not burn a message's MAX_ATTEMPTS in one go.
    """
    sent, after_id = 0, 0
    while True:
        rows = _next_batch(after_id, batch)
        if not rows:
            return sent
        after_id = rows[-1].id
        sent += sum(_attempt(row) for row in rows)
        db.session.commit()


def pending_count() -> int:
    statement = sa.select(sa.func.count()).where(OutboxEmail.status == OutboxStatus.PENDING.value)
    return db.session.scalar(statement) or 0


def _next_batch(after_id: int, batch: int) -> list[OutboxEmail]:
    return list(
        db.session.scalars(
            sa.select(OutboxEmail)
            .where(OutboxEmail.status == OutboxStatus.PENDING.value, OutboxEmail.id > after_id)
            .order_by(OutboxEmail.id)
            .limit(batch)
            .with_for_update(skip_locked=True)
        )
    )


def _attempt(row: OutboxEmail) -> bool:
    row.attempts += 1
    try:
        _deliver(row)
    except (OSError, smtplib.SMTPException) as error:
        row.last_error = f"{type(error).__name__}: {error}"[:2000]
        if row.attempts >= MAX_ATTEMPTS:
            row.status = OutboxStatus.FAILED.value
        return False
    except Exception as error:  # a message that cannot be built will never send: no retry
        log.exception("e-mail %s cannot be sent", row.id)
        row.last_error = f"{type(error).__name__}: {error}"[:2000]
        row.status = OutboxStatus.FAILED.value
        return False
    row.status = OutboxStatus.SENT.value
    row.sent_at = datetime.now(timezone.utc)
    row.last_error = None
    return True


def _deliver(row: OutboxEmail) -> None:
    """SMTP when MAIL_SERVER is set; otherwise one .eml file per message (embedded mode)."""
    message = EmailMessage()
    message["From"] = current_app.config["MAIL_DEFAULT_SENDER"]
    message["To"] = row.to_email
    message["Subject"] = row.subject
    message.set_content(row.body)
    if row.attachment_name and row.attachment:
        message.add_attachment(
            row.attachment.encode("utf-8"),
            maintype="text",
            subtype="calendar",
            filename=row.attachment_name,
            params={"method": "REQUEST"},
        )
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
