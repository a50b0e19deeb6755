"""Untrusted input through a contract model, with every bad field named at once.

`parse` returns plain cleaned values (a dict), so services never see pydantic objects; with
`partial`, only the fields present are checked and returned (a PUT that changes the fields given).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Annotated, Any

from pydantic import BaseModel, ValidationError, create_model

from mentorship.contract.fields import REQUIRED


class InvalidInput(ValueError):
    """The input does not fit the model: `fields` maps each bad field to its messages."""

    def __init__(self, message: str, fields: dict[str, list[str]]) -> None:
        super().__init__(message)
        self.message = message
        self.fields = fields


NOT_AN_OBJECT = InvalidInput("The body must be a JSON object.", {"_body": ["Must be an object."]})


def field_errors(error: ValidationError, prefix: str = "") -> dict[str, list[str]]:
    """Pydantic's errors as {field path: [message]}, the first message of each field."""
    fields: dict[str, list[str]] = {}
    for problem in error.errors(include_url=False):
        path = ".".join(str(part) for part in problem["loc"]) or "_body"
        message = REQUIRED if problem["type"] == "missing" else problem["msg"]
        fields.setdefault(f"{prefix}{path}", [message])
    return fields


@cache
def partial_model(model: type[BaseModel]) -> type[BaseModel]:
    """`model` with every field optional and unvalidated when absent."""
    fields: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        kind = info.annotation
        if info.metadata:
            kind = Annotated[(kind, *info.metadata)]
        fields[name] = (kind, None)
    return create_model(f"{model.__name__}Changes", __config__=model.model_config, **fields)


def field_cleaner(model: type[BaseModel], name: str) -> Callable[[Any], Any]:
    """One field of `model` on its own: its clean value, or ValueError with the field's message."""

    def clean(value: Any) -> Any:
        try:
            return parse(model, {name: value}, partial=True)[name]
        except InvalidInput as problem:
            raise ValueError(problem.fields[name][0]) from None

    return clean


def parse(
    model: type[BaseModel], data: Any, *, partial: bool = False, prefix: str = ""
) -> dict[str, Any]:
    """Clean `data` with `model`, or raise InvalidInput naming each bad field (`prefix` + name)."""
    if not isinstance(data, dict):
        raise NOT_AN_OBJECT
    checker = partial_model(model) if partial else model
    try:
        found = checker.model_validate(data)
    except ValidationError as error:
        raise InvalidInput("Some fields are not valid.", field_errors(error, prefix)) from None
    if partial:
        return found.model_dump(include=found.model_fields_set)
    return found.model_dump()
