"""Public metadata (the sector vocabulary) and the lead's programme counts."""

from __future__ import annotations

from pydantic import Field

from mentorship.contract.base import Answer
from mentorship.contract.fields import one_of
from mentorship.models.accounts import MENTOR_STATUSES
from mentorship.vocab import SECTORS

LABEL_LANGUAGES = ("en", "sr")


class SectorLabel(Answer):
    slug: one_of(SECTORS)
    label: str


class SectorList(Answer):
    items: list[SectorLabel]
    lang: one_of(LABEL_LANGUAGES)


class Health(Answer):
    status: str


class IdeaCounts(Answer):
    total: int
    by_status: dict[str, int]
    by_sector: dict[str, int] = Field(description="Sector slug (or `none`) to the number of ideas.")


class MatchCounts(Answer):
    total: int
    by_kind: dict[str, dict[str, int]] = Field(description="Kind, then status, to a count.")


class MentorLoad(Answer):
    id: int
    name: str
    status: one_of(MENTOR_STATUSES)
    capacity: int
    load: int
    remaining: int


class Stats(Answer):
    ideas: IdeaCounts
    matches: MatchCounts
    mentors: list[MentorLoad] = Field(
        description="Every mentor's load (entrepreneurs she mentors) against her capacity."
    )


class Readiness(Answer):
    status: str
    failed: list[str] | None = None
    checks: dict[str, str]
