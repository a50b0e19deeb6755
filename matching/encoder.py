"""Word + word-beginning TF-IDF encoder whose word vocabulary keeps growing after the fit."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import scipy.sparse as sp

from matching.chargrams import CharGrams
from matching.config import MatchConfig
from matching.counts import column_document_frequency, count_matrix, smooth_idf, weigh
from matching.normalize import tokens, word_ngrams
from matching.vectorise import gram_stream, token_stream


class TextEncoder:
    """Turns texts into one L2-normalised row: [sqrt(c) * char TF-IDF | sqrt(w) * word TF-IDF].

    Character n-grams come first and their vocabulary is fixed at fit time; word n-grams come
    last, so a candidate added later with words nobody used before appends new columns
    (`transform(..., grow=True)`) without moving any existing one: the new words count at once,
    no refit needed. The character block is `matching.chargrams.CharGrams`.
    """

    def __init__(self, config: MatchConfig) -> None:
        self.config = config
        self.dtype = np.dtype(config.dtype)
        self.word_vocabulary: dict[str, int] = {}
        self.word_terms: list[str] = []
        self.word_idf = np.zeros(0, dtype=self.dtype)
        self.chars = CharGrams(config)
        self.n_documents = 0

    @property
    def n_char_features(self) -> int:
        return self.chars.n_features

    @property
    def char_vectorizer(self):
        return self.chars.char_vectorizer

    @property
    def token_rows(self) -> dict[str, int]:
        return self.chars.token_rows

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
        """Learn vocabularies and IDF weights from candidate documents and encode them."""
        char_block, word_block = self.fit_blocks(documents, background)
        return sp.hstack([char_block, word_block], format="csr", dtype=self.dtype)

    def fit_blocks(
        self, documents: Sequence[str], background: Sequence[str] = ()
    ) -> tuple[sp.csr_matrix, sp.csr_matrix]:
        """`fit_transform` as its (character block, word block): a large fit never needs the
        two side by side in one matrix, which would cost twice their size while it is built.

        `background` documents count towards document frequencies only (they are not
        returned), together as `config.background_documents` documents: generic texts make
        "small" or "near" common before any candidate is seen, so that a dozen candidates do
        not make a generic word look rare; thousands of candidates outweigh them.
        """
        n = len(documents)
        repeats = round(self.config.background_documents / len(background)) if background else 0
        texts = list(documents) + (list(background) if repeats else [])
        stream = token_stream(texts)
        if len(texts) > n:
            extra = np.repeat(np.arange(n, len(texts)), repeats)
            stream = stream.select(np.concatenate([np.arange(n), extra]))
        self.n_documents = stream.n_documents
        grams = gram_stream(stream, self.config.word_ngram_range, self.dtype)
        gram_counts, terms = grams.counts, grams.terms
        del grams
        token_counts = stream.counts(self.dtype)
        token_vocabulary = {name: i for i, name in enumerate(stream.names)}
        del stream
        char_block = self.chars.fit(token_counts, token_vocabulary, self.n_documents, n)
        del token_counts
        word_columns = self._fit_words(gram_counts, terms)
        gram_counts = gram_counts[:n] if gram_counts.shape[0] > n else gram_counts
        if len(word_columns) < gram_counts.shape[1]:
            gram_counts = gram_counts[:, word_columns]
        word_block = weigh(
            gram_counts,
            self.word_idf,
            self.config.word_weight,
            self.config.sublinear_tf,
            self.dtype,
            in_place=True,
        )
        del gram_counts
        return char_block, word_block

    def transform(self, documents: Sequence[str], grow: bool = False) -> sp.csr_matrix:
        """Encode documents; with `grow`, unseen word n-grams join the vocabulary first."""
        analysed = [self.analyse(document) for document in documents]
        grams = [grams for _, grams in analysed]
        if grow:
            self._grow_words(grams)
        word_counts = count_matrix(grams, self.word_vocabulary, False, self.dtype)
        word_block = self._weigh(word_counts, self.word_idf, self.config.word_weight)
        char_block = self.chars.block([words for words, _ in analysed])
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

    def _fit_words(self, gram_counts: sp.csr_matrix, terms: list[str]) -> np.ndarray:
        """Fit the word vocabulary and IDF; return the kept columns of `gram_counts`."""
        document_frequency = column_document_frequency(gram_counts)
        columns = np.flatnonzero(document_frequency >= self.config.word_min_df)
        if len(columns) == len(terms):
            self.word_terms = terms
        else:
            self.word_terms = [terms[i] for i in columns.tolist()]
        self.word_vocabulary = {term: index for index, term in enumerate(self.word_terms)}
        self.word_idf = smooth_idf(document_frequency[columns], self.n_documents, self.dtype)
        return columns

    def _weigh(self, counts: sp.csr_matrix, idf: np.ndarray, weight: float) -> sp.csr_matrix:
        return weigh(counts, idf, weight, self.config.sublinear_tf, self.dtype)
