"""Request plumbing for the JSON API: body parsing, bearer authentication, ids and pages."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from functools import wraps
from typing import Any, TypeVar

from flask import g, request
from pydantic import BaseModel
from werkzeug.exceptions import RequestEntityTooLarge

from mentorship.contract.ideas import IDEMPOTENCY_KEY_MAX
from mentorship.contract.parsing import NOT_AN_OBJECT, InvalidInput, parse
from mentorship.errors import error_response
from mentorship.infrastructure.pagination import Page, page_args
from mentorship.models import User
from mentorship.services.accounts import sign_in_refusal, user_for_token
from mentorship.services.errors import ServiceError, ValidationFailedError

View = TypeVar("View", bound=Callable[..., Any])

# Path ids beyond a 32-bit integer column can never exist; the converter answers 404 for them
# instead of letting the database overflow.
ID = "int(max=2147483647)"


class MalformedJsonError(ServiceError):
    status = 400
    code = "malformed_json"


class NotJsonError(ServiceError):
    status = 415
    code = "unsupported_media_type"


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


def json_body() -> Any:
    """The request's JSON value: 415 if not declared JSON, 413 if too large, 400 if unparsable."""
    if not request.is_json:
        raise NotJsonError("Send JSON with Content-Type: application/json.")
    raw = request.get_data(cache=True)  # 413 here when a declared Content-Length is too large
    limit = request.max_content_length
    if request.content_length is None and limit is not None and len(raw) >= limit:
        # A streamed (chunked) body is cut off silently at the limit rather than refused.
        raise RequestEntityTooLarge()
    try:
        data = json.loads(raw.decode("utf-8"), parse_constant=_reject_constant)
    except (UnicodeDecodeError, ValueError, RecursionError) as problem:
        raise MalformedJsonError(f"The body is not valid JSON: {problem}") from None
    _reject_unstorable_text(data)
    return data


def json_object() -> dict[str, Any]:
    data = json_body()
    if not isinstance(data, dict):
        raise ValidationFailedError(NOT_AN_OBJECT.message, NOT_AN_OBJECT.fields)
    return data


def checked(
    model: type[BaseModel], data: Any, *, partial: bool = False, prefix: str = ""
) -> dict[str, Any]:
    """`data` cleaned by a contract model (mentorship.contract.parsing), else 422 naming fields."""
    try:
        return parse(model, data, partial=partial, prefix=prefix)
    except InvalidInput as problem:
        raise ValidationFailedError(problem.message, problem.fields) from None


def json_input(model: type[BaseModel], *, partial: bool = False) -> dict[str, Any]:
    """The request's JSON object cleaned by `model`: 415, 413, 400 or 422 when it is not."""
    return checked(model, json_object(), partial=partial)


def _reject_unstorable_text(data: Any) -> None:
    """NUL characters and lone surrogates parse as JSON but no database column can store them."""
    pending = [("_body", data)]
    while pending:
        field, value = pending.pop()
        if isinstance(value, dict):
            for key, item in value.items():
                name = key if field == "_body" else field
                pending.append((name, key))
                pending.append((name, item))
        elif isinstance(value, list):
            pending.extend((field, item) for item in value)
        elif isinstance(value, str) and not _storable(value):
            raise ValidationFailedError(
                "Some fields are not valid.",
                {
                    field: [
                        "Contains characters that cannot be stored (NUL or an unpaired surrogate)."
                    ]
                },
            )


def _storable(text: str) -> bool:
    if "\x00" in text:
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def query_text(name: str) -> str:
    """A free-text query parameter, cleaned of what the database cannot compare."""
    value = request.args.get(name, "")
    return "".join(ch for ch in value if _storable(ch)).strip()[:200]


def query_choice(name: str, allowed: Iterable[str]) -> str | None:
    """An optional vocabulary filter; an unknown value is 422 naming the parameter."""
    value = request.args.get(name, "").strip()
    if not value:
        return None
    allowed = tuple(allowed)
    if value not in allowed:
        raise ValidationFailedError(
            "Some fields are not valid.",
            {name: [f"Unknown value '{value[:50]}'. Allowed: {', '.join(allowed)}."]},
        )
    return value


def query_id(name: str) -> int | None:
    """An optional id filter; anything but a positive whole number is 422 naming the parameter."""
    value = request.args.get(name, "").strip()
    if not value:
        return None
    if not value.isascii() or not value.isdigit() or not 0 < int(value) <= 2147483647:
        raise ValidationFailedError(
            "Some fields are not valid.", {name: ["Must be a positive whole number."]}
        )
    return int(value)


def requested_page() -> tuple[int, int]:
    return page_args(request.args)


def page_json(page: Page, serialise: Callable[[Any], dict[str, Any]]) -> dict[str, Any]:
    return {
        "items": [serialise(item) for item in page.items],
        "page": page.page,
        "per_page": page.per_page,
        "total": page.total,
    }


def listed_page(items: list[Any], serialise: Callable[[Any], dict[str, Any]]) -> dict[str, Any]:
    """The requested page of a list already in memory (a thread, a mentorship's goals...)."""
    page, per_page = requested_page()
    chunk = items[(page - 1) * per_page : page * per_page]
    return page_json(Page(chunk, page, per_page, len(items)), serialise)


def _unauthorized(message: str, error: str | None = None):
    challenge = 'Bearer realm="api"'
    if error:
        challenge += f', error="{error}"'
    return error_response(401, message, headers={"WWW-Authenticate": challenge})


def bearer_token() -> str | None:
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    return token.strip()


def current_user() -> User:
    return g.api_user


def token_required(roles: Iterable[str] | None = None) -> Callable[[View], View]:
    """Require a valid bearer token (else 401) and, if given, one of `roles` (else 403)."""
    allowed = tuple(str(role) for role in roles) if roles else None

    def decorator(view: View) -> View:
        @wraps(view)
        def wrapper(*args: Any, **kwargs: Any):
            token = bearer_token()
            if token is None:
                return _unauthorized(
                    "Authentication is required: send Authorization: Bearer <token>."
                )
            user = user_for_token(token)
            if user is None:
                return _unauthorized("The token is invalid or has expired.", "invalid_token")
            refusal = sign_in_refusal(user)
            if refusal:
                return error_response(403, refusal, code="account_rejected")
            if allowed is not None and user.role not in allowed:
                return error_response(403, "Your role may not do that.")
            g.api_user = user
            return view(*args, **kwargs)

        return wrapper  # type: ignore[return-value]

    return decorator


IDEMPOTENCY_HEADER = "Idempotency-Key"


def idempotency_key() -> str | None:
    """The optional Idempotency-Key header: 1 to 255 printable ASCII characters, else 422."""
    if IDEMPOTENCY_HEADER not in request.headers:
        return None
    key = request.headers[IDEMPOTENCY_HEADER]
    if not 1 <= len(key) <= IDEMPOTENCY_KEY_MAX or not all(" " <= ch <= "~" for ch in key):
        raise ValidationFailedError(
            "Some fields are not valid.",
            {
                IDEMPOTENCY_HEADER: [
                    f"Must be 1 to {IDEMPOTENCY_KEY_MAX} printable ASCII characters."
                ]
            },
        )
    return key
