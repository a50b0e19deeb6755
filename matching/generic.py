"""Which shared words are too generic to be quoted as the reason for a match.

A word in a large share of the documents the index counted (candidates and the generic
reference texts, see `TextEncoder.fit_blocks`) says little about why two texts meet: "small",
"local". Its inverse document frequency tells that without any list. Adjectives such as "cold"
(of "cold storage" or of "cold-press") or "near" occur too rarely in a small directory to be told
apart by frequency; `data/generic_words.json` names those few. A phrase is generic only when
every word of it is: "cold storage" and "local products" are still quoted.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from importlib import resources

import numpy as np


@lru_cache(maxsize=1)
def generic_words() -> frozenset[str]:
    """The folded words of `data/generic_words.json`, every language together."""
    text = resources.files("matching").joinpath("data/generic_words.json").read_text("utf-8")
    return frozenset(word for words in json.loads(text)["words"].values() for word in words)


class GenericTerms:
    """Tells generic word terms (by word column) from the ones worth quoting."""

    def __init__(
        self,
        word_vocabulary: dict[str, int],
        word_terms: list[str],
        word_idf: np.ndarray,
        n_documents: int,
        share: float,
    ) -> None:
        self.word_vocabulary = word_vocabulary
        self.word_terms = word_terms
        self.word_idf = word_idf
        # The smoothed IDF of a word found in `share` of the documents (`counts.smooth_idf`);
        # a share of 0 turns the frequency test off.
        documents = share * n_documents
        self.max_idf = math.log((1.0 + n_documents) / (1.0 + documents)) + 1.0 if share else 0.0
        self.words = generic_words()

    def word(self, word: str) -> bool:
        """Whether one folded word is generic: listed, or in `share` of the documents or more."""
        if word in self.words:
            return True
        index = self.word_vocabulary.get(word)
        return index is not None and self._common(index)

    def __call__(self, index: int) -> bool:
        """Whether the term of word column `index` is generic: each of its words is."""
        term = self.word_terms[index]
        if " " not in term:
            return term in self.words or self._common(index)
        return all(self.word(part) for part in term.split(" "))

    def _common(self, index: int) -> bool:
        return index < self.word_idf.size and bool(self.word_idf[index] <= self.max_idf)
