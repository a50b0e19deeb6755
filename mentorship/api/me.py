"""The signed-in user's own account and profile."""

from __future__ import annotations

from typing import Any

from flask import jsonify

from mentorship.api.blueprint import api_bp
from mentorship.api.request import current_user, json_object, token_required
from mentorship.api.serializers import me_json
from mentorship.models import User
from mentorship.schemas import ACCOUNT_UPDATE, ENTREPRENEUR_PROFILE, MENTOR_PROFILE
from mentorship.services.accounts import update_account
from mentorship.services.errors import ValidationFailedError


@api_bp.get("/me")
@token_required()
def get_me():
    return jsonify(me_json(current_user()))


@api_bp.put("/me")
@token_required()
def update_me():
    user = current_user()
    name, profile = _clean_update(user, json_object())
    try:
        update_account(user, name=name, profile=profile)
    except ValidationFailedError as failure:
        # The service names profile fields plainly; the API names them `profile.<field>`.
        fields = {f"profile.{name}": texts for name, texts in (failure.fields or {}).items()}
        raise ValidationFailedError(failure.message, fields) from None
    return jsonify(me_json(user))


def _clean_update(user: User, data: dict[str, Any]) -> tuple[str | None, dict[str, Any] | None]:
    """Validate only the fields sent; errors inside the profile are named `profile.<field>`."""
    errors: dict[str, list[str]] = {}
    name: str | None = None
    profile: dict[str, Any] | None = None
    try:
        name = ACCOUNT_UPDATE.validate(data, partial=True).get("name")
    except ValidationFailedError as failure:
        errors.update(failure.fields or {})
    if "profile" in data:
        raw = data["profile"]
        if not isinstance(raw, dict):
            errors["profile"] = ["Must be an object."]
        elif user.is_entrepreneur:
            profile = _clean_profile(ENTREPRENEUR_PROFILE, raw, errors)
        elif user.is_mentor:
            profile = _clean_profile(MENTOR_PROFILE, raw, errors)
        elif raw:
            errors["profile"] = ["A programme lead has no profile fields."]
    if errors:
        raise ValidationFailedError("Some fields are not valid.", errors)
    return name, profile


def _clean_profile(
    schema: Any, raw: dict[str, Any], errors: dict[str, list[str]]
) -> dict[str, Any] | None:
    try:
        return schema.validate(raw, partial=True)
    except ValidationFailedError as failure:
        errors.update(
            {f"profile.{field}": messages for field, messages in (failure.fields or {}).items()}
        )
        return None
