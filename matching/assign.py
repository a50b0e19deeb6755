"""The lead's pairing plan: one mentor per entrepreneur, mentors' capacity counted in entrepreneurs.

The plan is a min-cost flow: source -> entrepreneur (capacity 1) -> idea -> mentor (capacity r)
-> sink. An entrepreneur takes one place whichever of her ideas carries the pairing, so only her
best-fitting idea with each mentor matters: the flow collapses to a bipartite b-matching of
entrepreneurs with mentors, solved exactly as a sparse rectangular assignment
(`scipy.sparse.csgraph.min_weight_full_bipartite_matching`, LAPJVsp) in which

- a mentor whose places outnumber the entrepreneurs proposed to her is never full, so each of
  her edges gets a column of its own (no copies); only a mentor who can fill up gets r shared
  place columns, and only those edges are copied r times;
- an edge to a mentor who already mentors the entrepreneur takes no place: it gets its own column;
- each entrepreneur has a private "no mentor" column, so leaving her out is always possible and
  the full matching the solver needs always exists.

Costs are floats, no scaling: "best total fit" costs top + 1 - score per pair and top + 1 for no
mentor; "most entrepreneurs matched" makes "no mentor" dearer than any total fit can repay, so
the count comes first and the total fit decides among plans of that count.

Why this and not a general min-cost-flow library (OR-Tools): SciPy already ships an exact sparse
assignment solver, so the library keeps to its scientific stack, needs no integer scaling of the
scores, and solves 10k ideas x 1k mentors in well under a second (`benchmarks/plan.py`). Ties
between equally good plans are resolved by the solver on sorted input: the same input gives the
same plan with the same SciPy.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Collection, Hashable, Iterable, Mapping
from dataclasses import dataclass

import numpy as np
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import min_weight_full_bipartite_matching

Edge = tuple[int, int, float]
BEST_FIT = "best_fit"
MOST_MATCHED = "most_matched"
OBJECTIVES = (BEST_FIT, MOST_MATCHED)


@dataclass(frozen=True)
class Assignment:
    """The chosen (idea_id, mentor_id, score) pairs, one per entrepreneur, by idea id."""

    pairs: tuple[Edge, ...]
    total: float

    @property
    def matched(self) -> int:
        """Entrepreneurs given a mentor (one pair each)."""
        return len(self.pairs)


@dataclass(frozen=True)
class TopChoice:
    """Each entrepreneur's single best proposal with capacity ignored, for comparison."""

    matched: int
    total: float
    overfilled_mentors: int
    within_capacity: Assignment  # each mentor keeps her best picks up to her places


def assign_mentors(
    edges: Iterable[Edge],
    remaining: Mapping[int, int],
    owners: Mapping[int, Hashable] | None = None,
    objective: str = BEST_FIT,
    already_mentored: Collection[tuple[Hashable, int]] = (),
) -> Assignment:
    """Give each entrepreneur at most one mentor, through one of her ideas, optimally.

    `edges` are the proposals (idea_id, mentor_id, score), score >= 0. `remaining` says how many
    more entrepreneurs each mentor can take (missing: none). `owners` maps every idea to its
    entrepreneur (None: each idea is its own). `already_mentored` holds (entrepreneur, mentor)
    pairs that take no new place. `objective` is BEST_FIT (maximum summed score) or MOST_MATCHED
    (most entrepreneurs, then the best summed score). The same input always gives the same answer.
    """
    graph = _EntrepreneurGraph.build(edges, remaining, owners, already_mentored, objective)
    if graph.size == 0:
        return Assignment((), 0.0)
    rows, columns = min_weight_full_bipartite_matching(graph.matrix)
    chosen = [
        graph.best_idea[(int(row), graph.column_mentor[column])]
        for row, column in zip(rows, columns, strict=True)
        if graph.column_mentor[column] is not None
    ]
    pairs = tuple(sorted(chosen))
    return Assignment(pairs, math.fsum(score for _, _, score in pairs))


def top_choices(
    edges: Iterable[Edge],
    remaining: Mapping[int, int],
    owners: Mapping[int, Hashable] | None = None,
    already_mentored: Collection[tuple[Hashable, int]] = (),
) -> TopChoice:
    """What the lead would get by giving each entrepreneur her best-scoring proposal.

    With capacity ignored some mentors get more entrepreneurs than they have places; made
    feasible, each such mentor keeps her best-scoring picks and the others go without.
    """
    by_pair = _checked_edges(edges, remaining)
    owner_of = _owner_lookup(by_pair, owners)
    best: dict[Hashable, Edge] = {}
    for (idea_id, mentor_id), score in sorted(by_pair.items()):
        entrepreneur = owner_of(idea_id)
        current = best.get(entrepreneur)
        if current is None or score > current[2]:
            best[entrepreneur] = (idea_id, mentor_id, score)
    free = set(already_mentored)
    load = Counter(
        mentor_id
        for entrepreneur, (_, mentor_id, _) in best.items()
        if (entrepreneur, mentor_id) not in free
    )
    overfilled = sum(1 for mentor_id, count in load.items() if count > remaining.get(mentor_id, 0))
    kept: list[Edge] = []
    taken: Counter[int] = Counter()
    for entrepreneur, edge in sorted(best.items(), key=lambda item: (-item[1][2], item[1][0])):
        mentor_id = edge[1]
        if (entrepreneur, mentor_id) in free:
            kept.append(edge)
        elif taken[mentor_id] < remaining.get(mentor_id, 0):
            taken[mentor_id] += 1
            kept.append(edge)
    pairs = tuple(sorted(kept))
    return TopChoice(
        matched=len(best),
        total=math.fsum(edge[2] for edge in best.values()),
        overfilled_mentors=overfilled,
        within_capacity=Assignment(pairs, math.fsum(score for _, _, score in pairs)),
    )


