"""Speed and memory of the engine vs plain scikit-learn TF-IDF, on realistic text lengths.

Run from the repository root: ``python -m benchmarks.speed [--quick] [--output FILE]``;
``--sizes 100000 --rankers engine`` runs only some rows while iterating.

Candidates are mentor profiles of 60-120 words and ideas of about 70 words, recombined from
real sentences (`benchmarks/realistic.py`). Every figure runs in a fresh subprocess pinned to
one thread (BLAS, OpenMP and the sentence model), so its peak resident memory is its own.
Candidate meaning vectors are computed once beforehand, as the service stores them, so the
fit below never embeds a candidate ("refit without re-embedding").
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

from benchmarks.wordcache import CACHE

SINGLE_THREAD = {
    name: "1"
    for name in (
        "OMP_NUM_THREADS",
        "OPENBLAS_NUM_THREADS",
        "MKL_NUM_THREADS",
        "NUMEXPR_NUM_THREADS",
    )
}
RANKERS = ("engine", "engine without meaning", "sklearn word+char", "sklearn word")
QUERIES = 200


def _peak_mb() -> float:
    """Peak resident memory of this process so far. Read from the kernel's high-water mark of
    this program (VmHWM): `ru_maxrss` keeps the parent's peak across fork and exec, so a child
    of a large parent reported the parent's size and "0 MB added by the fit"."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _vectors_path(n: int) -> Path:
    return CACHE / f"speed-mentor-vectors-{n}.npy"


def prepare_vectors(n: int) -> None:
    """Meaning vectors of the n generated mentors, made once and kept for every run."""
    from benchmarks.realistic import RealisticTexts
    from benchmarks.wordcache import cached_embedder
    from matching import embed_candidates
    from matching.semantic import reference_texts

    path = _vectors_path(n)
    if path.exists():
        return
    embedder, store = cached_embedder()
    mentors = RealisticTexts().mentors(n)
    vectors = embed_candidates(mentors, embedder)
    embedder.embed(list(reference_texts()))
    store.flush()
    np.save(path, np.vstack([vectors[("mentor", m.id)]["profile"] for m in mentors]))


class SklearnRanker:
    """Baseline: TfidfVectorizer (word, optionally + char_wb 3-5) and a sparse dot product."""

    def __init__(self, texts: list[str], with_chars: bool) -> None:
        from sklearn.feature_extraction.text import TfidfVectorizer

        self.vectorizers = [TfidfVectorizer(dtype=np.float32)]
        if with_chars:
            self.vectorizers.append(
                TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), dtype=np.float32)
            )
        self.matrix = self._encode(texts, fit=True).T.tocsr()

    def _encode(self, texts: list[str], fit: bool = False):
        import scipy.sparse as sp

        scale = 1.0 / np.sqrt(len(self.vectorizers))
        blocks = [
            (v.fit_transform(texts) if fit else v.transform(texts)) * scale
            for v in self.vectorizers
        ]
        return sp.hstack(blocks, format="csr")

    def rank(self, text: str, k: int = 5) -> np.ndarray:
        scores = (self._encode([text]) @ self.matrix).toarray().ravel()
        top = np.argpartition(-scores, k - 1)[:k]
        return top[np.argsort(-scores[top])]


def measure(ranker: str, n: int) -> dict[str, float]:
    """Fit on n mentors, then time ranking single ideas (and, for the engine, embedding)."""
    from threadpoolctl import threadpool_limits

    from benchmarks.realistic import RealisticTexts
    from benchmarks.wordcache import cached_embedder
    from matching import MatchIndex, Teacher, TextEmbedder
    from matching.profiles import candidate_texts, idea_text
    from matching.semantic import reference_texts

    threadpool_limits(1)
    texts = RealisticTexts()
    mentors = texts.mentors(n)
    ideas = texts.ideas(QUERIES)
    out: dict[str, float] = {}
    embedder = None
    vectors = None
    if ranker == "engine":
        embedder, _ = cached_embedder()
        # Warm words, as a running worker's are (the service keeps every word's vector).
        embedder.embed([idea_text(i) for i in ideas] + list(reference_texts()))
        matrix = np.load(_vectors_path(n))
        vectors = {("mentor", m.id): {"profile": matrix[i]} for i, m in enumerate(mentors)}
    before = _peak_mb()
    start = time.perf_counter()
    if ranker.startswith("engine"):
        index = MatchIndex.fit(mentors=mentors, embedder=embedder, vectors=vectors)

        def rank(idea):
            return index.rank(idea, kinds=("mentor",))
    else:
        model = SklearnRanker([candidate_texts(m)["profile"] for m in mentors], "char" in ranker)

        def rank(idea):
            return model.rank(idea_text(idea))

    out["fit_s"] = time.perf_counter() - start
    out["fit_peak_mb"] = _peak_mb()
    out["fit_added_mb"] = _peak_mb() - before
    latencies, embeddings = [], []
    for idea in ideas:
        if embedder is not None:
            start = time.perf_counter()
            embedder.embed([idea_text(idea)])
            embeddings.append(time.perf_counter() - start)
        start = time.perf_counter()
        rank(idea)
        latencies.append(time.perf_counter() - start)
    out["rank_median_ms"] = 1000 * float(np.median(latencies))
    out["rank_p95_ms"] = 1000 * float(np.percentile(latencies, 95))
    if embeddings:
        out["embed_warm_median_ms"] = 1000 * float(np.median(embeddings))
        out["rank_without_embedding_median_ms"] = (
            out["rank_median_ms"] - out["embed_warm_median_ms"]
        )
        # The worst case: no shipped word table either (`benchmarks.coldstart` measures a
        # fresh deployment with it).
        cold = TextEmbedder(Teacher(threads=1), table=None).load()
        sample = [idea_text(i) for i in ideas[:20]]
        start = time.perf_counter()
        for text in sample:
            cold.embed([text])
        out["embed_cold_median_ms"] = 1000 * (time.perf_counter() - start) / len(sample)
        profiles = [candidate_texts(m)["profile"] for m in texts.mentors(500)]
        start = time.perf_counter()
        embedder.embed(profiles)
        out["candidates_per_s_warm"] = len(profiles) / (time.perf_counter() - start)
        start = time.perf_counter()
        cold.embed(profiles[:100])
        out["candidates_per_s_cold"] = 100 / (time.perf_counter() - start)
    return out


