"""Once the lead approves a mentor for an idea, the other mentors are no longer asked about it."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from mentorship.extensions import db
from mentorship.models import AuditEntry, Match, Notification, WithdrawnProposal
from mentorship.services.approvals import decide_match, decide_matches, undecided_matches
from mentorship.services.errors import ConflictError
from mentorship.services.ideas import submit_idea
from mentorship.services.matching import rematch_open_ideas
from mentorship.services.review import ProposalWithdrawnError, get_mentor_match, review_match
from tests.factories import (
    EntrepreneurFactory,
    IdeaFactory,
    LeadFactory,
    MatchFactory,
    MentorFactory,
    PartnerFactory,
)

JAM = {
    "title": "Plum jam for hotels",
    "description": "Homemade plum jam and winter food from local orchards, sold to hotels.",
    "sector": "food",
}


def mentor_matches(idea_id: int) -> list[Match]:
    return list(
        db.session.scalars(sa.select(Match).where(Match.idea_id == idea_id, Match.kind == "mentor"))
    )


def withdrawal_notices(mentor) -> list[Notification]:
    return list(
        db.session.scalars(
            sa.select(Notification).where(
                Notification.user_id == mentor.id, Notification.kind == "match.withdrawn"
            )
        )
    )


@pytest.fixture
def contested(app):
    """One idea proposed to three mentors: the first and the third accepted, the second did not."""
    idea = IdeaFactory(status="matched")
    chosen, waiting, volunteer = (MatchFactory(idea=idea, rank=rank) for rank in (1, 2, 3))
    chosen.status = volunteer.status = "accepted"
    db.session.commit()
    # The withdrawn rows are deleted: tests keep their ids (and mentors), not the objects.
    return idea, chosen, waiting.id, volunteer.id


def test_approving_a_mentor_withdraws_the_other_mentors_open_proposals(contested):
    idea, chosen, waiting, volunteer = contested
    decide_match(LeadFactory(), chosen.id, "approve")
    assert [(m.mentor_id, m.status) for m in mentor_matches(idea.id)] == [
        (chosen.mentor_id, "approved")
    ]
    reasons = {row.match_id: row.reason for row in db.session.scalars(sa.select(WithdrawnProposal))}
    assert reasons == {waiting: "mentor_approved", volunteer: "mentor_approved"}


def test_each_withdrawn_mentor_is_told_once_and_the_chosen_one_not_at_all(contested):
    idea, chosen, waiting, volunteer = contested
    told = {match_id: db.session.get(Match, match_id).mentor for match_id in (waiting, volunteer)}
    decide_match(LeadFactory(), chosen.id, "approve")
    rematch_open_ideas()
    for match_id, mentor in told.items():
        [notice] = withdrawal_notices(mentor)
        assert notice.subject == f"Another mentor was chosen for “{idea.title}”"
        assert notice.link == f"/reviews/{match_id}"
    assert withdrawal_notices(chosen.mentor) == []


def test_the_audit_trail_keeps_what_each_withdrawn_proposal_was(contested):
    _idea, chosen, waiting, volunteer = contested
    decide_match(LeadFactory(), chosen.id, "approve")
    entries = db.session.scalars(
        sa.select(AuditEntry).where(AuditEntry.action == "match.withdraw").order_by(AuditEntry.id)
    ).all()
    assert [(e.object_id, e.before_status, e.details["reason"]) for e in entries] == [
        (waiting, "proposed", "mentor_approved"),
        (volunteer, "accepted", "mentor_approved"),
    ]


def test_a_withdrawn_mentors_old_link_says_another_mentor_was_chosen(contested):
    _idea, chosen, waiting, _volunteer = contested
    mentor, match_id = db.session.get(Match, waiting).mentor, waiting
    decide_match(LeadFactory(), chosen.id, "approve")
    with pytest.raises(ProposalWithdrawnError) as withdrawn:
        get_mentor_match(mentor, match_id)
    assert withdrawn.value.reason == "mentor_approved"
    with pytest.raises(ProposalWithdrawnError):
        review_match(mentor, match_id, "accept")


def test_the_approval_queue_no_longer_offers_the_other_acceptance(contested):
    _idea, chosen, _waiting, volunteer = contested
    decide_match(LeadFactory(), chosen.id, "approve")
    queued = set(db.session.scalars(undecided_matches().with_only_columns(Match.id)))
    assert volunteer not in queued


def test_approving_two_mentors_for_one_idea_in_bulk_approves_only_the_first(contested):
    _idea, chosen, _waiting, volunteer = contested
    results = decide_matches(LeadFactory(), [chosen.id, volunteer], "approve")
    assert results[0].ok and not results[1].ok
    assert isinstance(results[1].error, ConflictError)
    assert "Another mentor was approved" in results[1].error.message


def test_partner_proposals_for_the_idea_stay(contested):
    idea, chosen, _waiting, _volunteer = contested
    partner_match = MatchFactory(idea=idea, kind="partner", mentor=None, partner=PartnerFactory())
    decide_match(LeadFactory(), chosen.id, "approve")
    assert db.session.get(Match, partner_match.id).status == "proposed"


def test_rematching_never_proposes_another_mentor_for_an_idea_with_one(app):
    mentors = [MentorFactory(mentor_profile__expertise="plum jam, food") for _ in range(3)]
    PartnerFactory(seeks="plum jam for our hotel breakfast")
    idea = submit_idea(EntrepreneurFactory(), JAM)
    assert len(mentor_matches(idea.id)) == 3
    first = next(m for m in mentor_matches(idea.id) if m.mentor_id == mentors[0].id)
    review_match(mentors[0], first.id, "accept")
    decide_match(LeadFactory(), first.id, "approve")
    MentorFactory(mentor_profile__expertise="plum jam, jam, food processing, hotels")
    rematch_open_ideas()
    assert [m.mentor_id for m in mentor_matches(idea.id)] == [mentors[0].id]
    kinds = set(db.session.scalars(sa.select(Match.kind).where(Match.idea_id == idea.id)))
    assert "partner" in kinds


def test_the_entrepreneurs_other_ideas_still_get_mentors(app):
    MentorFactory(mentor_profile__expertise="plum jam, food")
    owner = EntrepreneurFactory()
    approved = submit_idea(owner, JAM)
    [match] = mentor_matches(approved.id)
    review_match(match.mentor, match.id, "accept")
    decide_match(LeadFactory(), match.id, "approve")
    second = submit_idea(owner, JAM | {"title": "Plum jam for shops"})
    assert len(mentor_matches(second.id)) == 1
