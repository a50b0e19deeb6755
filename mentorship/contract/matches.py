"""Matches: the mentor's review, the lead's decision, and a match as the API answers it."""

from __future__ import annotations

from datetime import datetime

from pydantic import Field

from mentorship.contract.base import Answer, Page, RequestBody
from mentorship.contract.fields import Choice, Note, one_of
from mentorship.models.matches import END_REASONS, MATCH_KINDS, MATCH_STATUSES


class Review(RequestBody):
    decision: Choice(("accept", "decline"), required=True)
    note: Note = ""


class Decision(RequestBody):
    decision: Choice(("approve", "reject"), required=True)
    note: Note = ""


class MatchTarget(Answer):
    id: int | None = Field(
        description="null once an ended pairing's mentor, partner or cluster is gone; `name` "
        "then is its name when the pairing ended."
    )
    name: str


class Match(Answer):
    id: int
    idea_id: int
    kind: one_of(MATCH_KINDS)
    target: MatchTarget
    score: float = Field(ge=0, le=1)
    rank: int = Field(ge=1)
    reasons: list[str] = Field(
        description="Why it fits, as matching found it. A mentor's free places change with every "
        "approval, so they are not a reason here: see `load` and `capacity` in GET /api/v1/mentors."
    )
    status: one_of(MATCH_STATUSES) = Field(
        description="An approved pairing stays `approved` when it ends (its mentor left the "
        "programme, or its partner or cluster was removed from the directory): `ended_at` and "
        "`end_reason` then say when and why."
    )
    created_at: datetime
    reviewed_at: datetime | None = None
    review_note: str | None = None
    decided_at: datetime | None = None
    decision_note: str | None = None
    ended_at: datetime | None = Field(
        default=None, description="Only on an approved pairing that has ended: when it ended."
    )
    end_reason: one_of(END_REASONS) | None = Field(
        default=None,
        description="Only with `ended_at`: `mentor_deleted` (the mentor deleted her account), "
        "`partner_deleted` or `cluster_deleted` (removed from the directory).",
    )


class MatchPage(Page[Match]):
    """A page of matches, best first."""
