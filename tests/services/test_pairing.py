"""The pairing plan: which open mentor proposals it picks, and what approving it does."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from mentorship.extensions import db
from mentorship.models import AuditEntry, Match, Notification, OutboxEmail, Programme
from mentorship.services import pairing_approval
from mentorship.services.errors import ConflictError, PermissionDeniedError, ValidationFailedError
from mentorship.services.pairing import NO_CAPACITY, NO_PROPOSAL, plan_pairings
from mentorship.services.pairing_approval import approve_plan
from tests.factories import IdeaFactory, LeadFactory, MatchFactory, MentorFactory, PartnerFactory


def planned_pairs(plan) -> set[tuple[int, int]]:
    return {(row.idea.id, row.mentor.id) for row in plan.rows}


def test_each_idea_gets_its_best_mentor_when_there_is_room(app):
    first, second = MentorFactory(), MentorFactory()
    idea = IdeaFactory()
    MatchFactory(idea=idea, mentor=first, score=0.9, rank=1)
    MatchFactory(idea=idea, mentor=second, score=0.5, rank=2)
    plan = plan_pairings()
    assert planned_pairs(plan) == {(idea.id, first.id)}
    assert plan.total == pytest.approx(0.9)


def test_plan_gives_no_mentor_more_ideas_than_her_remaining_capacity(app):
    busy = MentorFactory(mentor_profile__capacity=2)
    MatchFactory(mentor=busy, status="approved")
    ideas = [IdeaFactory() for _ in range(3)]
    for idea in ideas:
        MatchFactory(idea=idea, mentor=busy, score=0.8)
    plan = plan_pairings()
    assert [row.mentor.id for row in plan.rows] == [busy.id]


def test_plan_beats_the_naive_choice_when_top_mentors_are_full(app):
    star, other = (
        MentorFactory(mentor_profile__capacity=1),
        MentorFactory(mentor_profile__capacity=1),
    )
    first, second = IdeaFactory(), IdeaFactory()
    MatchFactory(idea=first, mentor=star, score=0.9, rank=1)
    MatchFactory(idea=first, mentor=other, score=0.7, rank=2)
    MatchFactory(idea=second, mentor=star, score=0.8, rank=1)
    plan = plan_pairings()
    assert planned_pairs(plan) == {(first.id, other.id), (second.id, star.id)}
    assert plan.total == pytest.approx(1.5)
    assert plan.naive_total == pytest.approx(1.7)
    assert plan.naive_overfilled_mentors == 1


def test_declined_and_rejected_proposals_are_not_planned(app):
    idea = IdeaFactory()
    MatchFactory(idea=idea, status="declined")
    MatchFactory(idea=idea, status="rejected")
    assert plan_pairings().rows == []


def test_accepted_proposals_are_planned(app):
    match = MatchFactory(status="accepted")
    assert [row.match_id for row in plan_pairings().rows] == [match.id]


def test_an_idea_with_an_approved_mentor_is_left_out(app):
    idea = IdeaFactory()
    MatchFactory(idea=idea, status="approved")
    MatchFactory(idea=idea, status="proposed")
    assert plan_pairings().rows == []


def test_inactive_and_pending_mentors_are_left_out(app):
    MatchFactory(mentor=MentorFactory(mentor_profile__status="inactive"))
    MatchFactory(mentor=MentorFactory(mentor_profile__status="pending"))
    assert plan_pairings().rows == []


def test_partner_matches_are_not_part_of_the_plan(app):
    MatchFactory(kind="partner", mentor=None, partner=PartnerFactory())
    assert plan_pairings().rows == []


def test_idea_whose_mentors_are_full_is_unpaired_for_lack_of_capacity(app):
    full = MentorFactory(mentor_profile__capacity=1)
    MatchFactory(mentor=full, status="approved")
    idea = IdeaFactory()
    MatchFactory(idea=idea, mentor=full)
    plan = plan_pairings()
    assert [(item.idea.id, item.reason) for item in plan.unpaired] == [(idea.id, NO_CAPACITY)]


def test_matched_idea_that_asked_for_a_mentor_without_proposals_is_unpaired_for_lack_of_one(app):
    lonely = IdeaFactory(status="matched", needs=["mentor", "partner"])
    IdeaFactory(status="matched", needs=["partner"])
    IdeaFactory(status="matching", needs=["mentor"])
    plan = plan_pairings()
    assert [(item.idea.id, item.reason) for item in plan.unpaired] == [(lonely.id, NO_PROPOSAL)]
    assert plan.unpaired_count(NO_PROPOSAL) == 1


def test_plan_can_be_limited_to_one_programme(app):
    programme = Programme(name="Women in Business 2025")
    db.session.add(programme)
    db.session.commit()
    inside = MatchFactory(idea=IdeaFactory(programme_id=programme.id))
    MatchFactory()
    assert [row.match_id for row in plan_pairings(programme.id).rows] == [inside.id]


def test_empty_database_gives_an_empty_plan(app):
    plan = plan_pairings()
    assert (plan.rows, plan.total, plan.naive_total, plan.unpaired) == ([], 0.0, 0.0, [])


def test_approving_marks_the_chosen_proposals_as_asked_for_review(app):
    chosen, other = MatchFactory(), MatchFactory()
    approve_plan(LeadFactory(), [chosen.id])
    db.session.refresh(chosen)
    db.session.refresh(other)
    assert chosen.review_requested_at is not None and other.review_requested_at is None
    assert chosen.status == "proposed"


def test_each_mentor_is_notified_once_with_the_list_of_ideas(app):
    mentor = MentorFactory()
    matches = [
        MatchFactory(mentor=mentor, idea=IdeaFactory(title=f"Idea number {n}")) for n in (1, 2)
    ]
    result = approve_plan(LeadFactory(), [match.id for match in matches])
    notes = list(
        db.session.scalars(sa.select(Notification).where(Notification.user_id == mentor.id))
    )
    assert (result.asked, result.mentors_notified, len(notes)) == (2, 1, 1)
    assert "Idea number 1" in notes[0].body and "Idea number 2" in notes[0].body


def test_asking_mentors_sends_their_emails_after_commit(app):
    match = MatchFactory()
    approve_plan(LeadFactory(), [match.id])
    email = db.session.scalars(sa.select(OutboxEmail)).one()
    assert email.to_email == match.mentor.email and email.status == "sent"


def test_each_chosen_row_leaves_an_audit_entry(app):
    first, second = MatchFactory(), MatchFactory()
    lead = LeadFactory()
    approve_plan(lead, [first.id, second.id])
    entries = list(
        db.session.scalars(sa.select(AuditEntry).where(AuditEntry.action == "pairing_plan.select"))
    )
    assert sorted(entry.object_id for entry in entries) == sorted([first.id, second.id])
    assert all(entry.actor_id == lead.id for entry in entries)


def test_an_accepted_row_is_approved_through_the_decisions_service(app):
    match = MatchFactory(status="accepted")
    result = approve_plan(LeadFactory(), [match.id])
    db.session.refresh(match)
    assert (match.status, result.approved, result.left_for_queue) == ("approved", 1, 0)
    assert match.decision_note == pairing_approval.PLAN_NOTE


def test_approving_an_accepted_row_tells_the_entrepreneur(app):
    match = MatchFactory(status="accepted")
    approve_plan(LeadFactory(), [match.id])
    owner_id = match.idea.owner_id
    assert (
        db.session.scalar(
            sa.select(sa.func.count())
            .select_from(Notification)
            .where(Notification.user_id == owner_id)
        )
        >= 1
    )


def test_a_match_outside_the_plan_is_a_conflict_and_changes_nothing(app):
    planned = MatchFactory()
    declined = MatchFactory(status="declined")
    with pytest.raises(ConflictError):
        approve_plan(LeadFactory(), [planned.id, declined.id])
    db.session.refresh(planned)
    assert planned.review_requested_at is None
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Notification)) == 0


def test_a_match_the_plan_did_not_choose_is_a_conflict(app):
    mentor = MentorFactory(mentor_profile__capacity=1)
    MatchFactory(mentor=mentor, score=0.9)
    weaker = MatchFactory(mentor=mentor, score=0.2)
    with pytest.raises(ConflictError):
        approve_plan(LeadFactory(), [weaker.id])


def test_approving_nothing_is_a_validation_error(app):
    with pytest.raises(ValidationFailedError):
        approve_plan(LeadFactory(), [])


def test_only_the_lead_approves_the_plan(app):
    match = MatchFactory()
    with pytest.raises(PermissionDeniedError):
        approve_plan(match.mentor, [match.id])
    assert db.session.get(Match, match.id).review_requested_at is None


def test_naive_choice_within_capacity_keeps_each_full_mentors_best_picks(app):
    star, other = (
        MentorFactory(mentor_profile__capacity=1),
        MentorFactory(mentor_profile__capacity=1),
    )
    first, second = IdeaFactory(), IdeaFactory()
    MatchFactory(idea=first, mentor=star, score=0.9, rank=1)
    MatchFactory(idea=first, mentor=other, score=0.7, rank=2)
    MatchFactory(idea=second, mentor=star, score=0.8, rank=1)
    assert plan_pairings().naive_within_capacity_total == pytest.approx(0.9)
