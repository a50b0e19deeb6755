"""Partner introductions' message flow for the lead over JSON: counts and dates, no text.

The lead reads a thread only while a member's problem report is open (api.problem_reports,
GET /api/v1/introductions/{id}/messages in api.introductions); every reading is audited.
"""

from __future__ import annotations

from typing import Any

from flask import jsonify

from mentorship.api.blueprint import api_bp
from mentorship.api.request import page_json, requested_page, token_required
from mentorship.contract.introductions import IntroductionFlow, IntroductionPerson
from mentorship.services.partnerships import flow
from mentorship.services.partnerships.flow import ThreadFlow


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
