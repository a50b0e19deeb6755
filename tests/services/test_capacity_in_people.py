"""A mentor's capacity counts entrepreneurs: the decision rule and every count of her load."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from mentorship.extensions import db
from mentorship.infrastructure.candidates import candidate_records
from mentorship.models import Match, Programme
from mentorship.queries.exports import mentor_load_rows
from mentorship.services.approvals import decide_match, decide_matches
from mentorship.services.errors import ConflictError
from mentorship.services.ideas import submit_idea
from mentorship.services.mentors import mentor_loads, remaining_capacities
from mentorship.services.pairing_approval import approve_plan
from tests.factories import (
    EntrepreneurFactory,
    IdeaFactory,
    LeadFactory,
    MatchFactory,
    MentorFactory,
)


def mentor_with_capacity(capacity: int):
    return MentorFactory(mentor_profile__capacity=capacity)


def ideas_of(entrepreneur, count: int):
    return [IdeaFactory(owner=entrepreneur, needs=["mentor"]) for _ in range(count)]


def status_of(match_id: int) -> str:
    return db.session.scalar(sa.select(Match.status).where(Match.id == match_id))


def mentoring_two_entrepreneurs_through_three_ideas(capacity: int = 3):
    mentor = mentor_with_capacity(capacity)
    jelena, ana = EntrepreneurFactory(), EntrepreneurFactory()
    for idea in ideas_of(jelena, 2) + ideas_of(ana, 1):
        MatchFactory(idea=idea, mentor=mentor, status="approved")
    return mentor


def test_approving_a_second_idea_of_an_entrepreneur_she_mentors_takes_no_new_place(app):
    mentor = mentor_with_capacity(1)
    first, second = ideas_of(EntrepreneurFactory(), 2)
    MatchFactory(idea=first, mentor=mentor, status="approved")
    match = MatchFactory(idea=second, mentor=mentor, status="accepted")
    assert decide_match(LeadFactory(), match.id, "approve").status == "approved"
    assert mentor_loads([mentor.id]) == {mentor.id: 1}


def test_approving_a_different_entrepreneur_beyond_capacity_is_a_conflict(app):
    mentor = mentor_with_capacity(1)
    MatchFactory(idea=ideas_of(EntrepreneurFactory(), 1)[0], mentor=mentor, status="approved")
    match = MatchFactory(mentor=mentor, status="accepted")
    with pytest.raises(ConflictError, match="1 of 1 places taken"):
        decide_match(LeadFactory(), match.id, "approve")
    assert status_of(match.id) == "accepted"


def test_an_entrepreneur_mentored_in_another_programme_takes_no_new_place(app):
    spring, autumn = Programme(name="Spring 2025"), Programme(name="Autumn 2025")
    db.session.add_all([spring, autumn])
    db.session.commit()
    mentor = mentor_with_capacity(1)
    jelena = EntrepreneurFactory()
    earlier = IdeaFactory(owner=jelena, programme_id=spring.id)
    later = IdeaFactory(owner=jelena, programme_id=autumn.id)
    MatchFactory(idea=earlier, mentor=mentor, status="approved")
    match = MatchFactory(idea=later, mentor=mentor, status="accepted")
    assert decide_match(LeadFactory(), match.id, "approve").status == "approved"


def test_a_bulk_approval_lets_the_known_entrepreneur_in_and_stops_new_ones_at_capacity(app):
    mentor = mentor_with_capacity(2)
    jelena = EntrepreneurFactory()
    first, second = ideas_of(jelena, 2)
    MatchFactory(idea=first, mentor=mentor, status="approved")
    again = MatchFactory(idea=second, mentor=mentor, status="accepted")
    newcomers = [MatchFactory(mentor=mentor, status="accepted") for _ in range(2)]
    results = decide_matches(LeadFactory(), [again.id] + [m.id for m in newcomers], "approve")
    assert [result.ok for result in results] == [True, True, False]
    assert mentor_loads([mentor.id]) == {mentor.id: 2}


def test_load_counts_distinct_entrepreneurs_and_remaining_capacity_follows(app):
    mentor = mentoring_two_entrepreneurs_through_three_ideas(capacity=3)
    assert mentor_loads([mentor.id]) == {mentor.id: 2}
    assert remaining_capacities({mentor.id}) == {mentor.id: 1}


def test_only_approved_mentor_matches_count_towards_load(app):
    mentor = mentor_with_capacity(3)
    for status in ("proposed", "accepted", "declined", "rejected"):
        MatchFactory(mentor=mentor, status=status)
    assert mentor_loads([mentor.id]) == {mentor.id: 0}


def test_the_matching_records_carry_remaining_places_in_entrepreneurs(app):
    mentor = mentoring_two_entrepreneurs_through_three_ideas(capacity=3)
    assert candidate_records()[("mentor", mentor.id)].remaining_capacity == 1


def test_the_mentor_load_export_counts_entrepreneurs(app):
    mentor = mentoring_two_entrepreneurs_through_three_ideas(capacity=3)
    [row] = list(mentor_load_rows(None))
    # mentor_id, name, email, status, capacity, load, remaining, approved (matches), ...
    assert (row[0], row[4], row[5], row[6], row[7]) == (mentor.id, 3, 2, 1, 3)


def test_the_plan_approves_an_entrepreneurs_ideas_with_her_mentor_in_one_place(app):
    mentor = mentor_with_capacity(1)
    ideas = ideas_of(EntrepreneurFactory(), 2)
    matches = [
        MatchFactory(idea=idea, mentor=mentor, status="accepted", score=score)
        for idea, score in zip(ideas, (0.9, 0.6), strict=True)
    ]
    result = approve_plan(LeadFactory(), [match.id for match in matches])
    assert (result.approved, result.problems) == (2, [])
    assert [status_of(match.id) for match in matches] == ["approved", "approved"]
    assert mentor_loads([mentor.id]) == {mentor.id: 1}


def test_a_full_mentor_is_proposed_for_a_new_idea_of_an_entrepreneur_she_mentors(app):
    """Her place is taken by that entrepreneur already: the new idea needs no new one. Before,
    a mentor at capacity was never proposed, not even to her own mentee."""
    jam = "jam, fruit processing, HACCP certification, food labelling"
    mentor = MentorFactory(mentor_profile__capacity=1, mentor_profile__expertise=jam)
    jelena, ana = EntrepreneurFactory(), EntrepreneurFactory()
    MatchFactory(idea=IdeaFactory(owner=jelena), mentor=mentor, status="approved")
    idea = {
        "title": "Blackberry jam",
        "description": "Blackberry jam from my farm; I want HACCP certification and labels.",
        "needs": ["mentor"],
    }
    hers, other = submit_idea(jelena, idea), submit_idea(ana, idea)
    proposed = {
        idea_id
        for (idea_id,) in db.session.execute(
            sa.select(Match.idea_id).where(Match.mentor_id == mentor.id, Match.status == "proposed")
        )
    }
    assert proposed == {hers.id}
    assert other.id not in proposed
