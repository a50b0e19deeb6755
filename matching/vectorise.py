"""Tokens and word n-grams of many documents at once, counted as integer arrays.

`matching.normalize.tokens` and `word_ngrams` give the terms of one document; this module
gives the same terms for a whole corpus without building a Python string per term: the
documents of a chunk are split at white space in one pass, each distinct written chunk is
folded and tokenised once (`TokenTable`), and n-grams are integer keys counted with NumPy
and SciPy. The results equal counting `word_ngrams(tokens(text))` document by document (see
the tests).
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
_PIECES = re.compile(r"\w\w+")
_CHUNK_DOCUMENTS = 2_000


def _unseen() -> int:
    return -1


class TokenTable:
    """Every distinct token seen (stop words included) -> id, and whether it is kept.

    Texts are read as white-space separated chunks ("l’école,"): each distinct chunk as
    written is folded and split into tokens once, and remembered as its token ids, so a large
    corpus folds and splits each distinct chunk, not each occurrence. Folding never turns a
    character into white space or white space into a word character, so the tokens equal
    splitting the folded text.
    """

    def __init__(self) -> None:
        self.ids: defaultdict[str, int] = defaultdict()
        self.ids.default_factory = self.ids.__len__
        self.ids[_SEPARATOR]  # id 0 marks the end of a document
        self.kept = np.zeros(1, bool)
        self.chunks: defaultdict[str, int] = defaultdict(_unseen, {_SEPARATOR: 0})
        """Chunk as written -> its number; an unseen chunk reads as -1 until it is learnt."""
        self._chunk_tokens: list[int] = [0]
        self._chunk_lengths: list[int] = [1]
        self.chunk_tokens = np.zeros(1, np.int64)
        self.chunk_starts = np.zeros(1, np.int64)
        self.chunk_lengths = np.ones(1, np.int64)

    def lookup(self, chunks: list[str]) -> np.ndarray:
        """The token ids of white-space chunks, in order (id 0 for the separator chunk)."""
        numbers = np.fromiter(map(self.chunks.__getitem__, chunks), np.int64, len(chunks))
        unseen = np.flatnonzero(numbers < 0)
        if len(unseen):
            fresh = [chunks[i] for i in unseen.tolist()]
            self._learn(fresh)
            numbers[unseen] = np.fromiter(map(self.chunks.__getitem__, fresh), np.int64)
        lengths = self.chunk_lengths[numbers]
        ends = np.cumsum(lengths)
        positions = np.repeat(self.chunk_starts[numbers] - (ends - lengths), lengths)
        return self.chunk_tokens[positions + np.arange(int(ends[-1]) if len(ends) else 0)]

    def _learn(self, chunks: list[str]) -> None:
        """Fold and split unseen chunks, in order of first appearance (so token ids are too);
        `chunks` lists only chunks never seen before."""
        before = len(self.ids)
        ids, known = self.ids, self.chunks
        for chunk in dict.fromkeys(chunks):
            known[chunk] = len(self._chunk_lengths)
            pieces = _PIECES.findall(fold(chunk))
            self._chunk_tokens.extend([ids[piece] for piece in pieces])
            self._chunk_lengths.append(len(pieces))
        self.chunk_tokens = np.array(self._chunk_tokens, np.int64)
        self.chunk_lengths = np.array(self._chunk_lengths, np.int64)
        self.chunk_starts = np.cumsum(self.chunk_lengths) - self.chunk_lengths
        if len(self.ids) > before:
            fresh = list(self.ids)[before:]
            flags = [t not in STOP_WORDS and not t.isdigit() for t in fresh]
            self.kept = np.concatenate([self.kept, np.array(flags, bool)])


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
    """White-space chunks of texts, each text followed by the separator chunk."""
    joined = f" {_SEPARATOR} ".join(text.replace(_SEPARATOR, " ") for text in texts)
    return (joined + f" {_SEPARATOR}").split()


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


def distinct(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(sorted distinct keys, position of each one's first occurrence, inverse) of
    non-negative int64 keys: `np.unique(keys, return_index=True, return_inverse=True)`.

    When keys and positions fit together in 63 bits, one plain sort of (key, position)
    pairs packed into integers replaces NumPy's stable argsort: 3 to 4 times faster, and
    the n-grams of a 100k-candidate fit are numbered this way.
    """
    n = len(keys)
    if n == 0:
        return keys[:0], np.zeros(0, np.int64), np.zeros(0, np.int64)
    shift = max(int(n - 1).bit_length(), 1)
    if int(keys.min()) < 0 or int(keys.max()).bit_length() + shift > 63:
        unique, first, inverse = np.unique(keys, return_index=True, return_inverse=True)
        return unique, first, inverse.ravel()
    packed = np.sort((keys.astype(np.int64) << shift) | np.arange(n, dtype=np.int64))
    order = packed & ((1 << shift) - 1)
    ordered = packed >> shift
    starts = np.empty(n, bool)
    starts[0] = True
    np.not_equal(ordered[1:], ordered[:-1], out=starts[1:])
    group = np.cumsum(starts) - 1
    inverse = np.empty(n, np.int64)
    inverse[order] = group
    # Positions are packed below the keys, so a group's first entry is its first occurrence.
    return ordered[starts], order[starts], inverse


class FirstSeen:
    """Integer keys -> ids numbered in order of first appearance (a growing vocabulary).

    Kept as sorted NumPy arrays rather than a dictionary: a chunk's distinct keys are found
    with one binary search and the new ones merged in, with no Python object per key.
    """

    def __init__(self) -> None:
        self._sorted_keys = np.zeros(0, np.int64)
        self._sorted_ids = np.zeros(0, np.int64)
        self._new_keys: list[np.ndarray] = []

    def __len__(self) -> int:
        return len(self._sorted_keys)

    def lookup(self, keys: np.ndarray) -> np.ndarray:
        unique, first, inverse = distinct(keys)
        known_keys, known_ids = self._sorted_keys, self._sorted_ids
        at = np.searchsorted(known_keys, unique)
        found = at < len(known_keys)
        found[found] = known_keys[at[found]] == unique[found]
        ids = np.empty(len(unique), np.int64)
        ids[found] = known_ids[at[found]]
        new = np.flatnonzero(~found)
        in_order = new[np.argsort(first[new])]
        ids[in_order] = np.arange(len(known_keys), len(known_keys) + len(new))
        if len(new):
            self._new_keys.append(unique[in_order])
            self._sorted_keys = np.insert(known_keys, at[new], unique[new])
            self._sorted_ids = np.insert(known_ids, at[new], ids[new])
        return ids[inverse]

    def keys(self) -> np.ndarray:
        """Every key, in the order of its id."""
        return np.concatenate(self._new_keys) if self._new_keys else np.zeros(0, np.int64)


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
