"""Partner companies' contact people: self-registration and the lead's approval queue."""

from __future__ import annotations

from pydantic import Field

from mentorship.contract.base import Answer, Page, RequestBody, Timestamp
from mentorship.contract.fields import (
    MAX_ID,
    NAME_MAX,
    PASSWORD_MAX,
    PASSWORD_MIN,
    Email,
    Integer,
    Name,
    Text,
    one_of,
)
from mentorship.models.directory import CONTACT_STATUSES


class PartnerRegister(RequestBody):
    """A contact person names her company: `partner_id` from the directory, or else
    `company_name` for one not in it yet (the lead's approval adds it); both at once is 422."""

    email: Email
    password: Text(PASSWORD_MAX, required=True, min_length=PASSWORD_MIN, strip=False)
    name: Name
    partner_id: Integer(1, MAX_ID) = Field(
        default=None, description="The company's id in the directory (GET /api/v1/partners)."
    )
    company_name: Text(NAME_MAX) = Field(
        default="", description="The company's name when it is not in the directory."
    )


class PartnerContact(Answer):
    id: int = Field(description="The contact person's user id.")
    name: str
    email: str
    status: one_of(CONTACT_STATUSES)
    partner_id: int | None = Field(
        description="Her company in the directory; null until the lead approves a company she "
        "named that was not in it."
    )
    company_name: str = Field(
        description="The company's name, listed or as she named it (the registration's field)."
    )
    company: str = Field(
        description="The same as `company_name`, kept for clients written before it.",
        json_schema_extra={"deprecated": True},
    )
    created_at: Timestamp
    decided_at: Timestamp | None


class PartnerContactPage(Page[PartnerContact]):
    """A page of partner contact people."""
