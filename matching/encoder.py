"""Word + `char_wb` TF-IDF encoder whose character n-grams are composed from word tokens."""

from __future__ import annotations

from array import array
from collections.abc import Sequence

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import CountVectorizer

from matching.config import MatchConfig
from matching.normalize import tokens, word_ngrams

_FIT_CHUNK_ROWS = 20_000


class _CountBuilder:
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

    def matrix(self, dtype: np.dtype) -> sp.csr_matrix:
        indices = (
            np.frombuffer(self.indices, dtype=np.int32)
            if len(self.indices)
            else np.zeros(0, np.int32)
        )
        counts = sp.csr_matrix(
            (np.ones(len(indices), dtype=dtype), indices, np.frombuffer(self.indptr, np.int64)),
            shape=(len(self.indptr) - 1, len(self.vocabulary)),
        )
        counts.sum_duplicates()
        self.indices, self.indptr = array("i"), array("q", [0])
        return counts


def _count_matrix(
    rows: Sequence[Sequence[str]], vocabulary: dict[str, int], grow: bool, dtype: np.dtype
) -> sp.csr_matrix:
    """Count matrix of `rows` of terms; unseen terms are added only when `grow`."""
    builder = _CountBuilder(vocabulary, grow)
    for terms in rows:
        builder.add(terms)
    return builder.matrix(dtype)


def _smooth_idf(document_frequency: np.ndarray, n_documents: int, dtype: np.dtype) -> np.ndarray:
    """Scikit-learn's smoothed inverse document frequency: ln((1 + n) / (1 + df)) + 1."""
    return (np.log((1.0 + n_documents) / (1.0 + document_frequency)) + 1.0).astype(dtype)


