"""How a member hears of new messages in her mentorship: the shared rule of
services.message_notices (the daily digest by default, or right away), with a mentorship's
read state (each message's read_at)."""

from __future__ import annotations

import sqlalchemy as sa
from flask_babel import lazy_gettext

from mentorship.extensions import db
from mentorship.models import Mentorship, MentorshipMessage, User
from mentorship.services.message_notices import tell_of_message

KIND = "mentorship.message"


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
    tell_of_message(
        recipient,
        KIND,
        lazy_gettext("%(name)s wrote to you", name=sender.name),
        lazy_gettext(
            "%(name)s sent you a message in your mentorship. Read and answer it here:",
            name=sender.name,
        ),
        link,
        unread_before=lambda: _unread_run(mentorship, sender),
    )
