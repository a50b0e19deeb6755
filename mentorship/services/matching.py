"""Matching use cases run by the worker: rank an idea, store proposals, keep ideas moving."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timezone

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import selectinload

from matching import IdeaRecord, MatchConfig, MatchIndex
from matching import Match as RankedMatch
from matching.proposals import revise_proposals
from mentorship.extensions import db
from mentorship.infrastructure import job_runs
from mentorship.infrastructure.candidates import idea_records
from mentorship.infrastructure.index_holder import holder
from mentorship.infrastructure.locking import begin_serialised
from mentorship.models import (
    Cluster,
    Idea,
    IdeaStatus,
    Match,
    MatchStatus,
    Partner,
    User,
)
from mentorship.services.proposal_plan import ProposalPlan, proposal_score

log = logging.getLogger(__name__)
CONFIG = MatchConfig()
# Ranking reaches this many times top_k, so a proposal that slipped a little keeps its place.
RANK_WINDOW = 2
RANKING = {"k": RANK_WINDOW * CONFIG.top_k, "explain": CONFIG.top_k, "provisional": True}
"""How proposals are ranked: deeper than shown (a proposal that slipped is still known) and
with those just under a minimum fit, which a proposal already made may stay at."""
# Ideas re-matched per transaction by a bulk re-match; each chunk records the job's progress.
REMATCH_CHUNK = 500
TARGET_MODELS = {"mentor": User, "partner": Partner, "cluster": Cluster}
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
        (record,) = idea_records([idea])
        index = holder.synced()
        ranked = index.rank(record, **RANKING)
        db.session.commit()
        store_many({idea_id: ranked}, explain=explainer(index, {idea_id: record}))
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


Explain = Callable[[int, str], list[RankedMatch]]


def explainer(index: MatchIndex, records: dict[int, IdeaRecord]) -> Explain:
    """Ranks one idea's candidates of one kind again, every one with its reasons: ranking
    explains only the first `top_k`, and now and then a proposal kept or added lies deeper."""

    def explain(idea_id: int, kind: str) -> list[RankedMatch]:
        return index.rank(records[idea_id], kinds=(kind,), **{**RANKING, "explain": None})[kind]

    return explain


def store_many(
    ranked_by_idea: dict[int, dict[str, list[RankedMatch]]],
    *,
    commit: bool = True,
    explain: Explain | None = None,
) -> None:
    """Replace the ideas' untouched proposals; matches someone acted on are never changed.

    A handful of statements for the whole batch, whatever its size, so a programme of hundreds
    of ideas re-matches in about a second.
    """
    for attempt in (1, 2):
        try:
            _store_many(ranked_by_idea, explain)
            if commit:
                db.session.commit()
            return
        except IntegrityError:
            db.session.rollback()
            if attempt == 2:
                raise


def _store_many(
    ranked_by_idea: dict[int, dict[str, list[RankedMatch]]], explain: Explain | None = None
) -> None:
    """Proposals that stay keep their row (and id, so open pages keep working); others go or come.

    A proposal is replaced only by a clearly better candidate (`matching.proposals`), so mentors
    at the edge of the top k are not proposed and withdrawn each time capacities change.
    """
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
    stored = _stored_matches([idea.id for idea in ideas])
    alive = _existing_targets(ranked_by_idea)
    now = _now()
    plan = ProposalPlan()
    for idea in ideas:
        ranked, stored_kinds = ranked_by_idea[idea.id], stored.get(idea.id, {})
        # A kind the idea no longer asks for is ranked as empty: its proposals are withdrawn.
        for kind in sorted(set(ranked) | set(stored_kinds)):
            found = {
                m.candidate_id: m for m in ranked.get(kind, []) if (kind, m.candidate_id) in alive
            }
            proposed, settled = stored_kinds.get(kind, ({}, set()))
            revision = revise_proposals(
                proposed,
                [(candidate_id, proposal_score(m)) for candidate_id, m in found.items()],
                CONFIG.top_k,
                CONFIG.proposal_margin,
                settled,
                {candidate_id for candidate_id, m in found.items() if m.provisional},
            )
            chosen = revision.keep + revision.add
            if explain is not None and any(not found[c].reasons for c in chosen):
                again = {m.candidate_id: m for m in explain(idea.id, kind)}
                found.update({c: again[c] for c in chosen if c in again})
            plan.add(idea, kind, revision, found, proposed, now)
        idea.status = IdeaStatus.MATCHED.value
        idea.status_error = None
        idea.matched_at = now
    plan.apply(now)


def _stored_matches(idea_ids: list[int]) -> dict[int, dict[str, tuple[dict[int, int], set[int]]]]:
    """Per idea and kind: proposed candidates with their match ids, and the settled candidates."""
    stored: dict[int, dict[str, tuple[dict[int, int], set[int]]]] = {}
    rows = db.session.execute(
        sa.select(
            Match.id,
            Match.idea_id,
            Match.kind,
            Match.mentor_id,
            Match.partner_id,
            Match.cluster_id,
            Match.status,
        ).where(Match.idea_id.in_(idea_ids))
    )
    for match_id, idea_id, kind, mentor_id, partner_id, cluster_id, status in rows:
        proposed, settled = stored.setdefault(idea_id, {}).setdefault(kind, ({}, set()))
        target = mentor_id or partner_id or cluster_id
        if status == MatchStatus.PROPOSED.value:
            proposed[target] = match_id
        else:
            settled.add(target)
    return stored


def open_ideas(programme_id: int | None = None) -> sa.Select:
    statement = (
        sa.select(Idea)
        .where(Idea.status.in_(REMATCHABLE))
        .order_by(Idea.id)
        # idea_record reads each owner's profile: two queries for all of them, not two per idea.
        .options(selectinload(Idea.owner).selectinload(User.entrepreneur_profile))
    )
    if programme_id is not None:
        statement = statement.where(Idea.programme_id == programme_id)
    return statement


def rematch_open_ideas(
    programme_id: int | None = None, kinds: tuple[str, ...] | None = None
) -> int:
    """Re-rank every open idea against a freshly synced index, REMATCH_CHUNK ideas at a time.

    Each chunk commits with its background job's progress, so a job re-run after its worker died
    resumes after the last chunk done instead of starting over.
    """
    after, done = job_runs.resume_point()
    total = None
    if job_runs.current_job_id() is not None:
        total = done + db.session.scalar(
            sa.select(sa.func.count()).select_from(
                open_ideas(programme_id).where(Idea.id > after).order_by(None).subquery()
            )
        )
    index = None
    ranked_count = 0
    while True:
        ideas = list(
            db.session.scalars(open_ideas(programme_id).where(Idea.id > after).limit(REMATCH_CHUNK))
        )
        if not ideas:
            break
        records = idea_records(ideas)
        if kinds is not None:
            records = [r for r in records if set(r.needs) & set(kinds)]
        if records:
            index = index or holder.synced()
            ranked = _rank_chunk(index, records)
            by_id = {record.id: record for record in records if record.id in ranked}
            store_many(ranked, commit=False, explain=explainer(index, by_id))
        ranked_count += len(records)
        done, after = done + len(ideas), ideas[-1].id
        if total is not None:
            job_runs.record_progress(done, max(total, done), after)
        db.session.commit()
        if len(ideas) < REMATCH_CHUNK:
            break
    return ranked_count


def _rank_chunk(index: MatchIndex, records: list[IdeaRecord]) -> dict[int, dict]:
    """Rankings of a chunk of ideas; an idea the engine fails on keeps its matches and is
    logged, so that one odd idea never stops the re-match of all the others."""
    try:
        results = index.rank_many(records, **RANKING)
        return {record.id: found for record, found in zip(records, results, strict=True)}
    except OperationalError:
        raise
    except Exception:
        log.exception("re-matching a chunk failed; ranking its ideas one by one")
    ranked = {}
    for record in records:
        try:
            ranked[record.id] = index.rank(record, **RANKING)
        except OperationalError:
            raise
        except Exception:
            log.exception("re-matching idea %s failed; its matches are kept", record.id)
    return ranked


def candidate_changed(kind: str, candidate_id: int) -> int:
    """A mentor was activated or a partner/cluster added, changed or removed."""
    return rematch_open_ideas(kinds=(kind,))


def rebuild_index() -> int:
    index = holder.rebuild()
    db.session.commit()
    return len(index)
