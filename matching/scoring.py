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


def rank_store(store: CandidateStore, queries: sp.csr_matrix, ideas: IdeaSignals,
               config: MatchConfig, k: int) -> list[list[ScoredRow]]:
    """Best k rows of `store` for each query row, with their score components."""
    n_queries = queries.shape[0]
    if store.n_rows == 0 or len(store) == 0 or k <= 0:
        return [[] for _ in range(n_queries)]
    field_scores = {field: store.text_scores(field, queries) for field in store.fields}
    text = field_scores[store.fields[0]]
    for field in store.fields[1:]:
        text = np.maximum(text, field_scores[field])
    signals = store.signals
    sector_weight, language_weight, region_weight, capacity_weight = _weight_columns(
        store.kind, ideas, config)
    same_sector = (signals.sectors[None, :] & ideas.sectors[:, None]) != 0
    shared_language = (signals.languages[None, :] & ideas.languages[:, None]) != 0
    same_region = (signals.regions[None, :] == ideas.regions[:, None]) & (
        ideas.regions[:, None] >= 0)
    blended = config.text_weight * text
    blended += sector_weight[:, None].astype(np.float32) * same_sector
    blended += language_weight[:, None].astype(np.float32) * shared_language
    blended += region_weight[:, None].astype(np.float32) * same_region
    blended += capacity_weight[:, None].astype(np.float32) * signals.capacity[None, :]
    total = config.text_weight + sector_weight + language_weight + region_weight + capacity_weight
    blended /= total[:, None].astype(np.float32)
    eligible = (text >= config.min_text_score) | same_sector
    eligible &= (store.present & signals.proposable)[None, :]
    np.clip(blended, 0.0, 1.0, out=blended)
    blended[~eligible] = 0.0
    results = []
    for query in range(n_queries):
        rows = top_k(blended[query], store.ids, k)
        results.append([
            ScoredRow(
                row=int(row), score=float(blended[query, row]),
                field_scores={f: float(s[query, row]) for f, s in field_scores.items()},
                same_sector=bool(same_sector[query, row]),
                shared_language=bool(shared_language[query, row]),
                same_region=bool(same_region[query, row]),
            )
            for row in rows
        ])
    return results
