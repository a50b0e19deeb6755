"""Approved pairings outlive their mentor, partner or cluster: ended and kept, and people are told."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from mentorship.extensions import db
from mentorship.models import AuditEntry, Match, Notification
from mentorship.services.account import delete_account
from mentorship.services.directory import delete_organisation
from mentorship.services.ideas import submit_idea
from mentorship.services.matching import rematch_open_ideas
from mentorship.services.mentors import mentor_loads
from tests.factories import (
    PASSWORD,
    ClusterFactory,
    EntrepreneurFactory,
    IdeaFactory,
    LeadFactory,
    MatchFactory,
    MentorFactory,
    PartnerFactory,
)


def matches_of(idea) -> list[Match]:
    return list(db.session.scalars(sa.select(Match).where(Match.idea_id == idea.id)))


def notices(user, kind: str = "match.ended") -> list[Notification]:
    return list(
        db.session.scalars(
            sa.select(Notification).where(
                Notification.user_id == user.id, Notification.kind == kind
            )
        )
    )


def partner_pairing(partner, **idea):
    return MatchFactory(
        idea=IdeaFactory(status="matched", **idea),
        kind="partner",
        mentor=None,
        partner=partner,
        status="approved",
    )


@pytest.fixture
def lead(app):
    return LeadFactory()


def test_deleting_a_partner_ends_its_approved_pairing_and_keeps_it(lead):
    partner = PartnerFactory(name="Hotel Sumatovac")
    pairing = partner_pairing(partner)
    idea = pairing.idea
    delete_organisation(lead, partner)
    [kept] = matches_of(idea)
    assert (kept.status, kept.end_reason, kept.partner_id) == ("approved", "partner_deleted", None)
    assert kept.ended_at is not None and kept.target_name == "Hotel Sumatovac"


def test_deleting_a_partner_still_removes_its_unanswered_proposals(lead):
    partner = PartnerFactory()
    proposal = MatchFactory(kind="partner", mentor=None, partner=partner)
    idea = proposal.idea
    delete_organisation(lead, partner)
    assert matches_of(idea) == []


def test_the_entrepreneur_and_the_lead_are_told_in_their_language(lead):
    partner = PartnerFactory(name="Hotel Sumatovac")
    owner = EntrepreneurFactory(locale="sr")
    partner_pairing(partner, owner=owner, title="Džem za hotele")
    delete_organisation(lead, partner)
    [told] = notices(owner)
    assert told.subject == "Vaše povezivanje za „Džem za hotele“ je završeno"
    [lead_told] = notices(lead)
    assert lead_told.subject == "1 approved pairing has ended"
    assert "Hotel Sumatovac" in lead_told.body and "removed from the directory" in lead_told.body


def test_the_lead_hears_once_however_many_pairings_one_deletion_ends(lead):
    cluster = ClusterFactory()
    for _ in range(3):
        MatchFactory(
            idea=IdeaFactory(status="matched"),
            kind="cluster",
            mentor=None,
            cluster=cluster,
            status="approved",
        )
    delete_organisation(lead, cluster)
    [told] = notices(lead)
    assert told.subject == "3 approved pairings have ended"


def test_the_audit_trail_records_each_ended_pairing(lead):
    partner = PartnerFactory()
    pairing_id = partner_pairing(partner).id
    delete_organisation(lead, partner)
    entry = db.session.scalar(sa.select(AuditEntry).where(AuditEntry.action == "match.end"))
    assert (entry.object_id, entry.actor_id, entry.details["reason"]) == (
        pairing_id,
        lead.id,
        "partner_deleted",
    )


@pytest.fixture
def leaving_mentor(app):
    """A mentor with two approved pairings (two entrepreneurs) and one open proposal."""
    mentor = MentorFactory(name="Dragana Stojanović")
    pairings = [
        MatchFactory(mentor=mentor, idea=IdeaFactory(status="matched"), status="approved")
        for _ in range(2)
    ]
    MatchFactory(mentor=mentor, idea=IdeaFactory(status="matched"))
    return mentor, [(match.id, match.idea.owner) for match in pairings]


def test_a_mentor_deleting_her_account_ends_her_approved_pairings(lead, leaving_mentor):
    mentor, pairings = leaving_mentor
    delete_account(mentor, PASSWORD)
    kept = list(db.session.scalars(sa.select(Match).order_by(Match.id)))
    assert [m.id for m in kept] == [match_id for match_id, _owner in pairings]
    assert {(m.status, m.end_reason, m.target_name) for m in kept} == {
        ("approved", "mentor_deleted", "Dragana Stojanović")
    }


def test_her_entrepreneurs_and_the_lead_are_told(lead, leaving_mentor):
    mentor, pairings = leaving_mentor
    delete_account(mentor, PASSWORD)
    for _match_id, owner in pairings:
        [told] = notices(owner)
        assert "Dragana Stojanović" in told.body and "left the programme" in told.body
    [lead_told] = notices(lead)
    assert lead_told.subject == "2 approved pairings have ended"


def test_an_idea_whose_mentor_left_is_matched_with_another(app, lead):
    jam = {"title": "Plum jam", "description": "Plum jam from local orchards.", "needs": ["mentor"]}
    leaving = MentorFactory(mentor_profile__expertise="plum jam")
    idea = submit_idea(EntrepreneurFactory(), jam)
    [match] = matches_of(idea)
    match.status = "approved"
    db.session.commit()
    delete_account(leaving, PASSWORD)
    newcomer = MentorFactory(mentor_profile__expertise="plum jam, orchards")
    rematch_open_ideas()
    mentors = {(m.mentor_id, m.status, m.is_ended) for m in matches_of(idea)}
    assert mentors == {(None, "approved", True), (newcomer.id, "proposed", False)}


def test_an_ended_pairing_takes_no_place_of_a_mentor(app):
    mentor = MentorFactory()
    MatchFactory(mentor=mentor, status="approved")
    assert mentor_loads([mentor.id]) == {mentor.id: 1}
    ended = db.session.scalars(sa.select(Match)).one()
    ended.ended_at, ended.end_reason = ended.created_at, "mentor_deleted"
    db.session.commit()
    assert mentor_loads([mentor.id]) == {mentor.id: 0}
