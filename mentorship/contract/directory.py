"""The directory: supply-chain partners and startup clusters, written by the lead."""

from __future__ import annotations

from datetime import datetime

from pydantic import Field

from mentorship.contract.base import Answer, Page, RequestBody
from mentorship.contract.cooperation import CooperationProfile
from mentorship.contract.fields import (
    DESCRIPTION_MAX,
    PLACE_MAX,
    Boolean,
    Country,
    Description,
    Name,
    Sector,
    Text,
    Url,
    one_of,
)
from mentorship.vocab import COUNTRIES, SECTORS


class PartnerInput(RequestBody):
    name: Name
    description: Description
    sector: Sector = None
    city: Text(PLACE_MAX) = ""
    country: Country = "RS"
    offers: Text(DESCRIPTION_MAX) = ""
    seeks: Text(DESCRIPTION_MAX) = ""
    export_oriented: Boolean = False


class ClusterInput(RequestBody):
    name: Name
    description: Description
    sector: Sector = None
    region: Text(PLACE_MAX) = ""
    website: Url = ""
    members: Text(
        DESCRIPTION_MAX,
        description="Optional. Its member companies, one a line with what each does "
        '("Eko Voće: fruit growers"); matching reads them with the description.',
    ) = ""


class Partner(Answer):
    id: int
    name: str
    description: str
    sector: one_of(SECTORS) | None
    city: str
    country: one_of(COUNTRIES) | None
    offers: str
    seeks: str
    export_oriented: bool
    created_at: datetime
    updated_at: datetime


class Cluster(Answer):
    id: int
    name: str
    description: str
    sector: one_of(SECTORS) | None
    region: str
    website: str = Field(description="Empty or an http(s):// URL.")
    members: str = Field(description="Its member companies, one a line; may be empty.")
    created_at: datetime
    updated_at: datetime


class PartnerDetail(Partner):
    """One partner as GET /api/v1/partners/{id} answers it: with its cooperation profiles."""

    cooperation_profiles: list[CooperationProfile] | None = Field(
        description="Its published offers and requests, newest first; null for a caller who "
        "does not read cooperation profiles (a mentor, a contact person not yet approved)."
    )


class PartnerPage(Page[Partner]):
    """A page of supply-chain partners."""


class ClusterPage(Page[Cluster]):
    """A page of startup clusters."""
