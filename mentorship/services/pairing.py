"""The lead's pairing plan: the best mentor for each waiting idea within capacity, and its approval."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime

import sqlalchemy as sa
from flask import current_app
from flask_babel import gettext as _
from flask_babel import lazy_gettext, lazy_ngettext
from sqlalchemy.orm import aliased, selectinload

from matching import assign_mentors
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
from mentorship.services import audit, decisions
from mentorship.services.errors import (
    ConflictError,
    PermissionDeniedError,
    ValidationFailedError,
)
from mentorship.services.mentors import remaining_capacities
from mentorship.services.notifications import notify, send_pending_emails

OPEN_STATUSES = (MatchStatus.PROPOSED.value, MatchStatus.ACCEPTED.value)
NO_CAPACITY = "no_capacity"
NO_PROPOSAL = "no_proposal"
PLAN_NOTE = "Approved from the pairing plan."


@dataclass(frozen=True)
class PlanRow:
    match: Match
    idea: Idea
    mentor: User
    score: float
    rank: int
    reasons: list[str]

    @property
    def match_id(self) -> int:
        return self.match.id


@dataclass(frozen=True)
class UnpairedIdea:
    idea: Idea
    reason: str  # NO_CAPACITY or NO_PROPOSAL


@dataclass(frozen=True)
class PairingPlan:
    rows: list[PlanRow]
    total: float
    naive_total: float
    naive_overfilled_mentors: int
    naive_within_capacity_total: float
    unpaired: list[UnpairedIdea]
    remaining: dict[int, int] = field(default_factory=dict)

    def unpaired_count(self, reason: str) -> int:
        return sum(1 for item in self.unpaired if item.reason == reason)


@dataclass(frozen=True)
class PlanApproval:
    asked: int
    mentors_notified: int
    approved: int
    left_for_queue: int
    problems: list[str]


def plan_pairings(programme_id: int | None = None) -> PairingPlan:
    """Propose one mentor per waiting idea, maximising the summed score within remaining capacity.

    Edges are the stored mentor matches still open (proposed or accepted) to active mentors, for
    ideas that have no approved mentor yet. The naive total, for comparison, gives each idea its
    best-ranked open mentor regardless of capacity.
    """
    matches = _open_mentor_matches(programme_id)
    remaining = remaining_capacities({match.mentor_id for match in matches})
    by_pair = {(match.idea_id, match.mentor_id): match for match in matches}
    assignment = assign_mentors(
        ((match.idea_id, match.mentor_id, match.score) for match in matches), remaining
    )
    rows = [_row(by_pair[(idea_id, mentor_id)]) for idea_id, mentor_id, _ in assignment.pairs]
    rows.sort(key=lambda row: (-row.score, row.idea.id))

    naive = _naive_choice(matches)
    naive_load = Counter(match.mentor_id for match in naive)
    overfilled = sum(
        1 for mentor_id, load in naive_load.items() if load > remaining.get(mentor_id, 0)
    )
    naive_kept = _keep_best_within_capacity(naive, remaining)

    paired = {row.idea.id for row in rows}
    ideas_with_edges = {match.idea_id: match.idea for match in matches}
    unpaired = [
        UnpairedIdea(idea, NO_CAPACITY)
        for idea_id, idea in ideas_with_edges.items()
        if idea_id not in paired
    ]
    unpaired += [
        UnpairedIdea(idea, NO_PROPOSAL)
        for idea in _ideas_waiting_for_a_mentor(programme_id)
        if idea.id not in ideas_with_edges
    ]
    unpaired.sort(key=lambda item: (item.reason, item.idea.id))
    return PairingPlan(
        rows=rows,
        total=assignment.total,
        naive_total=math.fsum(match.score for match in naive),
        naive_overfilled_mentors=overfilled,
        naive_within_capacity_total=math.fsum(match.score for match in naive_kept),
        unpaired=unpaired,
        remaining=remaining,
    )


def approve_plan(
    lead: User, selected_match_ids: Iterable[int], programme_id: int | None = None
) -> PlanApproval:
    """Ask the mentors of the chosen proposed rows to review; approve the rows already accepted.

    The selection must come from the current plan: a plan that changed since the lead saw it is
    a conflict, so nobody is asked about a pairing the lead did not see.
    """
    if not lead.is_lead:
        raise PermissionDeniedError(_("Only the programme lead approves the pairing plan."))
    chosen_ids = set(selected_match_ids)
    if not chosen_ids:
        raise ValidationFailedError(
            _("Choose at least one pairing."), {"selected": [_("Choose at least one pairing.")]}
        )
    plan = plan_pairings(programme_id)
    rows = {row.match_id: row for row in plan.rows}
    if not chosen_ids <= rows.keys():
        raise ConflictError(_("The plan has changed since you opened it. Look at it again."))

    now = datetime.now(UTC)
    asked: dict[int, list[PlanRow]] = defaultdict(list)
    accepted: list[PlanRow] = []
    for match_id in sorted(chosen_ids):
        row = rows[match_id]
        row.match.review_requested_at = now
        step = "ask_review" if row.match.status == MatchStatus.PROPOSED.value else "approve"
        (asked[row.mentor.id] if step == "ask_review" else accepted).append(row)
        audit.record(
            lead,
            "pairing_plan.select",
            "match",
            match_id,
            before=row.match.status,
            after=row.match.status,
            details={
                "idea_id": row.idea.id,
                "mentor_id": row.mentor.id,
                "score": row.score,
                "step": step,
            },
        )
    for mentor_rows in asked.values():
        _ask_mentor_to_review(mentor_rows)
    db.session.commit()
    if asked:
        send_pending_emails()

    approved, problems = _approve_accepted(lead, accepted)
    return PlanApproval(
        asked=sum(len(mentor_rows) for mentor_rows in asked.values()),
        mentors_notified=len(asked),
        approved=approved,
        left_for_queue=len(accepted) - approved,
        problems=problems,
    )


def _open_mentor_matches(programme_id: int | None) -> list[Match]:
    approved = aliased(Match)
    has_approved_mentor = (
        sa.select(approved.id)
        .where(
            approved.idea_id == Match.idea_id,
            approved.kind == MatchKind.MENTOR.value,
            approved.status == MatchStatus.APPROVED.value,
        )
        .exists()
    )
    statement = (
        sa.select(Match)
        .join(Idea, Idea.id == Match.idea_id)
        .join(MentorProfile, MentorProfile.user_id == Match.mentor_id)
        .where(
            Match.kind == MatchKind.MENTOR.value,
            Match.status.in_(OPEN_STATUSES),
            MentorProfile.status == MentorStatus.ACTIVE.value,
            ~has_approved_mentor,
        )
        .options(
            selectinload(Match.idea).selectinload(Idea.owner),
            selectinload(Match.mentor).selectinload(User.mentor_profile),
        )
        .order_by(Match.idea_id, Match.rank, Match.id)
    )
    if programme_id is not None:
        statement = statement.where(Idea.programme_id == programme_id)
    return list(db.session.scalars(statement))


def _naive_choice(matches: list[Match]) -> list[Match]:
    """Each idea's best-ranked open mentor, as if every mentor had unlimited room."""
    best: dict[int, Match] = {}
    for match in matches:
        current = best.get(match.idea_id)
        if current is None or (match.rank, -match.score, match.mentor_id) < (
            current.rank,
            -current.score,
            current.mentor_id,
        ):
            best[match.idea_id] = match
    return list(best.values())


