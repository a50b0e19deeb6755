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
    expanded = expand_query(query, index.stores, index.config, weights)
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
    assert expand_query(query, small.stores, small.config, weights) is query
    off = dataclasses.replace(MatchConfig(), feedback_weight=0.0)
    large = MatchIndex.fit(mentors=_mentors(24), config=off, embedder=embedder)
    query, weights = _query(large, "A bakery for sourdough bread.")
    assert expand_query(query, large.stores, large.config, weights) is query


def test_an_idea_without_meaning_is_not_expanded() -> None:
    index = MatchIndex.fit(mentors=_mentors(24))  # no meaning model: topics need 200 rows
    query, weights = _query(index, "A bakery for sourdough bread.")
    assert expand_query(query, index.stores, index.config, weights) is query
