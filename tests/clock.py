"""Moments tests schedule against, whatever the time of day the suite runs."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta


def next_digest_morning(now: datetime | None = None) -> datetime:
    """The first 08:00 UTC at least two hours from now.

    08:00 UTC is 09:00 or 10:00 in Belgrade, after the 07:00 digest hour; the period that
    digest covers starts the day before, so it holds anything a test writes now. "Tomorrow
    08:00" did not: run between midnight and 06:00 UTC, tomorrow's digest period began after
    the test's proposals and messages, and six digest tests failed at night.
    """
    now = now or datetime.now(UTC)
    morning = now.replace(hour=8, minute=0, second=0, microsecond=0)
    while morning < now + timedelta(hours=2):
        morning += timedelta(days=1)
    return morning
