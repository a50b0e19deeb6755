"""How a person hears of new messages in a thread (a mentorship's, an introduction's): through
the daily digest by default, or right away.

Digest (the default: e-mails on, instant e-mails off): one in-app notification per thread and
digest period, however many messages arrive, and no e-mail now; the next digest
(services.digests) lists the threads with messages still unread. Instant: one notification and
one e-mail per run of unread messages, as soon as the first of the run arrives.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import sqlalchemy as sa
from flask_babel import LazyString

from mentorship.extensions import db
from mentorship.models import Notification, User
from mentorship.models.base import as_aware
from mentorship.services.digests import last_digest_moment
from mentorship.services.notifications import notify


def digest_period_start(user: User, now: datetime | None = None) -> datetime:
    """Since the user's last digest (or today's digest hour if she never had one)."""
    moment = last_digest_moment(now or datetime.now(UTC))
    if user.last_digest_at is None:
        return moment
    return as_aware(user.last_digest_at)


def _told_since(user: User, kind: str, link: str, since: datetime) -> bool:
    return bool(
        db.session.scalar(
            sa.select(sa.func.count()).where(
                Notification.user_id == user.id,
                Notification.kind == kind,
                Notification.link == link,
                Notification.created_at >= since,
            )
        )
    )


def tell_of_message(
    recipient: User,
    kind: str,
    subject: LazyString,
    body: LazyString,
    link: str,
    *,
    unread_before: Callable[[], bool],
) -> None:
    """Call before adding the message; the notice commits with it.

    `unread_before` answers whether the recipient already had unread messages in the thread
    (the run she was told of at its start): asked only for those who chose instant e-mails.
    """
    if recipient.gets_message_digest:
        if _told_since(recipient, kind, link, digest_period_start(recipient)):
            return
    elif unread_before():
        return
    notify(recipient, kind, subject, body, link, email=not recipient.gets_message_digest)
