"""One-click session ratings: each member rates a held session 1 to 5; a new click changes it.

A planned session is not rated (409) until it is logged as held; another pair's session is a
404. The averages feed the mentorship page, the API and the impact report.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, datetime
from statistics import mean

import sqlalchemy as sa
from flask_babel import gettext as _

from mentorship.extensions import db
from mentorship.models import Mentorship, MentorshipSession, SessionRating, User
from mentorship.services.errors import ConflictError, ValidationFailedError
from mentorship.services.mentorships.access import get_member_mentorship
from mentorship.services.mentorships.activity import get_session

RATINGS = (1, 2, 3, 4, 5)


def _rating(value: object) -> int:
    number = None
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    elif isinstance(value, str) and value.strip().isascii() and value.strip().isdigit():
        number = int(value.strip())
    if number not in RATINGS:
        raise ValidationFailedError(
            _("Some fields are not valid."),
            {"rating": [_("Choose a number from %(low)d to %(high)d.", low=1, high=5)]},
        )
    return number


def rate_session(user: User, mentorship_id: int, session_id: int, data: dict) -> SessionRating:
    """The member's rating of a held session of her mentorship: added, or changed if she had one."""
    rating = _rating(data.get("rating"))
    mentorship = get_member_mentorship(user, mentorship_id)
    session = get_session(mentorship, session_id)
    if session.planned:
        raise ConflictError(_("A planned session is rated once it has been held and logged."))
    now = datetime.now(UTC)
    if db.session.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    statement = insert(SessionRating).values(
        session_id=session.id, user_id=user.id, rating=rating, created_at=now, updated_at=now
    )
    db.session.execute(
        statement.on_conflict_do_update(
            index_elements=["session_id", "user_id"],
            set_={"rating": statement.excluded.rating, "updated_at": now},
        )
    )
    db.session.commit()
    return db.session.scalar(
        sa.select(SessionRating).where(
            SessionRating.session_id == session.id, SessionRating.user_id == user.id
        )
    )


def ratings_by_session(session_ids: list[int]) -> dict[int, dict[int, int]]:
    """{session id: {member id: rating}} for the given sessions."""
    found: dict[int, dict[int, int]] = defaultdict(dict)
    if session_ids:
        for session_id, user_id, rating in db.session.execute(
            sa.select(SessionRating.session_id, SessionRating.user_id, SessionRating.rating).where(
                SessionRating.session_id.in_(session_ids)
            )
        ):
            found[session_id][user_id] = rating
    return dict(found)


def average(ratings: list[int]) -> float | None:
    return round(float(mean(ratings)), 2) if ratings else None


def average_rating(mentorship: Mentorship) -> float | None:
    """The mean of every rating the pair gave its held sessions (None before the first)."""
    value = db.session.scalar(
        sa.select(sa.func.avg(SessionRating.rating))
        .join(MentorshipSession, MentorshipSession.id == SessionRating.session_id)
        .where(MentorshipSession.mentorship_id == mentorship.id)
    )
    return round(float(value), 2) if value is not None else None
