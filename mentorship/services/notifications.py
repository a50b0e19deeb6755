"""Tells people what concerns them: an in-app notification and, if they want it, an e-mail.

Both rows are added to the caller's session, so they commit (or roll back) with the change they
report. A worker task drains the outbox afterwards; nothing is sent before the commit.
"""

from __future__ import annotations

import logging
import smtplib
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timezone
from email.message import EmailMessage
from pathlib import Path

import sqlalchemy as sa
from flask import current_app
from flask_babel import LazyString, lazy_gettext, lazy_ngettext

from mentorship import task_names
from mentorship.extensions import db
from mentorship.i18n import language_of
from mentorship.models import (
    Idea,
    Notification,
    OutboxEmail,
    OutboxStatus,
    ProposalNotice,
    User,
)

log = logging.getLogger(__name__)
MAX_ATTEMPTS = 5
REVIEW_LINK = "/reviews"


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

    enqueue(task_names.SEND_OUTBOX)


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


@dataclass(frozen=True)
class ProposalChange:
    """A mentor proposal a re-match created or withdrew: the idea, the mentor and the match row."""

    idea: Idea
    mentor_id: int
    match_id: int


def notify_proposal_changes(
    proposed: list[ProposalChange], withdrawn: list[ProposalChange]
) -> None:
    """Tell mentors of new and withdrawn proposals, each at most once per idea, ever.

    Called by matching; the notices and what they record commit with the caller. A proposal
    withdrawn and proposed again is not announced again, and only the first withdrawal of a
    proposal she was told of is. Two queries for the whole batch, however many ideas it holds.
    """
    changes = proposed + withdrawn
    if not changes:
        return
    told = {
        (notice.mentor_id, notice.idea_id): notice
        for notice in db.session.scalars(
            sa.select(ProposalNotice).where(
                ProposalNotice.idea_id.in_(sorted({c.idea.id for c in changes})),
                ProposalNotice.mentor_id.in_(sorted({c.mentor_id for c in changes})),
            )
        )
    }
    now = datetime.now(timezone.utc)
    new = [c for c in proposed if (c.mentor_id, c.idea.id) not in told]
    gone = [c for c in withdrawn if _mark_first_withdrawal(told.get((c.mentor_id, c.idea.id)), now)]
    db.session.add_all(
        ProposalNotice(mentor_id=c.mentor_id, idea_id=c.idea.id, proposed_at=now) for c in new
    )
    wanted = {c.mentor_id for c in new + gone}
    if not wanted:
        return
    mentors = {
        user.id: user
        for user in db.session.scalars(sa.select(User).where(User.id.in_(sorted(wanted))))
    }
    for change in new:
        if change.mentor_id in mentors:
            _notify_proposal(mentors[change.mentor_id], change)
    by_mentor: dict[int, list[ProposalChange]] = defaultdict(list)
    for change in gone:
        by_mentor[change.mentor_id].append(change)
    for mentor_id, changes_of_mentor in sorted(by_mentor.items()):
        if mentor_id in mentors:
            _notify_withdrawals(mentors[mentor_id], changes_of_mentor)


def _mark_first_withdrawal(notice: ProposalNotice | None, now: datetime) -> bool:
    """Announce this withdrawal? Once, and only for a proposal she was told of; records it."""
    if notice is None or notice.withdrawn_at is not None:
        return False
    notice.withdrawn_at = now
    return True


def _notify_proposal(mentor: User, change: ProposalChange) -> None:
    title = change.idea.title
    notify(
        mentor,
        "match.proposed",
        lazy_gettext("A new idea for you to review: “%(title)s”", title=title),
        lazy_gettext(
            "Matching proposed you as a mentor for “%(title)s”. "
            "Please accept or decline the proposal.",
            title=title,
        ),
        f"{REVIEW_LINK}/{change.match_id}",
    )


def _notify_withdrawals(mentor: User, changes: list[ProposalChange]) -> None:
    """One notice per mentor and batch: a mentor who became full may lose many proposals at once."""
    if len(changes) == 1:
        title = changes[0].idea.title
        notify(
            mentor,
            "match.withdrawn",
            lazy_gettext("“%(title)s” is no longer proposed to you", title=title),
            lazy_gettext(
                "Matching ran again and no longer proposes you as a mentor for “%(title)s”, "
                "so it is not waiting for your answer any more. You do not need to do anything.",
                title=title,
            ),
            f"{REVIEW_LINK}/{changes[0].match_id}",
        )
        return
    titles = "\n".join(f"- {change.idea.title}" for change in changes)
    notify(
        mentor,
        "match.withdrawn",
        lazy_ngettext(
            "%(num)d idea is no longer proposed to you",
            "%(num)d ideas are no longer proposed to you",
            len(changes),
        ),
        lazy_gettext(
            "Matching ran again and no longer proposes you as a mentor for these ideas, so they "
            "are not waiting for your answer any more. You do not need to do anything.\n%(titles)s",
            titles=titles,
        ),
        REVIEW_LINK,
    )
