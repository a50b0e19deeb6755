"""Common words embedded ahead of time by the bundled model, shipped inside the package.

Putting a word to the sentence model costs ~9 ms on one core, so a fresh deployment importing
its directory would wait for every word it has never seen. The table holds the most frequent
words of English, Serbo-Croatian and French (about 156,000), embedded exactly as the matcher
embeds a word and packed by product quantisation (96 bytes a word; the mean cosine with the
exact vector is printed by the build, `python -m tools.word_table`). Only words outside it
go to the model. Reading it needs numpy alone.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

import numpy as np

from matching.normalize import fold, fold_word

log = logging.getLogger(__name__)
SUBSPACES = 96
TABLE_PATH = Path(__file__).parent / "data" / "word_table.npz"


class WordTable:
    """Word -> unit vector for the table's words (decoded on demand from 96 one-byte codes)."""

    def __init__(
        self, words: list[str], codes: np.ndarray, books: np.ndarray, teacher: str, table_id: str
    ) -> None:
        if codes.shape != (len(words), books.shape[0]):
            raise ValueError("the word table's codes do not match its words and codebooks")
        self.row_of = {word: row for row, word in enumerate(words)}
        self.codes = codes
        self.books = books.astype(np.float32)
        self.teacher = teacher
        self.table_id = table_id
        self._folds: dict[str, list[int]] | None = None
        self._folds_lock = threading.Lock()

    def __len__(self) -> int:
        return len(self.row_of)

    def __contains__(self, word: str) -> bool:
        return word in self.row_of

    def vectors(self, words: list[str]) -> dict[str, np.ndarray]:
        """Unit vectors of those of `words` the table holds."""
        found = [word for word in words if word in self.row_of]
        if not found:
            return {}
        decoded = decode(self.books, self.codes[[self.row_of[word] for word in found]])
        return dict(zip(found, decoded, strict=True))

    def folded_vectors(self, words: list[str]) -> dict[str, np.ndarray]:
        """Vectors for words the table holds only with their diacritics: "dzem", "zelim" or
        "vocnjak", typed without them, take the vector of "džem", "želim", "voćnjak" (the mean,
        when several table words lose their marks the same way). The model would embed the
        bare letters as another word: "dzem" lies as far from "jam" as a random word does."""
        folds = self._fold_index()
        found = {}
        for word in words:
            rows = folds.get(fold_word(word))
            if rows:
                mean = decode(self.books, self.codes[rows]).mean(axis=0)
                found[word] = (mean / max(float(np.linalg.norm(mean)), 1e-12)).astype(np.float32)
        return found

    def _fold_index(self) -> dict[str, list[int]]:
        """Folded spelling -> rows of the table words with diacritics (or "dj") that fold to it."""
        with self._folds_lock:
            if self._folds is None:
                folds: dict[str, list[int]] = {}
                for word, row in self.row_of.items():
                    folded = fold(word)
                    if folded != word:
                        folds.setdefault(folded, []).append(row)
                self._folds = folds
            return self._folds


def decode(books: np.ndarray, codes: np.ndarray) -> np.ndarray:
    """Unit vectors from product-quantisation codes (n, m) and codebooks (m, 256, d)."""
    parts = [books[m][codes[:, m]] for m in range(books.shape[0])]
    decoded = np.concatenate(parts, axis=1).astype(np.float32)
    decoded /= np.maximum(np.linalg.norm(decoded, axis=1, keepdims=True), 1e-12)
    return decoded


def read_word_table(path: str | Path = TABLE_PATH) -> WordTable:
    """Read a table written by the build; OSError/ValueError/KeyError when it cannot be read."""
    with np.load(path, allow_pickle=False) as data:
        words = data["words"].tobytes().decode("utf-8").split("\n")
        return WordTable(
            words, data["codes"], data["books"], str(data["teacher"]), str(data["table_id"])
        )


_shipped: WordTable | None = None
_shipped_failed = False
_shipped_lock = threading.Lock()


def shipped_word_table() -> WordTable | None:
    """The table inside the package, read once per process; None when it is missing or broken
    (words then all go to the model: slower, never wrong)."""
    global _shipped, _shipped_failed
    with _shipped_lock:
        if _shipped is None and not _shipped_failed:
            try:
                _shipped = read_word_table()
            except (OSError, ValueError, KeyError) as error:
                _shipped_failed = True
                log.warning("no shipped word table (%s): every new word goes to the model", error)
        return _shipped
