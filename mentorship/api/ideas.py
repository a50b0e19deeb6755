"""Ideas: entrepreneurs submit, follow, edit and withdraw their own; the lead sees all.

A withdrawn idea has left the contract's pipeline (submitted, matching, matched, failed), so the
API treats it as gone: it is not listed, and reading or editing it is a 404.
"""

from __future__ import annotations

from flask import jsonify, url_for

from mentorship.api.blueprint import api_bp
from mentorship.api.request import (
    ID,
    current_user,
    idempotency_key,
    json_input,
    page_json,
    query_choice,
    query_id,
    requested_page,
    token_required,
)
from mentorship.api.serializers import idea_json, match_json
from mentorship.contract.ideas import IdeaInput
from mentorship.infrastructure.pagination import paginate
from mentorship.models.ideas import PIPELINE_STATUSES, Idea
from mentorship.ratelimit import rate_limited
from mentorship.services.idea_changes import edit_idea, withdraw_idea
from mentorship.services.ideas import (
    get_active_idea,
    idea_matches,
    submit_idea_once,
    visible_ideas,
)

READERS = ("entrepreneur", "lead")


@api_bp.post("/ideas")
@token_required(roles=("entrepreneur",))
@rate_limited("IDEA_SUBMIT_RATE_LIMIT")
def create_idea():
    key = idempotency_key()
    submission = submit_idea_once(current_user(), json_input(IdeaInput), key)
    idea = submission.require_same_request()
    response = jsonify(idea_json(idea))
    response.status_code = 201
    response.headers["Location"] = url_for("api.get_idea", idea_id=idea.id)
    if submission.repeated:
        response.headers["Idempotent-Replayed"] = "true"
    return response


@api_bp.get("/ideas")
@token_required(roles=READERS)
def list_ideas():
    statement = visible_ideas(current_user())
    status = query_choice("status", PIPELINE_STATUSES)
    if status:
        statement = statement.where(Idea.status == status)
    programme_id = query_id("programme_id")
    if programme_id is not None:
        statement = statement.where(Idea.programme_id == programme_id)
    page, per_page = requested_page()
    return jsonify(page_json(paginate(statement, page, per_page, keep_page=True), idea_json))


@api_bp.get(f"/ideas/<{ID}:idea_id>")
@token_required(roles=READERS)
def get_idea(idea_id: int):
    return jsonify(idea_json(get_active_idea(current_user(), idea_id)))


@api_bp.put(f"/ideas/<{ID}:idea_id>")
@token_required(roles=("entrepreneur",))
def update_idea(idea_id: int):
    data = json_input(IdeaInput)
    get_active_idea(current_user(), idea_id)
    return jsonify(idea_json(edit_idea(current_user(), idea_id, data).idea))


@api_bp.post(f"/ideas/<{ID}:idea_id>/withdraw")
@token_required(roles=("entrepreneur",))
def withdraw(idea_id: int):
    """204 also when it was withdrawn before: a retried withdrawal is not an error."""
    withdraw_idea(current_user(), idea_id)
    return "", 204


@api_bp.get(f"/ideas/<{ID}:idea_id>/matches")
@token_required(roles=READERS)
def list_idea_matches(idea_id: int):
    idea = get_active_idea(current_user(), idea_id)
    page, per_page = requested_page()
    return jsonify(
        page_json(paginate(idea_matches(idea), page, per_page, keep_page=True), match_json)
    )
