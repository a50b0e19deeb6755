"""Shapes of the events API as pydantic v2 models: what clients send and what they get back.

Input models forbid unknown fields and strip strings; a failure becomes the contract's 422 with
the offending fields named (``parse``)."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal, TypeVar

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, StringConstraints
from pydantic import ValidationError as PydanticValidationError

from mentorship.services.errors import ValidationFailedError

Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
Note = Annotated[str, StringConstraints(strip_whitespace=True, max_length=2000)]
Reason = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]
Model = TypeVar("Model", bound="BaseModel")
CooperationType = Literal[
    "supplier", "buyer", "subcontracting", "joint_venture", "licensing", "investment", "other"
]


class Input(BaseModel):
    model_config = ConfigDict(extra="forbid")


class SessionIn(Input):
    name: Name
    starts_at: AwareDatetime
    ends_at: AwareDatetime
    tables: int = Field(ge=1, le=500)


class EventIn(Input):
    name: Name
    place: Annotated[str, StringConstraints(strip_whitespace=True, max_length=200)] = ""
    starts_on: date
    ends_on: date
    meeting_minutes: int = Field(default=30, ge=5, le=240)
    sessions: list[SessionIn] = Field(default_factory=list, max_length=20)


class StatusIn(Input):
    status: Literal["draft", "open", "closed", "finished"]


class RegistrationIn(Input):
    session_ids: list[int] = Field(min_length=1, max_length=20)
    idea_id: int | None = None


class MeetingRequestIn(Input):
    participant_id: int
    reason: Reason


class AnswerIn(Input):
    decision: Literal["accept", "decline"]


class PlacementIn(Input):
    session_id: int
    slot: int = Field(ge=0)
    table: int = Field(ge=1)


class PublishIn(Input):
    stage: Literal["preliminary", "final"]


class OutcomeIn(Input):
    result: Literal["no_interest", "follow_up", "agreement"]
    cooperation_type: CooperationType | None = None
    note: Note = ""


class SessionOut(BaseModel):
    id: int
    name: str
    starts_at: str
    ends_at: str
    tables: int
    slots: int


class EventOut(BaseModel):
    id: int
    name: str
    place: str
    starts_on: date
    ends_on: date
    meeting_minutes: int
    status: str
    schedule_stage: str
    published_at: str | None
    sessions: list[SessionOut]


class ParticipantOut(BaseModel):
    id: int
    user_id: int
    name: str
    idea_id: int | None
    partner_id: int | None
    session_ids: list[int]


class MeetingOut(BaseModel):
    id: int
    first_id: int
    second_id: int
    match_id: int | None
    reason: str
    status: str
    session_id: int | None
    slot: int | None
    table: int | None
    pinned: bool
    unscheduled_reason: str | None


class UnscheduledOut(BaseModel):
    meeting_id: int
    reason: str


class ScheduleRunOut(BaseModel):
    placed: int
    unscheduled: list[UnscheduledOut]
    slots_used: int
    max_degree: int
    two_sided: bool
    idle_gap: float


class AgendaItemOut(BaseModel):
    meeting_id: int
    starts_at: str
    ends_at: str
    session_id: int
    slot: int
    table: int
    with_participant: ParticipantOut | None
    why: str


class AgendaOut(BaseModel):
    stage: str
    items: list[AgendaItemOut]


class OutcomeOut(BaseModel):
    meeting_id: int
    participant_id: int
    result: str
    cooperation_type: str | None
    note: str


class ReportOut(BaseModel):
    meetings_scheduled: int
    meetings_reported: int
    results: dict[str, int]
    agreements_by_type: dict[str, int]
    follow_ups_by_type: dict[str, int]


def parse(model: type[Model], data: Any) -> Model:
    """Validate a request body; a failure is the contract's 422 naming each field."""
    try:
        return model.model_validate(data)
    except PydanticValidationError as error:
        fields: dict[str, list[str]] = {}
        for problem in error.errors():
            name = str(problem["loc"][0]) if problem["loc"] else "_body"
            fields.setdefault(name, []).append(problem["msg"])
        raise ValidationFailedError("Some fields are not valid.", fields) from None


