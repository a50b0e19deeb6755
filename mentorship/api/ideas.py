"""Ideas: entrepreneurs submit and follow their own, the lead sees all."""

from __future__ import annotations

from flask import jsonify, url_for

from mentorship.api import api_bp
from mentorship.api.request import (
    ID,
    current_user,
    json_object,
    page_json,
    query_choice,
    query_id,
    requested_page,
    token_required,
)
from mentorship.api.serializers import idea_json, match_json
from mentorship.models.ideas import IDEA_STATUSES, Idea
from mentorship.ratelimit import rate_limited
from mentorship.schemas import IDEA
from mentorship.services.ideas import get_visible_idea, idea_matches, submit_idea, visible_ideas
from mentorship.services.pagination import paginate

READERS = ("entrepreneur", "lead")


@api_bp.post("/ideas")
@token_required(roles=("entrepreneur",))
@rate_limited("IDEA_SUBMIT_RATE_LIMIT")
def create_idea():
    idea = submit_idea(current_user(), IDEA.validate(json_object()))
    response = jsonify(idea_json(idea))
    response.status_code = 201
    response.headers["Location"] = url_for("api.get_idea", idea_id=idea.id)
    return response


@api_bp.get("/ideas")
@token_required(roles=READERS)
def list_ideas():
    statement = visible_ideas(current_user())
    status = query_choice("status", IDEA_STATUSES)
    if status:
        statement = statement.where(Idea.status == status)
    programme_id = query_id("programme_id")
    if programme_id is not None:
        statement = statement.where(Idea.programme_id == programme_id)
    page, per_page = requested_page()
    return jsonify(page_json(paginate(statement, page, per_page), idea_json))


@api_bp.get(f"/ideas/<{ID}:idea_id>")
@token_required(roles=READERS)
def get_idea(idea_id: int):
    return jsonify(idea_json(get_visible_idea(current_user(), idea_id)))


@api_bp.get(f"/ideas/<{ID}:idea_id>/matches")
@token_required(roles=READERS)
def list_idea_matches(idea_id: int):
    idea = get_visible_idea(current_user(), idea_id)
    page, per_page = requested_page()
    return jsonify(page_json(paginate(idea_matches(idea), page, per_page), match_json))
