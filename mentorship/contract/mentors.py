"""Mentors as the programme lead sees them: capacity and current load."""

from __future__ import annotations

from datetime import datetime

from pydantic import Field

from mentorship.contract.base import Answer, Page
from mentorship.contract.fields import one_of
from mentorship.models.accounts import MAX_CAPACITY, MENTOR_STATUSES
from mentorship.vocab import LANGUAGES, SECTORS


class Mentor(Answer):
    id: int = Field(description="The mentor's user id.")
    name: str
    email: str
    status: one_of(MENTOR_STATUSES)
    capacity: int = Field(ge=0, le=MAX_CAPACITY)
    load: int = Field(
        ge=0, description="Entrepreneurs she mentors now (approved pairings by idea owner)."
    )
    headline: str
    expertise: str
    city: str
    sectors: list[one_of(SECTORS)]
    languages: list[one_of(LANGUAGES)]
    activated_at: datetime | None
    created_at: datetime


class MentorPage(Page[Mentor]):
    """A page of mentors."""