# The events paths for the OpenAPI document: (method, path, summary, body, answer, ok, roles).
# ``openapi_paths`` and ``openapi_schemas`` are merged into the generated document at merge time.
OPERATIONS = (
    ("get", "/events", "List events", None, "EventPage", 200, "any user"),
    ("post", "/events", "Create an event with its sessions", EventIn, EventOut, 201, "lead"),
    ("get", "/events/{id}", "One event", None, EventOut, 200, "any user"),
    ("post", "/events/{id}/sessions", "Add a session", SessionIn, EventOut, 201, "lead"),
    ("post", "/events/{id}/status", "Open, close or finish", StatusIn, EventOut, 200, "lead"),
    (
        "post",
        "/events/{id}/registration",
        "Register",
        RegistrationIn,
        ParticipantOut,
        201,
        "entrepreneur, partner",
    ),
    ("delete", "/events/{id}/registration", "Withdraw", None, None, 204, "entrepreneur, partner"),
    (
        "get",
        "/events/{id}/participants",
        "Participants",
        None,
        "ParticipantPage",
        200,
        "participants, lead",
    ),
    (
        "get",
        "/events/{id}/meetings",
        "Own meetings (lead: all)",
        None,
        "MeetingPage",
        200,
        "participants, lead",
    ),
    (
        "post",
        "/events/{id}/meetings",
        "Request a meeting",
        MeetingRequestIn,
        MeetingOut,
        201,
        "entrepreneur, partner",
    ),
    (
        "post",
        "/events/{id}/meetings/{id}/answer",
        "Accept or decline",
        AnswerIn,
        MeetingOut,
        200,
        "entrepreneur, partner",
    ),
    ("post", "/events/{id}/suggestions", "Suggest meetings from matches", None, None, 200, "lead"),
    (
        "post",
        "/events/{id}/schedule/run",
        "Compute the schedule",
        None,
        ScheduleRunOut,
        200,
        "lead",
    ),
    (
        "put",
        "/events/{id}/meetings/{id}/placement",
        "Pin a meeting",
        PlacementIn,
        MeetingOut,
        200,
        "lead",
    ),
    ("post", "/events/{id}/schedule/publish", "Publish", PublishIn, EventOut, 200, "lead"),
    ("get", "/events/{id}/agenda", "Published agenda", None, AgendaOut, 200, "participants, lead"),
    (
        "put",
        "/events/{id}/meetings/{id}/outcome",
        "Record an outcome",
        OutcomeIn,
        OutcomeOut,
        200,
        "entrepreneur, partner",
    ),
    ("get", "/events/{id}/report", "Outcomes report", None, ReportOut, 200, "lead"),
)
REF = "#/components/schemas/{model}"


def _ref(model: Any) -> dict[str, str]:
    return {"$ref": REF.format(model=model if isinstance(model, str) else model.__name__)}


def openapi_schemas() -> dict[str, Any]:
    """JSON Schemas of every model above, plus the paginated lists."""
    schemas: dict[str, Any] = {}
    models = {m for op in OPERATIONS for m in (op[3], op[4]) if isinstance(m, type)}
    for model in sorted(models | {ParticipantOut, MeetingOut}, key=lambda m: m.__name__):
        schema = model.model_json_schema(ref_template=REF)
        schemas.update(schema.pop("$defs", {}))
        schemas[model.__name__] = schema
    for name, item in (
        ("Event", EventOut),
        ("Participant", ParticipantOut),
        ("Meeting", MeetingOut),
    ):
        schemas[f"{name}Page"] = {
            "type": "object",
            "properties": {
                "items": {"type": "array", "items": _ref(item)},
                "page": {"type": "integer"},
                "per_page": {"type": "integer"},
                "total": {"type": "integer"},
            },
        }
    return schemas


def openapi_paths() -> dict[str, Any]:
    paths: dict[str, Any] = {}
    for method, path, summary, body, answer, ok, roles in OPERATIONS:
        operation: dict[str, Any] = {"summary": summary, "description": f"Allowed: {roles}."}
        if "{id}" in path:
            operation["parameters"] = [
                {"name": "id", "in": "path", "required": True, "schema": {"type": "integer"}}
            ]
        if body is not None:
            operation["requestBody"] = {
                "required": True,
                "content": {"application/json": {"schema": _ref(body)}},
            }
        success: dict[str, Any] = {"description": "OK"}
        if answer is not None:
            success["content"] = {"application/json": {"schema": _ref(answer)}}
        operation["responses"] = {str(ok): success}
        for code in (401, 403, 404, 409, 422):
            operation["responses"][str(code)] = {
                "description": "Error",
                "content": {"application/json": {"schema": {"$ref": REF.format(model="Error")}}},
            }
        paths.setdefault(f"/api/v1{path}", {})[method] = operation
    return paths
