"""Candidate rows of one kind: term-major text matrices, signals, upserts and removals."""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp

from matching.profiles import SignalColumns
from matching.types import CandidateRecord


class CandidateStore:
    """All rows of one candidate kind.

    Text rows live in a main matrix stored term-major (row t of `postings` is the
    posting list of term t) so a query only touches the postings of its own terms,
    plus a small row-major "delta" of rows upserted since the last merge. Replaced or removed
    rows stay in place, flagged absent, until the next merge drops them.
    """

    def __init__(
        self,
        kind: str,
        fields: tuple[str, ...],
        n_features: int,
        n_word_features: int,
        dtype: np.dtype,
    ) -> None:
        self.kind = kind
        self.fields = fields
        self.n_features = n_features
        self.n_word_features = n_word_features
        self.dtype = dtype
        self.records: list[CandidateRecord] = []
        self.row_of: dict[int, int] = {}
        self.ids = np.zeros(0, np.int64)
        self.present = np.zeros(0, bool)
        self.signals = SignalColumns.empty()
        self.postings: dict[str, sp.csr_matrix] = {
            f: sp.csr_matrix((n_features, 0), dtype=dtype) for f in fields
        }
        self.main_words: dict[str, sp.csr_matrix] = {
            f: sp.csr_matrix((0, n_word_features), dtype=dtype) for f in fields
        }
        self.delta_rows: dict[str, list[sp.csr_matrix]] = {f: [] for f in fields}
        self._delta: dict[str, sp.csr_matrix] = {f: self._empty(sp.csr_matrix) for f in fields}

    def _empty(self, kind: type) -> sp.spmatrix:
        return kind((0, self.n_features), dtype=self.dtype)

    def __len__(self) -> int:
        return len(self.row_of)

    @property
    def n_rows(self) -> int:
        return len(self.records)

    @property
    def n_main(self) -> int:
        return self.postings[self.fields[0]].shape[1]

    def load(
        self,
        records: list[CandidateRecord],
        matrices: dict[str, sp.csr_matrix],
        signals: SignalColumns,
    ) -> None:
        """Replace everything with freshly encoded rows (used by fit)."""
        self.records = []
        self.row_of = {}
        self.ids = np.zeros(0, np.int64)
        self.present = np.zeros(0, bool)
        self.delta_rows = {f: [] for f in self.fields}
        self._delta = {f: self._empty(sp.csr_matrix) for f in self.fields}
        self.signals = signals
        self._set_rows(records)
        for field in self.fields:
            self._set_main(field, matrices[field])
        self._drop_duplicate_ids()

    def _set_rows(self, records: list[CandidateRecord]) -> None:
        self.records = list(records)
        self.ids = np.array([int(r.id) for r in records], np.int64)
        self.present = np.ones(len(records), bool)
        self.row_of = {}
        for row, record in enumerate(records):
            previous = self.row_of.get(int(record.id))
            if previous is not None:
                self.present[previous] = False
            self.row_of[int(record.id)] = row

    def _drop_duplicate_ids(self) -> None:
        if not self.present.all():
            self.compact()

    def _set_main(self, field: str, matrix: sp.csr_matrix) -> None:
        matrix = sp.csr_matrix(matrix, dtype=self.dtype)
        self.main_words[field] = matrix[:, : self.n_word_features].tocsr()
        self.postings[field] = matrix.T.tocsr()
        del matrix

    def upsert(
        self, record: CandidateRecord, rows: dict[str, sp.csr_matrix], signals: SignalColumns
    ) -> None:
        """Add or replace a record; its text rows go to the delta until the next merge."""
        self.remove(int(record.id))
        self.row_of[int(record.id)] = len(self.records)
        self.records.append(record)
        self.ids = np.append(self.ids, np.int64(record.id))
        self.present = np.append(self.present, True)
        self.signals = SignalColumns.concat([self.signals, signals])
        for field in self.fields:
            self.delta_rows[field].append(sp.csr_matrix(rows[field], dtype=self.dtype))
            self._delta[field] = sp.vstack(self.delta_rows[field], format="csr")

    def remove(self, candidate_id: int) -> bool:
        """Flag the row of `candidate_id` absent; return whether there was one."""
        row = self.row_of.pop(int(candidate_id), None)
        if row is None:
            return False
        self.present[row] = False
        return True

    def needs_compaction(self, delta_limit: int) -> bool:
        return len(self.delta_rows[self.fields[0]]) > delta_limit

    def compact(self) -> None:
        """Merge the delta into the main matrices and drop absent rows."""
        keep = np.flatnonzero(self.present)
        n_main = self.n_main
        keep_main, keep_delta = keep[keep < n_main], keep[keep >= n_main] - n_main
        for field in self.fields:
            main_rows = self.postings[field].T.tocsr()[keep_main]
            merged = sp.vstack([main_rows, self._delta[field][keep_delta]], format="csr")
            self._set_main(field, merged)
        self.delta_rows = {f: [] for f in self.fields}
        self._delta = {f: self._empty(sp.csr_matrix) for f in self.fields}
        self.signals = self.signals.select(keep)
        self._set_rows([self.records[row] for row in keep])

    def text_scores(self, field: str, indices: np.ndarray, weights: np.ndarray) -> np.ndarray:
        """Dense cosine scores (float64) of one query against every row of `field`.

        Only the posting lists of the query's own terms are read and accumulated, so
        the cost grows with how many candidates share those terms, not with the index.
        """
        postings = self.postings[field]
        starts = postings.indptr[indices]
        lengths = postings.indptr[indices + 1] - starts
        total = int(lengths.sum())
        offsets = np.repeat(starts - np.cumsum(lengths) + lengths, lengths)
        positions = offsets + np.arange(total)
        scores = np.bincount(
            postings.indices[positions],
            weights=postings.data[positions] * np.repeat(weights, lengths),
            minlength=postings.shape[1],
        )
        delta = self._delta[field]
        if delta.shape[0] == 0:
            return scores
        query = sp.csr_matrix((weights, indices, [0, len(indices)]), shape=(1, self.n_features))
        return np.concatenate([scores, (delta @ query.T).toarray().ravel()])

    def word_row(self, field: str, row: int) -> tuple[np.ndarray, np.ndarray]:
        """(word feature indices, weights) of one stored row of `field`."""
        n_main = self.n_main
        matrix, local = (
            (self.main_words[field], row) if row < n_main else (self._delta[field], row - n_main)
        )
        start, end = matrix.indptr[local], matrix.indptr[local + 1]
        indices, data = matrix.indices[start:end], matrix.data[start:end]
        in_words = indices < self.n_word_features
        return indices[in_words], data[in_words]
