"""The lead's decision on a match: order of states, capacity, bulk, notices and the audit trail."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from matching import Match as RankedMatch
from mentorship.extensions import db
from mentorship.models import AuditEntry, Match, MentorProfile, Notification, OutboxEmail
from mentorship.services import approvals as decisions
from mentorship.services.approvals import decide_match, decide_matches, undecided_matches
from mentorship.services.errors import ConflictError, NotFoundError, PermissionDeniedError
from mentorship.services.matching import store_matches
from tests.factories import (
    ClusterFactory,
    LeadFactory,
    MatchFactory,
    MentorFactory,
    PartnerFactory,
)


def rows(model, **where):
    return list(db.session.scalars(sa.select(model).filter_by(**where)))


def status_of(match_id: int) -> str:
    return db.session.scalar(sa.select(Match.status).where(Match.id == match_id))


def mentor_with_capacity(capacity: int):
    mentor = MentorFactory()
    mentor.mentor_profile.capacity = capacity
    db.session.commit()
    return mentor


def test_the_lead_approves_a_match_the_mentor_accepted(app):
    lead = LeadFactory()
    match = MatchFactory(status="accepted")
    decided = decide_match(lead, match.id, "approve", "Good fit.")
    assert (decided.status, decided.decision_note, decided.decided_by_id) == (
        "approved",
        "Good fit.",
        lead.id,
    )


def test_approving_a_proposed_mentor_match_is_a_conflict(app):
    match = MatchFactory(status="proposed")
    with pytest.raises(ConflictError, match="not accepted"):
        decide_match(LeadFactory(), match.id, "approve")


def test_the_lead_may_reject_a_proposed_mentor_match(app):
    match = MatchFactory(status="proposed")
    assert decide_match(LeadFactory(), match.id, "reject").status == "rejected"


@pytest.mark.parametrize("kind", ["partner", "cluster"])
def test_partner_and_cluster_matches_go_from_proposed_straight_to_approved(app, kind):
    target = {"partner": PartnerFactory, "cluster": ClusterFactory}[kind]()
    match = MatchFactory(kind=kind, mentor=None, **{kind: target})
    assert decide_match(LeadFactory(), match.id, "approve").status == "approved"


@pytest.mark.parametrize("status", ["declined", "approved", "rejected"])
def test_deciding_a_settled_match_is_a_conflict(app, status):
    match = MatchFactory(status=status)
    with pytest.raises(ConflictError):
        decide_match(LeadFactory(), match.id, "reject")
    assert status_of(match.id) == status


def test_approving_twice_is_a_conflict_the_second_time(app):
    lead = LeadFactory()
    match = MatchFactory(status="accepted")
    decide_match(lead, match.id, "approve")
    with pytest.raises(ConflictError, match="already approved"):
        decide_match(lead, match.id, "approve")


def test_approving_beyond_the_mentors_capacity_is_a_conflict(app):
    mentor = mentor_with_capacity(1)
    MatchFactory(mentor=mentor, status="approved")
    match = MatchFactory(mentor=mentor, status="accepted")
    with pytest.raises(ConflictError, match="capacity is full"):
        decide_match(LeadFactory(), match.id, "approve")
    assert status_of(match.id) == "accepted"


def test_a_full_mentors_match_can_still_be_rejected(app):
    mentor = mentor_with_capacity(0)
    match = MatchFactory(mentor=mentor, status="accepted")
    assert decide_match(LeadFactory(), match.id, "reject").status == "rejected"


def test_approving_a_deactivated_mentor_is_a_conflict(app):
    match = MatchFactory(status="accepted")
    db.session.get(MentorProfile, match.mentor_id).status = "inactive"
    db.session.commit()
    with pytest.raises(ConflictError, match="no longer an active mentor"):
        decide_match(LeadFactory(), match.id, "approve")


def test_deciding_a_missing_match_is_not_found(app):
    with pytest.raises(NotFoundError):
        decide_match(LeadFactory(), 424242, "approve")


def test_only_a_lead_decides(app):
    match = MatchFactory(status="accepted")
    with pytest.raises(PermissionDeniedError):
        decide_match(match.mentor, match.id, "approve")


def test_every_decision_writes_an_audit_entry(app):
    lead = LeadFactory()
    match = MatchFactory(status="accepted")
    decide_match(lead, match.id, "reject", "Another mentor fits better.")
    [entry] = rows(AuditEntry, action="match.reject")
    assert (
        entry.actor_id,
        entry.object_id,
        entry.before_status,
        entry.after_status,
        entry.note,
    ) == (lead.id, match.id, "accepted", "rejected", "Another mentor fits better.")


def test_approval_introduces_both_sides_in_app_and_by_email(app):
    match = MatchFactory(status="accepted")
    decide_match(LeadFactory(), match.id, "approve")
    owner = match.idea.owner
    assert {n.user_id for n in rows(Notification, kind="match.approved")} == {
        owner.id,
        match.mentor_id,
    }
    assert {e.to_email for e in rows(OutboxEmail)} == {owner.email, match.mentor.email}


def test_the_entrepreneurs_introduction_names_the_mentors_address(app):
    match = MatchFactory(status="accepted")
    decide_match(LeadFactory(), match.id, "approve")
    [notice] = rows(Notification, user_id=match.idea.owner_id)
    assert match.mentor.email in notice.body


def test_a_partner_approval_tells_the_entrepreneur_only(app):
    match = MatchFactory(kind="partner", mentor=None, partner=PartnerFactory())
    decide_match(LeadFactory(), match.id, "approve")
    assert [n.user_id for n in rows(Notification)] == [match.idea.owner_id]


def test_a_user_who_opted_out_gets_no_email_but_the_in_app_notice(app):
    match = MatchFactory(kind="partner", mentor=None, partner=PartnerFactory())
    match.idea.owner.email_notifications = False
    db.session.commit()
    decide_match(LeadFactory(), match.id, "approve")
    assert (len(rows(Notification)), rows(OutboxEmail)) == (1, [])


def test_a_decision_that_fails_before_commit_leaves_no_notice_and_no_email(app, monkeypatch):
    real = decisions.tell_about_approval

    def tell_then_fail(match):
        real(match)
        raise RuntimeError("the database went away")

    monkeypatch.setattr(decisions, "tell_about_approval", tell_then_fail)
    match = MatchFactory(status="accepted")
    with pytest.raises(RuntimeError):
        decide_match(LeadFactory(), match.id, "approve")
    assert (rows(OutboxEmail), rows(Notification), status_of(match.id)) == ([], [], "accepted")


def test_a_refused_decision_leaves_no_notice_and_no_audit_entry(app):
    match = MatchFactory(status="proposed")
    with pytest.raises(ConflictError):
        decide_match(LeadFactory(), match.id, "approve")
    assert (rows(Notification), rows(AuditEntry)) == ([], [])


def test_a_bulk_decision_reports_each_match_and_keeps_the_ones_that_succeeded(app):
    mentor = mentor_with_capacity(1)
    first = MatchFactory(mentor=mentor, status="accepted")
    second = MatchFactory(mentor=mentor, status="accepted")
    partner = MatchFactory(kind="partner", mentor=None, partner=PartnerFactory())
    results = decide_matches(LeadFactory(), [first.id, second.id, partner.id, 424242], "approve")
    assert [(r.match_id, r.ok) for r in results] == [
        (first.id, True),
        (second.id, False),
        (partner.id, True),
        (424242, False),
    ]
    assert [status_of(m.id) for m in (first, second, partner)] == [
        "approved",
        "accepted",
        "approved",
    ]


def test_a_bulk_decision_decides_a_repeated_id_once(app):
    match = MatchFactory(status="accepted")
    results = decide_matches(LeadFactory(), [match.id, match.id], "approve")
    assert len(results) == 1


def test_the_approval_queue_holds_accepted_mentor_and_proposed_partner_matches(app):
    accepted = MatchFactory(status="accepted")
    MatchFactory(status="proposed")
    MatchFactory(status="approved")
    partner = MatchFactory(kind="partner", mentor=None, partner=PartnerFactory(), score=0.9)
    queue = [m.id for m in db.session.scalars(undecided_matches())]
    assert queue == [partner.id, accepted.id]


def test_the_approval_queue_filters_by_kind_and_minimum_score(app):
    MatchFactory(status="accepted", score=0.3)
    strong = MatchFactory(status="accepted", score=0.7)
    MatchFactory(kind="cluster", mentor=None, cluster=ClusterFactory(), score=0.9)
    queue = [m.id for m in db.session.scalars(undecided_matches(kind="mentor", min_score=0.5))]
    assert queue == [strong.id]


def test_deciding_a_proposal_that_a_rematch_replaced_is_not_found(app):
    match = MatchFactory(kind="partner", mentor=None, partner=PartnerFactory())
    match_id, lead = match.id, LeadFactory()
    store_matches(match.idea_id, {"partner": []})
    with pytest.raises(NotFoundError):
        decide_match(lead, match_id, "approve")


def test_a_rematch_after_an_approval_keeps_the_approved_pairing(app):
    partner = PartnerFactory()
    match = MatchFactory(kind="partner", mentor=None, partner=partner)
    decide_match(LeadFactory(), match.id, "approve")
    again = RankedMatch(kind="partner", candidate_id=partner.id, score=0.9, rank=1, reasons=())
    store_matches(match.idea_id, {"partner": [again]})
    assert [(m.id, m.status) for m in rows(Match, idea_id=match.idea_id)] == [
        (match.id, "approved")
    ]
