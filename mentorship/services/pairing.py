"""The lead's pairing plan: one mentor per entrepreneur and programme, within capacity in people.

An entrepreneur with several ideas waiting in one programme gets one mentor, chosen for her
best-fitting idea; her other waiting ideas that were proposed to the same mentor come along in
the plan, because a mentor's capacity counts entrepreneurs and they take no extra place. An
entrepreneur who already has an approved mentor in the programme is not planned again.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass, field

import sqlalchemy as sa
from sqlalchemy.orm import aliased, selectinload

from matching import Assignment, TopChoice, assign_mentors, top_choices
from matching.assign import BEST_FIT, MOST_MATCHED, OBJECTIVES
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
from mentorship.services.mentors import mentored_entrepreneurs, remaining_capacities

__all__ = [
    "BEST_FIT",
    "HAS_MENTOR",
    "MOST_MATCHED",
    "NO_CAPACITY",
    "NO_PROPOSAL",
    "OBJECTIVES",
    "OTHER_IDEA",
    "REASONS",
    "PairingPlan",
    "PlanRow",
    "plan_pairings",
]

OPEN_STATUSES = (MatchStatus.PROPOSED.value, MatchStatus.ACCEPTED.value)
NO_CAPACITY = "no_capacity"  # her proposed mentors have no place left for her
OTHER_IDEA = "other_idea"  # she gets her mentor through another of her ideas
HAS_MENTOR = "has_mentor"  # she already has an approved mentor in this programme
NO_PROPOSAL = "no_proposal"  # no open proposal from an active mentor
REASONS = (NO_CAPACITY, OTHER_IDEA, HAS_MENTOR, NO_PROPOSAL)

# An entrepreneur in the plan is her account within one programme (None: no programme).
Entrepreneur = tuple[int, int | None]


@dataclass(frozen=True)
class PlanRow:
    match: Match
    idea: Idea
    mentor: User
    score: float
    rank: int
    reasons: list[str]
    companion: bool = False  # another idea of an entrepreneur above, with the same mentor

    @property
    def match_id(self) -> int:
        return self.match.id


@dataclass(frozen=True)
class UnpairedIdea:
    idea: Idea
    reason: str  # one of REASONS


@dataclass(frozen=True)
class PlanTotals:
    """What one objective achieves: entrepreneurs given a mentor and their summed fit."""

    objective: str
    matched: int
    total: float


@dataclass(frozen=True)
class PairingPlan:
    objective: str
    rows: list[PlanRow]
    totals: dict[str, PlanTotals]
    top_choice: TopChoice
    unpaired: list[UnpairedIdea]
    remaining: dict[int, int] = field(default_factory=dict)

    @property
    def total(self) -> float:
        return self.totals[self.objective].total

    @property
    def matched(self) -> int:
        return self.totals[self.objective].matched

    @property
    def naive_total(self) -> float:
        return self.top_choice.total

    @property
    def naive_overfilled_mentors(self) -> int:
        return self.top_choice.overfilled_mentors

    @property
    def naive_within_capacity_total(self) -> float:
        return self.top_choice.within_capacity.total

    def unpaired_count(self, reason: str) -> int:
        return sum(1 for item in self.unpaired if item.reason == reason)

    def unpaired_by_reason(self) -> list[tuple[str, list[UnpairedIdea]]]:
        """Reasons with at least one idea, in the order of REASONS."""
        grouped = [(reason, [i for i in self.unpaired if i.reason == reason]) for reason in REASONS]
        return [(reason, items) for reason, items in grouped if items]


@dataclass(frozen=True)
class _OpenProposal:
    match_id: int
    idea_id: int
    mentor_id: int
    score: float
    entrepreneur: Entrepreneur


def plan_pairings(programme_id: int | None = None, objective: str = BEST_FIT) -> PairingPlan:
    """Plan one mentor per waiting entrepreneur, optimal for `objective`, within capacity.

    Edges are the stored mentor matches still open (proposed or accepted) to active mentors, for
    entrepreneurs with no approved mentor in the idea's programme. Both objectives are solved,
    so the lead sees the trade-off; the rows follow `objective`.
    """
    if objective not in OBJECTIVES:
        raise ValueError(f"unknown objective {objective!r}")
    proposals = _open_proposals(programme_id)
    remaining = remaining_capacities({proposal.mentor_id for proposal in proposals})
    edges = [(p.idea_id, p.mentor_id, p.score) for p in proposals]
    owners = {p.idea_id: p.entrepreneur for p in proposals}
    free = _already_mentored({p.entrepreneur for p in proposals})
    solved: dict[str, Assignment] = {
        name: assign_mentors(edges, remaining, owners, name, free) for name in OBJECTIVES
    }
    chosen = solved[objective]
    row_match_ids = _with_companions(chosen, proposals)
    rows = _rows(row_match_ids, {p.match_id: p for p in proposals})
    planned_ideas = {row.idea.id for row in rows}
    planned_entrepreneurs = {owners[idea_id] for idea_id, _, _ in chosen.pairs}
    return PairingPlan(
        objective=objective,
        rows=rows,
        totals={
            name: PlanTotals(name, assignment.matched, assignment.total)
            for name, assignment in solved.items()
        },
        top_choice=top_choices(edges, remaining, owners, free),
        unpaired=_unpaired(programme_id, owners, planned_ideas, planned_entrepreneurs),
        remaining=remaining,
    )


def _open_proposals(programme_id: int | None) -> list[_OpenProposal]:
    """Open mentor matches of entrepreneurs without an approved mentor in the idea's programme."""
    statement = (
        sa.select(
            Match.id, Match.idea_id, Match.mentor_id, Match.score, Idea.owner_id, Idea.programme_id
        )
        .join(Idea, Idea.id == Match.idea_id)
        .join(MentorProfile, MentorProfile.user_id == Match.mentor_id)
        .where(
            Match.kind == MatchKind.MENTOR.value,
            Match.status.in_(OPEN_STATUSES),
            MentorProfile.status == MentorStatus.ACTIVE.value,
            ~_has_mentor_in_programme(),
        )
        .order_by(Match.idea_id, Match.mentor_id)
    )
    if programme_id is not None:
        statement = statement.where(Idea.programme_id == programme_id)
    return [
        _OpenProposal(match_id, idea_id, mentor_id, score, (owner_id, idea_programme))
        for match_id, idea_id, mentor_id, score, owner_id, idea_programme in db.session.execute(
            statement
        )
    ]


