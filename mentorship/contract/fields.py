"""The field types of the public contract: limits, vocabularies and how untrusted input is cleaned.

Each type is an `Annotated` pydantic type: a before-validator cleans the raw JSON value (strips
text, normalises codes, turns null into the field's empty value) and refuses it with the message a
person can act on, while the declared type and constraints describe the field in the generated JSON
Schema. Messages are stable English sentences: the import report translates them by their text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Annotated, Any, Literal

from email_validator import EmailNotValidError, validate_email
from pydantic import BeforeValidator, Field
from pydantic_core import PydanticCustomError

from mentorship.models.accounts import MAX_CAPACITY
from mentorship.vocab import COUNTRIES, LANGUAGES, NEEDS, SECTORS, STAGES

NAME_MAX = 200
DESCRIPTION_MAX = 5000
NOTE_MAX = 2000
PLACE_MAX = 120
PASSWORD_MIN = 8
PASSWORD_MAX = 200
EMAIL_MAX = 254
URL_MAX = 500
MAX_ID = 2147483647
URL_RE = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.IGNORECASE)


def refuse(message: str) -> PydanticCustomError:
    """An error whose message is exactly `message` (pydantic prefixes plain ValueErrors)."""
    return PydanticCustomError("invalid", "{message}", {"message": message})


REQUIRED = "This field is required."


def clean_text(
    value: Any, *, required: bool, max_length: int, min_length: int = 0, strip: bool = True
) -> str:
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise refuse("Must be a string.")
    if strip:
        value = value.strip()
    if required and not value:
        raise refuse(REQUIRED)
    if len(value) > max_length:
        raise refuse(f"Must be at most {max_length} characters.")
    if value and len(value) < min_length:
        raise refuse(f"Must be at least {min_length} characters.")
    return value


def Text(  # noqa: N802 - a type factory, read like a type
    max_length: int,
    *,
    required: bool = False,
    min_length: int = 0,
    strip: bool = True,
    description: str | None = None,
) -> Any:
    """A string, stripped unless `strip` is false; blank counts as missing when `required`."""

    def clean(value: Any) -> str:
        return clean_text(
            value, required=required, max_length=max_length, min_length=min_length, strip=strip
        )

    shortest = max(min_length, 1 if required else 0)
    return Annotated[
        str,
        BeforeValidator(clean),
        Field(max_length=max_length, min_length=shortest or None, description=description),
    ]


def clean_email(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise refuse(REQUIRED if not value else "Must be a string.")
    try:
        result = validate_email(value.strip(), check_deliverability=False)
    except EmailNotValidError as error:
        raise refuse(f"Not a valid e-mail address: {error}") from None
    return result.normalized.lower()


Email = Annotated[
    str,
    BeforeValidator(clean_email),
    Field(max_length=EMAIL_MAX, json_schema_extra={"format": "email"}),
]


def _choice_cleaner(
    values: Iterable[str], *, required: bool, normalise: str | None
) -> Callable[[Any], str | None]:
    allowed = frozenset(values)
    shown = ", ".join(sorted(allowed)) if len(allowed) <= 20 else "see the documentation"

    def clean(value: Any) -> str | None:
        if value is None or value == "":
            if required:
                raise refuse(REQUIRED)
            return None
        if not isinstance(value, str):
            raise refuse("Must be a string.")
        value = value.strip()
        if normalise == "lower":
            value = value.lower()
        elif normalise == "upper":
            value = value.upper()
        if value not in allowed:
            raise refuse(f"Unknown value '{value}'. Allowed: {shown}.")
        return value

    return clean


def one_of(values: Iterable[str]) -> Any:
    """The vocabulary as a Literal type: an enum in the JSON Schema (a set in sorted order)."""
    return Literal[tuple(sorted(values)) if isinstance(values, frozenset) else tuple(values)]


def Choice(  # noqa: N802
    values: Iterable[str], *, required: bool = False, normalise: str | None = None
) -> Any:
    """One value of a vocabulary; empty or null is None unless `required`."""
    values = tuple(values)
    clean = _choice_cleaner(values, required=required, normalise=normalise)
    kind = one_of(values) if required else one_of(values) | None
    return Annotated[kind, BeforeValidator(clean)]


def ChoiceList(  # noqa: N802
    values: Iterable[str], *, min_items: int = 0, normalise: str | None = None
) -> Any:
    """A list of vocabulary values, duplicates dropped; null is the empty list."""
    values = tuple(values)
    item = _choice_cleaner(values, required=True, normalise=normalise)

    def clean(value: Any) -> list[str]:
        if value is None:
            value = []
        if not isinstance(value, list):
            raise refuse("Must be a list.")
        cleaned: list[str] = []
        for entry in value:
            choice = item(entry)
            if choice not in cleaned:
                cleaned.append(choice)
        if len(cleaned) < min_items:
            raise refuse(f"Choose at least {min_items}.")
        return cleaned

    return Annotated[
        list[one_of(values)], BeforeValidator(clean), Field(min_length=min_items or None)
    ]


def _clean_boolean(value: Any) -> bool:
    if value is None:
        return False
    if not isinstance(value, bool):
        raise refuse("Must be true or false.")
    return value


Boolean = Annotated[bool, BeforeValidator(_clean_boolean)]


def Integer(minimum: int, maximum: int, *, required: bool = False) -> Any:  # noqa: N802
    """A whole number within bounds (never a boolean); null is None unless `required`."""

    def clean(value: Any) -> int | None:
        if value is None:
            if required:
                raise refuse(REQUIRED)
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            raise refuse("Must be a whole number.")
        if not minimum <= value <= maximum:
            raise refuse(f"Must be between {minimum} and {maximum}.")
        return value

    bounded = Annotated[int, Field(ge=minimum, le=maximum)]
    return Annotated[bounded if required else bounded | None, BeforeValidator(clean)]


def _clean_url(value: Any) -> str:
    text = clean_text(value, required=False, max_length=URL_MAX)
    if text and not URL_RE.match(text):
        raise refuse("Must be empty or an http:// or https:// address.")
    return text


Url = Annotated[
    str,
    BeforeValidator(_clean_url),
    Field(max_length=URL_MAX, description="Empty or an http(s):// URL."),
]

# The contract's vocabularies as field types.
Sector = Choice(SECTORS)
Stage = Choice(STAGES)
Country = Choice(COUNTRIES, normalise="upper")
Sectors = ChoiceList(SECTORS)
Languages = ChoiceList(LANGUAGES, normalise="lower")
Needs = ChoiceList(NEEDS, min_items=1)
Capacity = Integer(0, MAX_CAPACITY, required=True)
ObjectId = Integer(1, MAX_ID)
Name = Text(NAME_MAX, required=True)
Description = Text(DESCRIPTION_MAX, required=True)
Note = Text(NOTE_MAX)
