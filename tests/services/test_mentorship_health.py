"""The health light and the check-in calendar are pure functions of dates and signals."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from mentorship.services.mentorships.health import (
    CLOSED,
    NEEDS_CHECK_IN,
    ON_TRACK,
    TOO_EARLY,
    HealthSignals,
    check_in_round,
    health_light,
    nps,
    planned_end,
    round_due_on,
    unanswered_since,
)

START = date(2026, 1, 10)


def light(days: int, **signals):
    return health_light(HealthSignals(started_on=START, today=START + timedelta(days), **signals))


def test_a_new_mentorship_is_too_early_to_tell():
    assert light(5) == (TOO_EARLY, [])


def test_a_recent_session_keeps_it_on_track():
    assert light(40, last_session_on=START + timedelta(30)) == (ON_TRACK, [])


def test_three_weeks_without_a_session_needs_a_check_in():
    assert light(22) == (NEEDS_CHECK_IN, ["no_session"])
    assert light(21) == (ON_TRACK, [])
    assert light(60, last_session_on=START + timedelta(30)) == (NEEDS_CHECK_IN, ["no_session"])


@pytest.mark.parametrize(
    "pulse, expected", [(1, NEEDS_CHECK_IN), (2, NEEDS_CHECK_IN), (3, ON_TRACK)]
)
def test_a_low_pulse_needs_a_check_in(pulse, expected):
    assert (
        light(35, last_session_on=START + timedelta(30), lowest_latest_pulse=pulse)[0] == expected
    )


def test_messages_unanswered_for_over_a_week_need_a_check_in():
    recent = START + timedelta(30)
    assert light(38, last_session_on=recent, unanswered_since=recent) == (
        NEEDS_CHECK_IN,
        ["unanswered_messages"],
    )
    assert light(37, last_session_on=recent, unanswered_since=recent) == (ON_TRACK, [])


def test_a_closed_mentorship_shows_no_light():
    assert light(200, closed=True) == (CLOSED, [])


def test_check_ins_are_due_at_30_days_then_every_60():
    assert check_in_round(START, START + timedelta(29)) == 0
    assert check_in_round(START, START + timedelta(30)) == 1
    assert check_in_round(START, START + timedelta(89)) == 1
    assert check_in_round(START, START + timedelta(90)) == 2
    assert round_due_on(START, 1) == START + timedelta(30)
    assert round_due_on(START, 3) == START + timedelta(150)


def test_the_planned_end_is_three_months_by_default_and_keeps_to_the_month():
    assert planned_end(date(2026, 1, 10)) == date(2026, 4, 10)
    assert planned_end(date(2026, 11, 30)) == date(2027, 2, 28)


def test_the_unanswered_run_starts_at_the_first_message_the_other_member_did_not_answer():
    a, b = 1, 2
    days = [date(2026, 3, d) for d in (1, 2, 3, 4)]
    assert unanswered_since([]) is None
    assert unanswered_since([(a, days[0]), (b, days[1]), (a, days[2]), (a, days[3])]) == days[2]


def test_net_promoter_score():
    assert nps([]) is None
    assert nps([10, 9, 8, 3]) == 25
    assert nps([0, 0]) == -100
