"""Editing an idea matches it again; withdrawing one takes it out of every queue, once."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from matching import Match as RankedMatch
from mentorship.extensions import db
from mentorship.infrastructure.candidates import idea_record
from mentorship.models import AuditEntry, Idea, Match, Notification, OutboxEmail, Programme
from mentorship.services import approvals as decisions
from mentorship.services import matching, pairing
from mentorship.services.errors import ConflictError, NotFoundError, ValidationFailedError
from mentorship.services.idea_changes import edit_idea, withdraw_idea
from mentorship.services.ideas import submit_idea
from mentorship.services.programmes import enrol
from mentorship.services.review import ProposalWithdrawnError, review_match
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
    "description": "Homemade plum jam and winter food from Merošina orchards, sold to hotels.",
    "sector": "food",
    "needs": ["mentor"],
}
SHOP = {
    "title": "Web shop software for village shops",
    "description": "A mobile app and web shop software so village shops can take orders online.",
    "sector": "ict",
    "needs": ["mentor"],
}


def proposals(idea_id: int) -> dict[int, str]:
    rows = db.session.execute(
        sa.select(Match.mentor_id, Match.status).where(Match.idea_id == idea_id)
    )
    return dict(rows.all())


def notices(user, kind: str = "idea.withdrawn") -> list[Notification]:
    return list(
        db.session.scalars(
            sa.select(Notification).where(
                Notification.user_id == user.id, Notification.kind == kind
            )
        )
    )


@pytest.fixture
def jam_mentor(app):
    return MentorFactory(
        mentor_profile__expertise="plum jam, fruit processing, winter food",
        mentor_profile__sectors=["food"],
    )


@pytest.fixture
def shop_mentor(app):
    return MentorFactory(
        mentor_profile__headline="Software for small shops",
        mentor_profile__expertise="web shop software, mobile app, online orders",
        mentor_profile__bio="Builds online shops.",
        mentor_profile__sectors=["ict"],
    )


def test_idea_record_carries_what_the_idea_offers_and_seeks(app):
    idea = IdeaFactory(offers="plum jam", seeks="glass jars")
    record = idea_record(idea)
    assert (record.offers, record.seeks) == ("plum jam", "glass jars")


def test_an_edit_matches_the_idea_again_with_what_it_now_says(app, jam_mentor, shop_mentor):
    owner = EntrepreneurFactory()
    idea = submit_idea(owner, JAM)
    assert set(proposals(idea.id)) == {jam_mentor.id}
    edit_idea(owner, idea.id, SHOP)
    assert set(proposals(idea.id)) == {shop_mentor.id}


def test_an_edit_keeps_the_matches_someone_acted_on(app, jam_mentor, shop_mentor):
    owner = EntrepreneurFactory()
    idea = submit_idea(owner, JAM)
    match = db.session.scalar(sa.select(Match).where(Match.mentor_id == jam_mentor.id))
    match.status = "declined"
    db.session.commit()
    edit_idea(owner, idea.id, SHOP)
    assert proposals(idea.id) == {jam_mentor.id: "declined", shop_mentor.id: "proposed"}


def test_an_edit_puts_the_idea_back_through_the_pipeline(app, jam_mentor):
    owner = EntrepreneurFactory()
    idea = submit_idea(owner, JAM)
    first_run = idea.matching_started_at
    result = edit_idea(owner, idea.id, {**JAM, "offers": "plum jam in jars"})
    assert result.rematch and result.changed == ("offers",)
    assert result.idea.status == "matched" and result.idea.matching_started_at > first_run


def test_an_edit_that_changes_nothing_does_not_match_again(app, jam_mentor):
    owner = EntrepreneurFactory()
    idea = submit_idea(owner, JAM)
    first_run = idea.matching_started_at
    result = edit_idea(owner, idea.id, dict(JAM))
    assert (result.changed, result.rematch) == ((), False)
    db.session.refresh(idea)
    assert idea.matching_started_at == first_run
    assert db.session.scalar(sa.select(AuditEntry).where(AuditEntry.action == "idea.edit")) is None


def test_changing_only_the_programme_does_not_match_again(app, jam_mentor):
    owner = EntrepreneurFactory()
    programme = Programme(name="Women in business 2026")
    db.session.add(programme)
    db.session.commit()
    enrol(LeadFactory(), programme, [owner.id])
    idea = submit_idea(owner, JAM)
    result = edit_idea(owner, idea.id, {**JAM, "programme_id": programme.id})
    assert (result.changed, result.rematch) == (("programme_id",), False)
    assert result.idea.programme_id == programme.id


def test_an_edit_naming_a_programme_she_is_not_in_is_refused(app):
    owner = EntrepreneurFactory()
    programme = Programme(name="Not hers")
    db.session.add(programme)
    idea = IdeaFactory(owner=owner)
    with pytest.raises(ValidationFailedError):
        edit_idea(owner, idea.id, {**JAM, "programme_id": programme.id})
    db.session.refresh(idea)
    assert idea.programme_id is None and idea.title != JAM["title"]


def test_only_the_owner_edits(app):
    idea = IdeaFactory()
    with pytest.raises(NotFoundError):
        edit_idea(EntrepreneurFactory(), idea.id, JAM)


def test_an_approved_pairing_freezes_the_idea(app):
    match = MatchFactory(status="approved")
    with pytest.raises(ConflictError):
        edit_idea(match.idea.owner, match.idea_id, JAM)
    with pytest.raises(ConflictError):
        withdraw_idea(match.idea.owner, match.idea_id)


def test_withdrawing_removes_undecided_proposals_and_keeps_answered_ones(app):
    idea = IdeaFactory(status="matched")
    kept = {
        MatchFactory(idea=idea, status="declined").id,
        MatchFactory(idea=idea, status="rejected").id,
    }
    MatchFactory(idea=idea, status="proposed")
    MatchFactory(idea=idea, status="accepted")
    MatchFactory(idea=idea, kind="partner", mentor=None, partner=PartnerFactory())
    withdraw_idea(idea.owner, idea.id)
    left = set(db.session.scalars(sa.select(Match.id).where(Match.idea_id == idea.id)))
    assert left == kept


def test_each_mentor_who_was_asked_is_told_once_in_her_language(app):
    idea = IdeaFactory(status="matched", title="Ajvar iz Leskovca")
    serbian = MentorFactory(locale="sr")
    english = MentorFactory(locale="en")
    MatchFactory(idea=idea, mentor=serbian, status="proposed")
    MatchFactory(idea=idea, mentor=english, status="accepted")
    withdraw_idea(idea.owner, idea.id)
    withdraw_idea(idea.owner, idea.id)
    [for_serbian], [for_english] = notices(serbian), notices(english)
    assert for_serbian.subject == "Ideja „Ajvar iz Leskovca“ je povučena"
    assert for_english.subject == "“Ajvar iz Leskovca” was withdrawn"


def test_the_mentors_who_want_each_e_mail_are_also_told_by_e_mail(app):
    idea = IdeaFactory(status="matched")
    mentor = MentorFactory(instant_emails=True)
    MatchFactory(idea=idea, mentor=mentor, status="proposed")
    withdraw_idea(idea.owner, idea.id)
    emails = db.session.scalars(sa.select(OutboxEmail).where(OutboxEmail.user_id == mentor.id))
    assert len(list(emails)) == 1


def test_a_mentor_who_declined_is_not_told(app):
    idea = IdeaFactory(status="matched")
    mentor = MentorFactory()
    MatchFactory(idea=idea, mentor=mentor, status="declined")
    withdraw_idea(idea.owner, idea.id)
    assert notices(mentor) == []


def test_a_withdrawn_idea_leaves_the_leads_approval_queue(app):
    idea = IdeaFactory(status="matched")
    MatchFactory(idea=idea, status="accepted")
    MatchFactory(idea=idea, kind="partner", mentor=None, partner=PartnerFactory())
    withdraw_idea(idea.owner, idea.id)
    queued = {m.idea_id for m in db.session.scalars(decisions.undecided_matches())}
    assert idea.id not in queued


def test_a_withdrawn_idea_leaves_the_pairing_plan(app):
    idea = IdeaFactory(status="matched", needs=["mentor"])
    other = IdeaFactory(status="matched", needs=["mentor"])
    MatchFactory(idea=idea, status="accepted")
    withdraw_idea(idea.owner, idea.id)
    plan = pairing.plan_pairings()
    planned = {row.idea.id for row in plan.rows} | {item.idea.id for item in plan.unpaired}
    assert planned == {other.id}


def test_a_proposal_withdrawn_with_its_idea_can_no_longer_be_reviewed(app):
    idea = IdeaFactory(status="matched")
    mentor = MentorFactory()
    match_id = MatchFactory(idea=idea, mentor=mentor, status="proposed").id
    withdraw_idea(idea.owner, idea.id)
    with pytest.raises(ProposalWithdrawnError) as refused:
        review_match(mentor, match_id, "accept")
    assert refused.value.reason == "idea_withdrawn" and "withdrew it" in refused.value.message


def test_a_queued_matching_task_leaves_a_withdrawn_idea_alone(app, jam_mentor):
    idea = IdeaFactory(status="submitted", **{k: JAM[k] for k in ("title", "description")})
    withdraw_idea(idea.owner, idea.id)
    assert matching.match_idea(idea.id) == "withdrawn"
    db.session.refresh(idea)
    assert (idea.status, proposals(idea.id)) == ("withdrawn", {})


def test_proposals_ranked_before_the_withdrawal_are_not_stored(app, jam_mentor):
    idea = IdeaFactory(status="matching")
    withdraw_idea(idea.owner, idea.id)
    ranked = {"mentor": [RankedMatch("mentor", jam_mentor.id, 0.9, 1, ())]}
    matching.store_matches(idea.id, ranked)
    db.session.refresh(idea)
    assert (idea.status, proposals(idea.id)) == ("withdrawn", {})


def test_re_matching_open_ideas_skips_a_withdrawn_one(app, jam_mentor):
    idea = IdeaFactory(status="matched", **{k: JAM[k] for k in ("title", "description")})
    withdraw_idea(idea.owner, idea.id)
    matching.rematch_open_ideas()
    assert proposals(idea.id) == {}


def test_withdrawing_leaves_an_audit_entry_with_what_was_withdrawn(app):
    idea = IdeaFactory(status="matched")
    match = MatchFactory(idea=idea, status="proposed")
    match_id, mentor_id = match.id, match.mentor_id
    withdraw_idea(idea.owner, idea.id)
    entry = db.session.scalar(sa.select(AuditEntry).where(AuditEntry.action == "idea.withdraw"))
    assert (entry.object_id, entry.before_status, entry.after_status) == (
        idea.id,
        "matched",
        "withdrawn",
    )
    assert entry.details["withdrawn_matches"] == [
        {"id": match_id, "kind": "mentor", "target_id": mentor_id, "status": "proposed"}
    ]


def test_only_the_owner_withdraws(app):
    idea = IdeaFactory(status="matched")
    with pytest.raises(NotFoundError):
        withdraw_idea(EntrepreneurFactory(), idea.id)
    assert db.session.get(Idea, idea.id).status == "matched"
