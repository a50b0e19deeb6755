"""Exports for the lead: approved pairings, ideas with their matches, mentor load, the audit trail."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import aliased, selectinload

from mentorship.extensions import db
from mentorship.infrastructure.spreadsheets import write
from mentorship.models import AuditEntry, Idea, Match, MatchStatus, MentorProfile, Role, User
from mentorship.models.base import isoformat_utc
from mentorship.queries import audit_trail
from mentorship.services.errors import PermissionDeniedError
from mentorship.services.mentors import mentor_loads

Rows = Iterator[list[Any]]
BATCH = 1000


@dataclass(frozen=True)
class ExportSpec:
    title: str
    description: str
    header: tuple[str, ...]
    rows: Callable[[int | None], Rows]


def _time(value: datetime | None) -> str:
    return isoformat_utc(value) or ""


def _ideas_in(programme_id: int | None) -> sa.Select:
    statement = sa.select(Idea.id)
    return statement.where(Idea.programme_id == programme_id) if programme_id else statement


def _matches(programme_id: int | None, status: str | None = None) -> Iterator[Match]:
    statement = (
        sa.select(Match)
        .join(Idea, Idea.id == Match.idea_id)
        .options(
            selectinload(Match.idea).selectinload(Idea.owner),
            selectinload(Match.idea).selectinload(Idea.programme),
            selectinload(Match.idea).selectinload(Idea.module),
            selectinload(Match.mentor),
            selectinload(Match.partner),
            selectinload(Match.cluster),
        )
        .order_by(Match.idea_id, Match.kind, Match.rank, Match.id)
    )
    if programme_id:
        statement = statement.where(Idea.programme_id == programme_id)
    if status:
        statement = statement.where(Match.status == status)
    yield from db.session.scalars(statement.execution_options(yield_per=BATCH))


def _users(ids: set[int]) -> dict[int, User]:
    if not ids:
        return {}
    return {user.id: user for user in db.session.scalars(sa.select(User).where(User.id.in_(ids)))}


def pairing_rows(programme_id: int | None) -> Rows:
    matches = list(_matches(programme_id, MatchStatus.APPROVED.value))
    deciders = _users({m.decided_by_id for m in matches if m.decided_by_id})
    for match in matches:
        idea = match.idea
        decider = deciders.get(match.decided_by_id)
        yield [
            match.id,
            match.kind,
            idea.id,
            idea.title,
            idea.owner.name,
            idea.owner.email,
            idea.programme.name if idea.programme else "",
            idea.module.title if idea.module else "",
            match.target_name,
            match.mentor.email if match.mentor else "",
            round(match.score, 4),
            match.rank,
            _time(match.decided_at),
            decider.name if decider else "",
            match.decision_note or "",
            _time(match.ended_at),
            match.end_reason or "",
        ]


def idea_rows(programme_id: int | None) -> Rows:
    statement = (
        sa.select(Idea)
        .options(selectinload(Idea.owner), selectinload(Idea.programme), selectinload(Idea.module))
        .order_by(Idea.id)
    )
    if programme_id:
        statement = statement.where(Idea.programme_id == programme_id)
    ideas = list(db.session.scalars(statement))
    by_idea: dict[int, list[Match]] = {}
    for match in _matches(programme_id):
        by_idea.setdefault(match.idea_id, []).append(match)
    for idea in ideas:
        base = [
            idea.id,
            idea.title,
            idea.owner.name,
            idea.owner.email,
            idea.sector or "",
            idea.stage or "",
            idea.programme.name if idea.programme else "",
            idea.module.title if idea.module else "",
            idea.status,
            _time(idea.created_at),
        ]
        # Appended last, so the columns older spreadsheets rely on keep their places.
        trade = [idea.offers or "", idea.seeks or "", idea.city or ""]
        matches = by_idea.get(idea.id) or [None]
        for match in matches:
            if match is None:
                yield [*base, "", "", "", "", "", "", "", *trade, "", ""]
                continue
            yield [
                *base,
                match.kind,
                match.rank,
                match.target_name,
                round(match.score, 4),
                match.status,
                _time(match.reviewed_at),
                _time(match.decided_at),
                *trade,
                _time(match.ended_at),
                match.end_reason or "",
            ]


def mentor_load_rows(programme_id: int | None) -> Rows:
    mentor = aliased(User)
    counts = db.session.execute(
        sa.select(Match.mentor_id, Match.status, sa.func.count())
        .where(Match.kind == "mentor", Match.idea_id.in_(_ideas_in(programme_id)))
        .group_by(Match.mentor_id, Match.status)
    )
    by_mentor: dict[int, Counter[str]] = {}
    for mentor_id, status, count in counts:
        by_mentor.setdefault(mentor_id, Counter())[status] = count
    rows = list(
        db.session.execute(
            sa.select(mentor, MentorProfile)
            .join(MentorProfile, MentorProfile.user_id == mentor.id)
            .where(mentor.role == Role.MENTOR.value)
            .order_by(mentor.name, mentor.id)
        )
    )
    overall = mentor_loads([user.id for user, _ in rows])
    for user, profile in rows:
        counted = by_mentor.get(user.id, Counter())
        load = overall[user.id]
        yield [
            user.id,
            user.name,
            user.email,
            profile.status,
            profile.capacity,
            load,
            max(profile.capacity - load, 0),
            counted["approved"],
            counted["accepted"],
            counted["proposed"],
            counted["declined"],
            counted["rejected"],
        ]


def audit_rows(programme_id: int | None) -> Rows:
    """Every entry, oldest first, as the trail's CSV writes it after the entry's id."""
    statement = audit_trail.audit_query(programme_id=programme_id).order_by(None)
    entries = statement.order_by(AuditEntry.at, AuditEntry.id)
    for entry, actor in audit_trail.audit_rows(entries):
        yield [entry.id, *audit_trail.entry_values(entry, actor)]


EXPORTS: dict[str, ExportSpec] = {
    "pairings": ExportSpec(
        "Approved pairings",
        "Every approved match: the idea, its entrepreneur and the mentor, "
        "partner or cluster, with who approved it and when, and when and why it ended "
        "if its mentor, partner or cluster has left since.",
        (
            "match_id",
            "kind",
            "idea_id",
            "idea_title",
            "entrepreneur",
            "entrepreneur_email",
            "programme",
            "module",
            "matched_with",
            "mentor_email",
            "score",
            "rank",
            "approved_at",
            "approved_by",
            "note",
            "ended_at",
            "end_reason",
        ),
        pairing_rows,
    ),
    "ideas": ExportSpec(
        "Ideas and their matches",
        "One row per proposed match (an idea without matches has one "
        "row), with the idea's status and each match's status.",
        (
            "idea_id",
            "title",
            "entrepreneur",
            "entrepreneur_email",
            "sector",
            "stage",
            "programme",
            "module",
            "idea_status",
            "submitted_at",
            "match_kind",
            "match_rank",
            "matched_with",
            "score",
            "match_status",
            "reviewed_at",
            "decided_at",
            "offers",
            "seeks",
            "city",
            "match_ended_at",
            "match_end_reason",
        ),
        idea_rows,
    ),
    "mentor-load": ExportSpec(
        "Mentor load",
        "Each mentor's capacity and load (entrepreneurs she mentors, overall), and her "
        "matches by status (within the programme when one is chosen).",
        (
            "mentor_id",
            "name",
            "email",
            "status",
            "capacity",
            "load",
            "remaining",
            "approved",
            "accepted",
            "proposed",
            "declined",
            "rejected",
        ),
        mentor_load_rows,
    ),
    "audit": ExportSpec(
        "Audit trail",
        "Who did what and when: submissions, reviews, decisions, approvals, imports.",
        (
            "entry_id",
            "at",
            "actor",
            "actor_email",
            "action",
            "object_type",
            "object_id",
            "before",
            "after",
            "note",
            "details",
        ),
        audit_rows,
    ),
}


def export_file(actor: User, name: str, file_format: str, programme_id: int | None = None) -> bytes:
    if not actor.is_lead:
        raise PermissionDeniedError("Only the programme lead exports data.")
    spec = EXPORTS[name]
    return write(file_format, spec.header, spec.rows(programme_id), spec.title)