def _keep_best_within_capacity(choice: list[Match], remaining: dict[int, int]) -> list[Match]:
    """The naive choice made feasible: each mentor keeps her best-scoring picks up to her room."""
    kept: list[Match] = []
    taken: Counter[int] = Counter()
    for match in sorted(choice, key=lambda match: (-match.score, match.idea_id)):
        if taken[match.mentor_id] < remaining.get(match.mentor_id, 0):
            taken[match.mentor_id] += 1
            kept.append(match)
    return kept


def _ideas_waiting_for_a_mentor(programme_id: int | None) -> list[Idea]:
    """Ideas done matching that asked for a mentor and have no approved one."""
    has_approved_mentor = (
        sa.select(Match.id)
        .where(
            Match.idea_id == Idea.id,
            Match.kind == MatchKind.MENTOR.value,
            Match.status == MatchStatus.APPROVED.value,
        )
        .exists()
    )
    statement = (
        sa.select(Idea)
        .where(
            Idea.status.in_((IdeaStatus.MATCHED.value, IdeaStatus.FAILED.value)),
            ~has_approved_mentor,
        )
        .order_by(Idea.id)
    )
    if programme_id is not None:
        statement = statement.where(Idea.programme_id == programme_id)
    # needs is a JSON list, filtered here rather than in dialect-specific SQL.
    return [
        idea
        for idea in db.session.scalars(statement)
        if MatchKind.MENTOR.value in (idea.needs or [])
    ]


def _row(match: Match) -> PlanRow:
    return PlanRow(
        match=match,
        idea=match.idea,
        mentor=match.mentor,
        score=match.score,
        rank=match.rank,
        reasons=list(match.reasons or []),
    )


def _ask_mentor_to_review(rows: list[PlanRow]) -> None:
    mentor = rows[0].mentor
    count = len(rows)
    titles = "\n".join(f"- {row.idea.title}" for row in rows)
    subject = lazy_ngettext(
        "Please review %(num)d idea proposed to you",
        "Please review %(num)d ideas proposed to you",
        count,
    )
    body = lazy_gettext(
        "The programme lead would like you to review these ideas and accept or "
        "decline mentoring them:\n%(titles)s",
        titles=titles,
    )
    notify(mentor, "review_requested", subject, body, _review_link())


def _review_link() -> str:
    if "review.index" not in current_app.view_functions:
        return ""
    return current_app.url_map.bind("localhost").build("review.index")


def _approve_accepted(lead: User, rows: list[PlanRow]) -> tuple[int, list[str]]:
    """Approve rows the mentor already accepted, in one batch of decisions."""
    if not rows:
        return 0, []
    labels = {row.match_id: (row.idea.title, row.mentor.name) for row in rows}
    results = decisions.decide_matches(lead, list(labels), "approve", PLAN_NOTE)
    problems = [
        _(
            "%(title)s with %(mentor)s: %(problem)s",
            title=labels[result.match_id][0],
            mentor=labels[result.match_id][1],
            problem=result.error.message,
        )
        for result in results
        if result.error is not None
    ]
    return sum(result.error is None for result in results), problems
