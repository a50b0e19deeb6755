"""Declarative validation of plain JSON-like data, shared by the API and the importers.

A Schema turns untrusted input into clean values or raises ValidationFailedError naming every
bad field, so nothing is written unless the whole input is valid.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Iterable

from email_validator import EmailNotValidError, validate_email

from mentorship.services.errors import ValidationFailedError

MISSING = object()
URL_RE = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.IGNORECASE)


class Invalid(ValueError):
    """One field's problem, in words a person can act on."""


@dataclass(frozen=True)
class Text:
    required: bool = False
    max_length: int = 5000
    min_length: int = 0
    strip: bool = True

    def clean(self, value: Any) -> str:
        if value is None:
            value = ""
        if not isinstance(value, str):
            raise Invalid("Must be a string.")
        if self.strip:
            value = value.strip()
        if self.required and not value:
            raise Invalid("This field is required.")
        if len(value) > self.max_length:
            raise Invalid(f"Must be at most {self.max_length} characters.")
        if value and len(value) < self.min_length:
            raise Invalid(f"Must be at least {self.min_length} characters.")
        return value


@dataclass(frozen=True)
class Email:
    required: bool = True

    def clean(self, value: Any) -> str:
        if not isinstance(value, str) or not value.strip():
            raise Invalid("This field is required." if not value else "Must be a string.")
        try:
            result = validate_email(value.strip(), check_deliverability=False)
        except EmailNotValidError as error:
            raise Invalid(f"Not a valid e-mail address: {error}") from None
        return result.normalized.lower()


@dataclass(frozen=True)
class Choice:
    values: Iterable[str]
    required: bool = False
    normalise: str | None = None  # "lower" or "upper"

    def clean(self, value: Any) -> str | None:
        if value is None or value == "":
            if self.required:
                raise Invalid("This field is required.")
            return None
        if not isinstance(value, str):
            raise Invalid("Must be a string.")
        value = value.strip()
        if self.normalise == "lower":
            value = value.lower()
        elif self.normalise == "upper":
            value = value.upper()
        allowed = set(self.values)
        if value not in allowed:
            shown = ", ".join(sorted(allowed)) if len(allowed) <= 20 else "see the documentation"
            raise Invalid(f"Unknown value '{value}'. Allowed: {shown}.")
        return value


@dataclass(frozen=True)
class ChoiceList:
    values: Iterable[str]
    min_items: int = 0
    normalise: str | None = None

    def clean(self, value: Any) -> list[str]:
        if value is None:
            value = []
        if not isinstance(value, list):
            raise Invalid("Must be a list.")
        item = Choice(self.values, required=True, normalise=self.normalise)
        cleaned: list[str] = []
        for entry in value:
            choice = item.clean(entry)
            if choice not in cleaned:
                cleaned.append(choice)
        if len(cleaned) < self.min_items:
            raise Invalid(f"Choose at least {self.min_items}.")
        return cleaned


@dataclass(frozen=True)
class Boolean:
    def clean(self, value: Any) -> bool:
        if value is None:
            return False
        if not isinstance(value, bool):
            raise Invalid("Must be true or false.")
        return value


@dataclass(frozen=True)
class Integer:
    minimum: int
    maximum: int
    required: bool = False

    def clean(self, value: Any) -> int | None:
        if value is None:
            if self.required:
                raise Invalid("This field is required.")
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            raise Invalid("Must be a whole number.")
        if not self.minimum <= value <= self.maximum:
            raise Invalid(f"Must be between {self.minimum} and {self.maximum}.")
        return value


@dataclass(frozen=True)
class Url:
    max_length: int = 500

    def clean(self, value: Any) -> str:
        text = Text(max_length=self.max_length).clean(value)
        if text and not URL_RE.match(text):
            raise Invalid("Must be empty or an http:// or https:// address.")
        return text


@dataclass(frozen=True)
class Schema:
    fields: dict[str, Any] = field(default_factory=dict)

    def validate(self, data: Any, *, partial: bool = False) -> dict[str, Any]:
        """Clean `data`; with `partial`, only the fields present are checked and returned."""
        if not isinstance(data, dict):
            raise ValidationFailedError(
                "The body must be a JSON object.", {"_body": ["Must be an object."]}
            )
        cleaned: dict[str, Any] = {}
        errors: dict[str, list[str]] = {}
        for name, spec in self.fields.items():
            value = data.get(name, MISSING)
            if value is MISSING:
                if partial:
                    continue
                default = getattr(spec, "default", MISSING)
                if default is not MISSING:
                    cleaned[name] = list(default) if isinstance(default, (list, tuple)) else default
                    continue
                value = None
            try:
                cleaned[name] = spec.clean(value)
            except Invalid as problem:
                errors[name] = [str(problem)]
        if errors:
            raise ValidationFailedError("Some fields are not valid.", errors)
        return cleaned


@dataclass(frozen=True)
class WithDefault:
    """Wraps a field spec so that an absent key takes `default` instead of being validated."""

    spec: Any
    default: Any

    def clean(self, value: Any) -> Any:
        return self.spec.clean(value)
