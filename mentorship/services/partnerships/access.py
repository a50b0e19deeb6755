"""Who takes part in an approved introduction, and who may see it.

A partner introduction's sides are the entrepreneur who owns the idea and the partner company's
contact people (PartnerContact); a cluster introduction's are the entrepreneur and the programme
lead. To anybody else, and for a match that is not an approved partner or cluster introduction,
it does not exist (NotFoundError, a 404), so ids reveal nothing.
"""

from __future__ import annotations

import sqlalchemy as sa
from flask_babel import gettext as _
from sqlalchemy.orm import selectinload

from mentorship.extensions import db
from mentorship.models import (
    ContactStatus,
    Idea,
    Match,
    MatchKind,
    MatchStatus,
    PartnerContact,
    Role,
    User,
)
from mentorship.services.errors import ConflictError, NotFoundError

INTRODUCTION_KINDS = (MatchKind.PARTNER.value, MatchKind.CLUSTER.value)


_ACTIVE_CONTACT = PartnerContact.status == ContactStatus.ACTIVE.value


def _partner_ids(user: User) -> set[int]:
    """The companies the user speaks for: none until the lead approved her (self-registered)."""
    return set(
        db.session.scalars(
            sa.select(PartnerContact.partner_id).where(
                PartnerContact.user_id == user.id, _ACTIVE_CONTACT
            )
        )
    )


def is_side(user: User, match: Match) -> bool:
    if match.idea.owner_id == user.id:
        return True
    if match.kind == MatchKind.PARTNER.value:
        return match.partner_id is not None and match.partner_id in _partner_ids(user)
    return user.role == Role.LEAD.value


def introductions_query():
    return (
        sa.select(Match)
        .where(Match.kind.in_(INTRODUCTION_KINDS), Match.status == MatchStatus.APPROVED.value)
        .options(
            selectinload(Match.idea).selectinload(Idea.owner),
            selectinload(Match.partner),
            selectinload(Match.cluster),
        )
    )


def get_introduction(user: User, match_id: int) -> Match:
    match = db.session.scalar(introductions_query().where(Match.id == match_id))
    if match is None or not is_side(user, match):
        raise NotFoundError(_("Introduction not found."))
    return match


def my_introductions(user: User) -> list[Match]:
    """The approved introductions the user is a side of, newest decision first."""
    statement = introductions_query()
    if user.role == Role.PARTNER.value:
        statement = statement.where(Match.partner_id.in_(_partner_ids(user) or {0}))
    elif user.role == Role.LEAD.value:
        statement = statement.where(Match.kind == MatchKind.CLUSTER.value)
    else:
        statement = statement.join(Idea, Idea.id == Match.idea_id).where(Idea.owner_id == user.id)
    return list(
        db.session.scalars(statement.order_by(Match.decided_at.desc().nullslast(), Match.id.desc()))
    )


def other_side(match: Match, user: User) -> list[User]:
    """Who hears about what `user` writes or records on the introduction."""
    if match.idea.owner_id != user.id:
        return [match.idea.owner]
    if match.kind == MatchKind.PARTNER.value:
        return list(
            db.session.scalars(
                sa.select(User)
                .join(PartnerContact, PartnerContact.user_id == User.id)
                .where(PartnerContact.partner_id == match.partner_id, _ACTIVE_CONTACT)
                .order_by(User.id)
            )
        )
    return list(
        db.session.scalars(sa.select(User).where(User.role == Role.LEAD.value).order_by(User.id))
    )


def ensure_open(match: Match) -> None:
    if match.is_ended:
        raise ConflictError(_("This introduction has ended: its partner or cluster left."))
