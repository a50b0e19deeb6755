"""The lead's reports: dashboard figures and programme counts, optionally for one programme."""

from __future__ import annotations

from dataclasses import dataclass
from statistics import median
from typing import Any

import sqlalchemy as sa

from mentorship.extensions import db
from mentorship.models import (
    Idea,
    IdeaStatus,
    Match,
    MatchKind,
    MatchStatus,
    MentorProfile,
    MentorStatus,
    User,
)
from mentorship.models.base import as_aware
from mentorship.models.ideas import IDEA_STATUSES
from mentorship.models.matches import MATCH_KINDS, MATCH_STATUSES
from mentorship.services.mentors import mentor_loads as entrepreneurs_per_mentor
from mentorship.vocab import SECTORS

NO_SECTOR = ""
# Upper bounds in days (exclusive) and their labels; the last bucket is open-ended.
APPROVAL_BUCKETS: tuple[tuple[float, str], ...] = (
    (1, "Under 1 day"),
    (3, "1–2 days"),
    (8, "3–7 days"),
    (15, "8–14 days"),
    (31, "15–30 days"),
    (float("inf"), "Over 30 days"),
)
SECONDS_PER_DAY = 86400.0


@dataclass(frozen=True)
class FunnelRow:
    """One kind's path: every match starts proposed; only mentor matches are reviewed."""

    kind: str
    proposed: int
    accepted: int | None
    approved: int
    declined: int
    rejected: int
    waiting: int
    ended: int = 0
    """Approved pairings whose mentor, partner or cluster has left since (counted in approved)."""


@dataclass(frozen=True)
class MentorLoad:
    mentor_id: int
    name: str
    status: str
    capacity: int
    load: int

    @property
    def free(self) -> int:
        return max(0, self.capacity - self.load)


@dataclass(frozen=True)
class ApprovalTimes:
    """Days from an idea's submission to the approval of each of its approved matches."""

    count: int
    median_days: float | None
    median_by_kind: dict[str, float | None]
    buckets: list[tuple[str, int]]


def _for_programme(statement: sa.Select, programme_id: int | None) -> sa.Select:
    return statement if programme_id is None else statement.where(Idea.programme_id == programme_id)


def ideas_by_sector(programme_id: int | None = None) -> list[tuple[str, int]]:
    """(sector slug or "" for none given, count), largest first, then in vocabulary order."""
    rows = db.session.execute(
        _for_programme(sa.select(Idea.sector, sa.func.count(Idea.id)), programme_id).group_by(
            Idea.sector
        )
    )
    counts = {sector or NO_SECTOR: count for sector, count in rows}
    order = {slug: position for position, slug in enumerate(SECTORS)}
    return sorted(counts.items(), key=lambda item: (-item[1], order.get(item[0], len(order))))


def ideas_by_status(programme_id: int | None = None) -> list[tuple[str, int]]:
    """Every status in pipeline order, zeros included, so the chart always has the same shape."""
    rows = db.session.execute(
        _for_programme(sa.select(Idea.status, sa.func.count(Idea.id)), programme_id).group_by(
            Idea.status
        )
    )
    counts = dict(rows.all())
    return [(status.value, counts.get(status.value, 0)) for status in IdeaStatus]


def match_funnel(programme_id: int | None = None) -> list[FunnelRow]:
    statement = (
        sa.select(Match.kind, Match.status, sa.func.count(Match.id))
        .join(Idea, Match.idea_id == Idea.id)
        .group_by(Match.kind, Match.status)
    )
    counts: dict[tuple[str, str], int] = {
        (kind, status): count
        for kind, status, count in db.session.execute(_for_programme(statement, programme_id))
    }
    ended = dict(
        db.session.execute(
            _for_programme(
                sa.select(Match.kind, sa.func.count(Match.id))
                .join(Idea, Match.idea_id == Idea.id)
                .where(Match.ended_at.is_not(None))
                .group_by(Match.kind),
                programme_id,
            )
        ).all()
    )
    funnel = []
    for kind in MatchKind:
        by_status = {
            status.value: counts.get((kind.value, status.value), 0) for status in MatchStatus
        }
        approved = by_status[MatchStatus.APPROVED.value]
        reviewed = kind == MatchKind.MENTOR
        funnel.append(
            FunnelRow(
                kind=kind.value,
                proposed=sum(by_status.values()),
                # An approved mentor match was accepted first, so it counts at both steps.
                accepted=by_status[MatchStatus.ACCEPTED.value] + approved if reviewed else None,
                approved=approved,
                declined=by_status[MatchStatus.DECLINED.value],
                rejected=by_status[MatchStatus.REJECTED.value],
                waiting=by_status[MatchStatus.PROPOSED.value]
                + by_status[MatchStatus.ACCEPTED.value],
                ended=ended.get(kind.value, 0),
            )
        )
    return funnel


def mentor_loads() -> list[MentorLoad]:
    """Entrepreneurs mentored against capacity for every mentor not pending, fullest first.

    Capacity is one number across programmes, so load is counted across programmes too.
    """
    loads = [
        MentorLoad(row["id"], row["name"], row["status"], row["capacity"], row["load"])
        for row in mentor_load_rows()
        if row["status"] == MentorStatus.ACTIVE.value
        or (row["status"] != MentorStatus.PENDING.value and row["load"])
    ]
    return sorted(loads, key=lambda row: (-_fill(row), -row.load, row.name.lower(), row.mentor_id))


def _fill(row: MentorLoad) -> float:
    if row.capacity == 0:
        return float("inf") if row.load else 0.0
    return row.load / row.capacity


def approval_times(programme_id: int | None = None) -> ApprovalTimes:
    statement = (
        sa.select(Match.kind, Idea.created_at, Match.decided_at)
        .join(Idea, Match.idea_id == Idea.id)
        .where(Match.status == MatchStatus.APPROVED.value, Match.decided_at.is_not(None))
    )
    days_by_kind: dict[str, list[float]] = {kind.value: [] for kind in MatchKind}
    for kind, submitted_at, decided_at in db.session.execute(
        _for_programme(statement, programme_id)
    ):
        elapsed = (as_aware(decided_at) - as_aware(submitted_at)).total_seconds() / SECONDS_PER_DAY
        days_by_kind.setdefault(kind, []).append(max(0.0, elapsed))
    every = [days for values in days_by_kind.values() for days in values]
    buckets = []
    lower = 0.0
    for upper, label in APPROVAL_BUCKETS:
        buckets.append((label, sum(1 for days in every if lower <= days < upper)))
        lower = upper
    return ApprovalTimes(
        count=len(every),
        median_days=median(every) if every else None,
        median_by_kind={
            kind: (median(values) if values else None) for kind, values in days_by_kind.items()
        },
        buckets=buckets,
    )


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
    loads = entrepreneurs_per_mentor([row.id for row in rows])
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
