"""Tokens and word n-grams of many documents at once, counted as integer arrays.

`matching.normalize.tokens` and `word_ngrams` give the terms of one document; this module
gives the same terms for a whole corpus without building a Python string per term: the
documents of a chunk are folded and split in one pass, each token maps to an integer id
through one dictionary, and n-grams are integer keys counted with NumPy and SciPy. The
results equal counting `word_ngrams(tokens(text))` document by document (see the tests).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from matching.normalize import fold
from matching.stopwords import STOP_WORDS

_SEPARATOR = "\x00"
_PIECES = re.compile(r"\w\w+|\x00")
_CHUNK_DOCUMENTS = 2_000


class TokenTable:
    """Every distinct token seen (stop words included) -> id, and whether it is kept."""

    def __init__(self) -> None:
        self.ids: defaultdict[str, int] = defaultdict()
        self.ids.default_factory = self.ids.__len__
        self.ids[_SEPARATOR]  # id 0 marks the end of a document
        self.kept = np.zeros(1, bool)

    def lookup(self, pieces: list[str]) -> np.ndarray:
        before = len(self.ids)
        ids = np.fromiter(map(self.ids.__getitem__, pieces), np.int64, len(pieces))
        if len(self.ids) > before:
            fresh = list(self.ids)[before:]
            flags = [t not in STOP_WORDS and not t.isdigit() for t in fresh]
            self.kept = np.concatenate([self.kept, np.array(flags, bool)])
        return ids


@dataclass
class TokenStream:
    """The kept tokens of documents: `ids` (into `names`) of all of them, `indptr` per document."""

    ids: np.ndarray
    indptr: np.ndarray
    names: list[str]

    @property
    def n_documents(self) -> int:
        return len(self.indptr) - 1

    def select(self, rows: np.ndarray) -> TokenStream:
        """These documents (repeats allowed), in this order; every token must still occur."""
        starts, lengths = self.indptr[rows], np.diff(self.indptr)[rows]
        indptr = np.concatenate([[0], np.cumsum(lengths)]).astype(np.int64)
        positions = np.repeat(starts - indptr[:-1], lengths) + np.arange(indptr[-1])
        return TokenStream(self.ids[positions], indptr, self.names)

    def counts(self, dtype: np.dtype) -> sp.csr_matrix:
        """Document x token count matrix."""
        return count_rows(self.ids, self.indptr, len(self.names), dtype)


def _chunk_pieces(texts: Sequence[str]) -> list[str]:
    """Folded tokens (stop words included) of texts, each text followed by the separator."""
    if any(_SEPARATOR in text for text in texts):
        pieces: list[str] = []
        for text in texts:
            pieces += _PIECES.findall(fold(text).replace(_SEPARATOR, " "))
            pieces.append(_SEPARATOR)
        return pieces
    # Folding works character by character (and a separator is no letter for `lower`), so
    # folding the joined texts equals folding each one.
    return _PIECES.findall(fold(_SEPARATOR.join(texts) + _SEPARATOR))


def token_stream(texts: Sequence[str], table: TokenTable | None = None) -> TokenStream:
    """The kept tokens of every text, as `matching.normalize.tokens` gives them."""
    table = table or TokenTable()
    parts, lengths = [], []
    for start in range(0, len(texts), _CHUNK_DOCUMENTS):
        chunk = texts[start : start + _CHUNK_DOCUMENTS]
        ids = table.lookup(_chunk_pieces(chunk))
        ends = np.flatnonzero(ids == 0)
        kept = table.kept[ids]
        before = np.concatenate([[0], np.cumsum(kept)])
        lengths.append(np.diff(before[np.concatenate([[0], ends + 1])]))
        parts.append(ids[kept])
    # Kept tokens renumbered in order of first appearance, as a growing dictionary does.
    kept_ids = np.concatenate(parts) if parts else np.zeros(0, np.int64)
    names_all = list(table.ids)
    order = np.flatnonzero(table.kept)
    renumber = np.full(len(table.kept), -1, np.int64)
    renumber[order] = np.arange(len(order))
    indptr = np.concatenate([[0], np.cumsum(np.concatenate(lengths or [[]]))]).astype(np.int64)
    names = [names_all[i] for i in order.tolist()]
    return TokenStream(renumber[kept_ids].astype(np.int32), indptr, names)


def count_rows(
    indices: np.ndarray, indptr: np.ndarray, width: int, dtype: np.dtype
) -> sp.csr_matrix:
    """Count matrix of rows given as column ids (repeats summed), like `counts.CountBuilder`."""
    indices = indices.astype(np.int32, copy=False)
    width = max(width, int(indices.max()) + 1 if len(indices) else 0)
    counts = sp.csr_matrix(
        (np.ones(len(indices), dtype), indices, indptr), shape=(len(indptr) - 1, width)
    )
    counts.sum_duplicates()
    return counts


class FirstSeen:
    """Integer keys -> ids numbered in order of first appearance (a growing vocabulary)."""

    def __init__(self) -> None:
        self.ids: defaultdict[int, int] = defaultdict()
        self.ids.default_factory = self.ids.__len__

    def __len__(self) -> int:
        return len(self.ids)

    def lookup(self, keys: np.ndarray) -> np.ndarray:
        unique, first, inverse = np.unique(keys, return_index=True, return_inverse=True)
        order = np.argsort(first, kind="stable")
        ids = np.empty(len(unique), np.int64)
        ids[order] = np.fromiter(
            map(self.ids.__getitem__, unique[order].tolist()), np.int64, len(unique)
        )
        return ids[inverse.ravel()]

    def keys(self) -> np.ndarray:
        return np.fromiter(self.ids, np.int64, len(self.ids))


@dataclass
class GramStream:
    """The word n-gram counts of documents (columns numbered in order of first appearance,
    a document's unigrams before its bigrams, as `word_ngrams` lists them) and their texts."""

    counts: sp.csr_matrix
    terms: list[str]


class _Grams:
    """Numbers the n-grams of token streams, chunk by chunk, as one growing vocabulary."""

    def __init__(self, tokens: TokenStream, ngram_range: tuple[int, int]) -> None:
        low, high = ngram_range
        self.sizes = ([1] if low <= 1 else []) + list(range(max(low, 2), high + 1))
        self.high = high
        self.width = len(tokens.names) + 1
        self.names = tokens.names
        self.prefixes = {size: FirstSeen() for size in range(2, high)}
        self.columns = FirstSeen()

    def chunk(self, ids: np.ndarray, indptr: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(column of each n-gram occurrence, per-document offsets) of some documents."""
        n_docs = len(indptr) - 1
        lengths = np.diff(indptr)
        doc_of = np.repeat(np.arange(n_docs), lengths)
        within = np.arange(len(ids)) - indptr[doc_of]
        ends = indptr[1:][doc_of]
        key = ids.astype(np.int64)
        layers = {1: (key, np.arange(len(ids)))}
        for size in range(2, self.high + 1):
            valid = np.flatnonzero(within + size <= lengths[doc_of])
            prefix = key[valid] if size == 2 else self.prefixes[size - 1].lookup(key[valid])
            key = np.full(len(ids), -1, np.int64)
            key[valid] = prefix * self.width + ids[valid + size - 1]
            layers[size] = (key, valid)
        del ends
        per_doc = np.zeros(n_docs, np.int64)
        placed = []
        for number, size in enumerate(self.sizes):
            _, valid = layers[size]
            placed.append((number, size, valid, per_doc.copy()))
            per_doc += np.bincount(doc_of[valid], minlength=n_docs)
        doc_start = np.concatenate([[0], np.cumsum(per_doc)])
        stream = np.empty(int(doc_start[-1]), np.int64)
        for number, size, valid, before in placed:
            docs = doc_of[valid]
            position = doc_start[docs] + before[docs] + within[valid]
            stream[position] = layers[size][0][valid] * len(self.sizes) + number
        return self.columns.lookup(stream), doc_start

    def terms(self) -> list[str]:
        keys = self.columns.keys()
        number, value = keys % len(self.sizes), keys // len(self.sizes)
        texts: list[str] = [""] * len(keys)
        for index, size in enumerate(self.sizes):
            where = np.flatnonzero(number == index)
            words = [value[where]]
            for reduced in range(size, 1, -1):
                head = words[0] // self.width
                if reduced > 2:
                    head = self.prefixes[reduced - 1].keys()[head]
                words = [head, words[0] % self.width] + words[1:]
            parts = [[self.names[i] for i in w.tolist()] for w in words]
            joined = parts[0] if size == 1 else [" ".join(t) for t in zip(*parts, strict=True)]
            for slot, text in zip(where.tolist(), joined, strict=True):
                texts[slot] = text
        return texts


_CHUNK_TOKENS = 1_000_000


def gram_stream(tokens: TokenStream, ngram_range: tuple[int, int], dtype=np.float32) -> GramStream:
    """Word n-gram counts of every document, numbered as a growing vocabulary numbers them."""
    grams = _Grams(tokens, ngram_range)
    blocks = []
    start, n_docs = 0, tokens.n_documents
    while start < n_docs or not blocks:
        end = int(np.searchsorted(tokens.indptr, tokens.indptr[start] + _CHUNK_TOKENS, "right"))
        end = min(max(end - 1, start + 1), n_docs)
        low, high = tokens.indptr[start], tokens.indptr[end]
        columns, indptr = grams.chunk(tokens.ids[low:high], tokens.indptr[start : end + 1] - low)
        blocks.append(count_rows(columns, indptr, 0, dtype))
        start = end
        if n_docs == 0:
            break
    width = len(grams.columns)
    counts = sp.vstack([_wide(block, width) for block in blocks], format="csr")
    return GramStream(counts, grams.terms())


def _wide(block: sp.csr_matrix, width: int) -> sp.csr_matrix:
    block.resize((block.shape[0], width))
    return block
