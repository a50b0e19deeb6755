"""The lead's side of a match: the approval queue, and approving or rejecting, one or many.

Capacity counts entrepreneurs and is never exceeded: approving a mentor match locks the mentor's
profile row before counting the entrepreneurs she mentors, so concurrent approvals of the same
mentor take turns. A second idea of an entrepreneur she already mentors takes no new place.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import sqlalchemy as sa
from flask_babel import gettext as _
from sqlalchemy.orm import contains_eager, joinedload

from mentorship import task_names
from mentorship.extensions import db
from mentorship.infrastructure.background import enqueue
from mentorship.infrastructure.locking import lock_match, lock_mentor_profile
from mentorship.models import (
    Idea,
    Match,
    MatchKind,
    MatchStatus,
    MentorStatus,
    User,
    WithdrawalReason,
    WithdrawnProposal,
)
from mentorship.services import audit
from mentorship.services.errors import (
    ConflictError,
    NotFoundError,
    PermissionDeniedError,
    ServiceError,
)
from mentorship.services.introductions import tell_about_approval, tell_about_rejection
from mentorship.services.mentors import mentor_loads, mentors_entrepreneur
from mentorship.services.mentorships.access import start_mentorship
from mentorship.services.notifications import send_pending_emails
from mentorship.services.withdrawals import withdraw_other_mentors

DECISIONS = {"approve": MatchStatus.APPROVED.value, "reject": MatchStatus.REJECTED.value}
SORTS = ("score", "date")


@dataclass(frozen=True)
class DecisionResult:
    """One match's outcome in a bulk decision: the match, or the error that stopped it."""

    match_id: int
    match: Match | None = None
    error: ServiceError | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def undecided_matches(
    kind: str | None = None,
    sector: str | None = None,
    min_score: float | None = None,
    sort: str = "score",
) -> sa.Select:
    """What waits for the lead: mentor matches the mentor accepted, proposed partners and clusters."""
    statement = (
        sa.select(Match)
        .join(Idea, Match.idea_id == Idea.id)
        .where(
            sa.or_(
                sa.and_(
                    Match.kind == MatchKind.MENTOR.value, Match.status == MatchStatus.ACCEPTED.value
                ),
                sa.and_(
                    Match.kind != MatchKind.MENTOR.value, Match.status == MatchStatus.PROPOSED.value
                ),
            )
        )
        # Every relation is many-to-one: loaded in the page's one query, not one query each.
        .options(
            contains_eager(Match.idea).joinedload(Idea.owner),
            joinedload(Match.mentor).joinedload(User.mentor_profile),
            joinedload(Match.partner),
            joinedload(Match.cluster),
        )
    )
    if kind:
        statement = statement.where(Match.kind == kind)
    if sector:
        statement = statement.where(Idea.sector == sector)
    if min_score is not None:
        statement = statement.where(Match.score >= min_score)
    if sort == "date":
        return statement.order_by(
            sa.func.coalesce(Match.reviewed_at, Match.created_at).desc(), Match.id.desc()
        )
    return statement.order_by(Match.score.desc(), Match.id)


def pairing_name(match_id: int) -> str | None:
    """A match named as "idea title — mentor, partner or cluster" in messages to the lead
    (None once it is gone: a withdrawn proposal is named by its number)."""
    match = db.session.get(Match, match_id)
    return match.pairing_name if match is not None else None


def matches_to_confirm(match_ids: list[int]) -> list[Match]:
    """The ticked matches, in the order ticked, for the lead to confirm a bulk decision."""
    found = {
        match.id: match
        for match in db.session.scalars(
            sa.select(Match).options(joinedload(Match.idea)).where(Match.id.in_(match_ids))
        ).unique()
    }
    return [found[match_id] for match_id in dict.fromkeys(match_ids) if match_id in found]


def decide_match(lead: User, match_id: int, decision: str, note: str | None = None) -> Match:
    """Approve or reject one undecided match in its own transaction."""
    match = _decide_and_commit(lead, match_id, decision, note)
    _after_commit([match])
    return match


