"""Matching use cases run by the worker: rank an idea, store proposals, keep ideas moving."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta, timezone

import sqlalchemy as sa
from flask import current_app
from sqlalchemy.exc import IntegrityError, OperationalError

from matching import Match as RankedMatch
from mentorship.extensions import db
from mentorship.models import Cluster, Idea, IdeaStatus, Match, MatchStatus, Partner, User
from mentorship.services.background import enqueue
from mentorship.services.candidates import holder, idea_record
from mentorship.services.locking import begin_serialised
from mentorship.services.review import notify_new_proposals

log = logging.getLogger(__name__)
TARGET_MODELS = {"mentor": User, "partner": Partner, "cluster": Cluster}
TARGET_COLUMNS = {"mentor": "mentor_id", "partner": "partner_id", "cluster": "cluster_id"}
REMATCHABLE = (
    IdeaStatus.SUBMITTED.value,
    IdeaStatus.MATCHING.value,
    IdeaStatus.MATCHED.value,
    IdeaStatus.FAILED.value,
)


def _now() -> datetime:
    return datetime.now(timezone.utc)


def match_idea(idea_id: int) -> str:
    """submitted -> matching -> matched, or failed with the reason kept for the lead."""
    # Under the idea's row lock, so an owner withdrawing it meanwhile is seen, never overwritten.
    begin_serialised()
    idea = db.session.get(Idea, idea_id, with_for_update=True, populate_existing=True)
    if idea is None:
        return "missing"
    if idea.status == IdeaStatus.WITHDRAWN.value:
        db.session.rollback()
        return "withdrawn"
    idea.status = IdeaStatus.MATCHING.value
    idea.matching_started_at = _now()
    db.session.commit()
    try:
        record = idea_record(idea)
        ranked = holder.synced().rank(record)
        db.session.commit()
        store_matches(idea_id, ranked)
    except OperationalError:
        db.session.rollback()
        raise
    except Exception as error:
        db.session.rollback()
        log.exception("matching idea %s failed", idea_id)
        _mark_failed(idea_id, f"{type(error).__name__}: {error}"[:2000])
        return "failed"
    return "matched"


def _mark_failed(idea_id: int, reason: str) -> None:
    idea = db.session.get(Idea, idea_id)
    if idea is not None:
        idea.status = IdeaStatus.FAILED.value
        idea.status_error = reason
        db.session.commit()


def _existing_targets(
    ranked_by_idea: dict[int, dict[str, list[RankedMatch]]],
) -> set[tuple[str, int]]:
    """Candidates can be deleted while a task runs; only store proposals whose target still exists."""
    wanted: dict[str, set[int]] = {}
    for ranked in ranked_by_idea.values():
        for kind, matches in ranked.items():
            wanted.setdefault(kind, set()).update(m.candidate_id for m in matches)
    alive: set[tuple[str, int]] = set()
    for kind, ids in wanted.items():
        if ids:
            model = TARGET_MODELS[kind]
            found = db.session.scalars(sa.select(model.id).where(model.id.in_(sorted(ids))))
            alive.update((kind, target_id) for target_id in found)
    return alive


def store_matches(
    idea_id: int, ranked: dict[str, list[RankedMatch]], *, commit: bool = True
) -> None:
    store_many({idea_id: ranked}, commit=commit)


def store_many(
    ranked_by_idea: dict[int, dict[str, list[RankedMatch]]], *, commit: bool = True
) -> None:
    """Replace the ideas' untouched proposals; matches someone acted on are never changed.

    A handful of statements for the whole batch, whatever its size, so a programme of hundreds
    of ideas re-matches in about a second.
    """
    for attempt in (1, 2):
        try:
            _store_many(ranked_by_idea)
            if commit:
                db.session.commit()
            return
        except IntegrityError:
            db.session.rollback()
            if attempt == 2:
                raise


def _store_many(ranked_by_idea: dict[int, dict[str, list[RankedMatch]]]) -> None:
    """Proposals that stay keep their row (and id, so open pages keep working); others go or come."""
    begin_serialised()
    ideas = list(
        db.session.scalars(
            sa.select(Idea)
            .where(Idea.id.in_(sorted(ranked_by_idea)))
            .order_by(Idea.id)
            .with_for_update()
            .execution_options(populate_existing=True)
        )
    )
    # An idea withdrawn while it was being ranked gets no proposals.
    ideas = [idea for idea in ideas if idea.status != IdeaStatus.WITHDRAWN.value]
    if not ideas:
        return
    proposed: dict[tuple[int, str, int], int] = {}
    acted: set[tuple[int, str, int]] = set()
    existing = db.session.execute(
        sa.select(
            Match.id,
            Match.idea_id,
            Match.kind,
            Match.mentor_id,
            Match.partner_id,
            Match.cluster_id,
            Match.status,
        ).where(Match.idea_id.in_([idea.id for idea in ideas]))
    )
    for match_id, idea_id, kind, mentor_id, partner_id, cluster_id, status in existing:
        key = (idea_id, kind, mentor_id or partner_id or cluster_id)
        if status == MatchStatus.PROPOSED.value:
            proposed[key] = match_id
        else:
            acted.add(key)
    alive = _existing_targets(ranked_by_idea)
    now = _now()
    inserts, updates = [], []
    proposals: list[tuple[Idea, list[int]]] = []
    for idea in ideas:
        new_mentors = []
        for kind, matches in ranked_by_idea[idea.id].items():
            for found in matches:
                key = (idea.id, kind, found.candidate_id)
                if key in acted or (kind, found.candidate_id) not in alive:
                    continue
                values = {
                    "score": round(min(1.0, max(0.0, float(found.score))), 6),
                    "rank": found.rank,
                    "reasons": list(found.reasons),
                    "updated_at": now,
                }
                if key in proposed:
                    updates.append({"id": proposed.pop(key), **values})
                    continue
                if kind == "mentor":
                    new_mentors.append(found.candidate_id)
                inserts.append(
                    {
                        "idea_id": idea.id,
                        "kind": kind,
                        TARGET_COLUMNS[kind]: found.candidate_id,
                        "status": MatchStatus.PROPOSED.value,
                        "created_at": now,
                        **values,
                    }
                )
        if new_mentors:
            proposals.append((idea, new_mentors))
        idea.status = IdeaStatus.MATCHED.value
        idea.status_error = None
        idea.matched_at = now
    notify_new_proposals(proposals)
    if proposed:
        db.session.execute(
            sa.delete(Match).where(Match.id.in_(sorted(proposed.values()))),
            execution_options={"synchronize_session": False},
        )
    if updates:
        db.session.execute(
            sa.update(Match), updates, execution_options={"synchronize_session": False}
        )
    for column in TARGET_COLUMNS.values():
        batch = [row for row in inserts if column in row]
        if batch:
            db.session.execute(sa.insert(Match), batch)
    db.session.flush()


def open_ideas(programme_id: int | None = None) -> sa.Select:
    statement = sa.select(Idea).where(Idea.status.in_(REMATCHABLE)).order_by(Idea.id)
    if programme_id is not None:
        statement = statement.where(Idea.programme_id == programme_id)
    return statement


def rematch_open_ideas(
    programme_id: int | None = None, kinds: tuple[str, ...] | None = None
) -> int:
    """Re-rank every open idea in one batch against a freshly synced index."""
    ideas = list(db.session.scalars(open_ideas(programme_id)))
    if not ideas:
        return 0
    index = holder.synced()
    records = [idea_record(idea) for idea in ideas]
    if kinds is not None:
        records = [r for r in records if set(r.needs) & set(kinds)]
    results = index.rank_many(records)
    store_many({record.id: ranked for record, ranked in zip(records, results, strict=True)})
    return len(records)


def candidate_changed(kind: str, candidate_id: int) -> int:
    """A mentor was activated or a partner/cluster added, changed or removed."""
    return rematch_open_ideas(kinds=(kind,))


def rebuild_index() -> int:
    index = holder.rebuild()
    db.session.commit()
    return len(index)


def sweep_stale_ideas(older_than: timedelta | None = None) -> int:
    """Re-enqueue ideas stuck in submitted or matching, so no outage loses an idea."""
    if older_than is None:
        older_than = timedelta(minutes=current_app.config["STALE_IDEA_MINUTES"])
    cutoff = _now() - older_than
    # Touching updated_at re-queues each idea at most once per period, even if the queue is slow.
    stale = list(
        db.session.scalars(
            sa.update(Idea)
            .where(
                Idea.status.in_((IdeaStatus.SUBMITTED.value, IdeaStatus.MATCHING.value)),
                Idea.updated_at <= cutoff,
            )
            .values(updated_at=_now())
            .returning(Idea.id),
            execution_options={"synchronize_session": False},
        )
    )
    db.session.commit()
    for idea_id in stale:
        enqueue("worker.tasks.match_idea", idea_id)
    return len(stale)
