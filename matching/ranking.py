"""Ranking ideas against a fitted index: encode the idea's texts, score each kind, explain."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import numpy as np

from matching.config import MatchConfig
from matching.embedding import TextEmbedder
from matching.encoder import TextEncoder
from matching.profiles import OFFERS, PROFILE, SEEKS, SignalEncoder, candidate_texts, idea_text
from matching.reasons import (
    RELATION_VERBS,
    IdeaTerms,
    quote_meaning,
    related_words,
    sentences,
    shared_terms,
    signal_reasons,
    text_reasons,
)
from matching.scoring import (
    GENERAL,
    PARTNER_PAIRS,
    WHOLE,
    EncodedText,
    IdeaQuery,
    ScoredRow,
    TextWeights,
    score_store,
)
from matching.semantic import SemanticSpace
from matching.store import CandidateStore
from matching.supply import supply_text
from matching.types import IdeaRecord, Match

ROLES = (WHOLE, OFFERS, SEEKS)


class QueryEncoder:
    """Encodes ideas (whole text, what they offer, what they seek) into every view."""

    def __init__(
        self,
        encoder: TextEncoder,
        semantic: SemanticSpace,
        embedder: TextEmbedder | None,
        signals: SignalEncoder,
    ) -> None:
        self.encoder = encoder
        self.semantic = semantic
        self.embedder = embedder if semantic.meaning is not None else None
        self.signals = signals

    @property
    def weights(self) -> TextWeights:
        views = [self.semantic.topics] if self.semantic.topics is not None else []
        meaning = self.embedder is not None
        if meaning:
            views.append(self.semantic.meaning)
        config = self.encoder.config
        return TextWeights(
            tfidf=config.tfidf_weight,
            offset=sum(view.offset for view in views),
            total=config.tfidf_weight + sum(view.weight for view in views),
            mentor_fit=config.min_mentor_fit if meaning else config.min_mentor_fit_without_meaning,
            other_fit=config.min_text_score if meaning else config.min_text_score_without_meaning,
        )

    def encode_texts(self, texts: Sequence[str]) -> tuple:
        """(sparse rows, dense rows) of plain texts in this index's views."""
        sparse = self.encoder.transform(texts)
        meaning = self.embedder.embed(texts) if self.embedder is not None else None
        return sparse, self.semantic.transform(self.encoder.word_part(sparse), meaning)

    def encode(self, ideas: Sequence[IdeaRecord]) -> tuple[list[IdeaQuery], list[dict]]:
        """The queries, and per idea the texts of each role (for reasons)."""
        supplies = [supply_text(idea) for idea in ideas]
        texts = {
            WHOLE: [idea_text(idea) for idea in ideas],
            OFFERS: [supply.offers for supply in supplies],
            SEEKS: [supply.seeks for supply in supplies],
        }
        sparse, dense = self.encode_texts([t for role in ROLES for t in texts[role]])
        n = len(ideas)
        queries, role_texts = [], []
        for i, idea in enumerate(ideas):
            encoded = {}
            for position, role in enumerate(ROLES):
                row = position * n + i
                start, end = sparse.indptr[row], sparse.indptr[row + 1]
                encoded[role] = EncodedText(
                    sparse.indices[start:end], sparse.data[start:end], dense[row]
                )
            sector, languages, region = self.signals.idea(idea)
            queries.append(
                IdeaQuery(
                    texts=encoded,
                    sector=sector,
                    languages=languages,
                    region=region,
                    has_languages=bool(idea.languages),
                    has_place=bool((idea.city or "").strip()),
                )
            )
            role_texts.append({role: texts[role][i] for role in ROLES})
        return queries, role_texts


SentenceCache = dict[tuple, tuple[list[str], np.ndarray]]
_SENTENCE_CACHE_LIMIT = 20_000


