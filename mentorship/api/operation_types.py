"""What an API operation is made of: its parameters and the operation itself (see operations.py)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, TypeAdapter

from mentorship.contract.fields import MAX_ID

ANYONE = "anyone"
SIGNED_IN = "any signed-in user"


@dataclass(frozen=True)
class Param:
    """A query, header or path parameter; `kind` is a Python type turned into its JSON Schema."""

    name: str
    kind: Any
    where: str = "query"
    description: str = ""

    def openapi(self) -> dict[str, Any]:
        found: dict[str, Any] = {
            "name": self.name,
            "in": self.where,
            "schema": TypeAdapter(self.kind).json_schema(),
        }
        if self.where == "path":
            found["required"] = True
        if self.description:
            found["description"] = self.description
        return found


@dataclass(frozen=True)
class Operation:
    """One method on one path: who may call it, what it takes and what it answers.

    `path` is the OpenAPI path ({id} for the object id); `ok` the success status with `answer`
    its body model (None: no body, or a free JSON object with `free_answer`); `errors` the error
    statuses besides those implied (401 unless `roles` is ANYONE; 400/413/415/422 with a body).
    """

    method: str
    path: str
    summary: str
    roles: str
    ok: int = 200
    answer: type[BaseModel] | None = None
    body: type[BaseModel] | None = None
    errors: tuple[int, ...] = ()
    params: tuple[Param, ...] = ()
    notes: str = ""
    free_answer: bool = False
    error_text: tuple[tuple[int, str], ...] = ()  # what a status means here, when it says more
    # Other success statuses (same body) and what each means.
    also_ok: tuple[tuple[int, str], ...] = ()

    @property
    def public(self) -> bool:
        return self.roles == ANYONE


PAGE = (
    Param("page", int, description="From 1 (the default)."),
    Param("per_page", int, description="Default 50; larger values are clamped to 200."),
)
OBJECT_ID = Param("id", int, "path", f"A positive whole number up to {MAX_ID}.")
OBJECT_ID = Param("id", int, "path", f"A positive whole number up to {MAX_ID}.")
