"""Directory feedback: an idea's meaning read through the candidates closest to it.

A short idea says little, and its words pick up only part of its trade. The candidates of each
kind that its text score ranks first (whatever their capacity or sector) are, most of the time,
about the same trade: the mean of their dense (topic + meaning) rows, added to the idea's own,
fills in what the idea leaves unsaid ("pseudo-relevance feedback", Rocchio's way). Each view of
the expanded vector is put back to the idea's own length, so calibrated scores, floors and
reasons keep their scale. Measured on real text (`python -m benchmarks.realdata`).
"""

from __future__ import annotations

import dataclasses

import numpy as np

from matching.config import MatchConfig
from matching.profiles import PROFILE
from matching.scoring import WHOLE, EncodedText, IdeaQuery, TextWeights
from matching.store import CandidateStore


def _closest_rows(store: CandidateStore, text: EncodedText, weights: TextWeights, config):
    """(dense rows of the `feedback_depth` present rows of `store` with the best text score,
    the best text score, the TF-IDF cosines of every row, for scoring to reuse).

    Only the `feedback_shortlist` rows sharing the most words with the idea are scored in
    full (reading every dense row of a large directory once more doubled the time of a
    ranking); all of them when too few rows share a word (an idea in another language)."""
    rows, depth = store.rows[PROFILE], config.feedback_depth
    tfidf = rows.sparse_scores(text.indices, text.weights)
    sharing = np.flatnonzero((tfidf > 0) & store.present)
    if len(sharing) >= depth:
        if len(sharing) > config.feedback_shortlist:
            best = np.argpartition(-tfidf[sharing], config.feedback_shortlist - 1)
            sharing = np.sort(sharing[best[: config.feedback_shortlist]])
        candidates = sharing
        dense = rows.dense_scores_at(text.dense, candidates)
    else:
        candidates = np.flatnonzero(store.present)
        dense = rows.dense_scores(text.dense)[candidates]
    score = weights.tfidf * tfidf[candidates] + np.maximum(dense - weights.offset, 0)
    if len(score) > depth:
        top = candidates[np.argpartition(-score, depth - 1)[:depth]]
    else:
        top = candidates
    best = float(score.max()) / weights.total if len(score) else 0.0
    return np.vstack([rows.dense_row(int(row)) for row in top]), best, tfidf


def _with_lengths_of(expanded: np.ndarray, original: np.ndarray, split: int) -> np.ndarray:
    """`expanded` with each view (topics before `split`, meaning after) as long as in `original`."""
    for part in (slice(0, split), slice(split, None)):
        before, after = np.linalg.norm(original[part]), np.linalg.norm(expanded[part])
        expanded[part] *= before / after if after > 0 else 0.0
    return expanded


def expand_query(
    query: IdeaQuery,
    stores: dict[str, CandidateStore],
    config: MatchConfig,
    weights: TextWeights,
) -> tuple[IdeaQuery, IdeaQuery, frozenset[str]]:
    """(the idea as it is, the idea with its whole text's dense vector moved towards its
    closest candidates, the kinds to score with the second): both carry the TF-IDF cosines
    already computed.

    A kind takes part when it has `feedback_min_rows` candidates or more and the idea, as it
    is, reaches the kind's minimum fit with at least one of them: feedback fills in what an
    idea leaves unsaid, it must not lend a text that fits nobody ("I make", a line in German)
    the meaning of whatever lies closest. Unchanged when feedback is off or the idea has no
    dense vector."""
    whole = query.texts[WHOLE]
    if config.feedback_weight <= 0 or whole.dense.size == 0 or not np.any(whole.dense):
        return query, query, frozenset()
    means, known, fed = [], {}, set()
    for kind, store in stores.items():
        if int(np.count_nonzero(store.present)) < config.feedback_min_rows:
            continue
        closest, best, known[kind] = _closest_rows(store, whole, weights, config)
        if best >= (weights.mentor_fit if kind == "mentor" else weights.other_fit):
            means.append(closest.mean(axis=0))
            fed.add(kind)
    query = dataclasses.replace(query, whole_tfidf=known) if known else query
    if not means:
        return query, query, frozenset()
    expanded = whole.dense + np.float32(config.feedback_weight) * np.mean(means, axis=0)
    split = weights.meaning_start if weights.meaning_start >= 0 else len(expanded)
    expanded = _with_lengths_of(expanded.astype(np.float32), whole.dense, split)
    texts = {**query.texts, WHOLE: EncodedText(whole.indices, whole.weights, expanded)}
    return query, dataclasses.replace(query, texts=texts), frozenset(fed)
