"""The OpenAPI 3.1 document, generated from the operation list and the contract's models.

Nothing here describes a field: component schemas are pydantic's JSON Schema of the models each
operation names (mentorship/contract/), so the document cannot drift from what the API checks
and answers. Error answers all share the `Error` model.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import models_json_schema

from mentorship.api.operation_types import OBJECT_ID
from mentorship.api.operations import ALSO_DOCUMENTED, OPERATIONS, Operation
from mentorship.contract.base import Error

REF = "#/components/schemas/{model}"
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
    503: "Not available now (the database or the broker); send the same request again.",
}
BODY_ERRORS = (400, 413, 415, 422)
DESCRIPTION = (
    "Pairs women entrepreneurs' business ideas with mentors, supply-chain partners and startup "
    'clusters. Errors are always {"error": {code, message, fields?}}; lists are paginated with '
    "page and per_page (default 50, at most 200)."
)


def error_statuses(operation: Operation) -> list[int]:
    """The error statuses an operation may answer: its own, plus those its shape implies."""
    codes = set(operation.errors)
    if operation.body is not None:
        codes |= set(BODY_ERRORS)
    if not operation.public:
        codes.add(401)
    return sorted(codes)


def _models() -> list[type[BaseModel]]:
    found: dict[str, type[BaseModel]] = {"Error": Error}
    found.update((model.__name__, model) for model in ALSO_DOCUMENTED)
    for operation in OPERATIONS:
        for model in (operation.body, operation.answer):
            if model is not None:
                found.setdefault(model.__name__, model)
    return list(found.values())


# An inner object's path parameter is named after its collection ({meeting_id}); a few read
# better under another name.
INNER_NAMES = {"outcomes": "phase", "problem-reports": "report_id"}


def _inner_names(path: str) -> list[str]:
    """Names of the second and later `{id}`s of an operation's path, in order."""
    parts, names = path.split("/"), []
    for position, part in enumerate(parts):
        if part == "{id}" and "{id}" in parts[:position]:
            collection = parts[position - 1]
            names.append(
                INNER_NAMES.get(collection, collection.rstrip("s").replace("-", "_") + "_id")
            )
    return names


def document_path(path: str) -> str:
    """The path as the document shows it: OpenAPI path parameters need distinct names, so an
    inner object's `{id}` (the operations write each `{id}` alike) is named after its collection."""
    names = iter(_inner_names(path))
    parts = path.split("/")
    outer_seen = False
    for position, part in enumerate(parts):
        if part == "{id}":
            if outer_seen:
                parts[position] = "{" + next(names) + "}"
            outer_seen = True
    return "/".join(parts)


def _parameters(operation: Operation) -> list[dict[str, Any]]:
    """The operation's parameters; a path `id` that stands for several ids becomes one
    parameter per id: the outer object's `id`, then each inner one's under its own name."""
    found = []
    inner = _inner_names(operation.path)
    for param in operation.params:
        described = param.openapi()
        if param.where != "path" or param.name != "id" or not inner:
            found.append(described)
            continue
        found.append({**OBJECT_ID.openapi(), "required": True})
        for name in inner:
            found.append(
                {
                    **described,
                    "name": name,
                    "required": True,
                    "description": f"The {name.removesuffix('_id')}'s id within the outer object"
                    if name.endswith("_id")
                    else described.get("description", ""),
                }
            )
    return found


def _json(ref: dict[str, Any] | None) -> dict[str, Any]:
    return {"application/json": {"schema": ref if ref is not None else {"type": "object"}}}


def _operation(operation: Operation, refs: dict[str, dict[str, str]]) -> dict[str, Any]:
    found: dict[str, Any] = {"summary": operation.summary, "operationId": operation_id(operation)}
    allowed = "" if operation.public else f"Allowed: {operation.roles}."
    description = " ".join(part for part in (allowed, operation.notes) if part)
    if description:
        found["description"] = description
    if operation.params:
        found["parameters"] = _parameters(operation)
    if operation.body is not None:
        found["requestBody"] = {
            "required": True,
            "content": _json(refs[operation.body.__name__]),
        }
    success: dict[str, Any] = {"description": "OK" if operation.ok < 300 else "Done"}
    if operation.answer is not None or operation.free_answer:
        answer = operation.answer
        success["content"] = _json(refs[answer.__name__] if answer is not None else None)
    responses = {str(operation.ok): success}
    for code, meaning in operation.also_ok:
        responses[str(code)] = {**success, "description": meaning}
    error_text = {**ERROR_TEXT, **dict(operation.error_text)}
    for code in error_statuses(operation):
        responses[str(code)] = {"description": error_text[code], "content": _json(refs["Error"])}
    found["responses"] = responses
    if operation.public:
        found["security"] = []
    return found


def operation_id(operation: Operation) -> str:
    words = operation.path.removeprefix("/api/v1").replace("{id}", "one").strip("/")
    return operation.method + "_" + "_".join(part for part in words.replace(".", "/").split("/"))


@lru_cache(maxsize=1)
def openapi_document() -> dict[str, Any]:
    models = _models()
    keys, schemas = models_json_schema(
        [(model, "validation") for model in models], ref_template=REF
    )
    refs = {model.__name__: keys[(model, "validation")] for model in models}
    paths: dict[str, dict[str, Any]] = {}
    for operation in OPERATIONS:
        paths.setdefault(document_path(operation.path), {})[operation.method] = _operation(
            operation, refs
        )
    return {
        "openapi": "3.1.0",
        "info": {"title": "Mentorship Match API", "version": "1.0.0", "description": DESCRIPTION},
        "servers": [{"url": "/"}],
        "security": [{"bearerAuth": []}],
        "paths": paths,
        "components": {
            "securitySchemes": {"bearerAuth": {"type": "http", "scheme": "bearer"}},
            "schemas": schemas["$defs"],
        },
    }
