"""A member's report of a problem in her mentorship or partner introduction, and the lead's
resolution of it."""

from __future__ import annotations

from pydantic import ConfigDict, Field

from mentorship.contract.base import Answer, ClosedRequestBody, Page, Timestamp
from mentorship.contract.fields import Text, one_of
from mentorship.models.problem_reports import (
    PROBLEM_REPORT_STATUSES,
    REASON_MAX,
    RESOLUTION_NOTE_MAX,
)


class ProblemReportInput(ClosedRequestBody):
    reason: Text(
        REASON_MAX,
        required=True,
        description="What is wrong, for the programme lead only (the other members are told "
        "that a problem was reported, not this).",
    )


class ProblemResolutionInput(ClosedRequestBody):
    note: Text(RESOLUTION_NOTE_MAX, description="Optional; the reporter is told it.") = ""


class ProblemReport(Answer):
    model_config = ConfigDict(extra="forbid", from_attributes=True)

    id: int
    mentorship_id: int | None = Field(description="Set when the report is about a mentorship.")
    introduction_id: int | None = Field(
        description="Set when the report is about a partner introduction (exactly one of the two).",
    )
    reporter_id: int | None
    reason: str
    status: one_of(PROBLEM_REPORT_STATUSES)
    created_at: Timestamp
    resolved_at: Timestamp | None
    resolved_by_id: int | None
    resolution_note: str | None = Field(description="The lead's note when resolving, if any.")


class ProblemReportPage(Page[ProblemReport]):
    """A page of problem reports."""
