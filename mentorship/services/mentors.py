"""Mentor administration for the lead: approval, deactivation, current load.

A mentor's load is the number of distinct entrepreneurs she mentors (approved mentor matches,
counted by idea owner): a second idea of the same entrepreneur takes no new place.
"""

from __future__ import annotations

from datetime import datetime, timezone

import sqlalchemy as sa
from flask_babel import gettext as _
from flask_babel import ngettext
from sqlalchemy.orm import contains_eager
from sqlalchemy.orm.attributes import set_committed_value

from mentorship import task_names
from mentorship.extensions import db
from mentorship.infrastructure.background import enqueue
from mentorship.infrastructure.locking import lock_mentor_profile
from mentorship.models import (
    Idea,
    Match,
    MatchKind,
    MatchStatus,
    MentorProfile,
    MentorStatus,
    Role,
    User,
)
from mentorship.search import contains_folded
from mentorship.services import audit
from mentorship.services.errors import (
    ConflictError,
    NotFoundError,
    PermissionDeniedError,
    ValidationFailedError,
)


def mentors_query(status: str | None = None, search: str = "") -> sa.Select:
    statement = (
        sa.select(User)
        .join(MentorProfile)
        .options(contains_eager(User.mentor_profile))
        .where(User.role == Role.MENTOR.value)
        .order_by(User.name, User.id)
    )
    if status:
        statement = statement.where(MentorProfile.status == status)
    if search.strip():
        statement = statement.where(contains_folded(search, User.name, User.email))
    return statement


def _approved_mentor_matches() -> sa.Select:
    return (
        sa.select(Match.mentor_id, Idea.owner_id)
        .join(Idea, Idea.id == Match.idea_id)
        .where(
            Match.kind == MatchKind.MENTOR.value,
            Match.status == MatchStatus.APPROVED.value,
            Match.ended_at.is_(None),
        )
    )


def mentor_loads(mentor_ids: list[int]) -> dict[int, int]:
    """Distinct entrepreneurs each mentor mentors, the number capacity bounds."""
    if not mentor_ids:
        return {}
    pairs = _approved_mentor_matches().where(Match.mentor_id.in_(mentor_ids)).distinct().subquery()
    rows = db.session.execute(
        sa.select(pairs.c.mentor_id, sa.func.count()).group_by(pairs.c.mentor_id)
    )
    loads = {mentor_id: 0 for mentor_id in mentor_ids}
    loads.update({mentor_id: count for mentor_id, count in rows})
    return loads


def loads_and_mentored(
    mentor_ids: list[int], entrepreneur_ids: set[int]
) -> tuple[dict[int, int], set[tuple[int, int]]]:
    """`mentor_loads(mentor_ids)` and `mentored_entrepreneurs` of those mentors, in one query.

    The (entrepreneur, mentor) pairs are those of the given mentors only.
    """
    if not mentor_ids:
        return {}, set()
    pairs = set(
        db.session.execute(
            _approved_mentor_matches().where(Match.mentor_id.in_(mentor_ids)).distinct()
        )
    )
    loads = {mentor_id: 0 for mentor_id in mentor_ids}
    for mentor_id, _owner_id in pairs:
        loads[mentor_id] += 1
    mentored = {
        (owner_id, mentor_id) for mentor_id, owner_id in pairs if owner_id in entrepreneur_ids
    }
    return loads, mentored


def own_profile_and_places(mentor: User) -> tuple[MentorProfile | None, int]:
    """The mentor's profile (now loaded on `mentor` too) and her free places, in one query."""
    load = (
        sa.select(sa.func.count())
        .select_from(
            _approved_mentor_matches().where(Match.mentor_id == mentor.id).distinct().subquery()
        )
        .scalar_subquery()
    )
    found = db.session.execute(
        sa.select(MentorProfile, load).where(MentorProfile.user_id == mentor.id)
    ).first()
    profile, places = (found[0], max(0, found[0].capacity - found[1])) if found else (None, 0)
    set_committed_value(mentor, "mentor_profile", profile)
    return profile, places


def mentors_entrepreneur(mentor_id: int, entrepreneur_id: int) -> bool:
    """Whether the mentor already has an approved pairing with one of the entrepreneur's ideas."""
    statement = _approved_mentor_matches().where(
        Match.mentor_id == mentor_id, Idea.owner_id == entrepreneur_id
    )
    return db.session.scalar(sa.select(statement.exists())) or False


