"""One-sided (non-bipartite) events: at most Δ+1 slots when everyone may use every slot, by the
Misra–Gries step alone and through the solver; never a clash; pinned meetings never move."""

from __future__ import annotations

import random

import pytest

from benchmarks.schedule import clashes
from scheduling import Meeting, Participant, Placement, Problem, Session, solve
from scheduling.board import Board, Layout
from scheduling.vizing import insert_by_fan


def random_graph(seed: int) -> tuple[int, list[tuple[int, int]]]:
    rng = random.Random(seed)
    people = rng.randint(5, 30)
    density = rng.uniform(0.15, 0.9)
    edges = [(a, b) for a in range(people) for b in range(a + 1, people) if rng.random() < density]
    rng.shuffle(edges)
    return people, edges


def _max_degree(people: int, edges) -> int:
    degree = [0] * people
    for a, b in edges:
        degree[a] += 1
        degree[b] += 1
    return max(degree, default=0)


def _proper(board: Board, edges) -> None:
    for person_slots in board.at:
        assert len(set(person_slots.values())) == len(person_slots)
    for meeting, (a, b) in enumerate(edges):
        slot = board.slot_of[meeting]
        assert slot >= 0 and board.at[a][slot] == meeting and board.at[b][slot] == meeting


@pytest.mark.parametrize("seed", range(40))
def test_the_misra_gries_step_alone_colours_any_graph_with_delta_plus_one(seed):
    people, edges = random_graph(seed)
    colours = _max_degree(people, edges) + 1
    layout = Layout([0] * colours, [0], [colours], [len(edges) + 1] * colours)
    board = Board(layout, edges, people)
    slots = list(range(colours))
    for meeting in range(len(edges)):
        assert insert_by_fan(board, meeting, slots), (seed, meeting)
    _proper(board, edges)


def test_the_step_never_moves_a_pinned_meeting_and_leaves_the_board_as_it_was():
    # A triangle in two slots cannot work; with the pinned meeting it must refuse cleanly.
    edges = [(0, 1), (1, 2), (0, 2)]
    layout = Layout([0, 0], [0], [2], [5, 5])
    board = Board(layout, edges, 3)
    board.place(0, 0)
    board.pinned[0] = True
    board.place(1, 1)
    assert not insert_by_fan(board, 2, [0, 1])
    assert board.slot_of == [0, 1, -1] and board.at[1] == {0: 0, 1: 1}


@pytest.mark.parametrize("seed", range(30))
def test_solver_uses_at_most_delta_plus_one_slots_on_one_sided_events(seed):
    people, edges = random_graph(1000 + seed)
    delta = _max_degree(people, edges)
    sessions = (Session("day", delta + 3, len(edges)),)
    problem = Problem(
        sessions,
        tuple(Participant(f"p{i}", frozenset({"day"})) for i in range(people)),
        tuple(Meeting(f"m{a}-{b}", f"p{a}", f"p{b}") for a, b in edges),
    )
    result = solve(problem)
    assert result.unscheduled == ()
    assert result.slots_used <= delta + 1
    assert clashes(problem, result) == 0


def test_odd_complete_graph_needs_and_gets_delta_plus_one():
    people = 7
    edges = [(a, b) for a in range(people) for b in range(a + 1, people)]
    problem = Problem(
        (Session("day", 10, 10),),
        tuple(Participant(f"p{i}", frozenset({"day"})) for i in range(people)),
        tuple(Meeting(f"m{a}-{b}", f"p{a}", f"p{b}") for a, b in edges),
        (Placement("m0-1", "day", 0, 1),),
    )
    result = solve(problem)
    assert result.unscheduled == () and result.slots_used == 7 and clashes(problem, result) == 0
