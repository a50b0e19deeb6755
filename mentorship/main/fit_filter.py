"""The minimum-fit filter of the review and approval lists: a percentage, as scores are shown."""

from __future__ import annotations

import math

from flask import flash
from flask_babel import gettext

# Enough of a bad value to name it in the message without echoing a whole pasted text.
SHOWN_MAX = 20


def minimum_fit(raw: str | None) -> float | None:
    """The percentage (0–100) asked for, or None for no filter.

    A value that is not a number in that range filters nothing and says so on the page, rather
    than silently emptying the list (a 0–1 habit: `50`) or being clamped away (`150`).
    """
    text = (raw or "").strip().replace(",", ".")
    if not text:
        return None
    try:
        percent = float(text)
    except ValueError:
        percent = math.nan
    if not 0 <= percent <= 100:  # also false for NaN
        shown = text if len(text) <= SHOWN_MAX else text[: SHOWN_MAX - 1] + "…"
        flash(
            gettext(
                "The minimum fit “%(value)s” is not a percentage from 0 to 100, "
                "so the list shows every fit.",
                value=shown,
            ),
            "warning",
        )
        return None
    return percent


def shown_percent(percent: float | None) -> str:
    """The filter's value for its input box: `50`, not `50.0`."""
    if percent is None:
        return ""
    return str(int(percent)) if percent == int(percent) else str(percent)
