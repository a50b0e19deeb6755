"""The web side of matching in embedded mode: ranking runs in-process and proposals are stored."""

from __future__ import annotations

import sqlalchemy as sa

from matching import MatchIndex
from mentorship.extensions import db
from mentorship.infrastructure.candidates import idea_record
from mentorship.infrastructure.index_holder import IndexHolder, holder
from mentorship.models import Idea, Match
from mentorship.services import matching
from mentorship.services.ideas import submit_idea
from mentorship.services.mentors import get_mentor, set_mentor_status
from tests.factories import (
    ClusterFactory,
    EntrepreneurFactory,
    LeadFactory,
    MatchFactory,
    MentorFactory,
    PartnerFactory,
)

JAM_IDEA = {
    "title": "Plum jam for hotels",
    "description": "Homemade plum jam and winter food from Merošina orchards, sold to hotels.",
    "sector": "food",
}


def matches_of(idea_id: int, kind: str | None = None) -> list[Match]:
    statement = sa.select(Match).where(Match.idea_id == idea_id).order_by(Match.kind, Match.rank)
    if kind:
        statement = statement.where(Match.kind == kind)
    return list(db.session.scalars(statement))


def test_submitting_an_idea_matches_it_in_process(app):
    MentorFactory(mentor_profile__expertise="jam, fruit processing, food safety, export")
    PartnerFactory(name="Hotel SUMATOVAC", seeks="local food, jam, honey")
    ClusterFactory(name="Nis Region Agro Start Up Cluster")
    idea = submit_idea(EntrepreneurFactory(), JAM_IDEA)
    assert idea.status == "matched"
    assert {m.kind for m in matches_of(idea.id)} == {"mentor", "partner", "cluster"}


def test_stored_proposals_carry_rank_score_and_reasons(app):
    for expertise in ("jam and fruit processing", "plum orchards and jam", "software for shops"):
        MentorFactory(mentor_profile__expertise=expertise)
    idea = submit_idea(EntrepreneurFactory(), JAM_IDEA | {"needs": ["mentor"]})
    proposals = matches_of(idea.id, "mentor")
    assert [m.rank for m in proposals] == list(range(1, len(proposals) + 1))
    assert all(0 <= m.score <= 1 and m.reasons for m in proposals)


def test_a_pending_mentor_is_never_proposed(app):
    MentorFactory(mentor_profile__status="pending", mentor_profile__expertise="plum jam")
    active = MentorFactory(mentor_profile__expertise="plum jam")
    idea = submit_idea(EntrepreneurFactory(), JAM_IDEA | {"needs": ["mentor"]})
    assert {m.mentor_id for m in matches_of(idea.id)} == {active.id}


def test_a_mentor_without_capacity_left_is_never_proposed(app):
    full = MentorFactory(mentor_profile__capacity=1, mentor_profile__expertise="plum jam, hotels")
    free = MentorFactory(mentor_profile__capacity=1, mentor_profile__expertise="plum jam, hotels")
    MatchFactory(mentor=full, status="approved")
    idea = submit_idea(EntrepreneurFactory(), JAM_IDEA | {"needs": ["mentor"]})
    assert {m.mentor_id for m in matches_of(idea.id)} == {free.id}


def test_activating_a_mentor_proposes_her_to_open_ideas(app):
    pending = MentorFactory(
        mentor_profile__status="pending", mentor_profile__expertise="plum jam, hotels"
    )
    idea = submit_idea(EntrepreneurFactory(), JAM_IDEA | {"needs": ["mentor"]})
    set_mentor_status(LeadFactory(), get_mentor(pending.id), "active")
    assert pending.id in {m.mentor_id for m in matches_of(idea.id)}


def test_a_rematch_keeps_matches_someone_acted_on(app):
    mentor = MentorFactory(mentor_profile__expertise="plum jam and fruit processing")
    idea = submit_idea(EntrepreneurFactory(), JAM_IDEA | {"needs": ["mentor"]})
    accepted = matches_of(idea.id, "mentor")[0]
    accepted.status, accepted.review_note = "accepted", "Gladly"
    db.session.commit()
    matching.match_idea(idea.id)
    kept = db.session.get(Match, accepted.id)
    assert (kept.status, kept.mentor_id, len(matches_of(idea.id))) == ("accepted", mentor.id, 1)


