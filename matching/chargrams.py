"""Word beginnings (or `char_wb` n-grams) as TF-IDF features, composed from each word's own."""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import CountVectorizer

from matching.config import MatchConfig
from matching.counts import column_document_frequency, count_matrix, smooth_idf, weigh

_FIT_CHUNK_ROWS = 20_000


def prefix_grams(token: str) -> list[str]:
    """A word's beginnings of 3 to 7 letters: its stem, whatever its inflected ending."""
    padded = " " + token
    return [padded[:n] for n in range(4, min(len(padded), 8) + 1)] + [padded + " "]


class CharGrams:
    """The character block of the encoder; its vocabulary is fixed at fit time.

    Character features never cross word boundaries, so a document's counts are the sum of its
    words' counts: features are extracted once per distinct word and documents composed with
    one sparse product. Words unseen at fit time still map onto the fitted features, so
    inflected or misspelt words keep meeting their relatives.
    """

    def __init__(self, config: MatchConfig) -> None:
        self.config = config
        self.dtype = np.dtype(config.dtype)
        self.token_rows: dict[str, int] = {}
        self.token_char_counts = sp.csr_matrix((0, 0), dtype=self.dtype)
        self.char_idf = np.zeros(0, dtype=self.dtype)
        self.char_vectorizer: CountVectorizer | None = None

    @property
    def n_features(self) -> int:
        return len(self.char_idf)

    def fit(
        self,
        token_counts: sp.csr_matrix,
        token_vocabulary: dict[str, int],
        n: int,
        n_rows: int | None = None,
    ) -> sp.csr_matrix:
        """Learn the features and their IDF from documents' word counts; return their block
        (of the first `n_rows` documents only, if given)."""
        n_rows = n if n_rows is None else n_rows
        config = self.config
        if not token_vocabulary:
            self.char_vectorizer = None
            self.char_idf = np.zeros(0, dtype=self.dtype)
            return sp.csr_matrix((n_rows, 0), dtype=self.dtype)
        vocabulary_tokens = [""] * len(token_vocabulary)
        for token, index in token_vocabulary.items():
            vocabulary_tokens[index] = token
        extractor = self._char_counter()
        token_grams = extractor.fit_transform(vocabulary_tokens).tocsr()
        n_grams = token_grams.shape[1]
        document_frequency = np.zeros(n_grams, dtype=np.int64)
        raw = []  # counts of the returned rows, kept to be pruned and weighed below
        for start in range(0, n, _FIT_CHUNK_ROWS):
            chunk = token_counts[start : start + _FIT_CHUNK_ROWS] @ token_grams
            document_frequency += column_document_frequency(chunk)
            if start + chunk.shape[0] <= n_rows:
                raw.append(chunk)
            elif start < n_rows:
                raw.append(chunk[: n_rows - start])
            del chunk
        keep = document_frequency > 0
        if n >= config.pruning_min_documents:
            keep &= document_frequency >= config.char_min_df
            keep &= document_frequency <= config.char_max_df * n
        columns = np.flatnonzero(keep)
        if config.char_max_features is not None and len(columns) > config.char_max_features:
            order = np.argsort(-document_frequency[columns], kind="stable")
            columns = np.sort(columns[order[: config.char_max_features]])
        names = extractor.get_feature_names_out()[columns]
        self.char_vectorizer = self._char_counter({str(name): i for i, name in enumerate(names)})
        self.token_char_counts = token_grams[:, columns].tocsr()
        self.token_rows = token_vocabulary
        self.char_idf = smooth_idf(document_frequency[columns], n, self.dtype)
        blocks = []
        raw.reverse()
        while raw:
            chunk = raw.pop()
            blocks.append(self._weigh(chunk[:, columns], self.char_idf, config.char_weight))
            del chunk
        return sp.vstack(blocks, format="csr") if blocks else sp.csr_matrix((0, len(columns)))

    def _char_counter(self, vocabulary: dict[str, int] | None = None) -> CountVectorizer:
        if self.config.char_grams == "prefix":
            return CountVectorizer(analyzer=prefix_grams, dtype=self.dtype, vocabulary=vocabulary)
        return CountVectorizer(
            analyzer="char_wb",
            ngram_range=self.config.char_ngram_range,
            lowercase=False,
            dtype=self.dtype,
            vocabulary=vocabulary,
        )

    def block(self, token_rows: list[list[str]]) -> sp.csr_matrix:
        """The character block of documents given as lists of words."""
        n_grams = len(self.char_idf)
        if self.char_vectorizer is None or n_grams == 0:
            return sp.csr_matrix((len(token_rows), n_grams), dtype=self.dtype)
        local: dict[str, int] = {}
        counts = count_matrix(token_rows, local, True, self.dtype)
        known = self.token_char_counts
        indices: list[np.ndarray] = []
        data: list[np.ndarray] = []
        analyzer = None
        vocabulary: dict[str, int] = self.char_vectorizer.vocabulary
        for token in local:
            row = self.token_rows.get(token)
            if row is not None:
                start, end = known.indptr[row], known.indptr[row + 1]
                indices.append(known.indices[start:end])
                data.append(known.data[start:end])
                continue
            if analyzer is None:
                analyzer = self.char_vectorizer.build_analyzer()
            grams = [vocabulary[g] for g in analyzer(token) if g in vocabulary]
            unique, repeats = np.unique(np.array(grams, dtype=np.int32), return_counts=True)
            indices.append(unique)
            data.append(repeats.astype(self.dtype))
        lengths = np.fromiter((len(part) for part in indices), dtype=np.int64, count=len(indices))
        token_grams = sp.csr_matrix(
            (
                np.concatenate(data) if data else np.zeros(0, self.dtype),
                np.concatenate(indices) if indices else np.zeros(0, np.int32),
                np.concatenate([[0], np.cumsum(lengths)]),
            ),
            shape=(len(local), n_grams),
        )
        return self._weigh(counts @ token_grams, self.char_idf, self.config.char_weight)

    def _weigh(self, counts: sp.csr_matrix, idf: np.ndarray, weight: float) -> sp.csr_matrix:
        return weigh(counts, idf, weight, self.config.sublinear_tf, self.dtype)
