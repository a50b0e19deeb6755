"""Problem reports over JSON, for mentorships and partner introductions alike: a member reports,
the lead lists and resolves. The routes of both kinds share their bodies; only the workflow
(services.problem_reports) they hand the id to differs.

While a report is open the lead may read the thread (GET /api/v1/mentorships/{id}/messages in
api.mentorships, GET /api/v1/introductions/{id}/messages in api.introductions); every reading is
audited, and without an open report it is a 403.
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
from mentorship.services.mentorships.problem_reports import REPORTS as MENTORSHIP_REPORTS
from mentorship.services.partnerships.problem_reports import REPORTS as INTRODUCTION_REPORTS
from mentorship.services.problem_reports.overview import all_open_reports
from mentorship.services.problem_reports.workflow import ProblemReports

PAIR_READERS, PAIR_WRITERS = ("entrepreneur", "mentor", "lead"), ("entrepreneur", "mentor")
SIDE_READERS, SIDE_WRITERS = ("entrepreneur", "partner", "lead"), ("entrepreneur", "partner")


def report_out(report: ProblemReport) -> dict[str, Any]:
    return ProblemReportAnswer.model_validate(report).model_dump(mode="json")


def _report(reports: ProblemReports, subject_id: int):
    data = json_input(ProblemReportInput)
    return jsonify(report_out(reports.report_problem(current_user(), subject_id, data))), 201


def _list(reports: ProblemReports, subject_id: int):
    return jsonify(listed_page(reports.reports_of(current_user(), subject_id), report_out))


def _resolve(reports: ProblemReports, subject_id: int, report_id: int):
    data = json_input(ProblemResolutionInput)
    return jsonify(report_out(reports.resolve_report(current_user(), subject_id, report_id, data)))


@api_bp.post(f"/mentorships/<{ID}:mentorship_id>/problem-reports")
@token_required(roles=PAIR_WRITERS)
def report_problem(mentorship_id: int):
    return _report(MENTORSHIP_REPORTS, mentorship_id)


@api_bp.get(f"/mentorships/<{ID}:mentorship_id>/problem-reports")
@token_required(roles=PAIR_READERS)
def list_problem_reports(mentorship_id: int):
    return _list(MENTORSHIP_REPORTS, mentorship_id)


@api_bp.post(f"/mentorships/<{ID}:mentorship_id>/problem-reports/<{ID}:report_id>/resolve")
@token_required(roles=("lead",))
def resolve_problem(mentorship_id: int, report_id: int):
    return _resolve(MENTORSHIP_REPORTS, mentorship_id, report_id)


@api_bp.post(f"/introductions/<{ID}:match_id>/problem-reports")
@token_required(roles=SIDE_WRITERS)
def report_introduction_problem(match_id: int):
    return _report(INTRODUCTION_REPORTS, match_id)


@api_bp.get(f"/introductions/<{ID}:match_id>/problem-reports")
@token_required(roles=SIDE_READERS)
def list_introduction_problem_reports(match_id: int):
    return _list(INTRODUCTION_REPORTS, match_id)


@api_bp.post(f"/introductions/<{ID}:match_id>/problem-reports/<{ID}:report_id>/resolve")
@token_required(roles=("lead",))
def resolve_introduction_problem(match_id: int, report_id: int):
    return _resolve(INTRODUCTION_REPORTS, match_id, report_id)


@api_bp.get("/problem-reports")
@token_required(roles=("lead",))
def open_problem_reports():
    return jsonify(listed_page(all_open_reports(), report_out))