def test_a_candidate_deleted_while_ranking_is_not_stored(app):
    partner = PartnerFactory(name="Hotel SUMATOVAC", seeks="local food, jam, honey")
    idea = Idea(
        owner=EntrepreneurFactory(),
        title="Jam",
        description="Plum jam for hotels",
        needs=["partner"],
        status="matching",
    )
    db.session.add(idea)
    db.session.commit()
    ranked = holder.synced().rank(idea_record(idea))
    assert ranked["partner"], "the partner should rank before it is deleted"
    db.session.delete(partner)
    db.session.commit()
    matching.store_matches(idea.id, ranked)
    assert (idea.status, matches_of(idea.id)) == ("matched", [])


def test_an_idea_with_empty_candidates_is_matched_with_no_proposals(app):
    idea = submit_idea(EntrepreneurFactory(), JAM_IDEA)
    assert (idea.status, matches_of(idea.id)) == ("matched", [])


def test_rematching_open_ideas_ranks_each_of_them(app):
    MentorFactory(mentor_profile__expertise="plum jam and fruit processing")
    owner = EntrepreneurFactory()
    ideas = [
        Idea(owner=owner, title=f"Jam {n}", description="Plum jam for hotels", needs=["mentor"])
        for n in range(3)
    ]
    db.session.add_all(ideas)
    db.session.commit()
    assert matching.rematch_open_ideas() == 3
    assert all(len(matches_of(idea.id)) == 1 for idea in ideas)


def test_the_rebuild_command_refits_and_rematches(app, runner):
    MentorFactory(mentor_profile__expertise="plum jam and fruit processing")
    owner = EntrepreneurFactory()
    idea = Idea(owner=owner, title="Jam", description="Plum jam for hotels", needs=["mentor"])
    db.session.add(idea)
    db.session.commit()
    result = runner.invoke(args=["matching", "rebuild"])
    assert "Re-matched 1 open ideas" in result.output and len(matches_of(idea.id)) == 1


def test_a_new_fit_saved_by_another_process_is_picked_up(app):
    MentorFactory(mentor_profile__expertise="plum jam and fruit processing")
    holder.synced()
    other_process = IndexHolder()
    other_process.rebuild()
    holder.synced()
    assert holder.generation == other_process.generation


def test_a_rematch_keeps_the_rows_of_proposals_that_stay(app):
    MentorFactory(mentor_profile__expertise="plum jam and fruit processing")
    idea = submit_idea(EntrepreneurFactory(), JAM_IDEA | {"needs": ["mentor"]})
    before = [m.id for m in matches_of(idea.id)]
    matching.rematch_open_ideas()
    db.session.expire_all()
    assert [m.id for m in matches_of(idea.id)] == before


def test_one_idea_the_engine_fails_on_does_not_stop_a_rematch(app, monkeypatch):
    """A content-free idea once crashed the engine, and with it every re-match of all open
    ideas that a new partner or cluster started: nobody got the new candidate."""
    PartnerFactory(name="Hotel SUMATOVAC", seeks="local food, jam, honey")
    first = submit_idea(EntrepreneurFactory(), JAM_IDEA | {"needs": ["cluster"]})
    odd = submit_idea(EntrepreneurFactory(), JAM_IDEA | {"needs": ["cluster"]})
    assert matches_of(first.id) == [] and matches_of(odd.id) == []
    ClusterFactory(name="Nis Region Agro Start Up Cluster")
    rank_many = MatchIndex.rank_many

    def failing_rank_many(self, ideas, **options):
        if any(idea.id == odd.id for idea in ideas):
            raise KeyError("general")
        return rank_many(self, ideas, **options)

    monkeypatch.setattr(MatchIndex, "rank_many", failing_rank_many)
    assert matching.rematch_open_ideas(kinds=("cluster",)) == 2
    assert [m.kind for m in matches_of(first.id)] == ["cluster"]
    assert matches_of(odd.id) == []
