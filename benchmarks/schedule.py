"""Speed and quality of the meeting scheduler on a large matchmaking day.

Run from the repository root: ``python -m benchmarks.schedule [--output F]``.

Seeded random instances: 500 participants, 2,000 distinct accepted meetings, one session of
24 slots at 100 tables (2,400 places). *Two-sided*: 250 entrepreneurs each meet partner
companies only (a bipartite meeting graph, where Δ slots are the least possible and enough).
*One-sided*: any two of the 500 may meet (partner to partner), where Δ+1 is the classic bound.
*Two sessions*: the two-sided instance over two sessions of 12 slots, a quarter of the people
attending only one of them. Every schedule is checked independently: clashes, sessions,
tables. Time is the median of three runs in one process. *Δ+1 check*: 200 random one-sided
events (10 to 120 people, slots and tables to spare) against Vizing's bound of Δ+1 slots.
"""

from __future__ import annotations

import argparse
import platform
import random
import statistics
import time
from pathlib import Path

import scheduling.vizing
from scheduling import Meeting, Participant, Problem, Schedule, Session, solve

PEOPLE = 500
MEETINGS = 2_000
SLOTS = 24
TABLES = 100
SEED = 20_26
REPEATS = 3
ROOMY_TABLES = 250
RESULTS = Path(__file__).parent / "results" / "schedule.md"
GRAPHS = 200  # random one-sided (non-bipartite) events for the Δ+1 check


