"""The health light and the check-in calendar: pure functions of dates and a few signals.

No database and no Flask here, so every rule is tested with plain values.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

SETTINGS = Path(__file__).resolve().parent / "settings.json"

ON_TRACK = "on_track"
NEEDS_CHECK_IN = "needs_check_in"
TOO_EARLY = "too_early"
CLOSED = "closed"
LIGHTS = (ON_TRACK, NEEDS_CHECK_IN, TOO_EARLY, CLOSED)


@lru_cache(maxsize=1)
def settings() -> dict[str, Any]:
    """Programme defaults (lengths, thresholds, outcome areas) kept as data, not code."""
    return json.loads(SETTINGS.read_text(encoding="utf-8"))


@dataclass(frozen=True)
class HealthSignals:
    started_on: date
    today: date
    closed: bool = False
    last_session_on: date | None = None
    lowest_latest_pulse: int | None = None
    """The lowest pulse given in the latest answered check-in round."""
    unanswered_since: date | None = None
    """When the oldest message still waiting for the other member's reply was sent."""


def health_light(signals: HealthSignals) -> tuple[str, list[str]]:
    """The light and the reasons for it (codes: no_session, low_pulse, unanswered_messages)."""
    if signals.closed:
        return CLOSED, []
    rules = settings()
    reasons = []
    since_session = signals.last_session_on or signals.started_on
    if (signals.today - since_session).days > rules["no_session_days"]:
        reasons.append("no_session")
    if (
        signals.lowest_latest_pulse is not None
        and signals.lowest_latest_pulse <= rules["low_pulse"]
    ):
        reasons.append("low_pulse")
    if (
        signals.unanswered_since is not None
        and (signals.today - signals.unanswered_since).days > rules["unanswered_message_days"]
    ):
        reasons.append("unanswered_messages")
    if reasons:
        return NEEDS_CHECK_IN, reasons
    too_young = (signals.today - signals.started_on).days < rules["no_session_days"]
    if too_young and signals.last_session_on is None and signals.lowest_latest_pulse is None:
        return TOO_EARLY, []
    return ON_TRACK, []


def check_in_round(started_on: date, today: date) -> int:
    """The round due by today: 0 before the first (30 days in), then one more every 60 days."""
    rules = settings()
    first = started_on + timedelta(days=rules["first_check_in_days"])
    if today < first:
        return 0
    return 1 + (today - first).days // rules["check_in_every_days"]


def round_due_on(started_on: date, round_number: int) -> date:
    rules = settings()
    return started_on + timedelta(
        days=rules["first_check_in_days"] + rules["check_in_every_days"] * (round_number - 1)
    )


def planned_end(started_on: date, programme_name: str | None = None) -> date:
    """Start plus the programme's length in months (the default when it names none)."""
    rules = settings()
    months = rules["programme_months"].get(programme_name or "", rules["default_months"])
    month_index = started_on.month - 1 + months
    year, month = started_on.year + month_index // 12, month_index % 12 + 1
    for day in (started_on.day, 30, 29, 28):
        try:
            return date(year, month, day)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def unanswered_since(messages: list[tuple[int | None, date]]) -> date | None:
    """The first of the trailing run of messages by one sender: what still waits for a reply.

    `messages` are (sender_id, sent_on) in the order they were sent.
    """
    if not messages:
        return None
    last_sender = messages[-1][0]
    since = messages[-1][1]
    for sender, sent_on in reversed(messages):
        if sender != last_sender:
            break
        since = sent_on
    return since


def nps(scores: list[int]) -> int | None:
    """Net promoter score: % of 9-10 minus % of 0-6, from -100 to 100."""
    if not scores:
        return None
    promoters = sum(1 for s in scores if s >= 9)
    detractors = sum(1 for s in scores if s <= 6)
    return round(100 * (promoters - detractors) / len(scores))