def _has_mentor_in_programme() -> sa.Exists:
    """The outer Idea's entrepreneur has an approved mentor for an idea in the same programme."""
    approved, sibling = aliased(Match), aliased(Idea)
    return (
        sa.select(approved.id)
        .join(sibling, sibling.id == approved.idea_id)
        .where(
            approved.kind == MatchKind.MENTOR.value,
            approved.status == MatchStatus.APPROVED.value,
            approved.ended_at.is_(None),
            sibling.owner_id == Idea.owner_id,
            sibling.programme_id.is_not_distinct_from(Idea.programme_id),
        )
        .exists()
    )


def _already_mentored(entrepreneurs: set[Entrepreneur]) -> set[tuple[Hashable, int]]:
    """(entrepreneur, mentor) edges that take no place: she mentors that person elsewhere."""
    pairs = mentored_entrepreneurs({owner_id for owner_id, _ in entrepreneurs})
    mentors_of: dict[int, set[int]] = {}
    for owner_id, mentor_id in pairs:
        mentors_of.setdefault(owner_id, set()).add(mentor_id)
    return {
        (entrepreneur, mentor_id)
        for entrepreneur in entrepreneurs
        for mentor_id in mentors_of.get(entrepreneur[0], ())
    }


def _with_companions(chosen: Assignment, proposals: list[_OpenProposal]) -> list[tuple[int, bool]]:
    """The chosen matches, each followed by her other ideas' open matches with the same mentor."""
    by_pair = {(p.idea_id, p.mentor_id): p for p in proposals}
    by_entrepreneur_mentor: dict[tuple[Entrepreneur, int], list[_OpenProposal]] = {}
    for proposal in proposals:
        key = (proposal.entrepreneur, proposal.mentor_id)
        by_entrepreneur_mentor.setdefault(key, []).append(proposal)
    ordered = sorted(chosen.pairs, key=lambda pair: (-pair[2], pair[0]))
    match_ids: list[tuple[int, bool]] = []
    for idea_id, mentor_id, _ in ordered:
        lead_proposal = by_pair[(idea_id, mentor_id)]
        match_ids.append((lead_proposal.match_id, False))
        siblings = by_entrepreneur_mentor[(lead_proposal.entrepreneur, mentor_id)]
        match_ids += [
            (p.match_id, True)
            for p in sorted(siblings, key=lambda p: (-p.score, p.idea_id))
            if p.idea_id != idea_id
        ]
    return match_ids


