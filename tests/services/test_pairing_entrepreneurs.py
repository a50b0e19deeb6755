"""The pairing plan plans entrepreneurs: one mentor each per programme, and two objectives."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from mentorship.extensions import db
from mentorship.models import Match, Programme
from mentorship.services.errors import ConflictError
from mentorship.services.pairing import (
    BEST_FIT,
    HAS_MENTOR,
    MOST_MATCHED,
    NO_CAPACITY,
    OTHER_IDEA,
    plan_pairings,
)
from mentorship.services.pairing_approval import approve_plan
from tests.factories import (
    EntrepreneurFactory,
    IdeaFactory,
    LeadFactory,
    MatchFactory,
    MentorFactory,
)


def planned(plan) -> list[tuple[int, int, bool]]:
    return [(row.idea.id, row.mentor.id, row.companion) for row in plan.rows]


def programme(name: str) -> Programme:
    item = Programme(name=name)
    db.session.add(item)
    db.session.commit()
    return item


def ideas_of(entrepreneur, count: int, **fields):
    return [
        IdeaFactory(owner=entrepreneur, status="matched", needs=["mentor"], **fields)
        for _ in range(count)
    ]


def trade_off():
    """Star fits both ideas best; best total fit leaves one entrepreneur out, most matched does not."""
    star = MentorFactory(mentor_profile__capacity=1)
    other = MentorFactory(mentor_profile__capacity=1)
    first, second = IdeaFactory(), IdeaFactory()
    MatchFactory(idea=first, mentor=star, score=0.9)
    MatchFactory(idea=first, mentor=other, score=0.1)
    MatchFactory(idea=second, mentor=star, score=0.2)
    return star, other, first, second


def test_an_entrepreneur_with_two_ideas_takes_one_place_of_a_mentor(app):
    mentor = MentorFactory(mentor_profile__capacity=2)
    jelena, ana = EntrepreneurFactory(), EntrepreneurFactory()
    best, weaker = ideas_of(jelena, 2)
    anas = ideas_of(ana, 1)[0]
    MatchFactory(idea=best, mentor=mentor, score=0.9)
    MatchFactory(idea=weaker, mentor=mentor, score=0.7)
    MatchFactory(idea=anas, mentor=mentor, score=0.5)
    plan = plan_pairings()
    assert planned(plan) == [
        (best.id, mentor.id, False),
        (weaker.id, mentor.id, True),
        (anas.id, mentor.id, False),
    ]
    assert (plan.matched, plan.total) == (2, pytest.approx(1.4))


def test_an_entrepreneur_gets_one_mentor_for_her_best_fitting_idea(app):
    first_mentor, second_mentor = MentorFactory(), MentorFactory()
    best, other = ideas_of(EntrepreneurFactory(), 2)
    MatchFactory(idea=best, mentor=first_mentor, score=0.9)
    MatchFactory(idea=other, mentor=second_mentor, score=0.8)
    plan = plan_pairings()
    assert planned(plan) == [(best.id, first_mentor.id, False)]
    assert [(item.idea.id, item.reason) for item in plan.unpaired] == [(other.id, OTHER_IDEA)]


def test_an_entrepreneur_with_an_approved_mentor_in_the_programme_is_not_planned_again(app):
    spring = programme("Spring 2025")
    jelena = EntrepreneurFactory()
    mentored, waiting = ideas_of(jelena, 2, programme_id=spring.id)
    MatchFactory(idea=mentored, status="approved")
    MatchFactory(idea=waiting, score=0.9)
    plan = plan_pairings()
    assert plan.rows == []
    assert [(item.idea.id, item.reason) for item in plan.unpaired] == [(waiting.id, HAS_MENTOR)]


def test_the_same_entrepreneur_is_planned_in_another_programme(app):
    spring, autumn = programme("Spring 2025"), programme("Autumn 2025")
    jelena = EntrepreneurFactory()
    MatchFactory(idea=ideas_of(jelena, 1, programme_id=spring.id)[0], status="approved")
    waiting = MatchFactory(idea=ideas_of(jelena, 1, programme_id=autumn.id)[0])
    assert [row.match_id for row in plan_pairings().rows] == [waiting.id]


def test_her_own_mentor_from_another_programme_needs_no_free_place(app):
    spring, autumn = programme("Spring 2025"), programme("Autumn 2025")
    mentor = MentorFactory(mentor_profile__capacity=1)
    jelena = EntrepreneurFactory()
    MatchFactory(
        idea=ideas_of(jelena, 1, programme_id=spring.id)[0], mentor=mentor, status="approved"
    )
    waiting = MatchFactory(idea=ideas_of(jelena, 1, programme_id=autumn.id)[0], mentor=mentor)
    plan = plan_pairings()
    assert (plan.remaining[mentor.id], [row.match_id for row in plan.rows]) == (0, [waiting.id])


def test_best_fit_and_most_matched_plans_differ_and_both_totals_are_reported(app):
    star, other, first, second = trade_off()
    best = plan_pairings(objective=BEST_FIT)
    most = plan_pairings(objective=MOST_MATCHED)
    assert planned(best) == [(first.id, star.id, False)]
    assert sorted(planned(most)) == sorted(
        [(first.id, other.id, False), (second.id, star.id, False)]
    )
    for plan in (best, most):
        assert (plan.totals[BEST_FIT].matched, plan.totals[BEST_FIT].total) == (
            1,
            pytest.approx(0.9),
        )
        assert (plan.totals[MOST_MATCHED].matched, plan.totals[MOST_MATCHED].total) == (
            2,
            pytest.approx(0.3),
        )
    assert [(item.idea.id, item.reason) for item in best.unpaired] == [(second.id, NO_CAPACITY)]


def test_an_unknown_objective_is_refused(app):
    with pytest.raises(ValueError):
        plan_pairings(objective="cheapest")


def test_approving_checks_the_selection_against_the_chosen_objectives_plan(app):
    star, other, first, second = trade_off()
    most_only = db.session.scalar(
        sa.select(Match.id).where(Match.idea_id == second.id, Match.mentor_id == star.id)
    )
    with pytest.raises(ConflictError):
        approve_plan(LeadFactory(), [most_only], objective=BEST_FIT)
    result = approve_plan(LeadFactory(), [most_only], objective=MOST_MATCHED)
    assert (result.asked, db.session.get(Match, most_only).review_requested_at is not None) == (
        1,
        True,
    )
