"""Sparse count matrices built one document at a time, and the TF-IDF weighting of them."""

from __future__ import annotations

from array import array
from collections.abc import Sequence

import numpy as np
import scipy.sparse as sp


class CountBuilder:
    """Builds a document-term count matrix one document at a time."""

    def __init__(self, vocabulary: dict[str, int], grow: bool) -> None:
        self.vocabulary = vocabulary
        self.grow = grow
        self.indices = array("i")
        self.indptr = array("q", [0])

    def add(self, terms: Sequence[str]) -> None:
        vocabulary = self.vocabulary
        if self.grow:
            lookup = vocabulary.setdefault
            self.indices.extend([lookup(term, len(vocabulary)) for term in terms])
        else:
            self.indices.extend([vocabulary[term] for term in terms if term in vocabulary])
        self.indptr.append(len(self.indices))

    def matrix(self, dtype: np.dtype, width: int | None = None) -> sp.csr_matrix:
        indices = (
            np.frombuffer(self.indices, dtype=np.int32)
            if len(self.indices)
            else np.zeros(0, np.int32)
        )
        counts = sp.csr_matrix(
            (np.ones(len(indices), dtype=dtype), indices, np.frombuffer(self.indptr, np.int64)),
            shape=(len(self.indptr) - 1, len(self.vocabulary) if width is None else width),
        )
        counts.sum_duplicates()
        self.indices, self.indptr = array("i"), array("q", [0])
        return counts


def count_matrix(
    rows: Sequence[Sequence[str]],
    vocabulary: dict[str, int],
    grow: bool,
    dtype: np.dtype,
    width: int | None = None,
) -> sp.csr_matrix:
    """Count matrix of `rows` of terms; unseen terms are added only when `grow`."""
    builder = CountBuilder(vocabulary, grow)
    for terms in rows:
        builder.add(terms)
    return builder.matrix(dtype, width)


def column_document_frequency(counts: sp.csr_matrix) -> np.ndarray:
    """How many rows have each column (the matrix holds no explicit zeros), as int64.

    One transposed product with a vector of ones: four times faster than `np.bincount` of
    the column indices on the character counts of a large fit.
    """
    if counts.nnz == 0:
        return np.zeros(counts.shape[1], np.int64)
    present = sp.csr_matrix(
        (np.ones(counts.nnz, np.float32), counts.indices, counts.indptr), shape=counts.shape
    )
    return np.rint(present.T @ np.ones(counts.shape[0], np.float32)).astype(np.int64)


def smooth_idf(document_frequency: np.ndarray, n_documents: int, dtype: np.dtype) -> np.ndarray:
    """Scikit-learn's smoothed inverse document frequency: ln((1 + n) / (1 + df)) + 1."""
    return (np.log((1.0 + n_documents) / (1.0 + document_frequency)) + 1.0).astype(dtype)


def weigh(
    counts: sp.csr_matrix,
    idf: np.ndarray,
    weight: float,
    sublinear: bool,
    dtype: np.dtype,
    in_place: bool = False,
) -> sp.csr_matrix:
    """(Sublinear) TF x IDF, L2-normalised rows, scaled by sqrt(weight).

    `in_place` reuses the arrays of `counts` (which must then not be used again): a fit of
    100k documents then never holds two copies of its largest matrices.
    """
    data = counts.data.astype(dtype, copy=not in_place)
    if sublinear:
        np.log(data, out=data)
        data += 1.0
    data *= idf[counts.indices]
    lengths = np.diff(counts.indptr)
    squares = _row_squares(data, counts.indptr)
    nonempty = lengths > 0
    scale = np.zeros_like(squares)
    scale[nonempty] = np.sqrt(weight) / np.sqrt(squares[nonempty])
    data *= np.repeat(scale, lengths).astype(dtype)
    if in_place:
        return sp.csr_matrix((data, counts.indices, counts.indptr), shape=counts.shape, copy=False)
    return sp.csr_matrix((data, counts.indices.copy(), counts.indptr.copy()), shape=counts.shape)


_SQUARES_ROWS = 20_000


def _row_squares(data: np.ndarray, indptr: np.ndarray) -> np.ndarray:
    """Sum of squares of each row in float64, a block of rows at a time (bounded memory)."""
    n_rows = len(indptr) - 1
    squares = np.zeros(n_rows, dtype=np.float64)
    for start in range(0, n_rows, _SQUARES_ROWS):
        end = min(start + _SQUARES_ROWS, n_rows)
        lengths = np.diff(indptr[start : end + 1])
        nonempty = lengths > 0
        if not nonempty.any():
            continue
        block = data[indptr[start] : indptr[end]].astype(np.float64) ** 2
        squares[start:end][nonempty] = np.add.reduceat(
            block, (indptr[start:end] - indptr[start])[nonempty]
        )
    return squares
