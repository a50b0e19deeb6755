"""Re-matching keeps stored proposals unless a clearly better candidate appears."""

from __future__ import annotations

import random

from matching import MatchConfig
from matching.proposals import Revision, revise_proposals

MARGIN = 0.05


def ranking(*scores: tuple[int, float]) -> list[tuple[int, float]]:
    return sorted(scores, key=lambda pair: (-pair[1], pair[0]))


def test_a_first_match_proposes_the_best_k():
    revision = revise_proposals([], ranking((1, 0.9), (2, 0.8), (3, 0.7), (4, 0.6)), 3, MARGIN)
    assert (revision.keep, revision.add, revision.withdraw) == ((), (1, 2, 3), ())


def test_an_unchanged_ranking_keeps_every_proposal():
    ranked = ranking((1, 0.9), (2, 0.8), (3, 0.7), (4, 0.6))
    revision = revise_proposals([1, 2, 3], ranked, 3, MARGIN)
    assert (revision.keep, revision.add, revision.withdraw) == ((1, 2, 3), (), ())


def test_an_edge_flip_by_a_tiny_score_difference_does_not_churn():
    # 3 was fifth, 6 sixth; now 6 edges past 3 by 0.004.
    ranked = ranking((1, 0.9), (2, 0.8), (3, 0.700), (4, 0.75), (5, 0.72), (6, 0.704))
    revision = revise_proposals([1, 2, 3, 4, 5], ranked, 5, MARGIN)
    assert (revision.keep, revision.add, revision.withdraw) == ((1, 2, 4, 5, 3), (), ())


def test_repeated_edge_flips_never_churn():
    proposed = [1, 2, 3, 4, 5]
    for step in range(50):
        edge = 0.70 + (0.01 if step % 2 else -0.01)
        ranked = ranking((1, 0.9), (2, 0.85), (3, 0.8), (4, 0.75), (5, 0.70), (6, edge))
        revision = revise_proposals(proposed, ranked, 5, MARGIN)
        assert (revision.add, revision.withdraw) == ((), ())
        proposed = list(revision.keep + revision.add)


def test_a_clearly_better_newcomer_replaces_the_weakest():
    ranked = ranking((1, 0.9), (6, 0.88), (2, 0.8), (3, 0.7))
    revision = revise_proposals([1, 2, 3], ranked, 3, MARGIN)
    assert (revision.keep, revision.add, revision.withdraw) == ((1, 2), (6,), (3,))


def test_two_clearly_better_newcomers_replace_the_two_weakest():
    ranked = ranking((6, 0.95), (7, 0.93), (1, 0.9), (2, 0.6), (3, 0.5))
    revision = revise_proposals([1, 2, 3], ranked, 3, MARGIN)
    assert (revision.keep, revision.add, revision.withdraw) == ((1,), (6, 7), (3, 2))


def test_a_newcomer_better_by_exactly_the_margin_does_not_replace():
    ranked = ranking((1, 0.9), (6, 0.75), (2, 0.7))
    revision = revise_proposals([1, 2], ranked, 2, 0.05 + 1e-9)
    assert revision.add == ()


def test_a_candidate_no_longer_ranked_is_withdrawn_and_its_place_filled():
    ranked = ranking((1, 0.9), (2, 0.8), (4, 0.5))
    revision = revise_proposals([1, 2, 3], ranked, 3, MARGIN)
    assert (revision.keep, revision.add, revision.withdraw) == ((1, 2), (4,), (3,))


def test_a_proposal_that_slipped_below_k_but_is_still_ranked_is_kept():
    ranked = ranking((1, 0.9), (6, 0.86), (2, 0.85), (3, 0.84))
    revision = revise_proposals([1, 2, 3], ranked, 3, MARGIN)
    assert (revision.keep, revision.add, revision.withdraw) == ((1, 2, 3), (), ())


def test_settled_candidates_are_never_proposed_and_hold_their_place():
    ranked = ranking((9, 0.95), (1, 0.9), (2, 0.8), (3, 0.7))
    revision = revise_proposals([], ranked, 3, MARGIN, settled={9})
    assert (revision.add, revision.ranks) == ((1, 2), {1: 2, 2: 3})


def test_a_settled_candidate_moving_into_the_top_k_does_not_withdraw_anyone():
    ranked = ranking((9, 0.95), (1, 0.9), (2, 0.8), (3, 0.7))
    revision = revise_proposals([1, 2, 3], ranked, 3, MARGIN, settled={9})
    assert (revision.keep, revision.withdraw) == ((1, 2, 3), ())


def test_a_smaller_k_withdraws_the_weakest_beyond_it():
    ranked = ranking((1, 0.9), (2, 0.8), (3, 0.7))
    revision = revise_proposals([1, 2, 3], ranked, 2, MARGIN)
    assert (revision.keep, revision.withdraw) == ((1, 2), (3,))


def test_ranks_count_from_one_in_ranking_order():
    ranked = ranking((1, 0.9), (6, 0.86), (2, 0.85), (3, 0.84))
    revision = revise_proposals([1, 2, 3], ranked, 3, MARGIN)
    assert revision.ranks == {1: 1, 2: 2, 3: 3}


def test_no_candidates_at_all_withdraws_everything():
    assert revise_proposals([1, 2], [], 5, MARGIN) == Revision(withdraw=(1, 2))


def test_the_decision_is_deterministic_whatever_the_order_of_the_proposals():
    generator = random.Random(7)
    ranked = ranking(*((c, round(generator.random(), 3)) for c in range(1, 30)))
    proposed = generator.sample(range(1, 40), 8)
    first = revise_proposals(proposed, ranked, 5, MARGIN, settled={3, 4})
    shuffled = generator.sample(proposed, len(proposed))
    assert revise_proposals(shuffled, ranked, 5, MARGIN, settled={4, 3}) == first


def test_the_result_never_holds_more_than_k_proposals():
    generator = random.Random(11)
    for _ in range(200):
        ranked = ranking(*((c, round(generator.random(), 2)) for c in range(1, 15)))
        proposed = generator.sample(range(1, 20), generator.randint(0, 8))
        revision = revise_proposals(proposed, ranked, 5, MARGIN)
        assert len(revision.keep) + len(revision.add) <= 5
        assert set(revision.keep) | set(revision.withdraw) == set(proposed)


def test_the_default_margin_is_wider_than_one_capacity_step():
    config = MatchConfig()
    weights = config.text_weight + config.capacity_weight
    one_step = config.capacity_weight / config.capacity_saturation / weights
    assert config.proposal_margin > one_step


def test_a_provisional_candidate_stays_proposed_but_is_never_added():
    # 3 slipped just under the minimum fit after a refit; 4 is under it and never proposed.
    ranked = ranking((1, 0.9), (2, 0.8), (3, 0.30), (4, 0.29))
    kept = revise_proposals([1, 2, 3], ranked, 3, MARGIN, provisional={3, 4})
    assert (kept.keep, kept.add, kept.withdraw) == ((1, 2, 3), (), ())
    first = revise_proposals([], ranked, 3, MARGIN, provisional={3, 4})
    assert (first.keep, first.add, first.withdraw) == ((), (1, 2), ())
