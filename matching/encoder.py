"""Word + `char_wb` TF-IDF encoder whose character n-grams are composed from word tokens."""

from __future__ import annotations

from array import array
from collections.abc import Sequence

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.preprocessing import normalize

from matching.config import MatchConfig
from matching.normalize import tokens, word_ngrams

_FIT_CHUNK_ROWS = 20_000


def _count_matrix(
    rows: Sequence[Sequence[str]], vocabulary: dict[str, int], grow: bool, dtype: np.dtype
) -> sp.csr_matrix:
    """Count matrix of `rows` of terms; unseen terms are added only when `grow`."""
    indices = array("i")
    indptr = array("q", [0])
    lookup = vocabulary.setdefault if grow else None
    for terms in rows:
        if lookup is not None:
            indices.extend([lookup(term, len(vocabulary)) for term in terms])
        else:
            indices.extend([vocabulary[term] for term in terms if term in vocabulary])
        indptr.append(len(indices))
    index_array = np.frombuffer(indices, dtype=np.int32) if len(indices) else np.zeros(0, np.int32)
    matrix = sp.csr_matrix(
        (np.ones(len(index_array), dtype=dtype), index_array, np.frombuffer(indptr, np.int64)),
        shape=(len(rows), len(vocabulary)),
    )
    matrix.sum_duplicates()
    return matrix


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
        analysed = [self.analyse(document) for document in documents]
        n_documents = len(analysed)
        all_grams: dict[str, int] = {}
        gram_counts = _count_matrix([grams for _, grams in analysed], all_grams, True, self.dtype)
        token_vocabulary: dict[str, int] = {}
        token_counts = _count_matrix([words for words, _ in analysed], token_vocabulary, True,
                                     self.dtype)
        del analysed
        word_columns = self._fit_words(gram_counts, all_grams, n_documents)
        word_block = self._weigh(gram_counts[:, word_columns], self.word_idf,
                                 self.config.word_weight)
        del gram_counts
        char_block = self._fit_chars(token_counts, token_vocabulary, n_documents)
        return sp.hstack([word_block, char_block], format="csr", dtype=self.dtype)

    def transform(self, documents: Sequence[str]) -> sp.csr_matrix:
        """Encode new documents with the fitted vocabularies (unknown words are ignored)."""
        analysed = [self.analyse(document) for document in documents]
        word_counts = _count_matrix([grams for _, grams in analysed], self.word_vocabulary,
                                    False, self.dtype)
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
        extractor = CountVectorizer(analyzer="char_wb", ngram_range=config.char_ngram_range,
                                    lowercase=False, dtype=self.dtype)
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
            analyzer="char_wb", ngram_range=config.char_ngram_range, lowercase=False,
            dtype=self.dtype, vocabulary={str(name): i for i, name in enumerate(names)},
        )
        self.token_char_counts = token_grams[:, columns].tocsr()
        self.token_rows = token_vocabulary
        self.char_idf = _smooth_idf(document_frequency[columns], n, self.dtype)
        blocks = [
            self._weigh(token_counts[start : start + _FIT_CHUNK_ROWS] @ self.token_char_counts,
                        self.char_idf, config.char_weight)
            for start in range(0, n, _FIT_CHUNK_ROWS)
        ]
        return sp.vstack(blocks, format="csr") if blocks else sp.csr_matrix((0, len(columns)))

    def _char_block(self, token_rows: list[list[str]]) -> sp.csr_matrix:
        n_grams = len(self.char_idf)
        if self.char_vectorizer is None or n_grams == 0:
            return sp.csr_matrix((len(token_rows), n_grams), dtype=self.dtype)
        local: dict[str, int] = {}
        counts = _count_matrix(token_rows, local, True, self.dtype)
        known_rows: list[int] = []
        unknown: list[str] = []
        is_known = np.zeros(len(local), dtype=bool)
        for column, token in enumerate(local):
            row = self.token_rows.get(token)
            if row is None:
                unknown.append(token)
            else:
                known_rows.append(row)
                is_known[column] = True
        stacked_row = np.empty(len(local), dtype=np.int64)
        stacked_row[is_known] = np.arange(len(known_rows))
        stacked_row[~is_known] = len(known_rows) + np.arange(len(unknown))
        parts = [self.token_char_counts[known_rows]]
        if unknown:
            parts.append(self.char_vectorizer.transform(unknown))
        token_grams = sp.vstack(parts, format="csr", dtype=self.dtype)[stacked_row]
        return self._weigh(counts @ token_grams, self.char_idf, self.config.char_weight)

    def _weigh(self, counts: sp.csr_matrix, idf: np.ndarray, weight: float) -> sp.csr_matrix:
        """Sublinear TF x IDF, L2-normalised rows, scaled by sqrt(weight)."""
        matrix = sp.csr_matrix(counts, dtype=self.dtype, copy=True)
        if self.config.sublinear_tf:
            np.log(matrix.data, out=matrix.data)
            matrix.data += 1.0
        matrix.data *= idf[matrix.indices]
        if matrix.nnz:
            matrix = normalize(matrix, copy=False)
        matrix.data *= np.sqrt(weight, dtype=self.dtype)
        return matrix