def _rows(match_ids: list[tuple[int, bool]], proposals: dict[int, _OpenProposal]) -> list[PlanRow]:
    if not match_ids:
        return []
    matches = {
        match.id: match
        for match in db.session.scalars(
            sa.select(Match)
            .where(Match.id.in_([match_id for match_id, _ in match_ids]))
            .options(
                selectinload(Match.idea).selectinload(Idea.owner),
                selectinload(Match.mentor).selectinload(User.mentor_profile),
            )
        )
    }
    return [
        PlanRow(
            match=matches[match_id],
            idea=matches[match_id].idea,
            mentor=matches[match_id].mentor,
            score=proposals[match_id].score,
            rank=matches[match_id].rank,
            reasons=list(matches[match_id].reasons or []),
            companion=companion,
        )
        for match_id, companion in match_ids
    ]


def _unpaired(
    programme_id: int | None,
    owners: dict[int, Entrepreneur],
    planned_ideas: set[int],
    planned_entrepreneurs: set[Entrepreneur],
) -> list[UnpairedIdea]:
    """Every idea waiting for a mentor that the plan leaves out, with the reason why."""
    unpaired = []
    for idea, has_mentor in _ideas_waiting_for_a_mentor(programme_id, set(owners)):
        if idea.id in planned_ideas:
            continue
        entrepreneur = (idea.owner_id, idea.programme_id)
        if has_mentor:
            reason = HAS_MENTOR
        elif entrepreneur in planned_entrepreneurs:
            reason = OTHER_IDEA
        elif idea.id in owners:
            reason = NO_CAPACITY
        else:
            reason = NO_PROPOSAL
        unpaired.append(UnpairedIdea(idea, reason))
    unpaired.sort(key=lambda item: (REASONS.index(item.reason), item.idea.id))
    return unpaired


def _ideas_waiting_for_a_mentor(
    programme_id: int | None, with_proposals: set[int]
) -> list[tuple[Idea, bool]]:
    """Ideas without an approved mentor of their own, each with whether her entrepreneur has one.

    That is: ideas with an open proposal, and ideas done matching that asked for a mentor.
    """
    has_own_mentor = (
        sa.select(Match.id)
        .where(
            Match.idea_id == Idea.id,
            Match.kind == MatchKind.MENTOR.value,
            Match.status == MatchStatus.APPROVED.value,
            Match.ended_at.is_(None),
        )
        .exists()
    )
    statement = (
        sa.select(Idea, _has_mentor_in_programme())
        .where(
            Idea.status.in_((IdeaStatus.MATCHED.value, IdeaStatus.FAILED.value)),
            ~has_own_mentor,
        )
        .order_by(Idea.id)
    )
    if programme_id is not None:
        statement = statement.where(Idea.programme_id == programme_id)
    waiting = [
        (idea, bool(has_mentor))
        for idea, has_mentor in db.session.execute(statement)
        # needs is a JSON list, filtered here rather than in dialect-specific SQL.
        if MatchKind.MENTOR.value in (idea.needs or []) or idea.id in with_proposals
    ]
    seen = {idea.id for idea, _ in waiting}
    missing = sorted(with_proposals - seen)
    if missing:
        waiting += [(idea, False) for idea in db.session.scalars(_ideas_by_id(missing))]
    return waiting


def _ideas_by_id(idea_ids: list[int]) -> sa.Select:
    return sa.select(Idea).where(Idea.id.in_(idea_ids)).order_by(Idea.id)
