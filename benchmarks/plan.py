"""Speed and optimality of the pairing plan: the sparse solver against the dense one it replaced.

Run from the repository root: ``python -m benchmarks.plan [--quick] [--output F]``.

A seeded random programme: ideas from entrepreneurs (each has at least one idea, about 2.5 on
average), mentors whose popularity is skewed (a few are proposed for many ideas, so capacity
binds), five distinct mentor proposals per idea, every mentor with 10 free places. For each
size it times, in the same run:

- the new solver (`matching.assign_mentors`) for both objectives, median of three runs;
- a dense reference for the same problem (entrepreneur rows, one column per free place,
  `scipy.optimize.linear_sum_assignment`), and checks that the totals are equal;
- the old plan as it was (idea rows, capacity counted in ideas, no entrepreneur rule), for speed.

The dense runs happen in a child process and are stopped after `--dense-limit` seconds (60 by
default), so the full size is tried once and reported as "over the limit" if it does not finish.
"""

from __future__ import annotations

import argparse
import math
import multiprocessing
import os
import platform
import statistics
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from matching.assign import BEST_FIT, MOST_MATCHED, OBJECTIVES, assign_mentors

SIZES = (  # ideas, entrepreneurs, mentors
    (1_000, 400, 100),
    (3_000, 1_200, 300),
    (10_000, 4_000, 1_000),
    # Every idea from a different entrepreneur: as many rows as the old plan had.
    (10_000, 10_000, 1_000),
)
CAPACITY = 10
PROPOSALS = 5
SEED = 20_26
SKEW = 2.0
# How mentors are drawn for proposals: uniformly (every mentor about equally in demand, the
# instance the old plan took 19 s on), or with a few much-wanted mentors, where capacity binds
# and the two objectives part ways.
SCENARIOS = (("uniform", 0.0), ("popular mentors", SKEW))
REPEATS = 3
RESULTS = Path(__file__).parent / "results" / "plan.md"


@dataclass(frozen=True)
class Instance:
    edges: list[tuple[int, int, float]]
    owners: dict[int, int]
    remaining: dict[int, int]


def build_instance(
    ideas: int, entrepreneurs: int, mentors: int, seed: int = SEED, skew: float = SKEW
) -> Instance:
    """Seeded: the same sizes and seed always give the same programme.

    `skew` is the sigma of the log-normal mentor popularity: 0 proposes mentors uniformly.
    """
    rng = np.random.default_rng(seed)
    owner = np.concatenate(
        [np.arange(entrepreneurs), rng.integers(0, entrepreneurs, ideas - entrepreneurs)]
    )
    rng.shuffle(owner)
    popularity = rng.lognormal(0.0, skew, mentors)
    # Five distinct mentors per idea, drawn by popularity (Gumbel top-k, one vectorised draw).
    keys = np.log(popularity)[None, :] + rng.gumbel(size=(ideas, mentors))
    chosen = np.argpartition(-keys, PROPOSALS, axis=1)[:, :PROPOSALS]
    scores = rng.beta(2.0, 3.0, size=(ideas, PROPOSALS))
    mentor_ids = 100_000 + np.arange(mentors)
    edges = [
        (idea, int(mentor_ids[chosen[idea, k]]), float(scores[idea, k]))
        for idea in range(ideas)
        for k in range(PROPOSALS)
    ]
    return Instance(
        edges=edges,
        owners={idea: int(owner[idea]) for idea in range(ideas)},
        remaining={int(m): CAPACITY for m in mentor_ids},
    )


