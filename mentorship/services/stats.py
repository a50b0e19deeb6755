"""Programme counts for the lead: ideas, matches and mentor load."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from mentorship.extensions import db
from mentorship.models import Idea, Match, MentorProfile, User
from mentorship.models.ideas import IDEA_STATUSES
from mentorship.models.matches import MATCH_KINDS, MATCH_STATUSES
from mentorship.services.mentors import mentor_loads


def _counts(*columns, programme_id: int | None = None, through_idea: bool = False) -> list[tuple]:
    statement = sa.select(*columns, sa.func.count()).group_by(*columns)
    if programme_id is not None:
        if through_idea:
            statement = statement.join(Idea, Idea.id == Match.idea_id)
        statement = statement.where(Idea.programme_id == programme_id)
    return list(db.session.execute(statement))


def programme_stats(programme_id: int | None = None) -> dict[str, Any]:
    """Counts over all ideas, or over one programme's ideas and their matches.

    Mentor load stays programme-wide: capacity is one number across all programmes.
    """
    by_status = {status: 0 for status in IDEA_STATUSES}
    by_status.update(
        {status: count for status, count in _counts(Idea.status, programme_id=programme_id)}
    )
    by_sector = {
        sector or "none": count for sector, count in _counts(Idea.sector, programme_id=programme_id)
    }
    matches: dict[str, dict[str, int]] = {
        kind: {status: 0 for status in MATCH_STATUSES} for kind in MATCH_KINDS
    }
    for kind, status, count in _counts(
        Match.kind, Match.status, programme_id=programme_id, through_idea=True
    ):
        matches.setdefault(kind, {})[status] = count
    return {
        "ideas": {
            "total": sum(by_status.values()),
            "by_status": by_status,
            "by_sector": dict(sorted(by_sector.items())),
        },
        "matches": {
            "total": sum(sum(row.values()) for row in matches.values()),
            "by_kind": matches,
        },
        "mentors": mentor_load_rows(),
    }


def mentor_load_rows() -> list[dict[str, Any]]:
    rows = list(
        db.session.execute(
            sa.select(User.id, User.name, MentorProfile.status, MentorProfile.capacity)
            .join(MentorProfile, MentorProfile.user_id == User.id)
            .order_by(User.name, User.id)
        )
    )
    loads = mentor_loads([row.id for row in rows])
    return [
        {
            "id": row.id,
            "name": row.name,
            "status": row.status,
            "capacity": row.capacity,
            "load": loads[row.id],
            "remaining": max(0, row.capacity - loads[row.id]),
        }
        for row in rows
    ]
