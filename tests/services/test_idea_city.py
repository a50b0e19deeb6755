"""An idea's own city: where the business is, which matching reads for "same region"."""

from __future__ import annotations

import sqlalchemy as sa

from mentorship.extensions import db
from mentorship.infrastructure.candidates import idea_record
from mentorship.models import Match
from mentorship.services.idea_changes import edit_idea
from mentorship.services.ideas import submit_idea
from tests.factories import EntrepreneurFactory, IdeaFactory, MentorFactory

JAM = {
    "title": "Plum jam for hotels",
    "description": "Homemade plum jam and winter food from local orchards, sold to hotels.",
    "sector": "food",
    "needs": ["mentor"],
}


def _owner_in(city: str):
    return EntrepreneurFactory(entrepreneur_profile__city=city)


def test_an_idea_with_a_city_is_placed_there_not_at_the_owners_address(app):
    idea = IdeaFactory(owner=_owner_in("Beograd"), city="Niš")
    assert idea_record(idea).city == "Niš"


def test_an_idea_without_a_city_is_placed_at_the_owners_profile_city(app):
    idea = IdeaFactory(owner=_owner_in("Beograd"))
    assert idea.city == "" and idea_record(idea).city == "Beograd"


def _region_reasons(idea_id: int, mentor_id: int) -> list[str]:
    reasons = db.session.scalar(
        sa.select(Match.reasons).where(Match.idea_id == idea_id, Match.mentor_id == mentor_id)
    )
    return [reason for reason in reasons if reason.startswith("Same region")]


def test_same_region_follows_the_ideas_city(app):
    mentor = MentorFactory(mentor_profile__city="Niš", mentor_profile__expertise="plum jam")
    in_nis = submit_idea(_owner_in("Beograd"), JAM | {"city": "Niš"})
    at_home = submit_idea(_owner_in("Beograd"), JAM | {"title": "Plum jam from Belgrade"})
    assert _region_reasons(in_nis.id, mentor.id) == ["Same region: Nišava"]
    assert _region_reasons(at_home.id, mentor.id) == []


def test_changing_the_city_matches_the_idea_again(app):
    owner = _owner_in("Beograd")
    idea = submit_idea(owner, JAM)
    result = edit_idea(owner, idea.id, JAM | {"city": "Niš"})
    assert result.changed == ("city",) and result.rematch


def test_an_import_sets_the_ideas_city(app):
    from mentorship.models import Idea
    from tests.services.test_imports import check, csv_bytes, run

    EntrepreneurFactory(email="ana@example.rs")
    run(
        check(
            "ideas",
            csv_bytes(
                "owner_email,title,description,city", "ana@example.rs,Plum jam,Jam from plums,Niš"
            ),
        )
    )
    assert db.session.scalars(sa.select(Idea)).one().city == "Niš"
