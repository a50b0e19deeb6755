"""An import report's row reasons and notes in the reader's language.

The report is stored in English (the background import writes it outside any request, and a lead
may read it later in another language), so the page rebuilds each known sentence with gettext.
Column names stay as they are: they are the file format.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from flask_babel import gettext, ngettext

# "name: the problem" -- a column name, then what is wrong with its cell.
COLUMN_MESSAGE = re.compile(r"(?P<column>[a-z_]+): (?P<message>.+)", re.DOTALL)


def _role(role: str) -> str:
    words = {
        "mentor": gettext("mentor"),
        "entrepreneur": gettext("entrepreneur"),
        "lead": gettext("lead"),
    }
    return words.get(role, role)


def _matched_by(key: str) -> str:
    words = {
        "the e-mail address": gettext("the e-mail address"),
        "the name (case does not matter)": gettext("the name (case does not matter)"),
        "the owner's e-mail and the title (case does not matter)": gettext(
            "the owner's e-mail and the title (case does not matter)"
        ),
    }
    return words.get(key, key)


Rebuild = Callable[[re.Match], str]

# What a column's cell can be refused or noted for (handlers, columns and the shared validation).
CELL_MESSAGES: tuple[tuple[str, Rebuild], ...] = (
    (r"missing \(required\)", lambda found: gettext("missing (required)")),
    (r"This field is required\.", lambda found: gettext("This field is required.")),
    (r"Must be a string\.", lambda found: gettext("Must be a string.")),
    (r"Must be a list\.", lambda found: gettext("Must be a list.")),
    (r"Must be true or false\.", lambda found: gettext("Must be true or false.")),
    (r"Must be a whole number\.", lambda found: gettext("Must be a whole number.")),
    (
        r"Must be empty or an http:// or https:// address\.",
        lambda found: gettext("Must be empty or an http:// or https:// address."),
    ),
    (
        r"Must be at most (?P<n>\d+) characters\.",
        lambda found: ngettext(
            "Must be at most %(num)d character.",
            "Must be at most %(num)d characters.",
            int(found["n"]),
        ),
    ),
    (
        r"Must be at least (?P<n>\d+) characters\.",
        lambda found: ngettext(
            "Must be at least %(num)d character.",
            "Must be at least %(num)d characters.",
            int(found["n"]),
        ),
    ),
    (
        r"Must be between (?P<low>-?\d+) and (?P<high>-?\d+)\.",
        lambda found: gettext(
            "Must be between %(low)s and %(high)s.", low=found["low"], high=found["high"]
        ),
    ),
    (
        r"Choose at least (?P<n>\d+)\.",
        lambda found: gettext("Choose at least %(count)s.", count=found["n"]),
    ),
    (
        r"Unknown value '(?P<value>.*)'\. Allowed: (?P<allowed>.*)\.",
        lambda found: gettext(
            "Unknown value “%(value)s”. Allowed: %(allowed)s.",
            value=found["value"],
            allowed=found["allowed"],
        ),
    ),
    (
        r"Not a valid e-mail address: (?P<detail>.*)",
        lambda found: gettext("Not a valid e-mail address: %(detail)s", detail=found["detail"]),
    ),
    (
        r"unknown sector “(?P<value>.*)”",
        lambda found: gettext("unknown sector “%(value)s”", value=found["value"]),
    ),
    (
        r"unknown stage “(?P<value>.*)” \(use idea, early or growth\)",
        lambda found: gettext(
            "unknown stage “%(value)s” (use idea, early or growth)", value=found["value"]
        ),
    ),
    (
        r"unknown status “(?P<value>.*)” \(use pending, active or inactive\)",
        lambda found: gettext(
            "unknown status “%(value)s” (use pending, active or inactive)", value=found["value"]
        ),
    ),
    (
        r"“(?P<value>.*)” is not yes or no",
        lambda found: gettext("“%(value)s” is not yes or no", value=found["value"]),
    ),
    (
        r"“(?P<value>.*)” is not a whole number",
        lambda found: gettext("“%(value)s” is not a whole number", value=found["value"]),
    ),
    (
        r"this e-mail belongs to an existing (?P<role>[a-z]+) account",
        lambda found: gettext(
            "this e-mail belongs to an existing %(role)s account", role=_role(found["role"])
        ),
    ),
    (
        r"this e-mail belongs to a (?P<role>[a-z]+), not an entrepreneur",
        lambda found: gettext(
            "this e-mail belongs to a %(role)s, not an entrepreneur", role=_role(found["role"])
        ),
    ),
    (
        r"no account with this e-mail \(import the entrepreneurs first\)",
        lambda found: gettext("no account with this e-mail (import the entrepreneurs first)"),
    ),
    (
        r"choose the programme on the upload form to name its modules",
        lambda found: gettext("choose the programme on the upload form to name its modules"),
    ),
    (
        r"“(?P<title>.*)” is not a module of (?P<programme>.+)",
        lambda found: gettext(
            "“%(title)s” is not a module of %(programme)s",
            title=found["title"],
            programme=found["programme"],
        ),
    ),
    (
        r"(?P<n>\d+) is below the (?P<load>\d+) entrepreneurs she mentors now",
        lambda found: ngettext(
            "%(capacity)s is below the %(num)d entrepreneur she mentors now",
            "%(capacity)s is below the %(num)d entrepreneurs she mentors now",
            int(found["load"]),
            capacity=found["n"],
        ),
    ),
    (
        r"starts with “=”, kept as text \(never calculated\)",
        lambda found: gettext("starts with “=”, kept as text (never calculated)"),
    ),
)

# Whole-row reasons.
ROW_MESSAGES: tuple[tuple[str, Rebuild], ...] = (
    (
        r"has (?P<n>\d+) cell\(s\) beyond the last column",
        lambda found: ngettext(
            "has %(num)d cell beyond the last column",
            "has %(num)d cells beyond the last column",
            int(found["n"]),
        ),
    ),
    (
        r"duplicate of row (?P<row>\d+) \(both match (?P<key>.+)\)",
        lambda found: gettext(
            "duplicate of row %(row)s (both match %(key)s)",
            row=found["row"],
            key=_matched_by(found["key"]),
        ),
    ),
)

_CELL = tuple((re.compile(pattern, re.DOTALL), rebuild) for pattern, rebuild in CELL_MESSAGES)
_ROW = tuple((re.compile(pattern, re.DOTALL), rebuild) for pattern, rebuild in ROW_MESSAGES)


def _rebuild(text: str, patterns: tuple[tuple[re.Pattern[str], Rebuild], ...]) -> str | None:
    for pattern, rebuild in patterns:
        found = pattern.fullmatch(text)
        if found is not None:
            return rebuild(found)
    return None


def localise_import_message(text: str) -> str:
    """A row's reason or note in the current language when it is a known sentence, else as is."""
    if not isinstance(text, str):
        return text
    whole = _rebuild(text, _ROW)
    if whole is not None:
        return whole
    found = COLUMN_MESSAGE.fullmatch(text)
    if found is not None:
        message = _rebuild(found["message"], _CELL)
        if message is not None:
            return f"{found['column']}: {message}"
    return text
