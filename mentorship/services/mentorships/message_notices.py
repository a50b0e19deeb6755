"""How a member hears of new messages: through the daily digest by default, or right away.

Digest (the default: e-mails on, instant e-mails off): one in-app notification per thread and
digest period, however many messages arrive, and no e-mail now; the next digest
(services.digests) lists the threads with messages still unread. Instant: one notification and
one e-mail per run of unread messages, as soon as the first of the run arrives.
"""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa
from flask_babel import lazy_gettext

from mentorship.extensions import db
from mentorship.models import Mentorship, MentorshipMessage, Notification, User
from mentorship.services.digests import last_digest_moment
from mentorship.services.notifications import notify

KIND = "mentorship.message"


def digest_period_start(user: User, now: datetime | None = None) -> datetime:
    """Since the user's last digest (or today's digest hour if she never had one)."""
    moment = last_digest_moment(now or datetime.now(UTC))
    if user.last_digest_at is None:
        return moment
    last = user.last_digest_at
    return last if last.tzinfo is not None else last.replace(tzinfo=UTC)


def _told_since(user: User, link: str, since: datetime) -> bool:
    return bool(
        db.session.scalar(
            sa.select(sa.func.count()).where(
                Notification.user_id == user.id,
                Notification.kind == KIND,
                Notification.link == link,
                Notification.created_at >= since,
            )
        )
    )


def _unread_run(mentorship: Mentorship, sender: User) -> bool:
    """The sender has messages the recipient has not read yet (before the one being added)."""
    return bool(
        db.session.scalar(
            sa.select(sa.func.count()).where(
                MentorshipMessage.mentorship_id == mentorship.id,
                MentorshipMessage.sender_id == sender.id,
                MentorshipMessage.read_at.is_(None),
            )
        )
    )


def tell_recipient(mentorship: Mentorship, sender: User, recipient: User | None, link: str) -> None:
    """Call before adding the message; the notice commits with it."""
    if recipient is None:
        return
    if recipient.gets_message_digest:
        if _told_since(recipient, link, digest_period_start(recipient)):
            return
    elif _unread_run(mentorship, sender):
        return
    notify(
        recipient,
        KIND,
        lazy_gettext("%(name)s wrote to you", name=sender.name),
        lazy_gettext(
            "%(name)s sent you a message in your mentorship. Read and answer it here:",
            name=sender.name,
        ),
        link,
        email=not recipient.gets_message_digest,
    )
