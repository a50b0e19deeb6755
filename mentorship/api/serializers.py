"""Model objects to the contract's JSON shapes."""

from __future__ import annotations

from typing import Any

from mentorship.contract.accounts import ENTREPRENEUR_FIELDS, MENTOR_FIELDS
from mentorship.contract.cooperation import CooperationProfile as CooperationProfileAnswer
from mentorship.models import (
    Cluster,
    CooperationProfile,
    Idea,
    Match,
    Partner,
    PartnerContact,
    User,
)
from mentorship.models.base import isoformat_utc
from mentorship.reasons import without_capacity


def account_json(user: User) -> dict[str, Any]:
    return {
        "id": user.id,
        "email": user.email,
        "name": user.name,
        "role": user.role,
        "status": user.status,
    }


def profile_json(user: User) -> dict[str, Any]:
    if user.is_entrepreneur and user.entrepreneur_profile is not None:
        profile, names = user.entrepreneur_profile, ENTREPRENEUR_FIELDS
    elif user.is_mentor and user.mentor_profile is not None:
        profile, names = user.mentor_profile, MENTOR_FIELDS
    else:
        return {}
    return {name: _copy(getattr(profile, name)) for name in names}


def me_json(user: User) -> dict[str, Any]:
    return {
        **account_json(user),
        "profile": profile_json(user),
        "created_at": isoformat_utc(user.created_at),
    }


def idea_json(idea: Idea) -> dict[str, Any]:
    return {
        "id": idea.id,
        "owner_id": idea.owner_id,
        "title": idea.title,
        "description": idea.description,
        "sector": idea.sector,
        "stage": idea.stage,
        "needs": list(idea.needs or []),
        "offers": idea.offers or "",
        "seeks": idea.seeks or "",
        "city": idea.city or "",
        "programme_id": idea.programme_id,
        "module_id": idea.module_id,
        "status": idea.status,
        "created_at": isoformat_utc(idea.created_at),
        "updated_at": isoformat_utc(idea.updated_at),
    }


def match_json(match: Match) -> dict[str, Any]:
    body = {
        "id": match.id,
        "idea_id": match.idea_id,
        "kind": match.kind,
        "target": {"id": match.target_id, "name": match.target_name},
        "score": float(match.score),
        "rank": match.rank,
        "reasons": without_capacity(list(match.reasons or [])),
        "status": match.status,
        "created_at": isoformat_utc(match.created_at),
    }
    if match.reviewed_at is not None:
        body["reviewed_at"] = isoformat_utc(match.reviewed_at)
        body["review_note"] = match.review_note
    if match.decided_at is not None:
        body["decided_at"] = isoformat_utc(match.decided_at)
        body["decision_note"] = match.decision_note
    if match.ended_at is not None:
        # Still `approved` (the contract's statuses are fixed): these fields say it has ended.
        body["ended_at"] = isoformat_utc(match.ended_at)
        body["end_reason"] = match.end_reason
    return body


def mentor_json(user: User, load: int) -> dict[str, Any]:
    profile = user.mentor_profile
    return {
        "id": user.id,
        "name": user.name,
        "email": user.email,
        "status": profile.status,
        "capacity": profile.capacity,
        "load": load,
        "headline": profile.headline,
        "expertise": profile.expertise,
        "city": profile.city,
        "sectors": list(profile.sectors or []),
        "languages": list(profile.languages or []),
        "activated_at": isoformat_utc(profile.activated_at),
        "created_at": isoformat_utc(user.created_at),
    }


def partner_json(partner: Partner) -> dict[str, Any]:
    return {
        "id": partner.id,
        "name": partner.name,
        "description": partner.description,
        "sector": partner.sector,
        "city": partner.city,
        "country": partner.country,
        "offers": partner.offers,
        "seeks": partner.seeks,
        "export_oriented": bool(partner.export_oriented),
        "created_at": isoformat_utc(partner.created_at),
        "updated_at": isoformat_utc(partner.updated_at),
    }


def partner_detail_json(
    partner: Partner, profiles: list[CooperationProfile] | None, viewer: User
) -> dict[str, Any]:
    """One partner with its cooperation profiles; None (null) when the viewer's role does not
    read cooperation profiles (mentors, contact people still waiting for the lead)."""
    listed = None if profiles is None else [cooperation_profile_json(p, viewer) for p in profiles]
    return {**partner_json(partner), "cooperation_profiles": listed}


def cooperation_profile_json(profile: CooperationProfile, viewer: User) -> dict[str, Any]:
    return CooperationProfileAnswer(
        id=profile.id,
        kind=profile.kind,
        area=profile.area,
        cooperation_type=profile.cooperation_type,
        title=profile.title,
        description=profile.description,
        partner_id=profile.partner_id,
        idea_id=profile.idea_id,
        owner_name=profile.owner_name,
        mine=profile.author_id == viewer.id,
        created_at=profile.created_at,
        updated_at=profile.updated_at,
    ).model_dump(mode="json")


def partner_contact_json(contact: PartnerContact) -> dict[str, Any]:
    return {
        "id": contact.user_id,
        "name": contact.user.name,
        "email": contact.user.email,
        "status": contact.status,
        "partner_id": contact.partner_id,
        "company_name": contact.company,
        "company": contact.company,  # the older name of company_name, kept for existing clients
        "created_at": isoformat_utc(contact.created_at),
        "decided_at": isoformat_utc(contact.decided_at),
    }


def cluster_json(cluster: Cluster) -> dict[str, Any]:
    return {
        "id": cluster.id,
        "name": cluster.name,
        "description": cluster.description,
        "sector": cluster.sector,
        "region": cluster.region,
        "website": cluster.website,
        "members": cluster.members or "",
        "created_at": isoformat_utc(cluster.created_at),
        "updated_at": isoformat_utc(cluster.updated_at),
    }


def _copy(value: Any) -> Any:
    return list(value) if isinstance(value, list) else value
