"""The review workflow over JSON: the mentor's queue and review, the lead's decision and stats."""

from __future__ import annotations

from flask import jsonify

from mentorship.api.blueprint import api_bp
from mentorship.api.request import (
    ID,
    current_user,
    json_input,
    page_json,
    query_choice,
    query_id,
    requested_page,
    token_required,
)
from mentorship.api.serializers import match_json
from mentorship.contract.matches import Decision, Review
from mentorship.infrastructure.pagination import paginate
from mentorship.models.matches import MATCH_STATUSES, MatchStatus
from mentorship.queries.reports import programme_stats
from mentorship.services.approvals import decide_match
from mentorship.services.review import get_mentor_match, mentor_matches, review_match


@api_bp.get("/reviews")
@token_required(roles=("mentor",))
def list_reviews():
    status = query_choice("status", MATCH_STATUSES) or MatchStatus.PROPOSED.value
    page, per_page = requested_page()
    found = paginate(mentor_matches(current_user(), status), page, per_page, keep_page=True)
    return jsonify(page_json(found, match_json))


@api_bp.get(f"/matches/<{ID}:match_id>/review")
@token_required(roles=("mentor",))
def show_review(match_id: int):
    """One of the mentor's matches; her proposal withdrawn by a re-match is a 409, not a 404."""
    return jsonify(match_json(get_mentor_match(current_user(), match_id)))


@api_bp.post(f"/matches/<{ID}:match_id>/review")
@token_required(roles=("mentor",))
def review(match_id: int):
    data = json_input(Review)
    match = review_match(current_user(), match_id, data["decision"], data.get("note"))
    return jsonify(match_json(match))


@api_bp.post(f"/matches/<{ID}:match_id>/decision")
@token_required(roles=("lead",))
def decision(match_id: int):
    data = json_input(Decision)
    match = decide_match(current_user(), match_id, data["decision"], data.get("note"))
    return jsonify(match_json(match))


@api_bp.get("/stats")
@token_required(roles=("lead",))
def stats():
    return jsonify(programme_stats(query_id("programme_id")))
