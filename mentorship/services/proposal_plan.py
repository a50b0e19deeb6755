"""The rows one batch of re-matched ideas deletes, updates and inserts, and its notices."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa

from matching import Match as RankedMatch
from matching.proposals import Revision
from mentorship.extensions import db
from mentorship.models import Idea, Match, MatchKind, MatchStatus, WithdrawnProposal
from mentorship.services.notifications import ProposalChange, notify_proposal_changes

TARGET_COLUMNS = {"mentor": "mentor_id", "partner": "partner_id", "cluster": "cluster_id"}


def proposal_score(match: RankedMatch) -> float:
    return round(min(1.0, max(0.0, float(match.score))), 6)


class ProposalPlan:
    """The rows one batch deletes, updates and inserts, written in a handful of statements."""

    def __init__(self) -> None:
        self.updates: list[dict] = []
        self.inserts: dict[str, list[dict]] = {kind: [] for kind in TARGET_COLUMNS}
        self.withdrawn: list[int] = []
        self.withdrawn_mentors: list[ProposalChange] = []
        self.ideas: dict[int, Idea] = {}

    def add(
        self,
        idea: Idea,
        kind: str,
        revision: Revision,
        found: dict[int, RankedMatch],
        proposed: dict[int, int],
        now: datetime,
    ) -> None:
        self.ideas[idea.id] = idea
        for candidate_id in revision.keep + revision.add:
            values = {
                "score": proposal_score(found[candidate_id]),
                "rank": revision.ranks[candidate_id],
                "reasons": list(found[candidate_id].reasons),
                "updated_at": now,
            }
            if candidate_id in proposed:
                self.updates.append({"id": proposed[candidate_id], **values})
                continue
            self.inserts[kind].append(
                {
                    "idea_id": idea.id,
                    "kind": kind,
                    TARGET_COLUMNS[kind]: candidate_id,
                    "status": MatchStatus.PROPOSED.value,
                    "created_at": now,
                    **values,
                }
            )
        for candidate_id in revision.withdraw:
            self.withdrawn.append(proposed[candidate_id])
            if kind == MatchKind.MENTOR.value:
                self.withdrawn_mentors.append(
                    ProposalChange(idea, candidate_id, proposed[candidate_id])
                )

    def apply(self, now: datetime) -> None:
        # New rows first: SQLite hands out the largest deleted id again, and an old link to a
        # withdrawn proposal must not lead to a new one.
        new_mentors = self._insert()
        if self.updates:
            db.session.execute(
                sa.update(Match), self.updates, execution_options={"synchronize_session": False}
            )
        if self.withdrawn:
            db.session.execute(
                sa.delete(Match).where(Match.id.in_(sorted(self.withdrawn))),
                execution_options={"synchronize_session": False},
            )
        self._remember_withdrawals(now)
        notify_proposal_changes(new_mentors, self.withdrawn_mentors)
        db.session.flush()

    def _insert(self) -> list[ProposalChange]:
        """Insert the new proposals; the mentor ones come back with their ids for the notices."""
        new_mentors: list[ProposalChange] = []
        for kind, batch in self.inserts.items():
            if not batch:
                continue
            if kind != MatchKind.MENTOR.value:
                db.session.execute(sa.insert(Match), batch)
                continue
            created = db.session.execute(
                sa.insert(Match).returning(Match.id, Match.idea_id, Match.mentor_id), batch
            )
            new_mentors = [
                ProposalChange(self.ideas[idea_id], mentor_id, match_id)
                for match_id, idea_id, mentor_id in created
            ]
        return sorted(new_mentors, key=lambda change: (change.idea.id, change.mentor_id))

    def _remember_withdrawals(self, now: datetime) -> None:
        """The mentor's old links to a withdrawn proposal then say so instead of 'not found'."""
        if not self.withdrawn_mentors:
            return
        # SQLite may hand a deleted row's id to a new match; the latest withdrawal wins.
        ids = sorted(change.match_id for change in self.withdrawn_mentors)
        db.session.execute(
            sa.delete(WithdrawnProposal).where(WithdrawnProposal.match_id.in_(ids)),
            execution_options={"synchronize_session": False},
        )
        db.session.execute(
            sa.insert(WithdrawnProposal),
            [
                {
                    "match_id": change.match_id,
                    "mentor_id": change.mentor_id,
                    "idea_id": change.idea.id,
                    "withdrawn_at": now,
                }
                for change in self.withdrawn_mentors
            ],
        )
