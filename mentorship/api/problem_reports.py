"""Problem reports over JSON: a member reports, the lead lists, reads and resolves.

While a report is open the lead may read the pair's messages
(GET /api/v1/mentorships/{id}/messages, in api.mentorships); every reading is audited.
"""

from __future__ import annotations

from typing import Any

from flask import jsonify

from mentorship.api.blueprint import api_bp
from mentorship.api.request import ID, current_user, json_input, listed_page, token_required
from mentorship.contract.problem_reports import (
    ProblemReport as ProblemReportAnswer,
)
from mentorship.contract.problem_reports import (
    ProblemReportInput,
    ProblemResolutionInput,
)
from mentorship.models import ProblemReport
from mentorship.services.mentorships import problem_reports as reports

MEMBERS = ("entrepreneur", "mentor", "lead")
WRITERS = ("entrepreneur", "mentor")


def report_out(report: ProblemReport) -> dict[str, Any]:
    return ProblemReportAnswer.model_validate(report).model_dump(mode="json")


@api_bp.post(f"/mentorships/<{ID}:mentorship_id>/problem-reports")
@token_required(roles=WRITERS)
def report_problem(mentorship_id: int):
    data = json_input(ProblemReportInput)
    return jsonify(report_out(reports.report_problem(current_user(), mentorship_id, data))), 201


@api_bp.get(f"/mentorships/<{ID}:mentorship_id>/problem-reports")
@token_required(roles=MEMBERS)
def list_problem_reports(mentorship_id: int):
    return jsonify(listed_page(reports.reports_of(current_user(), mentorship_id), report_out))


@api_bp.post(f"/mentorships/<{ID}:mentorship_id>/problem-reports/<{ID}:report_id>/resolve")
@token_required(roles=("lead",))
def resolve_problem(mentorship_id: int, report_id: int):
    data = json_input(ProblemResolutionInput)
    report = reports.resolve_report(current_user(), mentorship_id, report_id, data)
    return jsonify(report_out(report))


@api_bp.get("/problem-reports")
@token_required(roles=("lead",))
def open_problem_reports():
    return jsonify(listed_page(reports.all_open_reports(), report_out))
