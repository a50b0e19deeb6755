"""Turns database rows into the matching library's plain records."""

from __future__ import annotations

import logging

import sqlalchemy as sa

from matching import ClusterRecord, IdeaRecord, MentorRecord, PartnerRecord
from mentorship.extensions import db
from mentorship.models import Cluster, Idea, Match, MentorProfile, Partner, Role, User
from mentorship.services.mentors import mentor_loads, mentored_entrepreneurs

log = logging.getLogger(__name__)
Key = tuple[str, int]
Record = MentorRecord | PartnerRecord | ClusterRecord


def idea_records(ideas: list[Idea]) -> list[IdeaRecord]:
    """`idea_record` of each idea, with the mentors who already mentor its entrepreneur."""
    pairs = mentored_entrepreneurs({idea.owner_id for idea in ideas})
    mentors_of: dict[int, list[int]] = {}
    for owner_id, mentor_id in sorted(pairs):
        mentors_of.setdefault(owner_id, []).append(mentor_id)
    return [idea_record(idea, tuple(mentors_of.get(idea.owner_id, ()))) for idea in ideas]


def idea_record(idea: Idea, own_mentors: tuple[int, ...] = ()) -> IdeaRecord:
    """The idea as matching sees it.

    "Same region" is where the business is: the idea's own city, else the owner's profile city.
    An idea with an approved mentor no longer looks for mentors, so re-matching proposes none
    (and withdraws any left over) while partners and clusters are still matched.
    """
    profile = idea.owner.entrepreneur_profile if idea.owner else None
    needs = tuple(
        need for need in (idea.needs or ()) if not (need == "mentor" and idea.has_approved_mentor)
    )
    return IdeaRecord(
        id=idea.id,
        title=idea.title,
        description=idea.description,
        sector=idea.sector,
        stage=idea.stage,
        needs=needs,
        languages=tuple(profile.languages or ()) if profile else (),
        city=idea.city or (profile.city if profile else ""),
        country=profile.country if profile else "",
        offers=idea.offers or "",
        seeks=idea.seeks or "",
        own_mentors=own_mentors,
    )


def candidate_records() -> dict[Key, Record]:
    """Every candidate as the library sees it, capacity left included."""
    records: dict[Key, Record] = {}
    mentors = db.session.execute(
        sa.select(User, MentorProfile).join(MentorProfile).where(User.role == Role.MENTOR.value)
    ).all()
    loads = mentor_loads([user.id for user, _ in mentors])
    for user, profile in mentors:
        records[("mentor", user.id)] = MentorRecord(
            id=user.id,
            name=user.name,
            headline=profile.headline,
            bio=profile.bio,
            expertise=profile.expertise,
            sectors=tuple(profile.sectors or ()),
            languages=tuple(profile.languages or ()),
            city=profile.city,
            remaining_capacity=profile.capacity - loads.get(user.id, 0),
            active=profile.status == "active",
        )
    for partner in db.session.scalars(sa.select(Partner)):
        records[("partner", partner.id)] = PartnerRecord(
            id=partner.id,
            name=partner.name,
            description=partner.description,
            offers=partner.offers,
            seeks=partner.seeks,
            sector=partner.sector,
            city=partner.city,
            country=partner.country,
            export_oriented=partner.export_oriented,
        )
    for cluster in db.session.scalars(sa.select(Cluster)):
        records[("cluster", cluster.id)] = ClusterRecord(
            id=cluster.id,
            name=cluster.name,
            description=cluster.description,
            sector=cluster.sector,
            region=cluster.region,
            members=cluster.members or "",
        )
    return records


def directory_fingerprint() -> tuple:
    """A cheap summary that changes whenever any candidate or any mentor's load changes.

    Loading every candidate costs about half a second at 10k of them; this one query lets a
    worker skip that when nothing changed since its last sync.
    """
    approved = sa.and_(Match.kind == "mentor", Match.status == "approved")
    tables = [
        (MentorProfile, MentorProfile.updated_at, sa.true()),
        (User, User.updated_at, User.role == Role.MENTOR.value),
        (Partner, Partner.updated_at, sa.true()),
        (Cluster, Cluster.updated_at, sa.true()),
        (Match, Match.id, approved),
    ]
    columns = []
    for model, changed, condition in tables:
        key = sa.inspect(model).primary_key[0]
        for aggregate in (sa.func.count(), sa.func.max(changed), sa.func.sum(key)):
            columns.append(
                sa.select(aggregate).select_from(model).where(condition).scalar_subquery()
            )
    return tuple(str(value) for value in db.session.execute(sa.select(*columns)).one())
