"""Building an index's parts from candidate records: texts, vectors, encoders and stores."""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager

import numpy as np

from matching.embedding import TextEmbedder
from matching.encoder import TextEncoder
from matching.errors import UnknownKindError, UnsupportedRecordError
from matching.languages import text_language, text_languages
from matching.profiles import FIELDS, PROFILE, SignalEncoder, candidate_texts
from matching.semantic import SemanticSpace, reference_texts
from matching.store import CandidateStore, row_slice, term_major
from matching.types import KIND_OF_RECORD, KINDS, CandidateRecord

Vectors = Mapping[tuple[str, int], Mapping[str, np.ndarray]]
"""Stored meaning vectors: (kind, candidate id) -> field -> vector of the embedder's model."""


def kind_of(record: object) -> str:
    kind = KIND_OF_RECORD.get(type(record))
    if kind is None:
        raise UnsupportedRecordError(f"not a mentor, partner or cluster record: {record!r}")
    return kind


def check_kinds(kinds: Iterable[str]) -> tuple[str, ...]:
    requested = tuple(dict.fromkeys(kinds))
    unknown = [kind for kind in requested if kind not in KINDS]
    if unknown:
        raise UnknownKindError(f"unknown candidate kind(s) {unknown}; expected one of {KINDS}")
    return requested


def embed_candidates(
    records: Sequence[CandidateRecord], embedder: TextEmbedder | None, known: Vectors | None = None
) -> dict[tuple[str, int], dict[str, np.ndarray]]:
    """Meaning vectors of candidates by field: `known` ones reused, the rest embedded now.

    The caller stores what it gets back, so a refit or a restart never embeds a text twice.
    """
    if embedder is None or not records:
        return {}
    known = known or {}
    out: dict[tuple[str, int], dict[str, np.ndarray]] = {}
    missing: list[tuple[tuple[str, int], str, str]] = []
    for record in records:
        kind = kind_of(record)
        key = (kind, int(record.id))
        have = known.get(key) or {}
        texts = candidate_texts(record)
        out[key] = {}
        for field in FIELDS[kind]:
            vector = have.get(field)
            if vector is not None and len(vector) == embedder.dim:
                out[key][field] = np.asarray(vector, np.float32)
            else:
                missing.append((key, field, texts[field]))
    if missing:
        embedded = embedder.embed([text for _, _, text in missing])
        for (key, field, _), vector in zip(missing, embedded, strict=True):
            out[key][field] = vector
    return out


@contextmanager
def without_cyclic_collection() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while a fit runs.

    A fit allocates millions of short-lived objects (words, chunks, arrays) and makes no
    reference cycles, yet each burst of allocations makes the collector walk every live
    object of the process again: 0.5 s of a 100k-candidate fit. Reference counting still
    frees everything; the collector is switched back on (if it was on) when the fit ends.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def new_store(kind: str, encoder: TextEncoder, semantic: SemanticSpace) -> CandidateStore:
    return CandidateStore(
        kind, FIELDS[kind], encoder.n_char_features, encoder.n_features, semantic.dimensions
    )


def build_stores(
    records: dict[str, list[CandidateRecord]],
    vectors: Vectors,
    encoder: TextEncoder,
    semantic: SemanticSpace,
    signals: SignalEncoder,
    embedder: TextEmbedder | None,
) -> dict[str, CandidateStore]:
    """Fit `encoder` and `semantic` on every candidate text and load one store per kind."""
    spans, documents, meaning, languages = {}, [], [], []
    columns = {kind: signals.candidates(rows) for kind, rows in records.items()}
    for kind, rows in records.items():
        stored = embed_candidates(rows, embedder, vectors)
        for field in FIELDS[kind]:
            start = len(documents)
            documents.extend(candidate_texts(record)[field] for record in rows)
            languages.append(columns[kind].text_languages)
            if stored:
                meaning.extend(stored[(kind, int(r.id))][field] for r in rows)
            spans[(kind, field)] = (start, len(documents))
    char_block, word_block = encoder.fit_blocks(documents, background=reference_texts())
    del documents
    # Each field's rows go term-major (as the stores keep them) before the dense views are
    # learnt, and the character block is freed: a large fit never holds both at once.
    layouts = {
        key: term_major(row_slice(char_block, start, end), row_slice(word_block, start, end))
        for key, (start, end) in spans.items()
    }
    del char_block
    reference = embedder.embed(reference_texts()) if meaning and embedder is not None else None
    row_languages = np.concatenate(languages) if languages else np.zeros(0, np.int8)
    reference_languages = text_languages(reference_texts())
    dense = semantic.fit(
        word_block,
        np.vstack(meaning) if meaning else None,
        reference,
        (row_languages, reference_languages) if semantic.config.language_centres else None,
    )
    del meaning, word_block
    stores = {}
    for kind, rows in records.items():
        store = new_store(kind, encoder, semantic)
        fields = FIELDS[kind]
        field_layouts = {field: layouts.pop((kind, field)) for field in fields}
        field_dense = {field: dense[slice(*spans[(kind, field)])] for field in fields}
        store.load(rows, field_layouts, field_dense, columns[kind])
        stores[kind] = store
    return stores


def encode_candidate(
    record: CandidateRecord,
    stored: Mapping[str, np.ndarray] | None,
    encoder: TextEncoder,
    semantic: SemanticSpace,
) -> tuple[dict, dict]:
    """(sparse rows, dense rows) by field of one candidate; new words join the vocabulary."""
    kind = kind_of(record)
    texts = candidate_texts(record)
    sparse = encoder.transform([texts[field] for field in FIELDS[kind]], grow=True)
    meaning = None
    if semantic.meaning is not None:
        width = semantic.meaning.basis.shape[0]
        meaning = np.vstack(
            [stored[f] if stored else np.zeros(width, np.float32) for f in FIELDS[kind]]
        )
    language = text_language(texts[PROFILE])
    dense = semantic.transform(
        encoder.word_part(sparse), meaning, np.full(len(FIELDS[kind]), language, np.int8)
    )
    return (
        {field: sparse[i : i + 1] for i, field in enumerate(FIELDS[kind])},
        {field: dense[i : i + 1] for i, field in enumerate(FIELDS[kind])},
    )
