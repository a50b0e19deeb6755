"""The private thread of an approved introduction: the entrepreneur and the other side write."""

from __future__ import annotations

import sqlalchemy as sa
from flask_babel import gettext as _
from flask_babel import lazy_gettext

from mentorship.extensions import db
from mentorship.models import IntroductionMessage, Match, User
from mentorship.models.introductions import INTRODUCTION_MESSAGE_MAX
from mentorship.services.errors import ValidationFailedError
from mentorship.services.notifications import notify
from mentorship.services.partnerships.access import ensure_open, get_introduction, other_side


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
    message = IntroductionMessage(match_id=match.id, sender_id=user.id, body=body)
    db.session.add(message)
    for recipient in other_side(match, user):
        notify(
            recipient,
            "introduction.message",
            lazy_gettext("New message about “%(title)s”", title=match.idea.title),
            lazy_gettext(
                "%(name)s wrote about the introduction for “%(title)s”.",
                name=user.name,
                title=match.idea.title,
            ),
            link(match),
        )
    db.session.commit()
    return message
