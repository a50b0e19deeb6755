"""The pairing plan's assignment: optimal for both objectives, one mentor per entrepreneur,
within capacity counted in entrepreneurs, deterministic.

Optimality is checked against references that share no code with the solver: an exhaustive
search on many small random instances, and a dense `linear_sum_assignment` over one column per
free place (the old approach) with a maximum bipartite matching for the cardinality, on medium ones.
"""

from __future__ import annotations

import itertools
import math
import random
from collections import Counter

import numpy as np
import pytest
from scipy.optimize import linear_sum_assignment
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import maximum_bipartite_matching

from matching import Assignment, assign_mentors, top_choices
from matching.assign import BEST_FIT, MOST_MATCHED, OBJECTIVES


def exhaustive_optimum(edges, remaining, owners, free, objective) -> tuple[int, float]:
    """(entrepreneurs matched, total fit) of the best plan, trying every choice per entrepreneur."""
    options: dict[object, list] = {}
    for idea, mentor, score in edges:
        options.setdefault(owners[idea], []).append((mentor, score))
    entrepreneurs = sorted(options)
    best = (0, 0.0)
    for choice in itertools.product(*([None, *options[e]] for e in entrepreneurs)):
        places = Counter(
            pick[0]
            for entrepreneur, pick in zip(entrepreneurs, choice, strict=True)
            if pick is not None and (entrepreneur, pick[0]) not in free
        )
        if any(count > remaining.get(mentor, 0) for mentor, count in places.items()):
            continue
        picks = [pick for pick in choice if pick is not None]
        found = (len(picks), math.fsum(score for _, score in picks))
        better = (
            found[1] > best[1] + 1e-12
            if objective == BEST_FIT
            else (found[0], found[1]) > (best[0], best[1] + 1e-12)
        )
        if better:
            best = found
    return best


def best_fit_by_entrepreneur(edges, owners) -> dict[tuple[object, int], float]:
    weight: dict[tuple[object, int], float] = {}
    for idea, mentor, score in edges:
        key = (owners[idea], mentor)
        weight[key] = max(weight.get(key, 0.0), score)
    return weight


def place_columns(remaining, weight, free) -> list[tuple[object, int]]:
    """One column per free place, labelled (None, mentor), and one per pair taking no place."""
    columns = [(None, mentor) for mentor in sorted(remaining) for _ in range(remaining[mentor])]
    return columns + sorted(key for key in weight if key in free)


def column_fits(entrepreneur, mentor, column, free) -> bool:
    if (entrepreneur, mentor) in free:
        return column == (entrepreneur, mentor)
    return column == (None, mentor)


def dense_optimum(edges, remaining, owners, free, objective) -> tuple[int, float]:
    """The old dense approach on entrepreneurs: a full cost matrix, one column per free place."""
    weight = best_fit_by_entrepreneur(edges, owners)
    entrepreneurs = sorted({e for e, _ in weight})
    columns = place_columns(remaining, weight, free)
    bonus = len(entrepreneurs) + 1.0 if objective == MOST_MATCHED else 0.0
    # Forbidden cells cost more than leaving the entrepreneur without a mentor (0).
    cost = np.full((len(entrepreneurs), len(columns) + len(entrepreneurs)), 1e9)
    for row, entrepreneur in enumerate(entrepreneurs):
        cost[row, len(columns) + row] = 0.0
        for column, label in enumerate(columns):
            mentor = label[1]
            if (entrepreneur, mentor) in weight and column_fits(entrepreneur, mentor, label, free):
                cost[row, column] = -(weight[(entrepreneur, mentor)] + bonus)
    rows, chosen = linear_sum_assignment(cost)
    picked = [cost[r, c] for r, c in zip(rows, chosen, strict=True) if c < len(columns)]
    return len(picked), math.fsum(-value - bonus for value in picked)


