"""Partner introductions for the lead over JSON: the message flow (counts, no text), and problem
reports (a member reports, the lead lists and resolves).

While a report is open the lead may read the thread (GET /api/v1/introductions/{id}/messages, in
api.introductions); every reading is audited, and without an open report it is a 403.
"""

from __future__ import annotations

from typing import Any

from flask import jsonify

from mentorship.api.blueprint import api_bp
from mentorship.api.problem_reports import report_out
from mentorship.api.request import (
    ID,
    current_user,
    json_input,
    listed_page,
    page_json,
    requested_page,
    token_required,
)
from mentorship.contract.introductions import IntroductionFlow, IntroductionPerson
from mentorship.contract.problem_reports import ProblemReportInput, ProblemResolutionInput
from mentorship.services.partnerships import flow
from mentorship.services.partnerships import problem_reports as reports
from mentorship.services.partnerships.flow import ThreadFlow

SIDES = ("entrepreneur", "partner", "lead")
MEMBERS = ("entrepreneur", "partner")


def flow_out(row: ThreadFlow) -> dict[str, Any]:
    match = row.match
    return IntroductionFlow(
        id=match.id,
        idea_id=match.idea_id,
        idea_title=match.idea.title,
        entrepreneur=IntroductionPerson.model_validate(match.idea.owner),
        partner_id=match.partner_id,
        partner_name=match.target_name,
        ended=match.is_ended,
        message_count=row.messages,
        last_message_at=row.last_message_at,
        last_message_from=row.last_from,
        unanswered=row.unanswered,
        open_problem_reports=row.open_reports,
    ).model_dump(mode="json")


@api_bp.get("/introductions/message-flow")
@token_required(roles=("lead",))
def introduction_message_flow():
    page, per_page = requested_page()
    return jsonify(page_json(flow.partner_threads(page, per_page, keep_page=True), flow_out))


@api_bp.post(f"/introductions/<{ID}:match_id>/problem-reports")
@token_required(roles=MEMBERS)
def report_introduction_problem(match_id: int):
    data = json_input(ProblemReportInput)
    return jsonify(report_out(reports.report_problem(current_user(), match_id, data))), 201


@api_bp.get(f"/introductions/<{ID}:match_id>/problem-reports")
@token_required(roles=SIDES)
def list_introduction_problem_reports(match_id: int):
    return jsonify(listed_page(reports.reports_of(current_user(), match_id), report_out))


@api_bp.post(f"/introductions/<{ID}:match_id>/problem-reports/<{ID}:report_id>/resolve")
@token_required(roles=("lead",))
def resolve_introduction_problem(match_id: int, report_id: int):
    data = json_input(ProblemResolutionInput)
    return jsonify(report_out(reports.resolve_report(current_user(), match_id, report_id, data)))
