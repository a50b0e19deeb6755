"""MatchIndex: fit once over all candidates, then rank ideas, upsert, remove, save, load."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from os import PathLike

import numpy as np

from matching.config import MatchConfig
from matching.encoder import TextEncoder
from matching.errors import IndexNotFittedError, UnknownKindError, UnsupportedRecordError
from matching.profiles import FIELDS, SignalEncoder, candidate_texts, idea_text
from matching.reasons import IdeaTerms, SharedTerms, build_reasons
from matching.scoring import IdeaSignals, ScoredRow, rank_store
from matching.store import CandidateStore
from matching.types import KIND_OF_RECORD, KINDS, CandidateRecord, IdeaRecord, Match


def _kind_of(record: object) -> str:
    kind = KIND_OF_RECORD.get(type(record))
    if kind is None:
        raise UnsupportedRecordError(f"not a mentor, partner or cluster record: {record!r}")
    return kind


def _check_kinds(kinds: Iterable[str]) -> tuple[str, ...]:
    requested = tuple(dict.fromkeys(kinds))
    unknown = [kind for kind in requested if kind not in KINDS]
    if unknown:
        raise UnknownKindError(f"unknown candidate kind(s) {unknown}; expected one of {KINDS}")
    return requested


class MatchIndex:
    """Ranks mentors, supply-chain partners and clusters for business ideas.

    Ranking only reads the index; `upsert` and `remove` change it, so callers that share
    one index between threads must not run them while ranking. Unknown kinds in an
    idea's `needs` are ignored; unknown kinds passed explicitly raise UnknownKindError.
    """

    def __init__(self, config: MatchConfig | None = None) -> None:
        self.config = config or MatchConfig()
        self.encoder: TextEncoder | None = None
        self.signal_encoder = SignalEncoder(self.config)
        self.stores: dict[str, CandidateStore] = {}

    @classmethod
    def fit(
        cls,
        mentors: Iterable[CandidateRecord] = (),
        partners: Iterable[CandidateRecord] = (),
        clusters: Iterable[CandidateRecord] = (),
        config: MatchConfig | None = None,
    ) -> MatchIndex:
        """Learn the vocabulary from every candidate and index them all."""
        index = cls(config)
        index._build(
            {"mentor": list(mentors), "partner": list(partners), "cluster": list(clusters)}
        )
        return index

    def _build(self, records_by_kind: dict[str, list[CandidateRecord]]) -> None:
        documents: list[str] = []
        spans: dict[tuple[str, str], tuple[int, int]] = {}
        for kind, records in records_by_kind.items():
            for record in records:
                if _kind_of(record) != kind:
                    raise UnsupportedRecordError(f"{type(record).__name__} given as a {kind}")
            texts = [candidate_texts(record) for record in records]
            for field in FIELDS[kind]:
                start = len(documents)
                documents.extend(text[field] for text in texts)
                spans[(kind, field)] = (start, len(documents))
        encoder = TextEncoder(self.config)
        matrix = encoder.fit_transform(documents)
        self.encoder = encoder
        self.signal_encoder = SignalEncoder(self.config)
        self.stores = {}
        del documents
        for kind, records in records_by_kind.items():
            store = self._new_store(kind)
            rows = {}
            for field in FIELDS[kind]:
                start, end = spans[(kind, field)]
                rows[field] = matrix if (start, end) == (0, matrix.shape[0]) else matrix[start:end]
            store.load(records, rows, self.signal_encoder.candidates(records))
            self.stores[kind] = store
            del rows

    def _new_store(self, kind: str) -> CandidateStore:
        assert self.encoder is not None
        return CandidateStore(
            kind,
            FIELDS[kind],
            self.encoder.n_features,
            self.encoder.n_word_features,
            np.dtype(self.config.dtype),
        )

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
        _check_kinds((kind,))
        store = self.stores.get(kind)
        return 0 if store is None else len(store)

    def upsert(self, record: CandidateRecord) -> None:
        """Add or replace a candidate, encoded with the fitted vocabulary (no refit)."""
        kind = _kind_of(record)
        encoder = self._fitted_encoder()
        store = self.stores.setdefault(kind, self._new_store(kind))
        texts = candidate_texts(record)
        encoded = encoder.transform([texts[field] for field in FIELDS[kind]])
        rows = {
            field: encoded[position : position + 1] for position, field in enumerate(FIELDS[kind])
        }
        store.upsert(record, rows, self.signal_encoder.candidates([record]))
        if store.needs_compaction(self.config.delta_limit):
            store.compact()

    def remove(self, kind: str, candidate_id: int) -> bool:
        """Remove a candidate; return whether it was in the index."""
        _check_kinds((kind,))
        self._fitted_encoder()
        store = self.stores.get(kind)
        return False if store is None else store.remove(candidate_id)

    def rank(
        self, idea: IdeaRecord, kinds: Sequence[str] | None = None, k: int | None = None
    ) -> dict[str, list[Match]]:
        """Best `k` candidates per kind (default: the idea's needs) for one idea."""
        return self.rank_many([idea], kinds=kinds, k=k)[0]

    def rank_many(
        self, ideas: Sequence[IdeaRecord], kinds: Sequence[str] | None = None, k: int | None = None
    ) -> list[dict[str, list[Match]]]:
        """`rank` for many ideas, scored in batches; gives exactly the same results."""
        encoder = self._fitted_encoder()
        explicit = None if kinds is None else _check_kinds(kinds)
        limit = self.config.top_k if k is None else int(k)
        wanted = [
            explicit
            if explicit is not None
            else tuple(kind for kind in KINDS if kind in set(idea.needs or ()))
            for idea in ideas
        ]
        results: list[dict[str, list[Match]]] = [{kind: [] for kind in w} for w in wanted]
        batch_size = max(1, self.config.batch_size)
        for start in range(0, len(ideas), batch_size):
            batch = list(range(start, min(start + batch_size, len(ideas))))
            self._rank_batch(encoder, ideas, batch, wanted, limit, results)
        return results

    def _rank_batch(
        self,
        encoder: TextEncoder,
        ideas: Sequence[IdeaRecord],
        batch: list[int],
        wanted: list[tuple[str, ...]],
        limit: int,
        results: list[dict[str, list[Match]]],
    ) -> None:
        texts = [idea_text(ideas[i]) for i in batch]
        queries = encoder.transform(texts)
        signals = [self.signal_encoder.idea(ideas[i]) for i in batch]
        idea_signals = IdeaSignals(
            sectors=np.array([s[0] for s in signals], np.int64),
            languages=np.array([s[1] for s in signals], np.int64),
            regions=np.array([s[2] for s in signals], np.int32),
            has_languages=np.array([bool(ideas[i].languages) for i in batch]),
            has_place=np.array([bool((ideas[i].city or "").strip()) for i in batch]),
        )
        terms: dict[int, IdeaTerms] = {}
        for kind in KINDS:
            members = [p for p, i in enumerate(batch) if kind in wanted[i]]
            store = self.stores.get(kind)
            if not members or store is None:
                continue
            picked = np.array(members)
            subset = IdeaSignals(
                *(
                    getattr(idea_signals, name)[picked]
                    for name in ("sectors", "languages", "regions", "has_languages", "has_place")
                )
            )
            ranked = rank_store(store, queries[picked], subset, self.config, limit)
            for position, rows in zip(members, ranked, strict=False):
                if not rows:
                    continue
                idea_terms = terms.get(position)
                if idea_terms is None:
                    start, end = queries.indptr[position], queries.indptr[position + 1]
                    indices, weights = queries.indices[start:end], queries.data[start:end]
                    in_words = indices < encoder.n_word_features
                    idea_terms = IdeaTerms(
                        ideas[batch[position]],
                        texts[position],
                        indices[in_words],
                        weights[in_words],
                    )
                    terms[position] = idea_terms
                shared = SharedTerms(
                    idea_terms, store, np.array([s.row for s in rows]), encoder.word_terms
                )
                results[batch[position]][kind] = [
                    self._match(kind, store, shared, scored, rank)
                    for rank, scored in enumerate(rows, start=1)
                ]

    def _match(
        self, kind: str, store: CandidateStore, shared: SharedTerms, scored: ScoredRow, rank: int
    ) -> Match:
        record = store.records[scored.row]
        region = self.signal_encoder.region_names.get(int(store.signals.regions[scored.row]))
        reasons = build_reasons(
            record,
            scored,
            shared,
            rank - 1,
            region,
            self.config.reason_terms,
            self.config.min_text_score,
        )
        return Match(
            kind=kind,
            candidate_id=int(record.id),
            score=round(scored.score, 6),
            rank=rank,
            reasons=reasons,
        )

    def save(self, path: str | PathLike[str]) -> None:
        """Write the index to `path` with joblib, stamped with the format version."""
        from matching.persistence import save_index

        save_index(self, path)

    @classmethod
    def load(cls, path: str | PathLike[str]) -> MatchIndex:
        """Read an index written by `save`; raise IndexVersionError if incompatible."""
        from matching.persistence import load_index

        return load_index(path, cls)
