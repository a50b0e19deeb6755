"""The OpenAPI 3.1 description of every /api/v1 path of the public contract."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from mentorship.api.openapi_schemas import SCHEMAS, enum_of, ref
from mentorship.models.accounts import MENTOR_STATUSES
from mentorship.models.ideas import PIPELINE_STATUSES
from mentorship.models.matches import MATCH_STATUSES
from mentorship.vocab import SECTORS

ERROR_TEXT = {
    400: "Malformed JSON.",
    401: "Missing, invalid or expired bearer token.",
    403: "Your role may not do this.",
    404: "Not found, or not yours.",
    409: "Conflicts with the current state.",
    413: "Body larger than 1 MB.",
    415: "Body is not JSON.",
    422: "Validation failed; `fields` names each bad field.",
    429: "Rate limited (per account and per client address); see Retry-After.",
    503: "The database did not answer; send the same request again.",
}
BODY_ERRORS = (400, 413, 415, 422)
DESCRIPTION = (
    "Pairs women entrepreneurs' business ideas with mentors, supply-chain partners and startup "
    'clusters. Errors are always {"error": {code, message, fields?}}; lists are paginated with '
    "page and per_page (default 50, at most 200)."
)


PAGE_PARAMS = [
    {"name": "page", "in": "query", "schema": {"type": "integer", "minimum": 1, "default": 1}},
    {
        "name": "per_page",
        "in": "query",
        "description": "Larger values are clamped to 200.",
        "schema": {"type": "integer", "minimum": 1, "maximum": 200, "default": 50},
    },
]
ID_PARAM = {"name": "id", "in": "path", "required": True, "schema": {"type": "integer"}}


def _op(
    summary: str,
    ok: int,
    answer: str | None,
    *,
    public: bool = False,
    body: str | None = None,
    errors: tuple[int, ...] = (),
    params: list[dict[str, Any]] | None = None,
    roles: str = "",
    notes: str = "",
) -> dict[str, Any]:
    operation: dict[str, Any] = {"summary": summary}
    description = " ".join(part for part in (f"Allowed: {roles}." if roles else "", notes) if part)
    if description:
        operation["description"] = description
    if params:
        operation["parameters"] = params
    if body:
        operation["requestBody"] = {
            "required": True,
            "content": {"application/json": {"schema": ref(body)}},
        }
    success: dict[str, Any] = {"description": "OK" if ok < 300 else "Done"}
    if answer:
        success["content"] = {"application/json": {"schema": ref(answer)}}
    responses = {str(ok): success}
    codes = set(errors) | (set(BODY_ERRORS) if body else set()) | (set() if public else {401})
    for code in sorted(codes):
        responses[str(code)] = {
            "description": ERROR_TEXT[code],
            "content": {"application/json": {"schema": ref("Error")}},
        }
    operation["responses"] = responses
    if public:
        operation["security"] = []
    return operation


WITHDRAWN_TEXT = (
    "A re-match may withdraw a proposal nobody answered yet. For the mentor it was proposed to, "
    "its id then answers 409 with the code `proposal_withdrawn` (the message names her current "
    "match if the idea was proposed to her again); for anyone else it is a 404 like any unknown id."
)


def _withdrawn_is_409(operation: dict[str, Any], conflict: str = "") -> dict[str, Any]:
    operation["description"] = f"{operation['description']} {WITHDRAWN_TEXT}"
    operation["responses"]["409"]["description"] = (
        f"{conflict}Withdrawn by a re-match (`proposal_withdrawn`)."
    )
    return operation


def _directory_paths(name: str, label: str) -> dict[str, Any]:
    item = f"{name.capitalize()}"
    return {
        f"/api/v1/{name}s": {
            "get": _op(
                f"List {label}s",
                200,
                f"{item}Page",
                params=[
                    {"name": "q", "in": "query", "schema": {"type": "string"}},
                    {"name": "sector", "in": "query", "schema": enum_of(SECTORS)},
                    *PAGE_PARAMS,
                ],
                errors=(422,),
                roles="any signed-in user",
            ),
            "post": _op(
                f"Create a {label}", 201, item, body=f"{item}Input", errors=(403, 409), roles="lead"
            ),
        },
        f"/api/v1/{name}s/{{id}}": {
            "parameters": [ID_PARAM],
            "get": _op(f"One {label}", 200, item, errors=(404,), roles="any signed-in user"),
            "put": _op(
                f"Change the given fields of a {label}",
                200,
                item,
                body=f"{item}Input",
                errors=(403, 404, 409),
                roles="lead",
            ),
            "delete": _op(
                f"Delete a {label}: its approved pairings end (kept, still `approved`, with "
                "`ended_at`), its other matches are removed",
                204,
                None,
                errors=(403, 404),
                roles="lead",
            ),
        },
    }


WITHDRAWN_NOTE = (
    "A withdrawn idea has left matching; it is not listed, and reading, editing or "
    "listing the matches of it answer 404."
)
IDEMPOTENCY_PARAM = {
    "name": "Idempotency-Key",
    "in": "header",
    "description": (
        "Optional, 1 to 255 printable ASCII characters (else 422 naming `Idempotency-Key`). "
        "A repeat with the same key by the same account within 24 hours creates nothing: it "
        "answers 201 with the idea the first request created (header `Idempotent-Replayed: "
        "true`), also when the first answer was lost. The same key with a different body, or "
        "for an idea withdrawn since, is 409."
    ),
    "schema": {"type": "string", "minLength": 1, "maxLength": 255, "pattern": "^[ -~]+$"},
}


def _idea_paths() -> dict[str, Any]:
    return {
        "/api/v1/ideas": {
            "get": _op(
                "Ideas: an entrepreneur's own, all for the lead",
                200,
                "IdeaPage",
                errors=(403, 422),
                params=[
                    {"name": "status", "in": "query", "schema": enum_of(PIPELINE_STATUSES)},
                    {"name": "programme_id", "in": "query", "schema": {"type": "integer"}},
                    *PAGE_PARAMS,
                ],
                roles="entrepreneur, lead",
                notes="Withdrawn ideas are not listed.",
            ),
            "post": _op(
                "Submit an idea; matching starts in the background",
                201,
                "Idea",
                body="IdeaInput",
                errors=(403, 409, 429, 503),
                params=[IDEMPOTENCY_PARAM],
                roles="entrepreneur",
                notes=(
                    "503 means the database failed mid-way: send the request again with the "
                    "same Idempotency-Key and at most one idea is saved."
                ),
            ),
        },
        "/api/v1/ideas/{id}": {
            "parameters": [ID_PARAM],
            "get": _op(
                "One idea",
                200,
                "Idea",
                errors=(403, 404),
                roles="the owner, lead",
                notes=WITHDRAWN_NOTE,
            ),
            "put": _op(
                "Replace what the owner wrote; the idea is matched again",
                200,
                "Idea",
                body="IdeaInput",
                errors=(403, 404, 409),
                roles="the owner",
                notes=(
                    "Same fields and validation as creating one; a field left out takes its "
                    "default. 409 once any of the idea's matches is approved. Matches a mentor "
                    "or the lead already acted on are kept; untouched proposals are replaced."
                ),
            ),
        },
        "/api/v1/ideas/{id}/withdraw": {
            "parameters": [ID_PARAM],
            "post": _op(
                "Withdraw an idea: it leaves matching for good",
                204,
                None,
                errors=(403, 404, 409),
                roles="the owner",
                notes=(
                    "Its proposals still waiting on a mentor or the lead are withdrawn and the "
                    "mentors asked are told. 409 when any of its matches is approved. "
                    "Withdrawing an idea already withdrawn answers 204 again. " + WITHDRAWN_NOTE
                ),
            ),
        },
        "/api/v1/ideas/{id}/matches": {
            "parameters": [ID_PARAM],
            "get": _op(
                "The idea's matches, best first (by kind, then rank)",
                200,
                "MatchPage",
                errors=(403, 404),
                params=PAGE_PARAMS,
                roles="the owner, lead",
            ),
        },
    }


def _paths() -> dict[str, Any]:
    paths: dict[str, Any] = {
        "/healthz": {"get": _op("Liveness", 200, None, public=True)},
        "/readyz": {
            "get": _op(
                "Readiness of the database and the broker (503 if not)", 200, None, public=True
            )
        },
        "/api/v1/openapi.json": {"get": _op("This document", 200, None, public=True)},
        "/api/v1/sectors": {
            "get": _op(
                "All sectors with labels in en or sr",
                200,
                "Sectors",
                public=True,
                params=[
                    {"name": "lang", "in": "query", "schema": enum_of(("en", "sr"))},
                    {"name": "Accept-Language", "in": "header", "schema": {"type": "string"}},
                ],
            )
        },
        "/api/v1/auth/register": {
            "post": _op(
                "Register an entrepreneur or a mentor (mentors start pending)",
                201,
                "Account",
                public=True,
                body="Register",
                errors=(409, 429),
            )
        },
        "/api/v1/auth/token": {
            "post": _op(
                "Exchange e-mail and password for a bearer token",
                200,
                "Token",
                public=True,
                body="TokenRequest",
                errors=(401, 429),
            )
        },
        "/api/v1/me": {
            "get": _op("The signed-in user with her profile", 200, "Me"),
            "put": _op(
                "Change the given fields of the account and profile", 200, "Me", body="MeUpdate"
            ),
        },
        **_idea_paths(),
        "/api/v1/reviews": {
            "get": _op(
                "The mentor's own matches, `proposed` by default",
                200,
                "MatchPage",
                errors=(403, 422),
                params=[
                    {"name": "status", "in": "query", "schema": enum_of(MATCH_STATUSES)},
                    *PAGE_PARAMS,
                ],
                roles="mentor",
            )
        },
        "/api/v1/matches/{id}/review": {
            "parameters": [ID_PARAM],
            "get": _withdrawn_is_409(
                _op(
                    "One of the mentor's own matches",
                    200,
                    "Match",
                    errors=(403, 404, 409),
                    roles="the match's mentor",
                )
            ),
            "post": _withdrawn_is_409(
                _op(
                    "Accept or decline a proposed match",
                    200,
                    "Match",
                    body="Review",
                    errors=(403, 404, 409),
                    roles="the match's mentor",
                ),
                conflict="Already answered, or the mentor account is not active. ",
            ),
        },
        "/api/v1/matches/{id}/decision": {
            "parameters": [ID_PARAM],
            "post": _op(
                "Approve or reject an undecided match (a mentor match only once accepted, "
                "and within the mentor's capacity)",
                200,
                "Match",
                body="Decision",
                errors=(403, 404, 409),
                roles="lead",
            ),
        },
        "/api/v1/mentors": {
            "get": _op(
                "Mentors with capacity and current load",
                200,
                "MentorPage",
                errors=(403, 422),
                params=[
                    {"name": "status", "in": "query", "schema": enum_of(MENTOR_STATUSES)},
                    {"name": "q", "in": "query", "schema": {"type": "string"}},
                    *PAGE_PARAMS,
                ],
                roles="lead",
            )
        },
        "/api/v1/mentors/{id}/approve": {
            "parameters": [ID_PARAM],
            "post": _op(
                "Activate a pending mentor", 200, "Mentor", errors=(403, 404, 409), roles="lead"
            ),
        },
        "/api/v1/stats": {
            "get": _op(
                "Programme counts",
                200,
                "Stats",
                errors=(403, 422),
                roles="lead",
                params=[{"name": "programme_id", "in": "query", "schema": {"type": "integer"}}],
            )
        },
    }
    paths.update(_directory_paths("partner", "supply-chain partner"))
    paths.update(_directory_paths("cluster", "startup cluster"))
    return paths


@lru_cache(maxsize=1)
def openapi_document() -> dict[str, Any]:
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Mentorship Match API",
            "version": "1.0.0",
            "description": DESCRIPTION,
        },
        "servers": [{"url": "/"}],
        "security": [{"bearerAuth": []}],
        "paths": _paths(),
        "components": {
            "securitySchemes": {"bearerAuth": {"type": "http", "scheme": "bearer"}},
            "schemas": SCHEMAS,
        },
    }
