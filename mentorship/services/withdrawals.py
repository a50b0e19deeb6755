"""Proposals that stop waiting for their mentor: removed, remembered for her old links, told once.

A re-match withdraws proposals in bulk (services.matching); here are the two final withdrawals:
the lead approved another mentor for the idea, or its owner withdrew the idea. Both run inside
the caller's transaction, after the idea's row lock was taken.
"""

from __future__ import annotations

from datetime import datetime, timezone

import sqlalchemy as sa

from mentorship.extensions import db
from mentorship.models import (
    Match,
    MatchKind,
    MatchStatus,
    User,
    WithdrawalReason,
    WithdrawnProposal,
)
from mentorship.services import audit
from mentorship.services.notifications import ProposalChange, notify_proposal_changes

# Open proposals: waiting for the mentor's answer, or (accepted) for the lead's decision.
OPEN = (MatchStatus.PROPOSED.value, MatchStatus.ACCEPTED.value)


def withdraw_other_mentors(lead: User, approved: Match) -> list[Match]:
    """The idea has its mentor: every other mentor's open proposal for it is withdrawn.

    Accepted proposals go too. An acceptance only waits for the lead's decision, and that
    decision is made: leaving it in the approval queue would invite a second mentor for one idea,
    or a "rejected" that reads to a mentor who volunteered as if she had been turned down. The
    audit trail keeps what each was; the mentor is told once and her old link says why.
    """
    others = list(
        db.session.scalars(
            sa.select(Match)
            .where(
                Match.idea_id == approved.idea_id,
                Match.kind == MatchKind.MENTOR.value,
                Match.id != approved.id,
                Match.status.in_(OPEN),
            )
            .order_by(Match.id)
            .with_for_update()
        )
    )
    for match in others:
        audit.record(
            lead,
            "match.withdraw",
            "match",
            match.id,
            before=match.status,
            details={
                "idea_id": match.idea_id,
                "kind": match.kind,
                "target_id": match.mentor_id,
                "reason": WithdrawalReason.MENTOR_APPROVED.value,
                "approved_match_id": approved.id,
            },
        )
    withdraw_proposals(others, WithdrawalReason.MENTOR_APPROVED.value)
    return others


def withdraw_proposals(matches: list[Match], reason: str) -> None:
    """Delete the matches; each mentor among them is told once and her old link says why."""
    if not matches:
        return
    changes = [
        ProposalChange(m.idea, m.mentor_id, m.id)
        for m in matches
        if m.kind == MatchKind.MENTOR.value and m.mentor_id is not None
    ]
    db.session.execute(
        sa.delete(Match).where(Match.id.in_([m.id for m in matches])),
        execution_options={"synchronize_session": False},
    )
    remember_withdrawals(changes, reason)
    notify_proposal_changes([], changes, reason)


def remember_withdrawals(changes: list[ProposalChange], reason: str) -> None:
    """Her old links to a withdrawn proposal then say so, and why, instead of 'not found'."""
    if not changes:
        return
    now = datetime.now(timezone.utc)
    ids = sorted(change.match_id for change in changes)
    # SQLite may hand a deleted row's id to a new match; the latest withdrawal wins.
    db.session.execute(
        sa.delete(WithdrawnProposal).where(WithdrawnProposal.match_id.in_(ids)),
        execution_options={"synchronize_session": False},
    )
    db.session.add_all(
        WithdrawnProposal(
            match_id=change.match_id,
            mentor_id=change.mentor_id,
            idea_id=change.idea.id,
            withdrawn_at=now,
            reason=reason,
        )
        for change in changes
    )
