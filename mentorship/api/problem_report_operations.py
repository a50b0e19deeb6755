"""The problem-report operations of the API document: the same three on a mentorship and on a
partner introduction (api.problem_reports), each kind told in its own words."""

from __future__ import annotations

from mentorship.api.operation_types import OBJECT_ID, PAGE, Operation, Param
from mentorship.contract.problem_reports import (
    ProblemReport,
    ProblemReportInput,
    ProblemReportPage,
    ProblemResolutionInput,
)

ERRORS = (403, 404, 409)


def problem_report_operations(
    base: str, *, reporters: str, readers: str, ids: Param, report_notes: str
) -> list[Operation]:
    """Report, list and resolve under `base`, the thread's path; `ids` names both {id}s."""
    # fmt: off
    return [
        Operation("post", f"{base}/problem-reports", "Report a problem to the programme lead",
                  reporters, 201, ProblemReport, ProblemReportInput, ERRORS, (OBJECT_ID,),
                  error_text=((409, "The caller already has an open report here."),),
                  notes=report_notes),
        Operation("get", f"{base}/problem-reports",
                  "Problem reports, newest first (a member: her own)", readers,
                  answer=ProblemReportPage, errors=(403, 404), params=(OBJECT_ID, *PAGE)),
        Operation("post", f"{base}/problem-reports/{{id}}/resolve",
                  "Resolve a problem report, with an optional note to the reporter", "lead",
                  answer=ProblemReport, body=ProblemResolutionInput, errors=ERRORS,
                  params=(ids,), error_text=((409, "Already resolved."),),
                  notes="When no open report is left, the lead may no longer read the messages."),
    ]
    # fmt: on