@dataclass
class _EntrepreneurGraph:
    """Entrepreneurs as rows, mentor places (and "no mentor") as columns, costs as entries."""

    matrix: csr_matrix | None
    column_mentor: list[int | None]  # the mentor of each column, None for "no mentor"
    best_idea: dict[tuple[int, int], Edge]  # (row, mentor id) -> her best idea with that mentor
    size: int

    @classmethod
    def build(
        cls,
        edges: Iterable[Edge],
        remaining: Mapping[int, int],
        owners: Mapping[int, Hashable] | None,
        already_mentored: Collection[tuple[Hashable, int]],
        objective: str,
    ) -> _EntrepreneurGraph:
        if objective not in OBJECTIVES:
            raise ValueError(f"objective must be one of {OBJECTIVES}, got {objective!r}")
        by_pair = _checked_edges(edges, remaining)
        owner_of = _owner_lookup(by_pair, owners)
        free = set(already_mentored)
        row_of: dict[Hashable, int] = {}
        best_idea: dict[tuple[int, int], Edge] = {}
        is_free: dict[tuple[int, int], bool] = {}
        # Sorted, so rows, columns and ties never depend on the order the edges came in.
        for (idea_id, mentor_id), score in sorted(by_pair.items()):
            entrepreneur = owner_of(idea_id)
            takes_place = (entrepreneur, mentor_id) not in free
            if takes_place and remaining.get(mentor_id, 0) <= 0:
                continue
            row = row_of.setdefault(entrepreneur, len(row_of))
            current = best_idea.get((row, mentor_id))
            if current is None or score > current[2]:
                best_idea[(row, mentor_id)] = (idea_id, mentor_id, score)
            is_free[(row, mentor_id)] = not takes_place
        if not best_idea:
            return cls(None, [], {}, 0)
        top = max(edge[2] for edge in best_idea.values())
        entries = _Entries()
        # An edge's cost is base - score > 0: the solver reads a stored zero as a missing edge.
        base = top + 1.0
        by_mentor: dict[int, list[int]] = {}
        for (row, mentor_id), edge in best_idea.items():
            if is_free[(row, mentor_id)]:
                entries.private_column(mentor_id, [row], base - edge[2])
            else:
                by_mentor.setdefault(mentor_id, []).append(row)
        for mentor_id in sorted(by_mentor):
            rows = by_mentor[mentor_id]
            costs = [base - best_idea[(row, mentor_id)][2] for row in rows]
            if len(rows) <= remaining[mentor_id]:
                for row, cost in zip(rows, costs, strict=True):
                    entries.private_column(mentor_id, [row], cost)
            else:
                for _ in range(remaining[mentor_id]):
                    entries.shared_column(mentor_id, rows, costs)
        size = len(row_of)
        # No mentor costs as much as a pair of score 0; for MOST_MATCHED more than any total fit.
        unmatched = base if objective == BEST_FIT else base + size * top + 1.0
        for row in range(size):
            entries.private_column(None, [row], unmatched)
        return cls(entries.matrix(size), entries.column_mentor, best_idea, size)


class _Entries:
    """COO entries of the cost matrix, one column at a time."""

    def __init__(self) -> None:
        self.rows: list[int] = []
        self.columns: list[int] = []
        self.costs: list[float] = []
        self.column_mentor: list[int | None] = []

    def private_column(self, mentor_id: int | None, rows: list[int], cost: float) -> None:
        self.shared_column(mentor_id, rows, [cost])

    def shared_column(self, mentor_id: int | None, rows: list[int], costs: list[float]) -> None:
        column = len(self.column_mentor)
        self.column_mentor.append(mentor_id)
        self.rows.extend(rows)
        self.columns.extend([column] * len(rows))
        self.costs.extend(costs)

    def matrix(self, row_count: int) -> csr_matrix:
        return csr_matrix(
            (np.array(self.costs), (np.array(self.rows), np.array(self.columns))),
            shape=(row_count, len(self.column_mentor)),
        )


def _owner_lookup(by_pair: Mapping[tuple[int, int], float], owners: Mapping[int, Hashable] | None):
    if owners is None:
        return lambda idea_id: idea_id
    missing = sorted({idea_id for idea_id, _ in by_pair} - owners.keys())
    if missing:
        raise ValueError(f"ideas {missing[:5]} have no entrepreneur in `owners`")
    return owners.__getitem__


def _checked_edges(
    edges: Iterable[Edge], remaining: Mapping[int, int]
) -> dict[tuple[int, int], float]:
    """Edges keyed by (idea, mentor); bad input is a ValueError."""
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
    return by_pair
