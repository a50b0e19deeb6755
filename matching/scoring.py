"""Blending text and structured scores, and deterministic sparse-friendly top-k."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from matching.config import MatchConfig
from matching.store import CandidateStore


@dataclass(frozen=True)
class IdeaSignals:
    """Structured signals of a batch of ideas, one entry per idea."""

    sectors: np.ndarray
    languages: np.ndarray
    regions: np.ndarray
    has_languages: np.ndarray
    has_place: np.ndarray


@dataclass(frozen=True)
class ScoredRow:
    """A selected candidate row with the parts of its score, for building reasons."""

    row: int
    score: float
    field_scores: dict[str, float]
    same_sector: bool
    shared_language: bool
    same_region: bool


def _weight_columns(kind: str, ideas: IdeaSignals, config: MatchConfig) -> tuple[np.ndarray, ...]:
    """Per-idea weights of sector, language, region and capacity (0 when not applicable)."""
    n = len(ideas.sectors)
    is_mentor = kind == "mentor"
    sector = np.where(ideas.sectors != 0, config.sector_weight, 0.0)
    language = np.where(ideas.has_languages & is_mentor, config.language_weight, 0.0)
    region = np.where(ideas.has_place, config.region_weight, 0.0)
    capacity = np.full(n, config.capacity_weight if is_mentor else 0.0)
    return sector, language, region, capacity


def top_k(scores: np.ndarray, ids: np.ndarray, k: int) -> np.ndarray:
    """Rows of the k best positive scores, ties broken by ascending candidate id."""
    positive = np.flatnonzero(scores > 0)
    if k <= 0 or positive.size == 0:
        return positive[:0]
    values = scores[positive]
    if positive.size > k:
        threshold = np.partition(values, positive.size - k)[positive.size - k]
        selected = values >= threshold
        positive, values = positive[selected], values[selected]
    order = np.lexsort((ids[positive], -values))
    return positive[order[:k]]


def rank_store(
    store: CandidateStore, queries: sp.csr_matrix, ideas: IdeaSignals, config: MatchConfig, k: int
) -> list[list[ScoredRow]]:
    """Best k rows of `store` for each query row, with their score components."""
    n_queries = queries.shape[0]
    if store.n_rows == 0 or len(store) == 0 or k <= 0:
        return [[] for _ in range(n_queries)]
    signals = store.signals
    proposable = store.present & signals.proposable
    sector_weight, language_weight, region_weight, capacity_weight = _weight_columns(
        store.kind, ideas, config
    )
    capacity_bonus = signals.capacity * (config.capacity_weight if store.kind == "mentor" else 0.0)
    sector_members: dict[int, np.ndarray] = {}
    results: list[list[ScoredRow]] = []
    for query in range(n_queries):
        start, end = queries.indptr[query], queries.indptr[query + 1]
        if start == end and ideas.sectors[query] == 0:
            results.append([])
            continue
        indices, weights = queries.indices[start:end], queries.data[start:end]
        field_scores = {f: store.text_scores(f, indices, weights) for f in store.fields}
        text = field_scores[store.fields[0]]
        for field in store.fields[1:]:
            text = np.maximum(text, field_scores[field])
        blended = text * config.text_weight
        eligible = text >= config.min_text_score
        if sector_weight[query]:
            sector = int(ideas.sectors[query])
            same_sector = sector_members.get(sector)
            if same_sector is None:
                same_sector = sector_members.setdefault(sector, (signals.sectors & sector) != 0)
            blended += sector_weight[query] * same_sector
            eligible |= same_sector
        if language_weight[query]:
            blended += language_weight[query] * ((signals.languages & ideas.languages[query]) != 0)
        if region_weight[query] and ideas.regions[query] >= 0:
            blended += region_weight[query] * (signals.regions == ideas.regions[query])
        if capacity_weight[query]:
            blended += capacity_bonus
        total = (
            config.text_weight
            + sector_weight[query]
            + language_weight[query]
            + region_weight[query]
            + capacity_weight[query]
        )
        blended /= total
        eligible &= proposable
        np.clip(blended, 0.0, 1.0, out=blended)
        blended *= eligible
        rows = top_k(blended, store.ids, k)
        results.append(
            [
                ScoredRow(
                    row=int(row),
                    score=float(blended[row]),
                    field_scores={f: float(s[row]) for f, s in field_scores.items()},
                    same_sector=bool(signals.sectors[row] & ideas.sectors[query]),
                    shared_language=bool(
                        language_weight[query] and signals.languages[row] & ideas.languages[query]
                    ),
                    same_region=bool(
                        ideas.regions[query] >= 0 and signals.regions[row] == ideas.regions[query]
                    ),
                )
                for row in rows
            ]
        )
    return results
