"""The signed-in user's own account and profile."""

from __future__ import annotations

from typing import Any

from flask import jsonify

from mentorship.api.blueprint import api_bp
from mentorship.api.request import checked, current_user, json_object, token_required
from mentorship.api.serializers import me_json
from mentorship.contract.accounts import EntrepreneurProfileInput, MentorProfileInput, MeUpdate
from mentorship.models import User
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
    sent: dict[str, Any] = {}
    try:
        sent = checked(MeUpdate, data, partial=True)
    except ValidationFailedError as failure:
        errors.update(failure.fields or {})
    profile: dict[str, Any] | None = None
    raw = data.get("profile")
    if isinstance(raw, dict):  # anything else was refused with MeUpdate
        model = (
            EntrepreneurProfileInput
            if user.is_entrepreneur
            else MentorProfileInput
            if user.is_mentor
            else None
        )
        if model is not None:
            try:
                profile = checked(model, raw, partial=True, prefix="profile.")
            except ValidationFailedError as failure:
                errors.update(failure.fields or {})
        elif raw:
            errors["profile"] = ["A programme lead has no profile fields."]
    if errors:
        raise ValidationFailedError("Some fields are not valid.", errors)
    return sent.get("name"), profile
