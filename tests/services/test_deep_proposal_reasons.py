"""Ranking explains only the first five of each kind; a proposal kept deeper still gets reasons."""

from __future__ import annotations

import sqlalchemy as sa

from matching import Match as RankedMatch
from mentorship.extensions import db
from mentorship.models import Match
from mentorship.services.matching import store_many
from tests.factories import IdeaFactory, MentorFactory


def ranked(mentors, score: float, first_rank: int = 1, reasons=("shares: jam",)) -> list:
    return [
        RankedMatch("mentor", m.id, score, first_rank + i, tuple(reasons))
        for i, m in enumerate(mentors)
    ]


def stored_reasons(idea) -> dict[int, list[str]]:
    rows = db.session.execute(
        sa.select(Match.mentor_id, Match.reasons).where(Match.idea_id == idea.id)
    )
    return dict(rows.all())


def test_a_kept_proposal_ranked_past_the_explained_ones_is_explained_again(app):
    idea = IdeaFactory(needs=["mentor"])
    proposed = [MentorFactory() for _ in range(5)]
    newcomers = [MentorFactory() for _ in range(5)]
    store_many({idea.id: {"mentor": ranked(proposed, 0.5)}})
    # The newcomers edge past (by less than the margin): the proposals stay, now ranked 6-10,
    # where ranking gave them no reasons.
    again = ranked(newcomers, 0.52) + ranked(proposed, 0.5, 6, reasons=())
    calls = []

    def explain(idea_id: int, kind: str) -> list:
        calls.append((idea_id, kind))
        return ranked(newcomers, 0.52) + ranked(proposed, 0.5, 6, reasons=("offers: jars",))

    store_many({idea.id: {"mentor": again}}, explain=explain)
    assert calls == [(idea.id, "mentor")]
    assert stored_reasons(idea) == {m.id: ["offers: jars"] for m in proposed}


def test_nothing_is_ranked_again_when_every_chosen_proposal_has_reasons(app):
    idea = IdeaFactory(needs=["mentor"])
    mentors = [MentorFactory() for _ in range(7)]

    def explain(idea_id: int, kind: str) -> list:
        raise AssertionError("ranked again for nothing")

    ranking = ranked(mentors[:5], 0.6) + ranked(mentors[5:], 0.3, 6, reasons=())
    store_many({idea.id: {"mentor": ranking}}, explain=explain)
    assert set(stored_reasons(idea)) == {m.id for m in mentors[:5]}
