"""Directory feedback: the idea's dense vector read through its closest candidates."""

from __future__ import annotations

import dataclasses

import numpy as np

from matching import IdeaRecord, MatchConfig, MatchIndex, MentorRecord, TextEmbedder
from matching.feedback import expand_query
from matching.ranking import QueryEncoder
from matching.scoring import WHOLE

TRADES = {
    "bakery": [
        "Baker of sourdough bread and pastry, runs a village bakery and bread oven.",
        "Pastry chef: cakes, biscuits, bread rolls, flour and yeast suppliers.",
        "Bakery owner, wholesale bread for shops, baking ovens and dough lines.",
    ],
    "software": [
        "Software engineer building web applications, databases and cloud hosting.",
        "Mobile app developer, user interfaces, payments in apps, code reviews.",
        "IT consultant: software projects, programming teams, online platforms.",
    ],
}


def _mentors(count: int) -> list[MentorRecord]:
    lines = [(trade, text) for trade, texts in TRADES.items() for text in texts]
    return [
        MentorRecord(n + 1, f"Mentor {n + 1}", headline=lines[n % len(lines)][1])
        for n in range(count)
    ]


def _query(index: MatchIndex, text: str):
    encoder = QueryEncoder(index.encoder, index.semantic, index.embedder, index.signal_encoder)
    queries, _ = encoder.encode([IdeaRecord(1, "Idea", text)])
    return queries[0], encoder.weights


def test_the_idea_moves_towards_its_closest_candidates_and_keeps_its_length() -> None:
    index = MatchIndex.fit(mentors=_mentors(24), embedder=TextEmbedder().load())
    query, weights = _query(index, "I want to open a small bread oven in my village.")
    _, expanded, fed = expand_query(query, index.stores, index.config, weights)
    assert fed == {"mentor"}
    before, after = query.texts[WHOLE].dense, expanded.texts[WHOLE].dense
    split = weights.meaning_start
    for part in (slice(0, split), slice(split, None)):
        assert np.isclose(np.linalg.norm(after[part]), np.linalg.norm(before[part]), rtol=1e-4)
    store = index.stores["mentor"]
    bakers = np.vstack([store.rows["profile"].dense_row(r) for r in range(0, 24, 6)])
    coders = np.vstack([store.rows["profile"].dense_row(r) for r in range(3, 24, 6)])
    # Closer to the bakers than it was, by more than it came closer to the programmers.
    assert (bakers @ after).mean() - (bakers @ before).mean() > 0
    assert (bakers @ after).mean() - (bakers @ before).mean() > (coders @ after).mean() - (
        coders @ before
    ).mean()
    # The words are untouched.
    assert np.array_equal(query.texts[WHOLE].indices, expanded.texts[WHOLE].indices)


def test_a_small_directory_or_feedback_off_leaves_the_idea_as_it_is() -> None:
    embedder = TextEmbedder().load()
    small = MatchIndex.fit(mentors=_mentors(12), embedder=embedder)
    query, weights = _query(small, "A bakery for sourdough bread.")
    assert expand_query(query, small.stores, small.config, weights)[2] == frozenset()
    off = dataclasses.replace(MatchConfig(), feedback_weight=0.0)
    large = MatchIndex.fit(mentors=_mentors(24), config=off, embedder=embedder)
    query, weights = _query(large, "A bakery for sourdough bread.")
    assert expand_query(query, large.stores, large.config, weights) == (query, query, frozenset())


def test_an_idea_without_meaning_is_not_expanded() -> None:
    index = MatchIndex.fit(mentors=_mentors(24))  # no meaning model: topics need 200 rows
    query, weights = _query(index, "A bakery for sourdough bread.")
    assert expand_query(query, index.stores, index.config, weights)[2] == frozenset()


def test_a_text_that_fits_nobody_is_not_lent_the_meaning_of_the_closest() -> None:
    """ "I make" and a line in German got mentors with feedback on and none without it: the
    five closest candidates stood out by meaning only because the idea had been moved to them."""
    index = MatchIndex.fit(mentors=_mentors(24), embedder=TextEmbedder().load())
    for text in ("I make", "Ich mache Marmelade und verkaufe Honig."):
        query, weights = _query(index, text)
        assert expand_query(query, index.stores, index.config, weights)[2] == frozenset()
        assert index.rank(IdeaRecord(1, "Idea", text), kinds=("mentor",))["mentor"] == []


def test_feedback_reaches_only_the_kinds_that_are_large_enough() -> None:
    """38 mentors and the demo's 15 partners: partners are scored with the idea as it is."""
    from mentorship.demo.records import partner_records

    index = MatchIndex.fit(
        mentors=_mentors(38), partners=partner_records(), embedder=TextEmbedder().load()
    )
    query, weights = _query(index, "I run a village bakery and want to bake sourdough bread.")
    plain, _, fed = expand_query(query, index.stores, index.config, weights)
    assert fed == {"mentor"}
    assert np.array_equal(plain.texts[WHOLE].dense, query.texts[WHOLE].dense)
