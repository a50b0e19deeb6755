"""The `?programme=` narrowing shared by the lead's pages and downloads.

A page given an unknown or malformed programme shows all programmes and says so, rather than
silently looking unfiltered; a download refuses it (404), so no file is ever quietly unfiltered.
"""

from __future__ import annotations

from flask import abort, flash
from flask_babel import gettext

from mentorship.main.ids import parse_id
from mentorship.models import Programme
from mentorship.services import programmes
from mentorship.services.errors import NotFoundError

SHOWN_MAX = 40


def shown(value: str) -> str:
    """A value typed into the address, cut short enough to quote in a message."""
    return value if len(value) <= SHOWN_MAX else value[: SHOWN_MAX - 1] + "…"


def _find(value: str) -> Programme | None:
    programme_id = parse_id(value)
    if programme_id is None:
        return None
    try:
        return programmes.get_programme(programme_id)
    except NotFoundError:
        return None


def programme_for_page(value: str | None) -> Programme | None:
    """The chosen programme, or None for all; an unknown one flashes a message and shows all."""
    value = (value or "").strip()
    if not value:
        return None
    programme = _find(value)
    if programme is None:
        flash(
            gettext("Unknown programme “%(value)s”: showing all programmes.", value=shown(value)),
            "warning",
        )
    return programme


def programme_for_download(value: str | None) -> Programme | None:
    """The chosen programme, or None for all; an unknown one is a 404, never an unfiltered file."""
    value = (value or "").strip()
    if not value:
        return None
    programme = _find(value)
    if programme is None:
        abort(404)
    return programme
