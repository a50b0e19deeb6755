"""Jinja filters and globals shared by every template."""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from flask import Flask, url_for
from flask_babel import (
    format_date,
    format_datetime,
    format_decimal,
    format_percent,
    get_timezone,
)
from jinja2 import pass_context
from jinja2.runtime import Context
from markupsafe import Markup

from mentorship.i18n import active_translations, current_language
from mentorship.imports.messages import localise_import_message
from mentorship.infrastructure import embeddings
from mentorship.main.fit_filter import shown_percent
from mentorship.queries.match_reasons import current_reasons
from mentorship.reasons import localise_reason
from mentorship.services.notice_recipes import rendered
from mentorship.vocab import SECTOR_LABELS, STAGE_LABELS, language_name, sector_label, stage_label

# The short forms each language writes by hand: "26 Nov 2026, 16:39" and "26. nov 2026. 16:39".
DATETIME_PATTERNS = {"en": "d MMM y, HH:mm", "sr": "d. MMM y. HH:mm"}
DATE_PATTERNS = {"en": "d MMM y", "sr": "d. MMM y."}
LONG_DATE_PATTERNS = {"en": "d MMMM y", "sr": "d. MMMM y."}
DAY_PATTERNS = {"en": "d", "sr": "d."}


def register_filters(app: Flask) -> None:
    register_gettext(app)
    app.jinja_env.globals["idea_status_label"] = idea_status_label
    app.jinja_env.globals["match_status_label"] = match_status_label
    app.jinja_env.globals["mentor_status_label"] = mentor_status_label
    app.jinja_env.filters["sector_label"] = lambda slug: sector_label(slug, current_language())
    app.jinja_env.filters["language_name"] = lambda code: language_name(code, current_language())
    app.jinja_env.filters["stage_label"] = lambda stage: stage_label(stage, current_language())
    app.jinja_env.filters["reason"] = localise_reason
    app.jinja_env.filters["current_reasons"] = current_reasons
    app.jinja_env.filters["import_message"] = localise_import_message
    app.jinja_env.filters["notice_subject"] = notice_subject
    app.jinja_env.filters["notice_body"] = notice_body
    app.jinja_env.filters["datetime"] = format_local_datetime
    app.jinja_env.filters["date"] = format_local_date
    app.jinja_env.filters["long_date"] = format_long_date
    app.jinja_env.filters["date_range"] = format_date_range
    app.jinja_env.filters["number"] = format_number
    app.jinja_env.filters["fit_percent"] = shown_percent
    app.jinja_env.filters["percent"] = lambda value: "" if value is None else format_percent(value)
    app.jinja_env.globals["SECTOR_LABELS"] = SECTOR_LABELS
    app.jinja_env.globals["STAGE_LABELS"] = STAGE_LABELS
    app.jinja_env.globals["matching_meaning_status"] = embeddings.status
    app.jinja_env.globals["url_maker"] = url_maker


def register_gettext(app: Flask) -> None:
    """Templates' `_`, `gettext` and `ngettext` (and `{% trans %}`), as Jinja's new-style ones.

    Same results as the callables Flask-Babel installs (Jinja's `newstyle` wrappers over them),
    with the catalogue looked up once per request (`active_translations`) rather than per
    string, and no formatting pass over a message that has no `%` to format.
    """
    app.jinja_env.newstyle_gettext = True  # type: ignore[attr-defined]
    app.jinja_env.globals.update(_=template_gettext, gettext=template_gettext)
    app.jinja_env.globals["ngettext"] = template_ngettext


@pass_context
def template_gettext(context: Context, message: str, /, **variables: Any) -> str:
    text = active_translations().ugettext(message)
    result = Markup(text) if context.eval_ctx.autoescape else text
    return result % variables if variables or "%" in text else result


@pass_context
def template_ngettext(
    context: Context, singular: str, plural: str, number: int, /, **variables: Any
) -> str:
    variables.setdefault("num", number)
    text = active_translations().ungettext(singular, plural, number)
    result = Markup(text) if context.eval_ctx.autoescape else text
    return result % variables


# An id no row reaches: the place in a built URL where each row's own id goes.
URL_SLOT = 9_007_199_254_740_993


def url_maker(endpoint: str, name: str, **values: Any) -> Callable[[int], str]:
    """`url_for(endpoint, name=id, **values)` for a page of rows: routed once, filled per row.

    For an integer URL variable `name`; each call gives exactly what `url_for` would.
    """
    prefix, suffix = url_for(endpoint, **{name: URL_SLOT}, **values).split(str(URL_SLOT), 1)
    return lambda value: f"{prefix}{int(value)}{suffix}"


