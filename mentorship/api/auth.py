"""Registration and bearer tokens; failed token requests are rate limited per address and e-mail."""

from __future__ import annotations

from flask import Response, current_app, jsonify, request
from flask_limiter.util import get_remote_address
from werkzeug.exceptions import HTTPException

from mentorship.api import api_bp
from mentorship.api.request import json_object
from mentorship.api.serializers import account_json
from mentorship.errors import error_response
from mentorship.extensions import limiter
from mentorship.models.base import isoformat_utc
from mentorship.schemas import REGISTER, TOKEN
from mentorship.services.accounts import authenticate, issue_token, register_user


def _login_rate_limit() -> str:
    return current_app.config["LOGIN_RATE_LIMIT"]


def _login_attempt_key() -> str:
    """Client address plus the e-mail tried: one guesser cannot lock out a whole office."""
    email = ""
    try:
        data = request.get_json(silent=True, cache=True)
    except HTTPException:  # a too-large body: the view answers it; key on the address alone
        data = None
    if isinstance(data, dict) and isinstance(data.get("email"), str):
        email = data["email"].strip().lower()[:254]
    return f"{get_remote_address()}|{email}"


def _failed_login(response: Response) -> bool:
    return response.status_code == 401


@api_bp.post("/auth/register")
def register():
    data = REGISTER.validate(json_object())
    user = register_user(data["email"], data["password"], data["name"], data["role"])
    return jsonify(account_json(user)), 201


@api_bp.post("/auth/token")
@limiter.limit(_login_rate_limit, key_func=_login_attempt_key, deduct_when=_failed_login)
def token():
    data = TOKEN.validate(json_object())
    user = authenticate(data["email"], data["password"])
    if user is None:
        return error_response(
            401,
            "The e-mail or password is not correct.",
            code="invalid_credentials",
            headers={"WWW-Authenticate": 'Bearer realm="api"'},
        )
    value, expires_at = issue_token(user)
    return jsonify(
        {"token": value, "token_type": "Bearer", "expires_at": isoformat_utc(expires_at)}
    )
