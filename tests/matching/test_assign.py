"""The pairing plan's assignment: optimal, within capacity, deterministic."""

from __future__ import annotations

import itertools
import math
import random

import pytest

from matching import Assignment, assign_mentors


def brute_force_best_total(edges, remaining) -> float:
    ideas = sorted({idea for idea, _, _ in edges})
    options = {
        idea: [None] + [(mentor, score) for i, mentor, score in edges if i == idea]
        for idea in ideas
    }
    best = 0.0
    for choice in itertools.product(*(options[idea] for idea in ideas)):
        taken = [pick for pick in choice if pick is not None]
        load: dict[int, int] = {}
        for mentor, _ in taken:
            load[mentor] = load.get(mentor, 0) + 1
        if all(count <= remaining.get(mentor, 0) for mentor, count in load.items()):
            best = max(best, math.fsum(score for _, score in taken))
    return best


def random_instance(seed: int):
    rng = random.Random(seed)
    idea_count, mentor_count = rng.randint(1, 6), rng.randint(1, 4)
    edges = [
        (idea, 100 + mentor, round(rng.random(), 3))
        for idea in range(idea_count)
        for mentor in range(mentor_count)
        if rng.random() < 0.6
    ]
    remaining = {100 + mentor: rng.randint(0, 2) for mentor in range(mentor_count)}
    return edges, remaining


@pytest.mark.parametrize("seed", range(60))
def test_assignment_total_equals_the_brute_force_optimum(seed):
    edges, remaining = random_instance(seed)
    result = assign_mentors(edges, remaining)
    assert result.total == pytest.approx(brute_force_best_total(edges, remaining), abs=1e-9)


@pytest.mark.parametrize("seed", range(60))
def test_assignment_respects_capacity_and_gives_each_idea_at_most_one_proposed_mentor(seed):
    edges, remaining = random_instance(seed)
    result = assign_mentors(edges, remaining)
    ideas = [idea for idea, _, _ in result.pairs]
    load: dict[int, int] = {}
    for _, mentor, _ in result.pairs:
        load[mentor] = load.get(mentor, 0) + 1
    assert len(ideas) == len(set(ideas))
    assert all(count <= remaining[mentor] for mentor, count in load.items())
    assert set(result.pairs) <= set(edges)


def test_higher_total_beats_assigning_more_ideas():
    # Idea 1 to mentor 10 alone (0.9) beats idea 1 -> 11 plus idea 2 -> 10 (0.2).
    edges = [(1, 10, 0.9), (1, 11, 0.1), (2, 10, 0.1)]
    result = assign_mentors(edges, {10: 1, 11: 1})
    assert result.pairs == ((1, 10, 0.9),)


def test_full_mentor_is_left_out_and_the_next_best_takes_the_idea():
    edges = [(1, 10, 0.9), (1, 11, 0.4)]
    assert assign_mentors(edges, {10: 0, 11: 1}).pairs == ((1, 11, 0.4),)


def test_mentor_missing_from_capacities_takes_no_idea():
    assert assign_mentors([(1, 10, 0.9)], {}) == Assignment((), 0.0)


def test_ideas_compete_for_the_last_place_and_the_better_fit_wins():
    edges = [(1, 10, 0.5), (2, 10, 0.7), (3, 10, 0.6)]
    result = assign_mentors(edges, {10: 2})
    assert result.pairs == ((2, 10, 0.7), (3, 10, 0.6))
    assert result.total == pytest.approx(1.3)


def test_idea_without_a_proposal_stays_unassigned():
    result = assign_mentors([(1, 10, 0.5)], {10: 3, 11: 3})
    assert [idea for idea, _, _ in result.pairs] == [1]


def test_same_input_gives_the_same_assignment_whatever_the_edge_order():
    edges, remaining = random_instance(7)
    first = assign_mentors(edges, remaining)
    assert assign_mentors(list(reversed(edges)), remaining) == first
    assert assign_mentors(edges, remaining) == first


def test_equal_scores_are_resolved_the_same_way_every_time():
    edges = [(1, 10, 0.5), (1, 11, 0.5), (2, 10, 0.5), (2, 11, 0.5)]
    results = {assign_mentors(edges, {10: 1, 11: 1}) for _ in range(5)}
    assert len(results) == 1
    assert next(iter(results)).total == pytest.approx(1.0)


def test_empty_inputs_give_an_empty_assignment():
    assert assign_mentors([], {}) == Assignment((), 0.0)
    assert assign_mentors([], {10: 2}) == Assignment((), 0.0)


def test_pairs_come_sorted_by_idea():
    edges = [(3, 10, 0.2), (1, 11, 0.3), (2, 12, 0.4)]
    result = assign_mentors(edges, {10: 1, 11: 1, 12: 1})
    assert [idea for idea, _, _ in result.pairs] == [1, 2, 3]


@pytest.mark.parametrize(
    "edges, remaining",
    [
        ([(1, 10, -0.1)], {10: 1}),
        ([(1, 10, float("nan"))], {10: 1}),
        ([(1, 10, 0.5), (1, 10, 0.6)], {10: 1}),
        ([(1, 10, 0.5)], {10: -1}),
    ],
)
def test_bad_input_is_a_value_error(edges, remaining):
    with pytest.raises(ValueError):
        assign_mentors(edges, remaining)


def test_a_large_instance_assigns_within_capacity_quickly():
    rng = random.Random(1)
    edges = [
        (idea, mentor, rng.random()) for idea in range(400) for mentor in rng.sample(range(40), 5)
    ]
    result = assign_mentors(edges, {mentor: 3 for mentor in range(40)})
    assert len(result.pairs) == 120