def maximum_cardinality(edges, remaining, owners, free) -> int:
    """Most entrepreneurs that can have a mentor, by scipy's maximum bipartite matching."""
    weight = best_fit_by_entrepreneur(edges, owners)
    entrepreneurs = sorted({e for e, _ in weight})
    columns = place_columns(remaining, weight, free)
    cells = [
        (row, column)
        for row, entrepreneur in enumerate(entrepreneurs)
        for column, label in enumerate(columns)
        if (entrepreneur, label[1]) in weight and column_fits(entrepreneur, label[1], label, free)
    ]
    if not cells:
        return 0
    rows, cols = zip(*cells, strict=True)
    graph = csr_matrix(
        (np.ones(len(cells)), (rows, cols)), shape=(len(entrepreneurs), len(columns))
    )
    return int((maximum_bipartite_matching(graph, perm_type="column") >= 0).sum())


def random_instance(seed: int, entrepreneurs=(1, 5), mentors=(1, 3), places=2, ideas=2):
    rng = random.Random(seed)
    owners: dict[int, str] = {}
    for person in range(rng.randint(*entrepreneurs)):
        for _ in range(rng.randint(1, ideas)):
            owners[len(owners)] = f"entrepreneur {person}"
    mentor_ids = [100 + m for m in range(rng.randint(*mentors))]
    decimals = rng.choice([1, 3])  # one decimal makes many ties
    edges = [
        (idea, mentor, round(rng.random(), decimals))
        for idea in owners
        for mentor in mentor_ids
        if rng.random() < 0.6
    ]
    remaining = {mentor: rng.randint(0, places) for mentor in mentor_ids}
    free = {
        (person, mentor)
        for person in sorted(set(owners.values()))
        for mentor in mentor_ids
        if rng.random() < 0.1
    }
    return edges, remaining, owners, free


def assert_feasible(result: Assignment, edges, remaining, owners, free) -> None:
    assert set(result.pairs) <= set(edges)
    people = [owners[idea] for idea, _, _ in result.pairs]
    assert len(people) == len(set(people)), "an entrepreneur got two mentors"
    places = Counter(
        mentor for idea, mentor, _ in result.pairs if (owners[idea], mentor) not in free
    )
    assert all(count <= remaining.get(mentor, 0) for mentor, count in places.items())
    assert result.total == pytest.approx(math.fsum(s for _, _, s in result.pairs), abs=1e-12)


@pytest.mark.parametrize("seed", range(300))
def test_both_objectives_reach_the_exhaustive_optimum_on_small_instances(seed):
    edges, remaining, owners, free = random_instance(seed)
    for objective in OBJECTIVES:
        result = assign_mentors(edges, remaining, owners, objective, free)
        assert_feasible(result, edges, remaining, owners, free)
        matched, total = exhaustive_optimum(edges, remaining, owners, free, objective)
        assert result.total == pytest.approx(total, abs=1e-9), objective
        if objective == MOST_MATCHED:
            assert result.matched == matched


@pytest.mark.parametrize("seed", range(40))
def test_both_objectives_equal_the_dense_optimum_on_medium_instances(seed):
    edges, remaining, owners, free = random_instance(
        1000 + seed, entrepreneurs=(20, 60), mentors=(4, 12), places=4, ideas=3
    )
    for objective in OBJECTIVES:
        result = assign_mentors(edges, remaining, owners, objective, free)
        assert_feasible(result, edges, remaining, owners, free)
        matched, total = dense_optimum(edges, remaining, owners, free, objective)
        assert result.total == pytest.approx(total, abs=1e-9), objective
        if objective == MOST_MATCHED:
            assert result.matched == matched
            assert matched == maximum_cardinality(edges, remaining, owners, free)


@pytest.mark.parametrize("seed", range(60))
def test_without_owners_each_idea_is_its_own_entrepreneur(seed):
    edges, remaining, _, _ = random_instance(seed)
    own = {idea: idea for idea, _, _ in edges}
    result = assign_mentors(edges, remaining)
    assert result == assign_mentors(edges, remaining, own)
    assert result.total == pytest.approx(
        exhaustive_optimum(edges, remaining, own, set(), BEST_FIT)[1], abs=1e-9
    )


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
    edges, remaining, _, _ = random_instance(7)
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


def test_an_entrepreneur_takes_one_place_and_gets_her_best_idea_with_the_mentor():
    owners = {1: "jelena", 2: "jelena", 3: "ana"}
    edges = [(1, 10, 0.6), (2, 10, 0.9), (3, 10, 0.5)]
    result = assign_mentors(edges, {10: 2}, owners)
    assert result.pairs == ((2, 10, 0.9), (3, 10, 0.5))


