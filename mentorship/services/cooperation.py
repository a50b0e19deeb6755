"""EEN-style cooperation profiles: a partner company's contact person publishes offers and
requests for her company, an entrepreneur for one of her ideas. Everyone taking part in the
programme reads them; only the author (or the lead) changes or removes one."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from flask_babel import gettext as _

from mentorship.contract.fields import DESCRIPTION_MAX, NAME_MAX
from mentorship.extensions import db
from mentorship.models import (
    PROFILE_AREAS,
    PROFILE_COOPERATION_TYPES,
    PROFILE_KINDS,
    CooperationProfile,
    Idea,
    IdeaStatus,
    User,
)
from mentorship.services.errors import NotFoundError, PermissionDeniedError, ValidationFailedError
from mentorship.services.events.setup import contact_partner

CHOICES = {
    "kind": PROFILE_KINDS,
    "area": PROFILE_AREAS,
    "cooperation_type": PROFILE_COOPERATION_TYPES,
}


def can_publish(user: User) -> bool:
    return user.is_entrepreneur or (user.is_partner_contact and contact_partner(user) is not None)


def _visible(user: User) -> None:
    if user.is_partner_contact and contact_partner(user) is None:
        raise NotFoundError(_("Cooperation profile not found."))
    if user.is_mentor:
        raise NotFoundError(_("Cooperation profile not found."))


def list_profiles(user: User, filters: dict[str, Any] | None = None) -> sa.Select:
    """Published profiles, newest first; ``mine`` keeps the user's own."""
    _visible(user)
    filters = filters or {}
    statement = sa.select(CooperationProfile).order_by(
        CooperationProfile.created_at.desc(), CooperationProfile.id.desc()
    )
    for name in CHOICES:
        if filters.get(name):
            statement = statement.where(getattr(CooperationProfile, name) == filters[name])
    if filters.get("mine"):
        statement = statement.where(CooperationProfile.author_id == user.id)
    return statement


def may_read(user: User) -> bool:
    """Whoever reads the cooperation list: not mentors, nor contacts still waiting."""
    try:
        _visible(user)
    except NotFoundError:
        return False
    return True


def partner_profiles(user: User, partner_id: int) -> list[CooperationProfile] | None:
    """The partner company's profiles for its directory page, newest first; None when the
    user may not read cooperation profiles at all (the page then leaves them out)."""
    if not may_read(user):
        return None
    return list(
        db.session.scalars(
            sa.select(CooperationProfile)
            .where(CooperationProfile.partner_id == partner_id)
            .order_by(CooperationProfile.created_at.desc(), CooperationProfile.id.desc())
        )
    )


def get_profile(user: User, profile_id: int) -> CooperationProfile:
    _visible(user)
    profile = db.session.get(CooperationProfile, profile_id)
    if profile is None:
        raise NotFoundError(_("Cooperation profile not found."))
    return profile


def own_profile(user: User, profile_id: int) -> CooperationProfile:
    """A profile the user may change: her own (the lead may remove any); else 404."""
    profile = get_profile(user, profile_id)
    if profile.author_id != user.id and not user.is_lead:
        raise NotFoundError(_("Cooperation profile not found."))
    return profile


def _clean(data: dict[str, Any]) -> dict[str, Any]:
    problems: dict[str, list[str]] = {}
    clean = {}
    for name, allowed in CHOICES.items():
        value = data.get(name)
        if value not in allowed:
            problems[name] = [_("Choose one of: %(values)s.", values=", ".join(allowed))]
        clean[name] = value
    title = " ".join((data.get("title") or "").split())
    if not title or len(title) > NAME_MAX:
        problems["title"] = [_("Give a title of up to %(max)d characters.", max=NAME_MAX)]
    description = (data.get("description") or "").strip()
    if len(description) > DESCRIPTION_MAX:
        problems["description"] = [
            _("Keep the description under %(max)d characters.", max=DESCRIPTION_MAX)
        ]
    if problems:
        raise ValidationFailedError(_("Please correct the cooperation profile."), problems)
    return {**clean, "title": title, "description": description}


def _idea_of(user: User, idea_id: int | None) -> Idea:
    idea = db.session.get(Idea, idea_id) if idea_id else None
    if idea is None or idea.owner_id != user.id or idea.status == IdeaStatus.WITHDRAWN:
        raise ValidationFailedError(
            _("Choose the idea the profile is for."), {"idea_id": [_("Choose one of your ideas.")]}
        )
    return idea


def create_profile(user: User, data: dict[str, Any]) -> CooperationProfile:
    if not can_publish(user):
        raise PermissionDeniedError(
            _("Entrepreneurs and approved partner contact people publish cooperation profiles.")
        )
    clean = _clean(data)
    profile = CooperationProfile(author_id=user.id, **clean)
    if user.is_entrepreneur:
        profile.idea_id = _idea_of(user, data.get("idea_id")).id
    else:
        profile.partner_id = contact_partner(user).id
    db.session.add(profile)
    db.session.commit()
    return profile


def update_profile(user: User, profile: CooperationProfile, data: dict[str, Any]) -> None:
    if profile.author_id != user.id:
        raise NotFoundError(_("Cooperation profile not found."))
    merged = {name: getattr(profile, name) for name in (*CHOICES, "title", "description")}
    merged.update({k: v for k, v in data.items() if k in merged and v is not None})
    clean = _clean(merged)
    if profile.idea_id is not None and data.get("idea_id"):
        profile.idea_id = _idea_of(user, data["idea_id"]).id
    for name, value in clean.items():
        setattr(profile, name, value)
    db.session.commit()


def delete_profile(user: User, profile: CooperationProfile) -> None:
    if profile.author_id != user.id and not user.is_lead:
        raise NotFoundError(_("Cooperation profile not found."))
    db.session.delete(profile)
    db.session.commit()
