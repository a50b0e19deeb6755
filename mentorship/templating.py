"""Jinja filters and globals shared by every template."""

from __future__ import annotations

from datetime import datetime

from flask import Flask

from mentorship.vocab import SECTOR_LABELS, STAGE_LABELS, language_name, sector_label


def register_filters(app: Flask) -> None:
    app.jinja_env.filters["sector_label"] = sector_label
    app.jinja_env.filters["language_name"] = language_name
    app.jinja_env.filters["stage_label"] = lambda stage: STAGE_LABELS.get(stage or "", stage or "")
    app.jinja_env.filters["datetime"] = _format_datetime
    app.jinja_env.globals["SECTOR_LABELS"] = SECTOR_LABELS
    app.jinja_env.globals["STAGE_LABELS"] = STAGE_LABELS


def _format_datetime(value: datetime | None) -> str:
    if value is None:
        return ""
    return value.strftime("%d %b %Y, %H:%M")