def decide_matches(
    lead: User, match_ids: list[int], decision: str, note: str | None = None
) -> list[DecisionResult]:
    """Each match is decided in its own transaction: one that fails leaves the others decided.

    The index refresh waits until all are decided: it re-matches open ideas, which replaces
    their untouched proposals, and the later ids of the batch must still be there.
    """
    results = []
    for match_id in dict.fromkeys(match_ids):
        try:
            results.append(
                DecisionResult(match_id, match=_decide_and_commit(lead, match_id, decision, note))
            )
        except ServiceError as error:
            results.append(DecisionResult(match_id, error=error))
    _after_commit([result.match for result in results if result.match is not None])
    return results


def _decide_and_commit(lead: User, match_id: int, decision: str, note: str | None) -> Match:
    if decision not in DECISIONS:
        raise ValueError(f"unknown decision {decision!r}")
    if not lead.is_lead:
        raise PermissionDeniedError(_("Only the programme lead decides pairings."))
    try:
        match = _decide(lead, match_id, decision, note)
        db.session.commit()
    except NotFoundError as missing:
        db.session.rollback()
        raise _withdrawn_or(match_id, missing) from None
    except Exception:
        db.session.rollback()
        raise
    return match


def _withdrawn_or(match_id: int, missing: NotFoundError) -> ServiceError:
    """A mentor proposal withdrawn because the idea got its mentor is a conflict, not a 404."""
    withdrawn = db.session.get(WithdrawnProposal, match_id)
    if withdrawn is not None and withdrawn.reason == WithdrawalReason.MENTOR_APPROVED.value:
        return ConflictError(
            _(
                "Another mentor was approved for this idea, so this proposal was withdrawn "
                "and cannot be decided."
            )
        )
    return missing


def _after_commit(decided: list[Match]) -> None:
    if not decided:
        return
    send_pending_emails()
    mentor_ids = {
        m.mentor_id
        for m in decided
        if m.kind == MatchKind.MENTOR.value and m.status == MatchStatus.APPROVED.value
    }
    for mentor_id in sorted(mentor_ids):
        # The mentor's remaining capacity changed; the matching index should know.
        enqueue(task_names.CANDIDATE_CHANGED, MatchKind.MENTOR.value, mentor_id)


def _decide(lead: User, match_id: int, decision: str, note: str | None) -> Match:
    match = lock_match(match_id)
    before = match.status
    if before in (MatchStatus.APPROVED.value, MatchStatus.REJECTED.value):
        raise ConflictError(
            _("This match was already approved.")
            if before == MatchStatus.APPROVED.value
            else _("This match was already rejected.")
        )
    if before == MatchStatus.DECLINED.value:
        raise ConflictError(_("The mentor declined this proposal, so it cannot be decided."))
    after = DECISIONS[decision]
    if match.kind == MatchKind.MENTOR.value and after == MatchStatus.APPROVED.value:
        if before != MatchStatus.ACCEPTED.value:
            raise ConflictError(
                _(
                    "The mentor has not accepted this proposal yet; "
                    "a mentor match can be approved only after she accepts it."
                )
            )
        _check_mentor_can_take_it(match)
    match.status = after
    match.decision_note = note or None
    match.decided_at = datetime.now(UTC)
    match.decided_by_id = lead.id
    audit.record(
        lead,
        f"match.{decision}",
        "match",
        match.id,
        before=before,
        after=after,
        note=note or None,
        details={"idea_id": match.idea_id, "kind": match.kind, "target_id": match.target_id},
    )
    if after == MatchStatus.APPROVED.value:
        tell_about_approval(match)
        if match.kind == MatchKind.MENTOR.value:
            withdraw_other_mentors(lead, match)
            start_mentorship(match)
    else:
        tell_about_rejection(match, before)
    return match


def _check_mentor_can_take_it(match: Match) -> None:
    profile = lock_mentor_profile(match.mentor_id)
    if profile is None:
        raise NotFoundError(_("Mentor not found."))
    if profile.status != MentorStatus.ACTIVE.value:
        raise ConflictError(
            _(
                "%(name)s is no longer an active mentor, so this pairing cannot be approved.",
                name=match.mentor.name,
            )
        )
    if mentors_entrepreneur(match.mentor_id, match.idea.owner_id):
        return
    load = mentor_loads([match.mentor_id])[match.mentor_id]
    if load >= profile.capacity:
        raise ConflictError(
            _(
                "%(name)s's capacity is full: %(load)d of %(capacity)d places taken, "
                "one per entrepreneur mentored.",
                name=match.mentor.name,
                load=load,
                capacity=profile.capacity,
            )
        )