def mentored_entrepreneurs(entrepreneur_ids: set[int]) -> set[tuple[int, int]]:
    """(entrepreneur, mentor) pairs already approved, for the given entrepreneurs."""
    if not entrepreneur_ids:
        return set()
    statement = _approved_mentor_matches().where(Idea.owner_id.in_(sorted(entrepreneur_ids)))
    return {(owner_id, mentor_id) for mentor_id, owner_id in db.session.execute(statement)}


def remaining_capacities(mentor_ids: set[int]) -> dict[int, int]:
    """Places left per mentor: capacity minus entrepreneurs she mentors, never below zero.

    One query (capacities and loads together): pages with reasons ask for it on every render.
    """
    if not mentor_ids:
        return {}
    pairs = (
        _approved_mentor_matches().where(Match.mentor_id.in_(sorted(mentor_ids))).distinct()
    ).subquery()
    loads = (
        sa.select(pairs.c.mentor_id, sa.func.count().label("load"))
        .group_by(pairs.c.mentor_id)
        .subquery()
    )
    rows = db.session.execute(
        sa.select(MentorProfile.user_id, MentorProfile.capacity, loads.c.load)
        .outerjoin(loads, loads.c.mentor_id == MentorProfile.user_id)
        .where(MentorProfile.user_id.in_(sorted(mentor_ids)))
    )
    places = {user_id: max(0, capacity - (load or 0)) for user_id, capacity, load in rows}
    return {mentor_id: places[mentor_id] for mentor_id in mentor_ids}


def get_mentor(mentor_id: int) -> User:
    user = db.session.get(User, mentor_id)
    if user is None or not user.is_mentor or user.mentor_profile is None:
        raise NotFoundError(_("Mentor not found."))
    return user


def set_mentor_status(actor: User, mentor: User, status: str) -> User:
    """Approve (activate) or deactivate a mentor; matching learns of it in the background."""
    if not actor.is_lead:
        raise PermissionDeniedError(_("Only the programme lead approves mentors."))
    profile = mentor.mentor_profile
    before = profile.status
    if before == status:
        raise ConflictError(
            _("This mentor is already active.")
            if status == MentorStatus.ACTIVE.value
            else _("This mentor is already inactive.")
        )
    profile.status = status
    if status == MentorStatus.ACTIVE.value:
        profile.activated_at = datetime.now(timezone.utc)
    action = "mentor.approve" if status == MentorStatus.ACTIVE.value else "mentor.deactivate"
    audit.record(actor, action, "user", mentor.id, before=before, after=status)
    db.session.commit()
    enqueue(task_names.CANDIDATE_CHANGED, "mentor", mentor.id)
    return mentor


def check_capacity(mentor: User, capacity: int, *, own: bool) -> None:
    """A capacity below the entrepreneurs she mentors now is refused, naming both numbers.

    Her pairings stand whatever the number, so a lower one would only hide that she is over
    it; it can go down once pairings end. Locks her profile first, like an approval does.
    """
    lock_mentor_profile(mentor.id)
    load = mentor_loads([mentor.id])[mentor.id]
    if capacity >= load:
        return
    if own:
        message = ngettext(
            "You mentor %(num)d entrepreneur now, so your capacity cannot be lower than "
            "%(num)d. You can lower it when a pairing ends.",
            "You mentor %(num)d entrepreneurs now, so your capacity cannot be lower than "
            "%(num)d. You can lower it when a pairing ends.",
            load,
        )
    else:
        message = ngettext(
            "%(name)s mentors %(num)d entrepreneur now, so her capacity cannot be lower than "
            "%(num)d.",
            "%(name)s mentors %(num)d entrepreneurs now, so her capacity cannot be lower than "
            "%(num)d.",
            load,
            name=mentor.name,
        )
    raise ValidationFailedError(message, {"capacity": [message]})


def set_mentor_capacity(actor: User, mentor: User, capacity: int) -> User:
    """The lead changes how many entrepreneurs a mentor can take; audited with both values."""
    if not actor.is_lead:
        raise PermissionDeniedError(_("Only the programme lead changes a mentor's capacity."))
    profile = mentor.mentor_profile
    before = profile.capacity
    if capacity == before:
        return mentor
    try:
        check_capacity(mentor, capacity, own=False)
    except ValidationFailedError:
        db.session.rollback()
        raise
    profile.capacity = capacity
    record_capacity_change(actor, mentor, before, capacity)
    db.session.commit()
    enqueue(task_names.CANDIDATE_CHANGED, "mentor", mentor.id)
    return mentor


def record_capacity_change(actor: User, mentor: User, before: int, after: int) -> None:
    audit.record(
        actor,
        "mentor.capacity",
        "user",
        mentor.id,
        before=str(before),
        after=str(after),
        details={"changes": {"capacity": {"before": before, "after": after}}},
    )
