"""Build the shipped word table: common words embedded ahead of time by the bundled model.

A fresh deployment otherwise puts every word it has never seen to the sentence model, one by
one, at ~9 ms a word: importing a directory of 1,000 profiles then runs at ~9 texts a second.
This script embeds the most frequent words of English, Serbo-Croatian (Serbian in Latin
letters; Cyrillic is read in Latin letters by the matcher) and French (the language of the
real-data yardstick) exactly as the matcher would (`Teacher.embed_words`), then compresses
the vectors by product quantisation (96 sub-vectors of 4 dimensions, 256 centroids each:
96 bytes a word) into `matching/data/word_table.npz`.

Word frequencies come from `wordfreq` (Robyn Speer, data CC BY-SA 4.0), a build-time tool
only: the matcher never imports it. Run from the repository root:

    pip install wordfreq==3.1.1
    python -m tools.word_table            # resumable: embedded chunks are kept in tools/.cache
"""

from __future__ import annotations

import argparse
import hashlib
import time
from multiprocessing import Pool
from pathlib import Path

import numpy as np

from matching.embedding import Teacher, text_words
from matching.word_table import SUBSPACES, TABLE_PATH, decode

LANGUAGES = (("en", 60_000), ("sh", 100_000), ("fr", 70_000))
CACHE = Path(__file__).parent / ".cache"
CHUNK = 2_048
CENTROIDS = 256


def common_words() -> list[str]:
    """The words of the top-n lists, as the matcher splits and lower-cases text."""
    import wordfreq

    words: set[str] = set()
    for language, n in LANGUAGES:
        for entry in wordfreq.top_n_list(language, n):
            words.update(text_words(entry))
    return sorted(words)


def _embed_chunk(job: tuple[int, list[str]]) -> int:
    number, words = job
    path = CACHE / f"chunk-{number:04d}.npy"
    if not path.exists():
        vectors = Teacher(threads=1).embed_words(words).astype(np.float32)
        np.save(path.with_suffix(".tmp.npy"), vectors)
        path.with_suffix(".tmp.npy").replace(path)
    return number


def embed_all(words: list[str], processes: int) -> np.ndarray:
    CACHE.mkdir(exist_ok=True)
    jobs = [(i // CHUNK, words[i : i + CHUNK]) for i in range(0, len(words), CHUNK)]
    started = time.perf_counter()
    with Pool(processes) as pool:
        for done, number in enumerate(pool.imap_unordered(_embed_chunk, jobs), 1):
            elapsed = time.perf_counter() - started
            print(f"chunk {number} ({done}/{len(jobs)}) {elapsed:.0f} s", flush=True)
    return np.vstack([np.load(CACHE / f"chunk-{n:04d}.npy") for n, _ in jobs])


def train_codebooks(vectors: np.ndarray, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Product quantisation: k-means per sub-vector; codes (n, m) uint8, books (m, 256, d)."""
    from sklearn.cluster import KMeans

    n, dim = vectors.shape
    width = dim // SUBSPACES
    codes = np.empty((n, SUBSPACES), np.uint8)
    books = np.empty((SUBSPACES, CENTROIDS, width), np.float32)
    for m in range(SUBSPACES):
        part = vectors[:, m * width : (m + 1) * width]
        kmeans = KMeans(CENTROIDS, n_init=1, max_iter=40, random_state=seed).fit(part)
        books[m] = kmeans.cluster_centers_
        codes[:, m] = kmeans.labels_
        print(f"sub-vector {m + 1}/{SUBSPACES}", flush=True)
    return codes, books


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--processes", type=int, default=2)
    args = parser.parse_args()
    words = common_words()
    print(f"{len(words)} words", flush=True)
    vectors = embed_all(words, args.processes)
    codes, books = train_codebooks(vectors)
    decoded = decode(books, codes)
    cosine = np.sum(decoded * vectors, axis=1)
    print(
        f"cosine exact vs packed: mean {cosine.mean():.4f}, 1st percentile "
        f"{np.percentile(cosine, 1):.4f}"
    )
    text = "\n".join(words).encode("utf-8")
    table_id = hashlib.sha256(text + codes.tobytes() + books.tobytes()).hexdigest()[:12]
    np.savez_compressed(
        TABLE_PATH,
        words=np.frombuffer(text, np.uint8),
        codes=codes,
        books=books.astype(np.float16),
        teacher=np.array(Teacher().version),
        table_id=np.array(table_id),
    )
    print(f"{TABLE_PATH}: {TABLE_PATH.stat().st_size / 1e6:.1f} MB, id {table_id}")


if __name__ == "__main__":
    main()