class TextEncoder:
    """Turns texts into one L2-normalised row: [sqrt(w) * word TF-IDF | sqrt(c) * char TF-IDF].

    `char_wb` n-grams never cross word boundaries, so a document's character n-gram
    counts equal the sum of its tokens' n-gram counts: n-grams are extracted once per
    distinct token (with scikit-learn's `char_wb` analyzer) and documents are composed
    with one sparse product. Tokens never seen at fit time still map onto the fitted
    n-gram vocabulary, so inflected or misspelt words keep meeting their relatives.
    """

    def __init__(self, config: MatchConfig) -> None:
        self.config = config
        self.dtype = np.dtype(config.dtype)
        self.word_vocabulary: dict[str, int] = {}
        self.word_terms: list[str] = []
        self.word_idf = np.zeros(0, dtype=self.dtype)
        self.token_rows: dict[str, int] = {}
        self.token_char_counts = sp.csr_matrix((0, 0), dtype=self.dtype)
        self.char_idf = np.zeros(0, dtype=self.dtype)
        self.char_vectorizer: CountVectorizer | None = None

    @property
    def n_word_features(self) -> int:
        return len(self.word_terms)

    @property
    def n_features(self) -> int:
        return len(self.word_terms) + len(self.char_idf)

    def analyse(self, text: str) -> tuple[list[str], list[str]]:
        """(tokens, word n-grams) of a text."""
        words = tokens(text)
        return words, word_ngrams(words, self.config.word_ngram_range)

    def fit_transform(self, documents: Sequence[str]) -> sp.csr_matrix:
        """Learn vocabularies and IDF weights from candidate documents and encode them."""
        all_grams: dict[str, int] = {}
        token_vocabulary: dict[str, int] = {}
        gram_builder = _CountBuilder(all_grams, grow=True)
        token_builder = _CountBuilder(token_vocabulary, grow=True)
        for document in documents:
            words, grams = self.analyse(document)
            gram_builder.add(grams)
            token_builder.add(words)
        n_documents = len(documents)
        gram_counts = gram_builder.matrix(self.dtype)
        token_counts = token_builder.matrix(self.dtype)
        word_columns = self._fit_words(gram_counts, all_grams, n_documents)
        word_block = self._weigh(
            gram_counts[:, word_columns], self.word_idf, self.config.word_weight
        )
        del gram_counts
        char_block = self._fit_chars(token_counts, token_vocabulary, n_documents)
        del token_counts
        return sp.hstack([word_block, char_block], format="csr", dtype=self.dtype)

    def transform(self, documents: Sequence[str]) -> sp.csr_matrix:
        """Encode new documents with the fitted vocabularies (unknown words are ignored)."""
        analysed = [self.analyse(document) for document in documents]
        word_counts = _count_matrix(
            [grams for _, grams in analysed], self.word_vocabulary, False, self.dtype
        )
        word_block = self._weigh(word_counts, self.word_idf, self.config.word_weight)
        char_block = self._char_block([words for words, _ in analysed])
        return sp.hstack([word_block, char_block], format="csr", dtype=self.dtype)

    def _fit_words(
        self, gram_counts: sp.csr_matrix, all_grams: dict[str, int], n: int
    ) -> np.ndarray:
        """Fit the word vocabulary and IDF; return the kept columns of `gram_counts`."""
        document_frequency = np.bincount(gram_counts.indices, minlength=len(all_grams))
        columns = np.flatnonzero(document_frequency >= self.config.word_min_df)
        names = np.empty(len(all_grams), dtype=object)
        names[list(all_grams.values())] = list(all_grams.keys())
        self.word_terms = [str(name) for name in names[columns]]
        self.word_vocabulary = {term: index for index, term in enumerate(self.word_terms)}
        self.word_idf = _smooth_idf(document_frequency[columns], n, self.dtype)
        return columns

    def _fit_chars(
        self, token_counts: sp.csr_matrix, token_vocabulary: dict[str, int], n: int
    ) -> sp.csr_matrix:
        config = self.config
        if not token_vocabulary:
            self.char_vectorizer = None
            self.char_idf = np.zeros(0, dtype=self.dtype)
            return sp.csr_matrix((n, 0), dtype=self.dtype)
        vocabulary_tokens = [""] * len(token_vocabulary)
        for token, index in token_vocabulary.items():
            vocabulary_tokens[index] = token
        extractor = CountVectorizer(
            analyzer="char_wb",
            ngram_range=config.char_ngram_range,
            lowercase=False,
            dtype=self.dtype,
        )
        token_grams = extractor.fit_transform(vocabulary_tokens).tocsr()
        n_grams = token_grams.shape[1]
        document_frequency = np.zeros(n_grams, dtype=np.int64)
        for start in range(0, n, _FIT_CHUNK_ROWS):
            chunk = token_counts[start : start + _FIT_CHUNK_ROWS] @ token_grams
            document_frequency += np.bincount(chunk.indices, minlength=n_grams)
        keep = document_frequency > 0
        if n >= config.pruning_min_documents:
            keep &= document_frequency >= config.char_min_df
            keep &= document_frequency <= config.char_max_df * n
        columns = np.flatnonzero(keep)
        if config.char_max_features is not None and len(columns) > config.char_max_features:
            order = np.argsort(-document_frequency[columns], kind="stable")
            columns = np.sort(columns[order[: config.char_max_features]])
        names = extractor.get_feature_names_out()[columns]
        self.char_vectorizer = CountVectorizer(
            analyzer="char_wb",
            ngram_range=config.char_ngram_range,
            lowercase=False,
            dtype=self.dtype,
            vocabulary={str(name): i for i, name in enumerate(names)},
        )
        self.token_char_counts = token_grams[:, columns].tocsr()
        self.token_rows = token_vocabulary
        self.char_idf = _smooth_idf(document_frequency[columns], n, self.dtype)
        blocks = [
            self._weigh(
                token_counts[start : start + _FIT_CHUNK_ROWS] @ self.token_char_counts,
                self.char_idf,
                config.char_weight,
            )
            for start in range(0, n, _FIT_CHUNK_ROWS)
        ]
        return sp.vstack(blocks, format="csr") if blocks else sp.csr_matrix((0, len(columns)))

    def _char_block(self, token_rows: list[list[str]]) -> sp.csr_matrix:
        n_grams = len(self.char_idf)
        if self.char_vectorizer is None or n_grams == 0:
            return sp.csr_matrix((len(token_rows), n_grams), dtype=self.dtype)
        local: dict[str, int] = {}
        counts = _count_matrix(token_rows, local, True, self.dtype)
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
        """Sublinear TF x IDF, L2-normalised rows, scaled by sqrt(weight)."""
        data = counts.data.astype(self.dtype, copy=True)
        if self.config.sublinear_tf:
            np.log(data, out=data)
            data += 1.0
        data *= idf[counts.indices]
        lengths = np.diff(counts.indptr)
        squares = np.zeros(len(lengths), dtype=np.float64)
        nonempty = lengths > 0
        if data.size:
            squares[nonempty] = np.add.reduceat(
                data.astype(np.float64) ** 2, counts.indptr[:-1][nonempty]
            )
        scale = np.zeros_like(squares)
        scale[nonempty] = np.sqrt(weight) / np.sqrt(squares[nonempty])
        data *= np.repeat(scale, lengths).astype(self.dtype)
        return sp.csr_matrix(
            (data, counts.indices.copy(), counts.indptr.copy()), shape=counts.shape
        )
