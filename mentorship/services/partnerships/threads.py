"""The private thread of an approved introduction: the entrepreneur and the other side write.

Each participant has her own read mark (IntroductionReadMark): what others wrote after the
newest message she had when she last opened the thread is unread for her. A new message reaches
the other side as mentorship messages do (services.message_notices): in the daily digest, or at
once for those who chose instant e-mails.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import sqlalchemy as sa
from flask_babel import gettext as _
from flask_babel import lazy_gettext
from sqlalchemy.exc import IntegrityError

from mentorship.extensions import db
from mentorship.models import IntroductionMessage, IntroductionReadMark, Match, User
from mentorship.models.introductions import INTRODUCTION_MESSAGE_MAX
from mentorship.services.errors import ValidationFailedError
from mentorship.services.message_notices import tell_of_message
from mentorship.services.partnerships.access import ensure_open, get_introduction, other_side
from mentorship.services.partnerships.unread import unread_counts

KIND = "introduction.message"


def link(match: Match) -> str:
    return f"/introductions/{match.id}"


def messages(match: Match) -> list[IntroductionMessage]:
    return list(
        db.session.scalars(
            sa.select(IntroductionMessage)
            .where(IntroductionMessage.match_id == match.id)
            .order_by(IntroductionMessage.created_at, IntroductionMessage.id)
        )
    )


def read_up_to(user: User, match: Match) -> int:
    """The newest message id she had when she last opened the thread (0: never opened)."""
    return (
        db.session.scalar(
            sa.select(IntroductionReadMark.last_read_message_id).where(
                IntroductionReadMark.match_id == match.id, IntroductionReadMark.user_id == user.id
            )
        )
        or 0
    )


def mark_read(user: User, match: Match) -> None:
    """She opened the thread: everything in it so far is read for her (and only for her)."""
    newest = db.session.scalar(
        sa.select(sa.func.max(IntroductionMessage.id)).where(
            IntroductionMessage.match_id == match.id
        )
    )
    if newest is None:
        return
    for attempt in (1, 2):
        mark = db.session.scalar(
            sa.select(IntroductionReadMark).where(
                IntroductionReadMark.match_id == match.id, IntroductionReadMark.user_id == user.id
            )
        )
        if mark is None:
            mark = IntroductionReadMark(match_id=match.id, user_id=user.id)
            db.session.add(mark)
        elif mark.last_read_message_id >= newest:
            return
        mark.last_read_message_id = max(mark.last_read_message_id or 0, newest)
        mark.read_at = datetime.now(UTC)
        try:
            db.session.commit()
            return
        except IntegrityError:  # her other tab created the mark at the same moment
            db.session.rollback()
            if attempt == 2:
                raise


@dataclass(frozen=True)
class OpenedThread:
    messages: list[IntroductionMessage]
    read_up_to: int
    """Her read mark before this visit: later messages by others are new to her on this page."""
    new: int


def open_thread(user: User, match: Match) -> OpenedThread:
    """The thread as she opens it: what was new stays flagged this time, and is read from now on."""
    thread, up_to = messages(match), read_up_to(user, match)
    new = sum(1 for message in thread if message.sender_id != user.id and message.id > up_to)
    opened = OpenedThread(thread, up_to, new)
    mark_read(user, match)
    return opened


def _body(data: dict) -> str:
    body = data.get("body")
    text = body.strip() if isinstance(body, str) else ""
    if not text:
        raise ValidationFailedError(
            _("Some fields are not valid."), {"body": [_("Write a message.")]}
        )
    if len(text) > INTRODUCTION_MESSAGE_MAX:
        raise ValidationFailedError(
            _("Some fields are not valid."),
            {"body": [_("At most %(max)d characters.", max=INTRODUCTION_MESSAGE_MAX)]},
        )
    return text


def send_message(user: User, match_id: int, data: dict) -> IntroductionMessage:
    body = _body(data)
    match = get_introduction(user, match_id)
    ensure_open(match)
    for recipient in other_side(match, user):
        tell_of_message(
            recipient,
            KIND,
            lazy_gettext("New message about “%(title)s”", title=match.idea.title),
            lazy_gettext(
                "%(name)s wrote about the introduction for “%(title)s”.",
                name=user.name,
                title=match.idea.title,
            ),
            link(match),
            unread_before=lambda reader=recipient: bool(unread_counts(reader, [match])),
        )
    # Added after the notices: their unread check must not count it.
    message = IntroductionMessage(match_id=match.id, sender_id=user.id, body=body)
    db.session.add(message)
    db.session.commit()
    return message
