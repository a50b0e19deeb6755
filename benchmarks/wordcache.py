"""A word-vector store on disk for benchmark runs, so the teacher embeds each word only once."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from matching import TextEmbedder, WordStore

CACHE = Path(__file__).parent / ".cache"


class FileWordStore:
    """Word vectors of one model version in a `.npz` file, written back on `flush`."""

    def __init__(self, version: str) -> None:
        self.path = CACHE / f"words-{version.replace('/', '_')}.npz"
        self.vectors: dict[str, np.ndarray] = {}
        self.dirty = False
        if self.path.exists():
            data = np.load(self.path, allow_pickle=False)
            self.vectors = dict(zip(data["words"].tolist(), data["vectors"], strict=True))

    def load(self, words: list[str]) -> dict[str, np.ndarray]:
        return {w: self.vectors[w] for w in words if w in self.vectors}

    def save(self, vectors: dict[str, np.ndarray]) -> None:
        self.vectors.update(vectors)
        self.dirty = True

    def flush(self) -> None:
        if not self.dirty or not self.vectors:
            return
        CACHE.mkdir(exist_ok=True)
        words = sorted(self.vectors)
        tmp = self.path.with_suffix(".tmp.npz")
        np.savez(tmp, words=np.array(words), vectors=np.vstack([self.vectors[w] for w in words]))
        tmp.replace(self.path)
        self.dirty = False


def cached_embedder(word_table: bool = True) -> tuple[TextEmbedder, FileWordStore]:
    """A loaded embedder whose word vectors persist between benchmark runs; with the shipped
    word table (as deployed), or with every word's exact vector (`word_table=False`)."""
    embedder = TextEmbedder() if word_table else TextEmbedder(table=None)
    embedder.load()
    store = FileWordStore(embedder.teacher.version)
    embedder.store = WordStore(load=store.load, save=store.save)
    return embedder, store
