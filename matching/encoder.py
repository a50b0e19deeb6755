"""Word + `char_wb` TF-IDF encoder whose word vocabulary keeps growing after the fit."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import CountVectorizer

from matching.config import MatchConfig
from matching.counts import CountBuilder, count_matrix, smooth_idf, weigh
from matching.normalize import tokens, word_ngrams

_FIT_CHUNK_ROWS = 20_000


def prefix_grams(token: str) -> list[str]:
    """A word's beginnings of 3 to 7 letters: its stem, whatever its inflected ending."""
    padded = " " + token
    return [padded[:n] for n in range(4, min(len(padded), 8) + 1)] + [padded + " "]


class TextEncoder:
    """Turns texts into one L2-normalised row: [sqrt(c) * char TF-IDF | sqrt(w) * word TF-IDF].

    Character n-grams come first and their vocabulary is fixed at fit time; word n-grams come
    last, so a candidate added later with words nobody used before appends new columns
    (`transform(..., grow=True)`) without moving any existing one: the new words count at once,
    no refit needed. `char_wb` n-grams never cross word boundaries, so a document's character
    counts are the sum of its tokens' counts: n-grams are extracted once per distinct token.
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
        self.n_documents = 0

    @property
    def n_char_features(self) -> int:
        return len(self.char_idf)

    @property
    def n_word_features(self) -> int:
        return len(self.word_terms)

    @property
    def n_features(self) -> int:
        return self.n_char_features + self.n_word_features

    def analyse(self, text: str) -> tuple[list[str], list[str]]:
        """(tokens, word n-grams) of a text."""
        words = tokens(text)
        return words, word_ngrams(words, self.config.word_ngram_range)

    def fit_transform(
        self, documents: Sequence[str], background: Sequence[str] = ()
    ) -> sp.csr_matrix:
        """Learn vocabularies and IDF weights from candidate documents and encode them.

        `background` documents count towards document frequencies only (they are not
        returned), together as `config.background_documents` documents: generic texts make
        "small" or "near" common before any candidate is seen, so that a dozen candidates do
        not make a generic word look rare; thousands of candidates outweigh them.
        """
        all_grams: dict[str, int] = {}
        token_vocabulary: dict[str, int] = {}
        gram_builder = CountBuilder(all_grams, grow=True)
        token_builder = CountBuilder(token_vocabulary, grow=True)
        repeats = round(self.config.background_documents / len(background)) if background else 0
        for document in documents:
            words, grams = self.analyse(document)
            gram_builder.add(grams)
            token_builder.add(words)
        for document in background:
            words, grams = self.analyse(document)
            for _ in range(repeats):
                gram_builder.add(grams)
                token_builder.add(words)
        self.n_documents = len(documents) + repeats * len(background)
        gram_counts = gram_builder.matrix(self.dtype)
        token_counts = token_builder.matrix(self.dtype)
        char_block = self._fit_chars(token_counts, token_vocabulary)[: len(documents)]
        del token_counts
        word_columns = self._fit_words(gram_counts, all_grams)
        word_block = self._weigh(
            gram_counts[: len(documents)][:, word_columns], self.word_idf, self.config.word_weight
        )
        return sp.hstack([char_block, word_block], format="csr", dtype=self.dtype)

    def transform(self, documents: Sequence[str], grow: bool = False) -> sp.csr_matrix:
        """Encode documents; with `grow`, unseen word n-grams join the vocabulary first."""
        analysed = [self.analyse(document) for document in documents]
        grams = [grams for _, grams in analysed]
        if grow:
            self._grow_words(grams)
        word_counts = count_matrix(grams, self.word_vocabulary, False, self.dtype)
        word_block = self._weigh(word_counts, self.word_idf, self.config.word_weight)
        char_block = self._char_block([words for words, _ in analysed])
        return sp.hstack([char_block, word_block], format="csr", dtype=self.dtype)

    def word_part(self, matrix: sp.csr_matrix, n_words: int | None = None) -> sp.csr_matrix:
        """The word columns of encoded rows (the first `n_words` of them, if given)."""
        end = self.n_features if n_words is None else self.n_char_features + n_words
        return matrix[:, self.n_char_features : end]

    def _grow_words(self, grams: list[list[str]]) -> None:
        """Append unseen word n-grams, weighted as if seen in one more document."""
        unseen = dict.fromkeys(g for row in grams for g in row if g not in self.word_vocabulary)
        self.n_documents += len(grams)
        if not unseen:
            return
        for gram in unseen:
            self.word_vocabulary[gram] = len(self.word_terms)
            self.word_terms.append(gram)
        fresh = smooth_idf(np.ones(len(unseen)), self.n_documents, self.dtype)
        self.word_idf = np.concatenate([self.word_idf, fresh])

    def _fit_words(self, gram_counts: sp.csr_matrix, all_grams: dict[str, int]) -> np.ndarray:
        """Fit the word vocabulary and IDF; return the kept columns of `gram_counts`."""
        document_frequency = np.bincount(gram_counts.indices, minlength=len(all_grams))
        columns = np.flatnonzero(document_frequency >= self.config.word_min_df)
        names = np.empty(len(all_grams), dtype=object)
        names[list(all_grams.values())] = list(all_grams.keys())
        self.word_terms = [str(name) for name in names[columns]]
        self.word_vocabulary = {term: index for index, term in enumerate(self.word_terms)}
        self.word_idf = smooth_idf(document_frequency[columns], self.n_documents, self.dtype)
        return columns

    def _fit_chars(
        self, token_counts: sp.csr_matrix, token_vocabulary: dict[str, int]
    ) -> sp.csr_matrix:
        config, n = self.config, self.n_documents
        if not token_vocabulary:
            self.char_vectorizer = None
            self.char_idf = np.zeros(0, dtype=self.dtype)
            return sp.csr_matrix((n, 0), dtype=self.dtype)
        vocabulary_tokens = [""] * len(token_vocabulary)
        for token, index in token_vocabulary.items():
            vocabulary_tokens[index] = token
        extractor = self._char_counter()
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
        self.char_vectorizer = self._char_counter({str(name): i for i, name in enumerate(names)})
        self.token_char_counts = token_grams[:, columns].tocsr()
        self.token_rows = token_vocabulary
        self.char_idf = smooth_idf(document_frequency[columns], n, self.dtype)
        blocks = [
            self._weigh(
                token_counts[start : start + _FIT_CHUNK_ROWS] @ self.token_char_counts,
                self.char_idf,
                config.char_weight,
            )
            for start in range(0, n, _FIT_CHUNK_ROWS)
        ]
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

    def _char_block(self, token_rows: list[list[str]]) -> sp.csr_matrix:
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