def test_an_entrepreneur_never_gets_two_mentors_even_when_both_have_room():
    owners = {1: "jelena", 2: "jelena"}
    result = assign_mentors([(1, 10, 0.9), (2, 11, 0.8)], {10: 1, 11: 1}, owners)
    assert result.pairs == ((1, 10, 0.9),)


def test_most_matched_gives_more_entrepreneurs_a_mentor_at_a_lower_total():
    edges = [(1, 10, 0.9), (1, 11, 0.1), (2, 10, 0.1)]
    result = assign_mentors(edges, {10: 1, 11: 1}, objective=MOST_MATCHED)
    assert (result.pairs, result.matched) == (((1, 11, 0.1), (2, 10, 0.1)), 2)
    assert result.total == pytest.approx(0.2)


def test_most_matched_picks_the_best_total_among_plans_of_that_size():
    edges = [(1, 10, 0.9), (1, 11, 0.3), (2, 10, 0.2), (2, 11, 0.8)]
    result = assign_mentors(edges, {10: 1, 11: 1}, objective=MOST_MATCHED)
    assert result.pairs == ((1, 10, 0.9), (2, 11, 0.8))


def test_a_mentor_who_already_mentors_the_entrepreneur_needs_no_free_place():
    owners = {1: "jelena", 2: "ana"}
    edges = [(1, 10, 0.7), (2, 10, 0.9)]
    result = assign_mentors(edges, {10: 0}, owners, already_mentored={("jelena", 10)})
    assert result.pairs == ((1, 10, 0.7),)


def test_a_pair_that_takes_no_place_leaves_the_free_place_to_someone_else():
    owners = {1: "jelena", 2: "ana"}
    edges = [(1, 10, 0.7), (2, 10, 0.9)]
    result = assign_mentors(edges, {10: 1}, owners, already_mentored={("jelena", 10)})
    assert result.matched == 2


def test_equal_plans_under_both_objectives_come_out_the_same_whatever_the_edge_order():
    edges, remaining, owners, free = random_instance(11, entrepreneurs=(8, 12), places=3)
    for objective in OBJECTIVES:
        first = assign_mentors(edges, remaining, owners, objective, free)
        shuffled = list(edges)
        random.Random(3).shuffle(shuffled)
        assert assign_mentors(shuffled, remaining, owners, objective, free) == first


def test_an_idea_without_an_entrepreneur_is_a_value_error():
    with pytest.raises(ValueError, match="no entrepreneur"):
        assign_mentors([(1, 10, 0.5), (2, 10, 0.5)], {10: 1}, {1: "jelena"})


def test_an_unknown_objective_is_a_value_error():
    with pytest.raises(ValueError, match="objective"):
        assign_mentors([(1, 10, 0.5)], {10: 1}, objective="cheapest")


def test_top_choice_gives_each_entrepreneur_her_best_proposal_and_counts_over_filled_mentors():
    owners = {1: "jelena", 2: "jelena", 3: "ana", 4: "mira"}
    edges = [(1, 10, 0.6), (2, 10, 0.9), (3, 10, 0.8), (3, 11, 0.7), (4, 11, 0.4)]
    choice = top_choices(edges, {10: 1, 11: 1}, owners)
    assert (choice.matched, choice.overfilled_mentors) == (3, 1)
    assert choice.total == pytest.approx(0.9 + 0.8 + 0.4)
    # Mentor 10 keeps her best pick (idea 2); Ana's top mentor is full, so she goes without.
    assert choice.within_capacity.pairs == ((2, 10, 0.9), (4, 11, 0.4))


def test_top_choice_never_beats_the_best_fit_plan_within_capacity():
    for seed in range(50):
        edges, remaining, owners, free = random_instance(seed)
        choice = top_choices(edges, remaining, owners, free)
        best = assign_mentors(edges, remaining, owners, BEST_FIT, free)
        assert choice.within_capacity.total <= best.total + 1e-9
        assert_feasible(choice.within_capacity, edges, remaining, owners, free)
