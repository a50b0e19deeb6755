"""Base classes of the contract's models: requests ignore unknown keys, answers forbid them."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer

from mentorship.models.base import isoformat_utc

Item = TypeVar("Item")


class RequestBody(BaseModel):
    """A request body: unknown keys are ignored, as the contract leaves them free."""

    model_config = ConfigDict(extra="ignore")


class Answer(BaseModel):
    """A response body exactly as the serializers build it: no key the model does not name."""

    model_config = ConfigDict(extra="forbid")


class Page(Answer, Generic[Item]):
    """A page of a list: `?page=` and `?per_page=` (default 50, at most 200)."""

    items: list[Item]
    page: int = Field(ge=1)
    per_page: int = Field(ge=1, le=200)
    total: int = Field(ge=0)


class ErrorDetail(Answer):
    code: str
    message: str
    fields: dict[str, list[str]] | None = Field(
        default=None, description="Each bad field (422) with what is wrong with it."
    )


class Error(Answer):
    """Every error answer: {"error": {code, message, fields?}}."""

    error: ErrorDetail


class ClosedRequestBody(RequestBody):
    """A request body that refuses unknown keys (422 naming each): the mentorships and events
    endpoints were published that way, so a misspelt field is an error rather than ignored."""

    model_config = ConfigDict(extra="forbid")


# A moment as the API answers it: ISO 8601 in UTC with a Z (SQLite's naive values read as UTC).
Timestamp = Annotated[datetime, PlainSerializer(isoformat_utc, return_type=str, when_used="json")]
