"""MatchIndex: fit once over all candidates, then rank ideas, upsert and remove candidates."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np

from matching.building import (
    Vectors,
    build_stores,
    check_kinds,
    embed_candidates,
    encode_candidate,
    kind_of,
    new_store,
    without_cyclic_collection,
)
from matching.config import MatchConfig
from matching.embedding import TextEmbedder
from matching.encoder import TextEncoder
from matching.errors import IndexNotFittedError, UnsupportedRecordError
from matching.profiles import SignalEncoder
from matching.ranking import QueryEncoder, rank_batch
from matching.semantic import SemanticSpace
from matching.store import CandidateStore
from matching.types import KINDS, CandidateRecord, IdeaRecord, Match

__all__ = ["MatchIndex", "Vectors", "check_kinds", "embed_candidates", "kind_of"]


class MatchIndex:
    """Ranks mentors, supply-chain partners and clusters for business ideas.

    Ranking only reads the index; `upsert` and `remove` change it, so callers that share one
    index between threads must not run them while ranking. The embedder (meaning view) is
    optional and never saved with the index: `attach` it again after loading.
    """

    def __init__(self, config: MatchConfig | None = None, embedder: TextEmbedder | None = None):
        self.config = config or MatchConfig()
        self.embedder = embedder
        self.encoder: TextEncoder | None = None
        self.semantic = SemanticSpace(self.config)
        self.signal_encoder = SignalEncoder(self.config)
        self.stores: dict[str, CandidateStore] = {}
        self.sentences: dict = {}
        """Encoded sentences of recently explained candidates (see `ranking.Explainer`)."""
        self.meaning_version: str | None = None
        """The embedder model the index was fitted with (None: fitted without meaning)."""

    @classmethod
    def fit(
        cls,
        mentors: Iterable[CandidateRecord] = (),
        partners: Iterable[CandidateRecord] = (),
        clusters: Iterable[CandidateRecord] = (),
        config: MatchConfig | None = None,
        embedder: TextEmbedder | None = None,
        vectors: Vectors | None = None,
    ) -> MatchIndex:
        """Learn vocabulary, topics and calibration from every candidate and index them all."""
        index = cls(config, embedder)
        records = {"mentor": list(mentors), "partner": list(partners), "cluster": list(clusters)}
        for kind, rows in records.items():
            for record in rows:
                if kind_of(record) != kind:
                    raise UnsupportedRecordError(f"{type(record).__name__} given as a {kind}")
        index.encoder = TextEncoder(index.config)
        parts = (index.encoder, index.semantic, index.signal_encoder, embedder)
        with without_cyclic_collection():
            index.stores = build_stores(records, vectors or {}, *parts)
        index.meaning_version = embedder.version if embedder is not None else None
        return index

    def candidate_vectors(
        self, records: Sequence[CandidateRecord], known: Vectors | None = None
    ) -> dict[tuple[str, int], dict[str, np.ndarray]]:
        """Meaning vectors of candidates by field (see `embed_candidates`); empty without embedder."""
        return embed_candidates(records, self.embedder, known)

    def attach(self, embedder: TextEmbedder | None) -> None:
        """Use this embedder for the meaning view (after `load`), or none."""
        self.embedder = embedder
        self.sentences = {}

    @property
    def meaning_on(self) -> bool:
        """Whether ranking uses the meaning view (an embedder and a fitted meaning view)."""
        return self.embedder is not None and self.semantic.meaning is not None

    @property
    def is_fitted(self) -> bool:
        return self.encoder is not None

    def _fitted_encoder(self) -> TextEncoder:
        if self.encoder is None:
            raise IndexNotFittedError(
                "the index has no vocabulary yet: build it with MatchIndex.fit"
            )
        return self.encoder

    def __len__(self) -> int:
        return sum(len(store) for store in self.stores.values())

    def size(self, kind: str) -> int:
        """Number of candidates of `kind` currently in the index."""
        check_kinds((kind,))
        store = self.stores.get(kind)
        return 0 if store is None else len(store)

    def upsert(self, record: CandidateRecord, vectors: Vectors | None = None) -> None:
        """Add or replace a candidate. Words never seen before join the vocabulary at once."""
        kind = kind_of(record)
        encoder = self._fitted_encoder()
        store = self.stores.setdefault(kind, new_store(kind, encoder, self.semantic))
        before = encoder.n_features
        stored = None
        if self.semantic.meaning is not None:
            stored = self.candidate_vectors([record], vectors).get((kind, int(record.id)))
        sparse, dense = encode_candidate(record, stored, encoder, self.semantic)
        if encoder.n_features != before:
            for other in self.stores.values():
                other.widen(encoder.n_features)
        store.upsert(record, sparse, dense, self.signal_encoder.candidates([record]))
        if store.needs_compaction(self.config.delta_limit):
            store.compact()

    def remove(self, kind: str, candidate_id: int) -> bool:
        """Remove a candidate; return whether it was in the index."""
        check_kinds((kind,))
        self._fitted_encoder()
        store = self.stores.get(kind)
        return False if store is None else store.remove(candidate_id)

    def rank(
        self, idea: IdeaRecord, kinds: Sequence[str] | None = None, k: int | None = None, **options
    ) -> dict[str, list[Match]]:
        """Best `k` candidates per kind (default: the idea's needs) for one idea."""
        return self.rank_many([idea], kinds=kinds, k=k, **options)[0]

    def rank_many(
        self,
        ideas: Sequence[IdeaRecord],
        kinds: Sequence[str] | None = None,
        k: int | None = None,
        explain: int | None = None,
        provisional: bool = False,
    ) -> list[dict[str, list[Match]]]:
        """`rank` for many ideas, encoded in batches; gives exactly the same results.

        `explain`: only the first `explain` matches of each kind get reasons (reasons cost more
        than scores, and ranking deeper than one shows rarely needs them). `provisional`: also
        return candidates up to `MatchConfig.fit_slack` under a minimum fit, marked so.
        """
        encoder = self._fitted_encoder()
        explicit = None if kinds is None else check_kinds(kinds)
        limit = self.config.top_k if k is None else int(k)
        depth = (limit, limit if explain is None else max(0, int(explain)), provisional)
        wanted = [
            explicit if explicit is not None else tuple(k for k in KINDS if k in (i.needs or ()))
            for i in ideas
        ]
        queries = QueryEncoder(encoder, self.semantic, self.embedder, self.signal_encoder)
        regions = self.signal_encoder.region_names
        step = max(1, self.config.batch_size)
        results: list[dict[str, list[Match]]] = []
        for start in range(0, len(ideas), step):
            batch = slice(start, start + step)
            results += rank_batch(
                queries, self.sentences, self.stores, regions, ideas[batch], wanted[batch], depth
            )
        return results

    def __getstate__(self) -> dict:
        state = dict(self.__dict__)
        state["embedder"] = None  # a loaded model is not data: attach it again after loading
        state["sentences"] = {}
        return state
