"""Accounts: registration, tokens, and the signed-in user with her profile."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field

from mentorship.contract.base import Answer, RequestBody
from mentorship.contract.fields import (
    DESCRIPTION_MAX,
    EMAIL_MAX,
    NAME_MAX,
    PASSWORD_MAX,
    PASSWORD_MIN,
    PLACE_MAX,
    Capacity,
    Choice,
    Country,
    Email,
    Languages,
    Name,
    Sector,
    Sectors,
    Stage,
    Text,
    one_of,
    refuse,
)
from mentorship.models.accounts import MAX_CAPACITY, MENTOR_STATUSES, ROLES
from mentorship.vocab import LANGUAGES, SECTORS, STAGES

SIGN_UP_ROLES = ("entrepreneur", "mentor")


class Register(RequestBody):
    email: Email
    password: Text(PASSWORD_MAX, required=True, min_length=PASSWORD_MIN, strip=False)
    name: Name
    role: Choice(SIGN_UP_ROLES, required=True)


class TokenRequest(RequestBody):
    email: Text(EMAIL_MAX, required=True)
    password: Text(PASSWORD_MAX, required=True, strip=False)


class EntrepreneurProfileInput(RequestBody):
    business_name: Text(NAME_MAX) = ""
    city: Text(PLACE_MAX) = ""
    country: Country = None
    sector: Sector = None
    stage: Stage = None
    bio: Text(DESCRIPTION_MAX) = ""
    languages: Languages = []


class MentorProfileInput(RequestBody):
    headline: Text(NAME_MAX) = ""
    bio: Text(DESCRIPTION_MAX) = ""
    expertise: Text(DESCRIPTION_MAX) = ""
    city: Text(PLACE_MAX) = ""
    sectors: Sectors = []
    languages: Languages = []
    capacity: Capacity


def _an_object(value: Any) -> Any:
    if not isinstance(value, dict):
        raise refuse("Must be an object.")
    return value


def _absent_by_default(schema: dict[str, Any]) -> None:
    """Left out, the field does not change: there is no default value to show."""
    schema.pop("default", None)


class MeUpdate(RequestBody):
    """Only the fields given change; `profile` takes the fields of the user's own role."""

    name: Name = Field(default=None, json_schema_extra=_absent_by_default)
    profile: Annotated[dict[str, Any], BeforeValidator(_an_object)] = Field(
        default=None,
        json_schema_extra=_absent_by_default,
        description="Entrepreneur or mentor profile fields (see EntrepreneurProfileInput and "
        "MentorProfileInput); only those given change.",
    )


ENTREPRENEUR_FIELDS = tuple(EntrepreneurProfileInput.model_fields)
MENTOR_FIELDS = tuple(MentorProfileInput.model_fields)

LanguageCode = one_of(LANGUAGES)
SectorSlug = one_of(SECTORS)
StageSlug = one_of(STAGES)


class Account(Answer):
    id: int
    email: str
    name: str
    role: one_of(ROLES)
    status: one_of(MENTOR_STATUSES)


class Token(Answer):
    token: str
    token_type: Literal["Bearer"] = "Bearer"
    expires_at: datetime


class EntrepreneurProfile(Answer):
    business_name: str
    city: str
    country: str = Field(pattern="^[A-Z]{2}$")
    sector: SectorSlug | None
    stage: StageSlug | None
    bio: str
    languages: list[LanguageCode]


class MentorProfile(Answer):
    headline: str
    bio: str
    expertise: str
    city: str
    sectors: list[SectorSlug]
    languages: list[LanguageCode]
    capacity: int = Field(ge=0, le=MAX_CAPACITY)


class NoProfile(Answer):
    """A programme lead has no profile fields."""


class Me(Account):
    profile: EntrepreneurProfile | MentorProfile | NoProfile
    created_at: datetime
