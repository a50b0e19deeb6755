"""Cooperation profiles (EEN style): offers and requests of partner companies and ideas."""

from __future__ import annotations

from pydantic import Field

from mentorship.contract.base import Answer, ClosedRequestBody, Page, Timestamp
from mentorship.contract.fields import (
    DESCRIPTION_MAX,
    MAX_ID,
    NAME_MAX,
    Choice,
    Integer,
    Text,
    one_of,
)
from mentorship.models.cooperation import PROFILE_AREAS, PROFILE_COOPERATION_TYPES, PROFILE_KINDS


class CooperationProfileInput(ClosedRequestBody):
    """A PUT sends only the fields to change (and no ``idea_id``)."""

    kind: Choice(PROFILE_KINDS, required=True)
    area: Choice(PROFILE_AREAS, required=True)
    cooperation_type: Choice(PROFILE_COOPERATION_TYPES, required=True)
    title: Text(NAME_MAX, required=True)
    description: Text(DESCRIPTION_MAX) = ""
    idea_id: Integer(1, MAX_ID) = Field(
        default=None,
        description="An entrepreneur's idea the profile is for; partner contacts leave it out.",
    )


class CooperationProfile(Answer):
    id: int
    kind: one_of(PROFILE_KINDS)
    area: one_of(PROFILE_AREAS)
    cooperation_type: one_of(PROFILE_COOPERATION_TYPES)
    title: str
    description: str
    partner_id: int | None
    idea_id: int | None
    owner_name: str = Field(description="The partner company's name or the idea's title.")
    mine: bool
    created_at: Timestamp
    updated_at: Timestamp


class CooperationProfilePage(Page[CooperationProfile]):
    pass