def instance(kind: str, seed: int = SEED, tables: int = TABLES) -> Problem:
    rng = random.Random(seed)
    if kind == "two sessions":
        sessions = (
            Session("morning", SLOTS // 2, tables),
            Session("afternoon", SLOTS // 2, tables),
        )
    else:
        sessions = (Session("day", SLOTS, tables),)
    all_sessions = frozenset(s.id for s in sessions)
    participants = []
    for i in range(PEOPLE):
        attends = all_sessions
        if kind == "two sessions" and i % 4 == 0:
            attends = frozenset({sessions[i // 4 % 2].id})
        participants.append(Participant(f"p{i}", attends))
    pairs: set[tuple[int, int]] = set()
    half = PEOPLE // 2
    degree = [0] * PEOPLE
    room = [sum(s.slots for s in sessions if s.id in p.sessions) for p in participants]
    while len(pairs) < MEETINGS:
        if kind == "one-sided":
            a, b = sorted(rng.sample(range(PEOPLE), 2))
        else:
            a, b = rng.randrange(half), half + rng.randrange(half)
        if (a, b) in pairs or degree[a] >= room[a] or degree[b] >= room[b]:
            continue
        if kind == "two sessions" and not (participants[a].sessions & participants[b].sessions):
            continue
        pairs.add((a, b))
        degree[a] += 1
        degree[b] += 1
    meetings = tuple(Meeting(f"m{i}", f"p{a}", f"p{b}") for i, (a, b) in enumerate(sorted(pairs)))
    return Problem(sessions, tuple(participants), meetings)


def clashes(problem: Problem, schedule: Schedule) -> int:
    """Independent check: double-booked people or tables, meetings outside attended sessions."""
    meetings = {m.id: m for m in problem.meetings}
    attends = {p.id: p.sessions for p in problem.participants}
    tables = {s.id: s.tables for s in problem.sessions}
    seen: set[tuple] = set()
    bad = 0
    for place in schedule.placements:
        meeting = meetings[place.meeting_id]
        keys = [("table", place.session_id, place.slot, place.table)]
        for person in (meeting.first, meeting.second):
            keys.append(("person", person, place.session_id, place.slot))
            bad += place.session_id not in attends[person]
        bad += not 1 <= place.table <= tables[place.session_id]
        for key in keys:
            bad += key in seen
            seen.add(key)
    return bad


def run(kind: str, tables: int = TABLES) -> dict:
    problem = instance(kind, tables=tables)
    timings = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        schedule = solve(problem)
        timings.append(time.perf_counter() - start)
    return {
        "kind": kind if tables == TABLES else f"{kind}, {tables} tables",
        "time": statistics.median(timings),
        "clashes": clashes(problem, schedule),
        "two_sided": schedule.two_sided,
        "delta": schedule.max_degree,
        "table_bound": schedule.table_bound,
        "slots": schedule.slots_used,
        "placed": len(schedule.placements),
        "unscheduled": len(schedule.unscheduled),
        "gap": schedule.idle_gap,
    }


def one_sided_graph(seed: int) -> Problem:
    """A random one-sided event: 10 to 120 people, any two may meet, slots and tables to
    spare (one session everyone attends), so only Δ bounds the slots."""
    rng = random.Random(seed)
    people = rng.randint(10, 120)
    density = rng.uniform(0.05, 0.9)
    if seed % 10 == 0:  # odd complete graphs need Δ+1 (class 2)
        people, density = 2 * rng.randint(3, 15) + 1, 1.0
    pairs = [(a, b) for a in range(people) for b in range(a + 1, people) if rng.random() < density]
    slots = people + 1
    return Problem(
        (Session("day", slots, max(1, len(pairs))),),
        tuple(Participant(f"p{i}", frozenset({"day"})) for i in range(people)),
        tuple(Meeting(f"m{a}-{b}", f"p{a}", f"p{b}") for a, b in pairs),
    )


def delta_plus_one_check(graphs: int = GRAPHS) -> dict:
    """Slots used against Δ on random non-bipartite events, and how often the Misra–Gries step
    (scheduling.vizing) was needed after the Kempe-chain step had failed."""
    calls = {"fan": 0}
    original = scheduling.vizing.insert_by_fan

    def counted(*args):
        calls["fan"] += 1
        return original(*args)

    scheduling.vizing.insert_by_fan = counted
    over = {0: 0, 1: 0}
    worst, bad, meetings, start = 0, 0, 0, time.perf_counter()
    try:
        for seed in range(graphs):
            problem = one_sided_graph(SEED + seed)
            schedule = solve(problem)
            extra = schedule.slots_used - schedule.max_degree
            over[min(max(extra, 0), 1)] += 1
            worst = max(worst, extra)
            bad += clashes(problem, schedule) + len(schedule.unscheduled)
            meetings += len(problem.meetings)
    finally:
        scheduling.vizing.insert_by_fan = original
    return {
        "graphs": graphs,
        "meetings": meetings,
        "at_delta": over[0],
        "at_delta_plus_one": over[1],
        "worst": worst,
        "bad": bad,
        "fan_steps": calls["fan"],
        "time": time.perf_counter() - start,
    }


def check_text(r: dict) -> str:
    return (
        f"Δ+1 check: {r['graphs']} random one-sided (non-bipartite) events, {r['meetings']:,} "
        f"meetings in all, slots and tables to spare: {r['at_delta']} used Δ slots, "
        f"{r['at_delta_plus_one']} used Δ+1, most slots over Δ: {r['worst']}; clashes or "
        f"unplaced meetings: {r['bad']}; Misra–Gries steps needed: {r['fan_steps']} "
        f"({r['time']:.1f} s in all)."
    )


def table(rows: list[dict]) -> str:
    lines = [
        "| instance | bipartite | time | clashes | Δ | ⌈meetings / tables⌉ | slots used "
        "| placed | unscheduled | average idle gap |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in rows:
        lines.append(
            f"| {r['kind']} | {'yes' if r['two_sided'] else 'no'} | {r['time']:.2f} s | {r['clashes']} "
            f"| {r['delta']} | {r['table_bound']} | {r['slots']} | {r['placed']:,} | {r['unscheduled']} "
            f"| {r['gap']:.2f} slots |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=None, help="also write the table here")
    args = parser.parse_args()
    rows = [run(kind) for kind in ("two-sided", "one-sided", "two sessions")]
    # With tables to spare the table bound no longer binds: slots used against Δ alone.
    rows += [run(kind, tables=ROOMY_TABLES) for kind in ("two-sided", "one-sided")]
    text = table(rows) + "\n\n" + check_text(delta_plus_one_check())
    print(text)
    if args.output:
        header = (
            "# Meeting schedule speed and quality\n\n"
            f"Machine: 2 cores shared, Python {platform.python_version()}, one process. "
            f"{PEOPLE} participants, {MEETINGS:,} accepted meetings, {SLOTS} slots, {TABLES} tables "
            f"(seed {SEED}; instances described in `benchmarks/schedule.py`). "
            f"Time: median of {REPEATS} runs. "
            "Clashes: checked independently of the scheduler (double-booked person or table, meeting "
            "outside a session both attend).\n\n"
        )
        args.output.write_text(header + text + "\n")


if __name__ == "__main__":
    main()