class Explainer:
    """Builds the reasons of one idea's matches from the parts of their scores.

    A candidate's sentences are encoded once and kept in `cache` (keyed by its record, so a
    changed candidate is encoded afresh): the same mentors come up for idea after idea.
    """

    def __init__(self, queries: QueryEncoder, config: MatchConfig, cache: SentenceCache) -> None:
        self.queries = queries
        self.config = config
        self.cache = cache

    def reasons(
        self,
        idea: IdeaRecord,
        query: IdeaQuery,
        texts: dict[str, str],
        store: CandidateStore,
        scored: ScoredRow,
        region: str | None,
    ) -> tuple[str, ...]:
        record = store.records[scored.row]
        relation = scored.relation
        role, field = PARTNER_PAIRS[relation] if store.kind == "partner" else (WHOLE, PROFILE)
        encoded = query.texts[role]
        n_char = self.queries.encoder.n_char_features
        words = encoded.indices >= n_char
        idea_terms = IdeaTerms(texts[role], encoded.indices[words] - n_char, encoded.weights[words])
        word_terms = self.queries.encoder.word_terms
        row = store.rows[field].word_row(scored.row)
        terms = shared_terms(idea_terms, row, word_terms, self.config.reason_terms)
        related = not terms
        if related:
            terms = related_words(idea_terms, row[0], word_terms, self.config.reason_terms)
        closest = None
        if quote_meaning(scored, relation, terms) or (relation in RELATION_VERBS and not terms):
            closest = self._closest(record, field, encoded.dense, scored, relation)
        reasons = text_reasons(scored, relation, terms, related, closest, record)
        return tuple(reasons + signal_reasons(idea, record, scored, region))

    def prefetch(self, store: CandidateStore, rows: Sequence[ScoredRow]) -> None:
        """Encode in one batch the sentences of every row whose reasons may quote one: one
        call for thirty candidates costs little more than one call for one."""
        wanted: dict[tuple, list[str]] = {}
        for scored in rows:
            if scored.parts.get(scored.relation, (0.0, 0.0))[1] <= 0:
                continue
            field = PARTNER_PAIRS[scored.relation][1] if store.kind == "partner" else PROFILE
            key = (field, store.records[scored.row])
            if key not in self.cache and key not in wanted:
                wanted[key] = sentences(candidate_texts(key[1])[field])
        several = [texts for texts in wanted.values() if len(texts) > 1]
        dense = iter(())
        if several:
            encoded = self.queries.encode_texts([text for texts in several for text in texts])[1]
            bounds = np.cumsum([0] + [len(texts) for texts in several])
            dense = iter(encoded[start:end] for start, end in itertools.pairwise(bounds))
        for key, texts in wanted.items():
            self._remember(key, texts, next(dense) if len(texts) > 1 else None)

    def _remember(self, key: tuple, texts: list[str], dense: np.ndarray | None) -> tuple:
        if len(self.cache) >= _SENTENCE_CACHE_LIMIT:
            self.cache.clear()
        found = self.cache[key] = (texts, dense)
        return found

    def _closest(self, record, field: str, query: np.ndarray, scored: ScoredRow, relation: str):
        """The candidate's sentence nearest the idea in the dense views, if they scored."""
        if scored.parts.get(relation, (0.0, 0.0))[1] <= 0 or not np.any(query):
            return None
        key = (field, record)
        found = self.cache.get(key)
        if found is None:
            texts = sentences(candidate_texts(record)[field])
            dense = self.queries.encode_texts(texts)[1] if len(texts) > 1 else None
            found = self._remember(key, texts, dense)
        texts, dense = found
        if dense is None:
            return texts[0] if texts else None
        return texts[int(np.argmax(dense @ query))]


def rank_batch(
    queries: QueryEncoder,
    cache: SentenceCache,
    stores: dict[str, CandidateStore],
    region_names: dict[int, str],
    ideas: Sequence[IdeaRecord],
    wanted: Sequence[tuple[str, ...]],
    k: int,
    explain: int,
) -> list[dict[str, list[Match]]]:
    """Matches of each idea for each kind it wants, best first; the first `explain` of each
    kind with their reasons."""
    config = queries.encoder.config
    encoded, texts = queries.encode(ideas)
    weights = queries.weights
    explainer = Explainer(queries, config, cache)
    results = []
    for idea, query, idea_texts, kinds in zip(ideas, encoded, texts, wanted, strict=True):
        found: dict[str, list[Match]] = {}
        for kind in kinds:
            store = stores.get(kind)
            rows = [] if store is None else score_store(store, query, config, weights, k)
            if rows and np.any(query.texts[PARTNER_PAIRS[GENERAL][0]].dense):
                explainer.prefetch(store, rows[:explain])
            found[kind] = [
                Match(
                    kind=kind,
                    candidate_id=int(store.ids[scored.row]),
                    score=round(scored.score, 6),
                    rank=rank,
                    reasons=explainer.reasons(
                        idea,
                        query,
                        idea_texts,
                        store,
                        scored,
                        region_names.get(int(store.signals.regions[scored.row])),
                    )
                    if rank <= explain
                    else (),
                )
                for rank, scored in enumerate(rows, start=1)
            ]
        results.append(found)
    return results


__all__ = ["GENERAL", "QueryEncoder", "rank_batch"]
