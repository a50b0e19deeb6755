"""Reading the audit trail: filtered queries for the lead, and a CSV export safe to open in a sheet."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import aliased, selectinload

from mentorship.extensions import db
from mentorship.infrastructure.spreadsheets import neutralise
from mentorship.models import (
    AuditEntry,
    Cluster,
    Idea,
    ImportJob,
    Match,
    Mentorship,
    Partner,
    Programme,
    User,
)
from mentorship.models.base import as_aware

CSV_COLUMNS = (
    "at",
    "actor",
    "actor_email",
    "action",
    "object_type",
    "object_id",
    "before_status",
    "after_status",
    "note",
    "details",
)
# In the reader's language, after the codes (which scripts read): what the audit page shows.
CSV_LABEL_COLUMNS = ("action_label", "before_label", "after_label")
# An entry's action, before and after status as words (`approvals.audit_labels`).
EntryLabels = Callable[[AuditEntry], tuple[str, str, str]]


def audit_actions() -> list[str]:
    return list(
        db.session.scalars(sa.select(AuditEntry.action).distinct().order_by(AuditEntry.action))
    )


def audit_actors() -> list[User]:
    """The people who appear in the trail, for the actor filter."""
    acted = sa.select(AuditEntry.actor_id).where(AuditEntry.actor_id.is_not(None)).distinct()
    return list(db.session.scalars(sa.select(User).where(User.id.in_(acted)).order_by(User.name)))


def about_programme(programme_id: int) -> sa.ColumnElement[bool]:
    """Entries about the programme itself, one of its ideas, or a match of one of its ideas."""
    ideas = sa.select(Idea.id).where(Idea.programme_id == programme_id)
    matches = sa.select(Match.id).where(Match.idea_id.in_(ideas))
    return sa.or_(
        sa.and_(AuditEntry.object_type == "idea", AuditEntry.object_id.in_(ideas)),
        sa.and_(AuditEntry.object_type == "match", AuditEntry.object_id.in_(matches)),
        sa.and_(AuditEntry.object_type == "programme", AuditEntry.object_id == programme_id),
    )


def audit_query(
    action: str | None = None,
    actor_id: int | None = None,
    since: date | None = None,
    until: date | None = None,
    programme_id: int | None = None,
) -> sa.Select:
    """Entries with their actor, newest first; `until` includes the whole day."""
    actor = aliased(User)
    statement = (
        sa.select(AuditEntry, actor)
        .outerjoin(actor, actor.id == AuditEntry.actor_id)
        .order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
    )
    if action:
        statement = statement.where(AuditEntry.action == action)
    if actor_id is not None:
        statement = statement.where(AuditEntry.actor_id == actor_id)
    if since is not None:
        statement = statement.where(AuditEntry.at >= _start_of(since))
    if until is not None:
        statement = statement.where(AuditEntry.at < _start_of(until + timedelta(days=1)))
    if programme_id is not None:
        statement = statement.where(about_programme(programme_id))
    return statement


def _start_of(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=UTC)


def audit_rows(statement: sa.Select) -> Iterator[tuple[AuditEntry, User | None]]:
    """Entries with their actor, fetched in batches so a long trail never sits in memory whole."""
    for entry, actor in db.session.execute(statement.execution_options(yield_per=500)):
        yield entry, actor


PAIRING_LOADS = (
    selectinload(Match.idea),
    selectinload(Match.mentor),
    selectinload(Match.partner),
    selectinload(Match.cluster),
)
LOADS: dict[type, tuple] = {
    Match: PAIRING_LOADS,
    Mentorship: (selectinload(Mentorship.match).options(*PAIRING_LOADS),),
}


def _names_of(model: type, ids: set[int], name: Callable[[Any], str]) -> dict[int, str]:
    statement = sa.select(model).where(model.id.in_(ids)).options(*LOADS.get(model, ()))
    return {row.id: name(row) for row in db.session.scalars(statement)}


NAMERS: dict[str, tuple[type, Callable[[Any], str]]] = {
    "user": (User, lambda user: user.name),
    "idea": (Idea, lambda idea: idea.title),
    "match": (Match, lambda match: match.pairing_name),
    "mentorship": (Mentorship, lambda mentorship: mentorship.match.pairing_name),
    "programme": (Programme, lambda programme: programme.name),
    "partner": (Partner, lambda partner: partner.name),
    "cluster": (Cluster, lambda cluster: cluster.name),
    "import": (ImportJob, lambda job: job.filename),
}


def object_names(entries: Iterable[AuditEntry]) -> dict[tuple[str, int], str]:
    """What each entry is about, by (object type, id), as it is named now: an idea's title, a
    person's name, a pairing's idea and mentor. An object gone since (a withdrawn proposal, a
    deleted account) or of an unknown type is absent: the trail says "deleted" for it.
    One query per object type on the page."""
    wanted: dict[str, set[int]] = {}
    for entry in entries:
        if entry.object_id is not None and entry.object_type in NAMERS:
            wanted.setdefault(entry.object_type, set()).add(entry.object_id)
    names: dict[tuple[str, int], str] = {}
    for object_type, ids in wanted.items():
        model, name = NAMERS[object_type]
        for object_id, text in _names_of(model, ids, name).items():
            names[(object_type, object_id)] = text
    return names


def former_pairings(entries: Iterable[AuditEntry]) -> dict[int, str]:
    """Gone pairings named from what their entries kept (a withdrawal keeps the idea and the
    mentor), by entry id: "idea title — mentor", or the title alone once the mentor is gone."""
    kept = {
        entry.id: (details.get("idea_id"), details.get("target_id"))
        for entry in entries
        if entry.object_type == "match"
        and isinstance(details := entry.details or {}, dict)
        and isinstance(details.get("idea_id"), int)
        and details.get("kind", "mentor") == "mentor"
    }
    if not kept:
        return {}
    titles = _names_of(Idea, {idea for idea, _ in kept.values()}, lambda idea: idea.title)
    mentors = {mentor for _, mentor in kept.values() if isinstance(mentor, int)}
    people = _names_of(User, mentors, lambda user: user.name) if mentors else {}
    names = {}
    for entry_id, (idea_id, mentor_id) in kept.items():
        if idea_id in titles:
            mentor = people.get(mentor_id)
            names[entry_id] = f"{titles[idea_id]} — {mentor}" if mentor else titles[idea_id]
    return names


def _cell(value: object) -> str:
    """Text for one CSV cell, safe from being run as a formula (CSV injection)."""
    return neutralise("" if value is None else str(value))


def entry_values(entry: AuditEntry, actor: User | None) -> list[Any]:
    """One entry as the values of `CSV_COLUMNS`, in order: the trail's CSV and the lead's
    audit export both write an entry this way."""
    return [
        as_aware(entry.at).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        actor.name if actor else "",
        actor.email if actor else "",
        entry.action,
        entry.object_type,
        entry.object_id,
        entry.before_status,
        entry.after_status,
        entry.note,
        json.dumps(entry.details, ensure_ascii=False, sort_keys=True) if entry.details else "",
    ]


def audit_csv(
    rows: Iterable[tuple[AuditEntry, User | None]], labels: EntryLabels | None = None
) -> Iterator[str]:
    """The CSV text, line by line, so a long trail streams rather than builds in memory; with
    `labels`, each line ends with the action and statuses in words."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)

    def flush() -> str:
        text = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return text

    writer.writerow(CSV_COLUMNS + (CSV_LABEL_COLUMNS if labels else ()))
    # A byte order mark, as the exports write: Excel then reads Serbian letters ("Đ") as UTF-8.
    yield "\ufeff" + flush()
    for entry, actor in rows:
        values = entry_values(entry, actor) + list(labels(entry) if labels else ())
        writer.writerow([_cell(value) for value in values])
        yield flush()