def dense_plan(instance: Instance, objective: str) -> tuple[int, float]:
    """The dense approach on the same problem: a full entrepreneurs x free places cost matrix."""
    from scipy.optimize import linear_sum_assignment

    weight: dict[tuple[int, int], float] = {}
    for idea, mentor, score in instance.edges:
        key = (instance.owners[idea], mentor)
        weight[key] = max(weight.get(key, 0.0), score)
    people = sorted({person for person, _ in weight})
    row_of = {person: row for row, person in enumerate(people)}
    degree: dict[int, int] = {}
    for _, mentor in weight:
        degree[mentor] = degree.get(mentor, 0) + 1
    columns_of: dict[int, list[int]] = {}
    width = 0
    for mentor in sorted(degree):
        places = min(instance.remaining.get(mentor, 0), degree[mentor])
        columns_of[mentor] = list(range(width, width + places))
        width += places
    # A missing pair costs 0, like no mentor; "most matched" adds a bonus no total fit can repay.
    bonus = len(people) + 1.0 if objective == MOST_MATCHED else 0.0
    cost = np.zeros((len(people), width))
    for (person, mentor), score in weight.items():
        cost[row_of[person], columns_of[mentor]] = -(score + bonus)
    rows, columns = linear_sum_assignment(cost)
    picked = cost[rows, columns]
    picked = picked[picked < 0]
    return len(picked), math.fsum(float(-value - bonus) for value in picked)


def old_plan(instance: Instance) -> tuple[int, float]:
    """The plan before this change: one row per idea, capacity counted in ideas."""
    from scipy.optimize import linear_sum_assignment

    degree: dict[int, int] = {}
    for _, mentor, _ in instance.edges:
        degree[mentor] = degree.get(mentor, 0) + 1
    ideas = sorted({idea for idea, _, _ in instance.edges})
    row_of = {idea: row for row, idea in enumerate(ideas)}
    columns_of: dict[int, list[int]] = {}
    width = 0
    for mentor in sorted(degree):
        places = min(instance.remaining.get(mentor, 0), degree[mentor])
        columns_of[mentor] = list(range(width, width + places))
        width += places
    cost = np.zeros((len(ideas), width))
    for idea, mentor, score in instance.edges:
        cost[row_of[idea], columns_of[mentor]] = -score
    rows, columns = linear_sum_assignment(cost)
    picked = cost[rows, columns]
    picked = picked[picked < 0]
    return len(picked), math.fsum(float(-value) for value in picked)


def _timed_child(queue, instance: Instance, which: str) -> None:
    started = time.perf_counter()
    result = old_plan(instance) if which == "old" else dense_plan(instance, which)
    queue.put((time.perf_counter() - started, result))


def run_limited(instance: Instance, which: str, limit: float):
    """(seconds, (matched, total)) of a dense run in a child process, or None past `limit`."""
    # Forked, so the child shares the instance instead of receiving a pickled copy.
    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    child = context.Process(target=_timed_child, args=(queue, instance, which))
    child.start()
    child.join(limit)
    if child.is_alive():
        child.terminate()
        child.join()
        return None
    return queue.get() if not queue.empty() else None


def time_new(instance: Instance, objective: str):
    times, result = [], None
    for _ in range(REPEATS):
        started = time.perf_counter()
        result = assign_mentors(instance.edges, instance.remaining, instance.owners, objective)
        times.append(time.perf_counter() - started)
    return statistics.median(times), (result.matched, result.total)


def measure(sizes, limit: float) -> list[dict]:
    rows = []
    for scenario, skew in SCENARIOS:
        for size in sizes:
            rows.append(measure_one(scenario, size, build_instance(*size, skew=skew), limit))
    return rows


def measure_one(scenario: str, size, instance: Instance, limit: float) -> dict:
    row: dict = {"scenario": scenario, "size": size, "edges": len(instance.edges)}
    for objective in OBJECTIVES:
        row[("new", objective)] = time_new(instance, objective)
        row[("dense", objective)] = run_limited(instance, objective, limit)
    row["old"] = run_limited(instance, "old", limit)
    print(_row_text(row), flush=True)
    return row


def _row_text(row) -> str:
    parts = [f"{row['scenario']}, {row['size'][0]:,} ideas"]
    for objective in OBJECTIVES:
        seconds, (matched, total) = row[("new", objective)]
        parts.append(f"{objective}: {seconds:.2f} s, {matched} matched, total {total:.4f}")
    return "; ".join(parts)


