"""/api/v1/cooperation-profiles: offers and requests of partner companies and ideas."""

from __future__ import annotations

from flask import jsonify, url_for

from mentorship.api.blueprint import api_bp
from mentorship.api.request import (
    ID,
    current_user,
    json_input,
    page_json,
    query_choice,
    requested_page,
    token_required,
)
from mentorship.api.serializers import cooperation_profile_json
from mentorship.contract.cooperation import CooperationProfileInput
from mentorship.infrastructure.pagination import paginate
from mentorship.services import cooperation

PUBLISHERS = ("entrepreneur", "partner")
COLLECTION = "/cooperation-profiles"
ONE = f"{COLLECTION}/<{ID}:profile_id>"


def profile_out(profile) -> dict:
    return cooperation_profile_json(profile, current_user())


@api_bp.get(COLLECTION)
@token_required(("entrepreneur", "partner", "lead"))
def list_cooperation_profiles():
    filters = {name: query_choice(name, values) for name, values in cooperation.CHOICES.items()}
    filters["mine"] = query_choice("mine", ("true", "false")) == "true"
    page, per_page = requested_page()
    result = paginate(
        cooperation.list_profiles(current_user(), filters), page, per_page, keep_page=True
    )
    return jsonify(page_json(result, profile_out))


@api_bp.post(COLLECTION)
@token_required(PUBLISHERS)
def create_cooperation_profile():
    profile = cooperation.create_profile(current_user(), json_input(CooperationProfileInput))
    response = jsonify(profile_out(profile))
    response.status_code = 201
    response.headers["Location"] = url_for("api.get_cooperation_profile", profile_id=profile.id)
    return response


@api_bp.get(ONE)
@token_required(("entrepreneur", "partner", "lead"))
def get_cooperation_profile(profile_id: int):
    return jsonify(profile_out(cooperation.get_profile(current_user(), profile_id)))


@api_bp.put(ONE)
@token_required(PUBLISHERS)
def update_cooperation_profile(profile_id: int):
    data = json_input(CooperationProfileInput, partial=True)
    profile = cooperation.own_profile(current_user(), profile_id)
    cooperation.update_profile(current_user(), profile, data)
    return jsonify(profile_out(profile))


@api_bp.delete(ONE)
@token_required(("entrepreneur", "partner", "lead"))
def delete_cooperation_profile(profile_id: int):
    cooperation.delete_profile(current_user(), cooperation.own_profile(current_user(), profile_id))
    return "", 204
