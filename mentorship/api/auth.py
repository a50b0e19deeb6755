"""Registration and bearer tokens; both are rate limited (mentorship.ratelimit)."""

from __future__ import annotations

from flask import jsonify

from mentorship import ratelimit
from mentorship.api.blueprint import api_bp
from mentorship.api.request import json_input
from mentorship.api.serializers import account_json
from mentorship.contract.accounts import Register, TokenRequest
from mentorship.errors import error_response
from mentorship.models.base import isoformat_utc
from mentorship.services.accounts import issue_token, register_user, sign_in_refusal


@api_bp.post("/auth/register")
@ratelimit.rate_limited("REGISTER_RATE_LIMIT")
def register():
    data = json_input(Register)
    user = register_user(data["email"], data["password"], data["name"], data["role"])
    return jsonify(account_json(user)), 201


@api_bp.post("/auth/token")
def token():
    data = json_input(TokenRequest)
    user = ratelimit.attempt_login(data["email"], data["password"])
    if user is None:
        return error_response(
            401,
            "The e-mail or password is not correct.",
            code="invalid_credentials",
            headers={"WWW-Authenticate": 'Bearer realm="api"'},
        )
    refusal = sign_in_refusal(user)
    if refusal:
        return error_response(403, refusal, code="account_rejected")
    value, expires_at = issue_token(user)
    return jsonify(
        {"token": value, "token_type": "Bearer", "expires_at": isoformat_utc(expires_at)}
    )