def _agrees(new, dense) -> str:
    if dense is None:
        return "–"
    (new_matched, new_total), (dense_matched, dense_total) = new[1], dense[1]
    same = new_matched == dense_matched and abs(new_total - dense_total) <= 1e-6
    return "yes" if same else f"**NO** ({dense_matched}, {dense_total:.6f})"


def _seconds(result, limit: float) -> str:
    return f"over {limit:.0f} s, stopped" if result is None else f"{result[0]:.2f} s"


def write_report(rows: list[dict], limit: float, path: Path, command: str) -> None:
    labels = {BEST_FIT: "best total fit", MOST_MATCHED: "most matched"}
    lines = [
        "# Pairing plan speed and optimality",
        "",
        f"Machine: {os.cpu_count()} cores, Python {platform.python_version()}, one process. "
        f"Instances: seeded random programmes (seed {SEED}); ideas from entrepreneurs (each has "
        "at least one idea: 2.5 on average, or exactly one where entrepreneurs equal ideas); "
        f"{PROPOSALS} distinct mentor proposals per idea with scores drawn from Beta(2, 3); "
        f"{CAPACITY} free places per mentor. Proposals are drawn "
        "*uniformly* over mentors, or by *popular mentors* (log-normal popularity, sigma "
        f"{SKEW:g}), where a few mentors are wanted by many and capacity binds. New solver: "
        f"median of {REPEATS} runs. Dense runs: once each, in a child process stopped after "
        f"{limit:.0f} s.",
        "",
        "## The new plan: one mentor per entrepreneur, capacity in entrepreneurs",
        "",
        "| proposals | ideas | entrepreneurs | mentors | objective | new solver | "
        "entrepreneurs matched | total fit | dense, same problem | equal to dense optimum |",
        "| --- | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | --- |",
    ]
    for row in rows:
        ideas, people, mentors = row["size"]
        for objective in OBJECTIVES:
            seconds, (matched, total) = row[("new", objective)]
            dense = row[("dense", objective)]
            lines.append(
                f"| {row['scenario']} | {ideas:,} | {people:,} | {mentors:,} | "
                f"{labels[objective]} | {seconds:.2f} s | {matched:,} | {total:,.4f} | "
                f"{_seconds(dense, limit)} | {_agrees(row[('new', objective)], dense)} |"
            )
    lines += [
        "",
        "## The plan as it was: one row per idea, one dense column per free place",
        "",
        "Capacity counted in ideas and no rule of one mentor per entrepreneur: a looser problem, "
        "so its totals are not comparable with the ones above, except where every idea has its "
        'own entrepreneur: there it is the same problem as "best total fit" and the totals '
        "agree.",
        "",
        "| proposals | ideas | entrepreneurs | mentors | old dense plan | ideas paired | total fit |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in rows:
        ideas, people, mentors = row["size"]
        old = row["old"]
        paired, total = ("–", "–") if old is None else (f"{old[1][0]:,}", f"{old[1][1]:,.4f}")
        lines.append(
            f"| {row['scenario']} | {ideas:,} | {people:,} | {mentors:,} | "
            f"{_seconds(old, limit)} | {paired} | {total} |"
        )
    lines += ["", f"Command: `{command}`", ""]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines), encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="the two smaller sizes only")
    parser.add_argument("--dense-limit", type=float, default=60.0, help="seconds per dense run")
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    sizes = SIZES[:2] if args.quick else SIZES
    rows = measure(sizes, args.dense_limit)
    command = "python -m benchmarks.plan" + (" --quick" if args.quick else "")
    write_report(rows, args.dense_limit, args.output, command)
    failures = [
        row["size"]
        for row in rows
        for objective in OBJECTIVES
        if _agrees(row[("new", objective)], row[("dense", objective)]).startswith("**NO")
    ]
    if failures:
        raise SystemExit(f"new solver differs from the dense optimum at {failures}")
    print(f"written to {args.output}")


if __name__ == "__main__":
    main()