def run_child(ranker: str, n: int) -> dict[str, float]:
    env = {**os.environ, **SINGLE_THREAD}
    command = [sys.executable, "-m", "benchmarks.speed", "--child", ranker, str(n)]
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def report(rows: list[tuple[str, int, dict]], loads: list[float] | None = None) -> str:
    lines = [
        "# Matching speed on realistic text lengths",
        "",
        "Machine: 2 cores; one thread (BLAS, OpenMP, the sentence model) per figure, each row one",
        "fresh process. Candidates: mentor profiles of 60-120 words; ideas of about 70 words, both",
        "recombined from real sentences (`benchmarks/realistic.py`). Ranking: one idea against",
        "every mentor, k = 5, reasons included. The engine's candidate vectors are stored ones",
        "(computed beforehand, as the service keeps them): its fit never embeds a candidate.",
        "Command: `python -m benchmarks.speed`.",
        *(
            [
                f"One-minute load average of the machine, sampled before each row: "
                f"{min(loads):.1f} to {max(loads):.1f} (2 cores; above 1, other work shared them).",
            ]
            if loads
            else []
        ),
        "",
        "Fit memory: the process's peak resident memory, and how much the fit added to the peak",
        "the process had before it (texts, stored vectors and the model already loaded).",
        "",
        "| ranker | candidates | fit s | fit peak RSS MB | added by the fit MB "
        "| rank 1 idea median ms | p95 ms |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for ranker, n, r in rows:
        lines.append(
            f"| {ranker} | {n:,} | {r['fit_s']:.2f} | {r['fit_peak_mb']:,.0f} "
            f"| {r['fit_added_mb']:,.0f} | {r['rank_median_ms']:.2f} | {r['rank_p95_ms']:.2f} |"
        )
    engine = [(n, r) for ranker, n, r in rows if ranker == "engine"]
    if engine:
        lines += [
            "",
            "The sentence model in the engine (same runs):",
            "",
            "| candidates | embed 1 idea, warm ms | embed 1 idea, cold ms | rank without embedding ms "
            "| candidate texts/s warm | candidate texts/s cold |",
            "| ---: | ---: | ---: | ---: | ---: | ---: |",
        ]
        for n, r in engine:
            lines.append(
                f"| {n:,} | {r['embed_warm_median_ms']:.2f} | {r['embed_cold_median_ms']:.0f} "
                f"| {r['rank_without_embedding_median_ms']:.2f} | {r['candidates_per_s_warm']:,.0f} "
                f"| {r['candidates_per_s_cold']:.1f} |"
            )
        lines += [
            "",
            "Warm: the words were seen before (the service keeps every word's vector in the",
            "database, shared by all workers). Cold: a process that has never seen any of the",
            "words, without the shipped word table, so the sentence model embeds each of them",
            "once (the worst case; `python -m benchmarks.coldstart` measures a fresh deployment",
            "with the table).",
        ]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="1k and 10k candidates only")
    parser.add_argument("--output", type=Path)
    parser.add_argument(
        "--sizes", type=int, nargs="+", help="candidate counts (default 1k, 10k and 100k)"
    )
    parser.add_argument(
        "--rankers", nargs="+", choices=RANKERS, help="rankers to run (default: all four)"
    )
    parser.add_argument("--child", nargs=2, metavar=("RANKER", "N"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(args.child[0], int(args.child[1]))))
        return
    sizes = args.sizes or ((1_000, 10_000) if args.quick else (1_000, 10_000, 100_000))
    rows, loads = [], []
    for n in sizes:
        prepare_vectors(n)
        for ranker in args.rankers or RANKERS:
            loads.append(os.getloadavg()[0])
            rows.append((ranker, n, run_child(ranker, n)))
            print(ranker, n, rows[-1][2], flush=True)
    text = report(rows, loads)
    print(text)
    if args.output:
        args.output.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
