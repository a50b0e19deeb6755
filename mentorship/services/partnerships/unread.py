"""What in her introduction threads is new to one reader, counted with her read mark: for the
thread list and for the daily digest (services.digests)."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa

from mentorship.extensions import db
from mentorship.models import IntroductionMessage, IntroductionReadMark, Match, User
from mentorship.services.partnerships.access import my_introductions


def unread_counts(
    user: User, matches: list[Match], since: datetime | None = None
) -> dict[int, int]:
    """Per introduction, the messages others wrote since she last opened its thread (and, given
    `since`, after that moment)."""
    ids = [m.id for m in matches]
    if not ids:
        return {}
    mark = IntroductionReadMark
    statement = (
        sa.select(IntroductionMessage.match_id, sa.func.count())
        .outerjoin(
            mark,
            sa.and_(mark.match_id == IntroductionMessage.match_id, mark.user_id == user.id),
        )
        .where(
            IntroductionMessage.match_id.in_(ids),
            IntroductionMessage.sender_id.is_distinct_from(user.id),
            IntroductionMessage.id > sa.func.coalesce(mark.last_read_message_id, 0),
        )
        .group_by(IntroductionMessage.match_id)
    )
    if since is not None:
        statement = statement.where(IntroductionMessage.created_at > since)
    return {match_id: count for match_id, count in db.session.execute(statement)}


def unread_since(user: User, since: datetime) -> list[tuple[Match, int]]:
    """Her introductions with messages to her since, still unread: one row per thread.

    Only the introductions she is a side of now: a contact person the lead has not approved
    (or no longer speaks for the company) has none.
    """
    matches = my_introductions(user)
    counts = unread_counts(user, matches, since)
    return [(match, counts[match.id]) for match in matches if counts.get(match.id)]
