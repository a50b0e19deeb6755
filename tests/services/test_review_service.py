"""The mentor's review of a proposed match: who may, from which state, and what it leaves behind."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from mentorship.extensions import db
from mentorship.models import AuditEntry, Match, Notification, OutboxEmail
from mentorship.services.errors import ConflictError, NotFoundError
from mentorship.services.review import mentor_matches, review_match
from tests.factories import (
    ClusterFactory,
    LeadFactory,
    MatchFactory,
    MentorFactory,
    MentorProfileFactory,
    UserFactory,
)


def rows(model, **where):
    return list(db.session.scalars(sa.select(model).filter_by(**where)))


def test_accepting_a_proposal_marks_it_accepted_with_time_and_note(app):
    match = MatchFactory()
    review_match(match.mentor, match.id, "accept", "Happy to help.")
    fresh = db.session.get(Match, match.id)
    assert (fresh.status, fresh.review_note, fresh.reviewed_at is not None) == (
        "accepted",
        "Happy to help.",
        True,
    )


def test_declining_a_proposal_marks_it_declined(app):
    match = MatchFactory()
    assert review_match(match.mentor, match.id, "decline").status == "declined"


def test_a_review_writes_an_audit_entry_with_before_and_after(app):
    match = MatchFactory()
    review_match(match.mentor, match.id, "decline", "Too far from my field.")
    [entry] = rows(AuditEntry, action="match.decline")
    assert (
        entry.actor_id,
        entry.object_id,
        entry.before_status,
        entry.after_status,
        entry.note,
    ) == (match.mentor_id, match.id, "proposed", "declined", "Too far from my field.")


def test_accepting_tells_every_lead_in_app_and_by_email(app):
    leads = [LeadFactory(), LeadFactory()]
    match = MatchFactory()
    review_match(match.mentor, match.id, "accept")
    assert {n.user_id for n in rows(Notification, kind="match.accepted")} == {
        lead.id for lead in leads
    }
    assert {e.to_email for e in rows(OutboxEmail)} == {lead.email for lead in leads}


def test_declining_tells_nobody(app):
    LeadFactory()
    match = MatchFactory()
    review_match(match.mentor, match.id, "decline")
    assert rows(Notification) == []


def test_a_mentor_cannot_review_another_mentors_match(app):
    match = MatchFactory()
    with pytest.raises(NotFoundError):
        review_match(MentorFactory(), match.id, "accept")


def test_a_mentor_cannot_review_a_partner_match(app):
    match = MatchFactory(kind="cluster", mentor=None, cluster=ClusterFactory())
    with pytest.raises(NotFoundError):
        review_match(MentorFactory(), match.id, "accept")


def test_a_missing_match_is_not_found(app):
    with pytest.raises(NotFoundError):
        review_match(MentorFactory(), 424242, "accept")


@pytest.mark.parametrize("status", ["accepted", "declined", "approved", "rejected"])
def test_only_a_proposed_match_can_be_reviewed(app, status):
    match = MatchFactory(status=status)
    with pytest.raises(ConflictError, match=f"already {status}"):
        review_match(match.mentor, match.id, "accept")


@pytest.mark.parametrize("status", ["pending", "inactive"])
def test_a_mentor_who_is_not_active_cannot_review(app, status):
    mentor = UserFactory(role="mentor")
    MentorProfileFactory(user=mentor, status=status)
    match = MatchFactory(mentor=mentor)
    with pytest.raises(ConflictError, match="not active"):
        review_match(mentor, match.id, "accept")
    assert db.session.get(Match, match.id).status == "proposed"


def test_the_queue_holds_only_the_mentors_own_proposals(app):
    mine = MatchFactory()
    MatchFactory()
    MatchFactory(mentor=mine.mentor, status="accepted")
    assert [m.id for m in db.session.scalars(mentor_matches(mine.mentor))] == [mine.id]
