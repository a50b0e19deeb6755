"""Ideas: what an entrepreneur submits or replaces, and the idea as the API answers it."""

from __future__ import annotations

from datetime import datetime

from pydantic import Field

from mentorship.contract.base import Answer, Page, RequestBody
from mentorship.contract.fields import (
    Description,
    Name,
    Needs,
    ObjectId,
    Sector,
    Stage,
    Text,
    one_of,
)
from mentorship.models.ideas import CITY_MAX, OFFERS_MAX, PIPELINE_STATUSES
from mentorship.vocab import NEEDS, SECTORS, STAGES

IDEMPOTENCY_KEY_MAX = 255


class IdeaInput(RequestBody):
    """A new idea, or all that the owner wrote when she replaces it (absent fields: defaults)."""

    title: Name
    description: Description
    sector: Sector = Field(
        default=None,
        description="Absent, empty or null: the sector on the owner's profile (null if none).",
    )
    stage: Stage = Field(
        default=None,
        description="Absent, empty or null: the stage on the owner's profile (null if none).",
    )
    needs: Needs = Field(default_factory=lambda: list(NEEDS))
    offers: Text(OFFERS_MAX, description="What the business will sell.") = ""
    seeks: Text(OFFERS_MAX, description="What it needs to buy or find.") = ""
    city: Text(
        CITY_MAX,
        description="Where the business is or will be. Empty (the default) means the city on "
        "the owner's profile; matching reads it for 'same region'.",
    ) = ""
    programme_id: ObjectId = Field(
        default=None, description="A programme the entrepreneur is enrolled in (else 422)."
    )
    module_id: ObjectId = Field(default=None, description="A module of that programme (else 422).")


class Idea(Answer):
    id: int
    owner_id: int
    title: str
    description: str
    sector: one_of(SECTORS) | None
    stage: one_of(STAGES) | None
    needs: list[one_of(NEEDS)]
    offers: str
    seeks: str
    city: str = Field(
        description="Where the business is or will be; empty: the owner's profile city."
    )
    programme_id: int | None
    module_id: int | None
    status: one_of(PIPELINE_STATUSES)
    created_at: datetime
    updated_at: datetime


class IdeaPage(Page[Idea]):
    """A page of ideas."""