def N_(message: str) -> str:  # noqa: N802 -- the name message extraction looks for
    """Marks a message for extraction; it is translated where it is shown."""
    return message


# Serbian says "active" of one mentor ("aktivan") unlike the list's filter ("aktivni").
MENTOR_STATUS_CONTEXT = "one mentor"


def NC_(context: str, message: str) -> str:  # noqa: N802 -- as N_, with a message context
    """Marks a message with its context for extraction (`-k NC_:1c,2`)."""
    return message


# Looked up in the request's language each time they are shown (see `status_label`).
IDEA_STATUS_LABELS = {
    "submitted": N_("Waiting to be matched"),
    "matching": N_("Looking for matches"),
    "matched": N_("Matches found"),
    "unmatched": N_("No match yet"),
    "failed": N_("Matching did not finish"),
    "withdrawn": N_("Withdrawn"),
}
MATCH_STATUS_LABELS = {
    "proposed": N_("Proposed"),
    "accepted": N_("Accepted"),
    "declined": N_("Declined"),
    "approved": N_("Approved"),
    "rejected": N_("Rejected"),
    "ended": N_("Ended"),
}
# A mentor's (or a self-registered partner contact's) standing with the lead, as the mentor
# list says it.
MENTOR_STATUS_LABELS = {
    "pending": N_("Waiting for approval"),
    "active": NC_("one mentor", "Active"),
    "inactive": NC_("one mentor", "Inactive"),
}


def idea_status_label(status: str) -> str:
    """An idea's status in the request's language (an unknown status as it is)."""
    message = IDEA_STATUS_LABELS.get(status)
    return status if message is None else Markup(active_translations().ugettext(message))


def match_status_label(status: str) -> str:
    """A match's status in the request's language (an unknown status capitalised)."""
    message = MATCH_STATUS_LABELS.get(status)
    if message is None:
        return str(status).capitalize()
    return Markup(active_translations().ugettext(message))


def mentor_status_label(status: str) -> str:
    """A mentor's status in the request's language (an unknown status capitalised)."""
    message = MENTOR_STATUS_LABELS.get(status)
    if message is None:
        return str(status).capitalize()
    if status == "pending":
        return Markup(active_translations().ugettext(message))
    return Markup(active_translations().upgettext(MENTOR_STATUS_CONTEXT, message))


def format_local_datetime(value: datetime | None) -> str:
    if value is None:
        return ""
    return _local_datetime(value, current_language(), str(get_timezone()))


# Pages show the same dates on every view; Babel's formatting took a third of a millisecond each.
@functools.lru_cache(maxsize=8192)
def _local_datetime(value: datetime, language: str, zone: str) -> str:
    """`language` and `zone` are the current ones (the key: Babel reads the same itself)."""
    return format_datetime(value, DATETIME_PATTERNS[language])


def format_local_date(value: date | datetime | None) -> str:
    if value is None:
        return ""
    return format_date(value, DATE_PATTERNS[current_language()])


def format_long_date(value: date | None) -> str:
    """ "3 November 2026", "3. novembar 2026."."""
    return "" if value is None else format_date(value, LONG_DATE_PATTERNS[current_language()])


def format_date_range(starts_on: date, ends_on: date) -> str:
    """ "3–7 November 2026" within a month, else both dates in full."""
    language = current_language()
    if starts_on == ends_on:
        return format_long_date(starts_on)
    if (starts_on.year, starts_on.month) == (ends_on.year, ends_on.month):
        return f"{format_date(starts_on, DAY_PATTERNS[language])}–{format_long_date(ends_on)}"
    return f"{format_long_date(starts_on)} – {format_long_date(ends_on)}"


def format_number(value: float | None, digits: int | None = None) -> str:
    """`{{ total|number }}`, or `{{ score|number(2) }}` for exactly two decimals."""
    if value is None:
        return ""
    if digits is None:
        return format_decimal(value)
    if digits == 0:
        return format_decimal(round(value), format="#,##0")
    return format_decimal(value, format="#,##0." + "0" * digits)


def notice_subject(note) -> str:
    """A notification's subject in the reader's language of the moment (one line)."""
    return " ".join(rendered(note.subject_recipe, note.subject).split())[:200]


def notice_body(note) -> str:
    return rendered(note.body_recipe, note.body)
