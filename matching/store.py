"""Candidate rows of one kind: sparse and dense text rows, signals, upserts and removals."""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp

from matching.packed import PackedRows
from matching.profiles import SignalColumns
from matching.types import CandidateRecord


def posting_scores(postings: sp.csr_matrix, indices: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """Dot products of one sparse query with every column of a term-major matrix.

    Only the posting lists of the query's own terms are read, so the cost grows with how
    many candidates share those terms, not with the size of the index.
    """
    inside = indices < postings.shape[0]
    indices, weights = indices[inside], weights[inside]
    if indices.size == 0:
        return np.zeros(postings.shape[1], postings.dtype)
    # The query's posting lists (one C-level row gather), then one product, term by term.
    lists = postings[indices]
    # In the postings' own type: a float64 query made scipy copy every gathered entry first.
    return lists.T @ weights.astype(postings.dtype)


def row_slice(matrix: sp.csr_matrix, start: int, end: int) -> sp.csr_matrix:
    """Rows start..end of a CSR matrix sharing its arrays (slicing would copy them)."""
    if (start, end) == (0, matrix.shape[0]):
        return matrix
    low, high = matrix.indptr[start], matrix.indptr[end]
    return sp.csr_matrix(
        (matrix.data[low:high], matrix.indices[low:high], matrix.indptr[start : end + 1] - low),
        shape=(end - start, matrix.shape[1]),
        copy=False,
    )


def term_major(char_rows: sp.csr_matrix, word_rows: sp.csr_matrix) -> tuple:
    """(term-major postings, row-major word part, width) of rows encoded as a character and
    a word block, as `FieldRows` keeps them: the postings are the two blocks transposed one
    after the other, and the word block is kept as it is."""
    n_char, width = char_rows.shape[1], char_rows.shape[1] + word_rows.shape[1]
    n_stored = char_rows.nnz + word_rows.nnz
    indptr = np.zeros(width + 1, np.int64)
    indices = np.empty(n_stored, np.int32)
    data = np.empty(n_stored, np.float32)
    # Each block transposed in turn straight into its part of the result (no stacked copy).
    offset = 0
    for first, block in ((0, char_rows), (n_char, word_rows)):
        transposed = block.T.tocsr()
        end = offset + transposed.nnz
        indices[offset:end] = transposed.indices
        data[offset:end] = transposed.data
        indptr[first + 1 : first + block.shape[1] + 1] = transposed.indptr[1:] + offset
        offset = end
        del transposed
    postings = sp.csr_matrix((data, indices, indptr), shape=(width, char_rows.shape[0]))
    return postings, word_rows, width


class FieldRows:
    """One text field of every row: term-major sparse main part, row-major delta, dense rows.

    Columns are [char n-grams | word n-grams]; `n_char` says where the words start. Only the
    word part of main rows is also kept row-major, for quoting shared words in reasons.
    """

    def __init__(self, n_char: int, n_features: int, dimensions: int, dtype: np.dtype) -> None:
        self.dtype = dtype
        self.n_char = n_char
        self.postings = sp.csr_matrix((n_features, 0), dtype=dtype)
        self.main_words = sp.csr_matrix((0, n_features - n_char), dtype=dtype)
        self.dense_main = PackedRows.pack(np.zeros((0, dimensions), np.float32))
        self.delta: list[tuple[sp.csr_matrix, np.ndarray]] = []
        self._delta_sparse = sp.csr_matrix((0, n_features), dtype=dtype)
        self._delta_dense = np.zeros((0, dimensions), np.float32)

    @property
    def n_main(self) -> int:
        return self.postings.shape[1]

    @property
    def width(self) -> int:
        return self._delta_sparse.shape[1]

    def set_main(self, sparse: sp.csr_matrix, dense: np.ndarray) -> None:
        sparse = sp.csr_matrix(sparse, dtype=self.dtype)
        self.postings = sparse.T.tocsr()
        self.main_words = sparse[:, self.n_char :].tocsr()
        self.dense_main = PackedRows.pack(dense)
        self.delta = []
        self._restack(sparse.shape[1])
        del sparse

    def take_main(self, layouts: dict, dense: dict, field: str) -> None:
        """Store main rows given as `term_major` layouts, taking them out of the dicts."""
        self.postings, self.main_words, width = layouts.pop(field)
        self.dense_main = PackedRows.pack(dense.pop(field))
        self.delta = []
        self._restack(width)

    def append(self, sparse: sp.csr_matrix, dense: np.ndarray) -> None:
        self.delta.append((sp.csr_matrix(sparse, dtype=self.dtype), dense.astype(np.float32)))
        self._restack(max(self.width, sparse.shape[1]))

    def widen(self, n_features: int) -> None:
        """Make room for word n-grams learnt since the rows were stored."""
        self._restack(n_features)

    def merged(self, keep_main: np.ndarray, keep_delta: np.ndarray) -> tuple:
        """(sparse, dense) of the kept main and delta rows, main first."""
        main = self.postings.T.tocsr()[keep_main]
        main.resize((main.shape[0], self.width))
        sparse = sp.vstack([main, self._delta_sparse[keep_delta]], format="csr")
        dense = np.vstack([self.dense_main.take(keep_main), self._delta_dense[keep_delta]])
        return sparse, dense

    def sparse_scores(self, indices: np.ndarray, weights: np.ndarray) -> np.ndarray:
        scores = posting_scores(self.postings, indices, weights)
        if self._delta_sparse.shape[0] == 0:
            return scores
        inside = indices < self.width
        query = sp.csr_matrix(
            (weights[inside], indices[inside], [0, int(inside.sum())]), shape=(1, self.width)
        )
        return np.concatenate([scores, (self._delta_sparse @ query.T).toarray().ravel()])

    def rows_with_any(self, columns: np.ndarray) -> np.ndarray:
        """Whether each row (main, then delta) has any of these columns."""
        found = np.zeros(self.n_main + self._delta_sparse.shape[0], bool)
        main = columns[columns < self.postings.shape[0]]
        if main.size:
            found[np.unique(self.postings[main].indices)] = True
        delta = columns[columns < self.width]
        if delta.size and self._delta_sparse.shape[0]:
            hits = self._delta_sparse[:, delta].getnnz(axis=1) > 0
            found[self.n_main :] = hits
        return found

    def dense_scores(self, query: np.ndarray) -> np.ndarray:
        return np.concatenate([self.dense_main.dot(query), self._delta_dense @ query])

    def dense_scores_at(self, query: np.ndarray, rows: np.ndarray) -> np.ndarray:
        """`dense_scores` of some rows only: all of them when they are most of the store."""
        if 4 * len(rows) > self.n_main + len(self._delta_dense):
            return self.dense_scores(query)[rows]
        main = rows[rows < self.n_main]
        delta = rows[rows >= self.n_main] - self.n_main
        return np.concatenate(
            [self.dense_main.take(main) @ query, self._delta_dense[delta] @ query]
        )

    def word_row(self, row: int) -> tuple[np.ndarray, np.ndarray]:
        """(word indices counted from the first word column, weights) of one stored row."""
        if row < self.n_main:
            matrix, local, offset = self.main_words, row, 0
        else:
            matrix, local, offset = self._delta_sparse, row - self.n_main, self.n_char
        start, end = matrix.indptr[local], matrix.indptr[local + 1]
        indices, data = matrix.indices[start:end] - offset, matrix.data[start:end]
        words = indices >= 0
        return indices[words], data[words]

    def dense_row(self, row: int) -> np.ndarray:
        if row < self.n_main:
            return self.dense_main.take(row)
        return self._delta_dense[row - self.n_main]

    def _restack(self, width: int) -> None:
        if self.delta:
            rows = [self._wide(sparse, width) for sparse, _ in self.delta]
            self._delta_sparse = sp.vstack(rows, format="csr")
            self._delta_dense = np.vstack([dense for _, dense in self.delta])
        else:
            self._delta_sparse = sp.csr_matrix((0, width), dtype=self.dtype)
            self._delta_dense = np.zeros((0, self.dense_main.shape[1]), np.float32)

    @staticmethod
    def _wide(rows: sp.csr_matrix, width: int) -> sp.csr_matrix:
        if rows.shape[1] != width:
            rows = rows.copy()
            rows.resize((rows.shape[0], width))
        return rows


class CandidateStore:
    """All rows of one candidate kind; replaced or removed rows stay, flagged absent, until a merge."""

    def __init__(
        self, kind: str, fields: tuple[str, ...], n_char: int, n_features: int, dimensions: int
    ) -> None:
        self.kind = kind
        self.fields = fields
        self.records: list[CandidateRecord] = []
        self.row_of: dict[int, int] = {}
        self.ids = np.zeros(0, np.int64)
        self.present = np.zeros(0, bool)
        self.signals = SignalColumns.empty()
        self.rows = {f: FieldRows(n_char, n_features, dimensions, np.float32) for f in fields}

    def __len__(self) -> int:
        return len(self.row_of)

    @property
    def n_rows(self) -> int:
        return len(self.records)

    def load(self, records: list, layouts: dict, dense: dict, signals: SignalColumns) -> None:
        """Replace everything with freshly encoded rows (used by fit): by field, the
        `term_major` layouts of the sparse rows and the dense rows (taken out of the dicts)."""
        self.signals = signals
        self._set_records(records)
        for field in self.fields:
            self.rows[field].take_main(layouts, dense, field)
        if not self.present.all():
            self.compact()

    def upsert(self, record, sparse: dict, dense: dict, signals: SignalColumns) -> None:
        """Add or replace a record; its rows go to the delta until the next merge."""
        self.remove(int(record.id))
        self.row_of[int(record.id)] = len(self.records)
        self.records.append(record)
        self.ids = np.append(self.ids, np.int64(record.id))
        self.present = np.append(self.present, True)
        self.signals = SignalColumns.concat([self.signals, signals])
        for field in self.fields:
            self.rows[field].append(sparse[field], dense[field])

    def remove(self, candidate_id: int) -> bool:
        """Flag the row of `candidate_id` absent; return whether there was one."""
        row = self.row_of.pop(int(candidate_id), None)
        if row is None:
            return False
        self.present[row] = False
        return True

    def widen(self, n_features: int) -> None:
        for rows in self.rows.values():
            rows.widen(n_features)

    def needs_compaction(self, delta_limit: int) -> bool:
        return len(self.rows[self.fields[0]].delta) > delta_limit

    def compact(self) -> None:
        """Merge the delta into the main matrices and drop absent rows."""
        keep = np.flatnonzero(self.present)
        n_main = self.rows[self.fields[0]].n_main
        keep_main, keep_delta = keep[keep < n_main], keep[keep >= n_main] - n_main
        for rows in self.rows.values():
            rows.set_main(*rows.merged(keep_main, keep_delta))
        self.signals = self.signals.select(keep)
        self._set_records([self.records[row] for row in keep])

    def _set_records(self, records: list) -> None:
        self.records = list(records)
        self.ids = np.array([int(r.id) for r in records], np.int64)
        self.present = np.ones(len(records), bool)
        self.row_of = {}
        for row, record in enumerate(records):
            previous = self.row_of.get(int(record.id))
            if previous is not None:
                self.present[previous] = False
            self.row_of[int(record.id)] = row


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
