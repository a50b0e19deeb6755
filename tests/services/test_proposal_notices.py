"""Mentors hear about a new proposal once, not each time matching runs again."""

from __future__ import annotations

import sqlalchemy as sa

from matching import Match as RankedMatch
from mentorship.extensions import db
from mentorship.models import Notification
from mentorship.services.matching import store_matches
from tests.factories import IdeaFactory, MentorFactory


def ranked_for(*mentors) -> dict:
    return {
        "mentor": [
            RankedMatch(kind="mentor", candidate_id=m.id, score=0.5, rank=i + 1, reasons=())
            for i, m in enumerate(mentors)
        ]
    }


def notices_for(user) -> int:
    return db.session.scalar(
        sa.select(sa.func.count())
        .select_from(Notification)
        .where(Notification.user_id == user.id, Notification.kind == "match.proposed")
    )


def test_a_mentor_is_told_of_a_new_proposal(app):
    mentor, idea = MentorFactory(), IdeaFactory(needs=["mentor"])
    store_matches(idea.id, ranked_for(mentor))
    assert notices_for(mentor) == 1


def test_a_repeated_proposal_is_not_announced_again(app):
    mentor, newcomer, idea = MentorFactory(), MentorFactory(), IdeaFactory(needs=["mentor"])
    store_matches(idea.id, ranked_for(mentor))
    store_matches(idea.id, ranked_for(mentor, newcomer))
    assert (notices_for(mentor), notices_for(newcomer)) == (1, 1)
