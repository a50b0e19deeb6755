"""The OpenAPI paths and schemas of /api/v1/mentorships, generated from the pydantic shapes.

Kept apart from api/openapi.py so the generated document takes them in one place:
`paths.update(mentorship_paths())` and `schemas.update(mentorship_schemas())`.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import models_json_schema

from mentorship.api import mentorships as shapes

REF = "#/components/schemas/{model}"
MODELS: tuple[type[BaseModel], ...] = (
    shapes.MentorshipOut,
    shapes.GoalOut,
    shapes.SessionOut,
    shapes.MessageOut,
    shapes.CheckInOut,
    shapes.AgreementIn,
    shapes.GoalIn,
    shapes.GoalDoneIn,
    shapes.SessionIn,
    shapes.MessageIn,
    shapes.CheckInIn,
    shapes.SurveyIn,
    shapes.CloseIn,
    shapes.OutcomesIn,
)
ERRORS = {
    "401": "No or bad token",
    "403": "Wrong role",
    "404": "Missing, or not one of your mentorships",
    "409": "State conflict (closed, not due yet, answered already)",
    "422": "Validation failed; `fields` names the bad ones",
}


def mentorship_schemas() -> dict[str, Any]:
    _, document = models_json_schema(
        [
            (model, "serialization" if model.__name__.endswith("Out") else "validation")
            for model in MODELS
        ],
        ref_template=REF,
    )
    return document.get("$defs", {})


def _ref(model: type[BaseModel]) -> dict[str, Any]:
    return {"$ref": REF.format(model=model.__name__)}


def _page_of(model: type[BaseModel]) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": {
            "items": {"type": "array", "items": _ref(model)},
            "page": {"type": "integer"},
            "per_page": {"type": "integer"},
            "total": {"type": "integer"},
        },
    }


def _op(
    summary: str, answer: dict[str, Any], body: type[BaseModel] | None = None, status: str = "200"
) -> dict[str, Any]:
    operation: dict[str, Any] = {
        "summary": summary,
        "tags": ["mentorships"],
        "responses": {
            status: {"description": "OK", "content": {"application/json": {"schema": answer}}},
            **{code: {"description": text} for code, text in ERRORS.items()},
        },
    }
    if body is not None:
        operation["requestBody"] = {
            "required": True,
            "content": {"application/json": {"schema": _ref(body)}},
        }
    return operation


def mentorship_paths() -> dict[str, Any]:
    base = "/api/v1/mentorships/{id}"
    recorded = {"type": "object"}
    return {
        "/api/v1/mentorships": {
            "get": _op(
                "My mentorships (the lead: all), newest first", _page_of(shapes.MentorshipOut)
            )
        },
        base: {"get": _op("One mentorship with its health light", _ref(shapes.MentorshipOut))},
        f"{base}/agreement": {
            "put": _op("Fill or edit the agreement", _ref(shapes.MentorshipOut), shapes.AgreementIn)
        },
        f"{base}/goals": {
            "get": _op("The goals", _page_of(shapes.GoalOut)),
            "post": _op("Add a goal", _ref(shapes.GoalOut), shapes.GoalIn, "201"),
        },
        f"{base}/goals/{{id}}": {
            "patch": _op("Tick a goal done or not", _ref(shapes.GoalOut), shapes.GoalDoneIn)
        },
        f"{base}/sessions": {
            "get": _op("Held and planned sessions", _page_of(shapes.SessionOut)),
            "post": _op(
                "Log a held session or plan one (both members get an .ics invitation)",
                _ref(shapes.SessionOut),
                shapes.SessionIn,
                "201",
            ),
        },
        f"{base}/messages": {
            "get": _op("The pair's private thread (marks it read)", _page_of(shapes.MessageOut)),
            "post": _op(
                "Write to the other member", _ref(shapes.MessageOut), shapes.MessageIn, "201"
            ),
        },
        f"{base}/check-ins": {
            "get": _op("Check-in answers", _page_of(shapes.CheckInOut)),
            "post": _op(
                "Answer the due check-in", _ref(shapes.CheckInOut), shapes.CheckInIn, "201"
            ),
        },
        f"{base}/close": {
            "post": _op("Close out with the survey", _ref(shapes.MentorshipOut), shapes.CloseIn)
        },
        f"{base}/survey": {
            "post": _op("The other member's close-out survey", recorded, shapes.SurveyIn, "201")
        },
        f"{base}/outcomes/{{id}}": {
            "post": _op(
                "The entrepreneur's outcome answers; {id} is baseline or endline",
                recorded,
                shapes.OutcomesIn,
                "201",
            )
        },
    }
