"""Capacity-respecting optimal assignment of ideas to mentors, for the lead's pairing plan."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np
from scipy.optimize import linear_sum_assignment

Edge = tuple[int, int, float]


@dataclass(frozen=True)
class Assignment:
    """The chosen (idea_id, mentor_id, score) pairs, by idea id, and their summed score."""

    pairs: tuple[Edge, ...]
    total: float


def assign_mentors(edges: Iterable[Edge], remaining: Mapping[int, int]) -> Assignment:
    """Give each idea at most one mentor, maximising the summed score.

    `edges` are the proposals (idea_id, mentor_id, score) with score >= 0; `remaining` says how
    many more ideas each mentor can take (a mentor missing from it takes none). Ideas without an
    edge to a mentor with room stay unassigned. The same input always gives the same answer.
    """
    by_pair = _checked_edges(edges, remaining)
    if not by_pair:
        return Assignment((), 0.0)
    idea_ids = sorted({idea_id for idea_id, _ in by_pair})
    mentor_ids = sorted({mentor_id for _, mentor_id in by_pair})
    degree = {mentor_id: 0 for mentor_id in mentor_ids}
    for _, mentor_id in by_pair:
        degree[mentor_id] += 1
    # One column per free place; a mentor never needs more places than ideas proposed to her.
    slot_mentors = [
        mentor_id
        for mentor_id in mentor_ids
        for _ in range(min(remaining[mentor_id], degree[mentor_id]))
    ]
    row_of = {idea_id: row for row, idea_id in enumerate(idea_ids)}
    columns_of: dict[int, list[int]] = {}
    for column, mentor_id in enumerate(slot_mentors):
        columns_of.setdefault(mentor_id, []).append(column)

    # A missing proposal costs 0, the same as leaving the idea unassigned, so the full
    # assignment the solver returns has the best total score; zero cells are dropped below.
    cost = np.zeros((len(idea_ids), len(slot_mentors)))
    is_edge = np.zeros(cost.shape, dtype=bool)
    for (idea_id, mentor_id), score in by_pair.items():
        columns = columns_of[mentor_id]
        cost[row_of[idea_id], columns] = -score
        is_edge[row_of[idea_id], columns] = True

    rows, columns = linear_sum_assignment(cost)
    pairs = tuple(
        (idea_ids[row], slot_mentors[column], by_pair[(idea_ids[row], slot_mentors[column])])
        for row, column in zip(rows, columns, strict=True)
        if is_edge[row, column]
    )
    return Assignment(pairs, math.fsum(score for _, _, score in pairs))


def _checked_edges(
    edges: Iterable[Edge], remaining: Mapping[int, int]
) -> dict[tuple[int, int], float]:
    """Edges to mentors with room, keyed by (idea, mentor); bad input is a ValueError."""
    for mentor_id, places in remaining.items():
        if places < 0:
            raise ValueError(f"mentor {mentor_id} has negative remaining capacity {places}")
    by_pair: dict[tuple[int, int], float] = {}
    for idea_id, mentor_id, score in edges:
        score = float(score)
        if not math.isfinite(score) or score < 0:
            raise ValueError(
                f"score of idea {idea_id} and mentor {mentor_id} must be >= 0, got {score}"
            )
        if (idea_id, mentor_id) in by_pair:
            raise ValueError(f"idea {idea_id} and mentor {mentor_id} are proposed twice")
        by_pair[(idea_id, mentor_id)] = score
    return {pair: score for pair, score in by_pair.items() if remaining.get(pair[1], 0) > 0}
