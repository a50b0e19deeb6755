"""Mentor administration for the programme lead: the list with current load, and approval."""

from __future__ import annotations

from flask import jsonify

from mentorship.api.blueprint import api_bp
from mentorship.api.request import (
    ID,
    current_user,
    page_json,
    query_choice,
    query_text,
    requested_page,
    token_required,
)
from mentorship.api.serializers import mentor_json
from mentorship.infrastructure.pagination import paginate
from mentorship.models import MentorStatus
from mentorship.models.accounts import MENTOR_STATUSES
from mentorship.services.mentors import get_mentor, mentor_loads, mentors_query, set_mentor_status

LEAD = ("lead",)


@api_bp.get("/mentors")
@token_required(LEAD)
def list_mentors():
    statement = mentors_query(query_choice("status", MENTOR_STATUSES), query_text("q"))
    page, per_page = requested_page()
    found = paginate(statement, page, per_page, keep_page=True)
    loads = mentor_loads([mentor.id for mentor in found.items])
    return jsonify(page_json(found, lambda mentor: mentor_json(mentor, loads[mentor.id])))


@api_bp.post(f"/mentors/<{ID}:mentor_id>/approve")
@token_required(LEAD)
def approve_mentor(mentor_id: int):
    mentor = set_mentor_status(current_user(), get_mentor(mentor_id), MentorStatus.ACTIVE.value)
    return jsonify(mentor_json(mentor, mentor_loads([mentor.id])[mentor.id]))
