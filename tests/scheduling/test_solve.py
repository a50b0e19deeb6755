"""The meeting scheduler: valid schedules, the least slots on two-sided events, clear errors."""

from __future__ import annotations

import random

import pytest

from benchmarks.schedule import clashes
from scheduling import (
    NO_COMMON_SESSION,
    PARTICIPANT_FULL,
    Meeting,
    Participant,
    Placement,
    Problem,
    SchedulingError,
    Session,
    solve,
)

DAY = (Session("day", 6, 3),)


def people(*ids: str, sessions: frozenset[str] = frozenset({"day"})) -> tuple[Participant, ...]:
    return tuple(Participant(i, sessions) for i in ids)


def meetings(*pairs: str) -> tuple[Meeting, ...]:
    return tuple(Meeting(f"{a}-{b}", a, b) for a, b in (pair.split("-") for pair in pairs))


def random_problem(seed: int, two_sided: bool, size: int = 40, count: int = 120) -> Problem:
    rng = random.Random(seed)
    sessions = (Session("am", 8, 12), Session("pm", 8, 12))
    parts = tuple(
        Participant(f"p{i}", frozenset({"am", "pm"} if i % 3 else {["am", "pm"][i % 2]}))
        for i in range(size)
    )
    pairs: set[tuple[int, int]] = set()
    while len(pairs) < count:
        if two_sided:
            a, b = rng.randrange(size // 2), size // 2 + rng.randrange(size // 2)
        else:
            a, b = sorted(rng.sample(range(size), 2))
        pairs.add((a, b))
    found = tuple(Meeting(f"m{a}-{b}", f"p{a}", f"p{b}") for a, b in sorted(pairs))
    return Problem(sessions, parts, found)


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("two_sided", [True, False])
def test_random_schedules_have_no_clash_and_respect_sessions_and_tables(seed, two_sided):
    problem = random_problem(seed, two_sided)
    schedule = solve(problem)
    assert clashes(problem, schedule) == 0
    placed = {p.meeting_id for p in schedule.placements}
    left = {u.meeting_id for u in schedule.unscheduled}
    assert placed | left == {m.id for m in problem.meetings} and not placed & left
    for session in problem.sessions:
        for slot in range(session.slots):
            here = [p for p in schedule.placements if (p.session_id, p.slot) == (session.id, slot)]
            assert len(here) <= session.tables


@pytest.mark.parametrize("seed", range(5))
def test_two_sided_event_uses_exactly_delta_slots(seed):
    rng = random.Random(seed)
    pairs = {(rng.randrange(15), 15 + rng.randrange(15)) for _ in range(90)}
    problem = Problem(
        (Session("day", 20, 40),),
        people(*(f"p{i}" for i in range(30))),
        tuple(Meeting(f"m{a}-{b}", f"p{a}", f"p{b}") for a, b in sorted(pairs)),
    )
    schedule = solve(problem)
    assert schedule.two_sided
    assert not schedule.unscheduled
    assert schedule.slots_used == schedule.max_degree


def test_one_sided_triangle_needs_three_slots():
    schedule = solve(Problem(DAY, people("a", "b", "c"), meetings("a-b", "b-c", "a-c")))
    assert not schedule.two_sided
    assert schedule.max_degree == 2
    assert schedule.slots_used == 3
    assert not schedule.unscheduled


def test_tables_per_slot_bound_spreads_meetings():
    # Six disjoint meetings, two tables: at least three slots although Δ is 1.
    problem = Problem(
        (Session("day", 5, 2),),
        people(*"abcdefghijkl"),
        meetings("a-b", "c-d", "e-f", "g-h", "i-j", "k-l"),
    )
    schedule = solve(problem)
    assert schedule.slots_used == 3
    assert {p.table for p in schedule.placements} == {1, 2}


def test_pinned_meeting_stays_where_it_was_pinned():
    pin = Placement("a-b", "day", 4, 3)
    problem = Problem(DAY, people("a", "b", "c"), meetings("a-b", "b-c", "a-c"), (pin,))
    schedule = solve(problem)
    assert pin in schedule.placements
    assert clashes(problem, schedule) == 0


def test_meeting_without_common_session_is_left_out_with_reason():
    sessions = (Session("am", 3, 2), Session("pm", 3, 2))
    parts = (
        Participant("a", frozenset({"am"})),
        Participant("b", frozenset({"pm"})),
        Participant("c", frozenset({"am", "pm"})),
    )
    schedule = solve(Problem(sessions, parts, meetings("a-b", "a-c")))
    assert [(u.meeting_id, u.reason) for u in schedule.unscheduled] == [("a-b", NO_COMMON_SESSION)]
    assert [p.meeting_id for p in schedule.placements] == ["a-c"]


def test_participant_with_more_meetings_than_slots_gets_reason():
    problem = Problem(
        (Session("day", 2, 5),), people("a", "b", "c", "d"), meetings("a-b", "a-c", "a-d")
    )
    schedule = solve(problem)
    assert len(schedule.placements) == 2
    assert [u.reason for u in schedule.unscheduled] == [PARTICIPANT_FULL]


def test_more_meetings_than_places_is_a_clear_error():
    problem = Problem((Session("day", 1, 1),), people("a", "b", "c", "d"), meetings("a-b", "c-d"))
    with pytest.raises(SchedulingError) as caught:
        solve(problem)
    assert caught.value.code == "over_capacity"
    assert "2 meetings do not fit in 1 places" in str(caught.value)


def test_meetings_that_can_never_be_placed_do_not_make_the_day_over_full():
    """Two places, two meetings that fit and one between people with no session in common:
    the whole run was refused although everything placeable fits."""
    sessions = (Session("only", 1, 1), Session("second", 1, 1))
    problem = Problem(
        sessions,
        (
            *people("a", "b", "m", sessions=frozenset({"only"})),
            *people("c", "d", "n", sessions=frozenset({"second"})),
        ),
        meetings("a-b", "c-d", "m-n"),
    )
    schedule = solve(problem)
    assert len(schedule.placements) == 2
    assert [(u.meeting_id, u.reason) for u in schedule.unscheduled] == [("m-n", NO_COMMON_SESSION)]


def test_zero_tables_is_a_clear_error():
    with pytest.raises(SchedulingError) as caught:
        solve(Problem((Session("day", 4, 0),), people("a", "b"), meetings("a-b")))
    assert caught.value.code == "no_tables"


@pytest.mark.parametrize(
    ("problem", "code"),
    [
        (Problem((), people("a", "b"), meetings("a-b")), "no_sessions"),
        (Problem(DAY, people("a"), meetings("a-b")), "unknown_participant"),
        (Problem(DAY, people("a", "b"), (Meeting("x", "a", "a"),)), "self_meeting"),
        (Problem(DAY, people("a", "a"), ()), "duplicate_participant"),
        (
            Problem(DAY, people("a", "b"), meetings("a-b"), (Placement("a-b", "day", 9, 1),)),
            "bad_pin",
        ),
        (
            Problem(
                DAY,
                people("a", "b", "c"),
                meetings("a-b", "a-c"),
                (Placement("a-b", "day", 1, 1), Placement("a-c", "day", 1, 2)),
            ),
            "pin_clash",
        ),
    ],
)
def test_bad_input_names_the_problem(problem, code):
    with pytest.raises(SchedulingError) as caught:
        solve(problem)
    assert caught.value.code == code


def test_idle_gaps_are_compacted():
    # a meets b, c, d: all three back to back, no empty slot in between.
    problem = Problem(
        (Session("day", 10, 5),), people("a", "b", "c", "d"), meetings("a-b", "a-c", "a-d")
    )
    schedule = solve(problem)
    slots = sorted(p.slot for p in schedule.placements)
    assert slots[-1] - slots[0] == 2
    assert schedule.idle_gap == 0


def test_people_keep_their_table_between_consecutive_meetings():
    problem = Problem(
        (Session("day", 4, 4),),
        people("host", "x", "y", "z"),
        meetings("host-x", "host-y", "host-z"),
    )
    schedule = solve(problem)
    assert len({p.table for p in schedule.placements}) == 1
