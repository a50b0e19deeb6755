"""Speed and memory of the engine vs plain scikit-learn TF-IDF rankers, one process per figure.

Run from the repository root: ``python -m benchmarks.speed [--quick] [--million] [--output F]``.
Every measurement runs in a fresh subprocess pinned to one BLAS/OpenMP thread, so its peak
resident memory (``ru_maxrss``) is its own.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

RANKERS = ("engine", "sklearn word+char", "sklearn word")
SINGLE_THREAD = {
    name: "1"
    for name in (
        "OMP_NUM_THREADS",
        "OPENBLAS_NUM_THREADS",
        "MKL_NUM_THREADS",
        "NUMEXPR_NUM_THREADS",
    )
}


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class _SklearnRanker:
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

    def rank_many(self, texts: list[str], k: int = 5) -> list[np.ndarray]:
        scores = (self._encode(texts) @ self.matrix).toarray()
        top = np.argpartition(-scores, k - 1, axis=1)[:, :k]
        return [row[np.argsort(-scores[i, row])] for i, row in enumerate(top)]


def measure(ranker: str, n: int, queries: int, batch: int) -> dict[str, float]:
    """Fit on n synthetic mentors, then time single-idea ranking and batch ranking."""
    from threadpoolctl import threadpool_limits

    from benchmarks.synthetic import CorpusSampler
    from matching import MatchIndex
    from matching.profiles import candidate_texts, idea_text

    threadpool_limits(1)
    sampler = CorpusSampler()
    mentors = sampler.mentors(n)
    ideas = sampler.queries(max(queries, batch))
    texts = [candidate_texts(m)["profile"] for m in mentors] if ranker != "engine" else []
    before = _peak_mb()
    start = time.perf_counter()
    if ranker == "engine":
        index = MatchIndex.fit(mentors=mentors)

        def rank_one(i: int) -> None:
            index.rank(ideas[i], kinds=("mentor",), k=5)

        def rank_batch(count: int) -> None:
            index.rank_many(ideas[:count], kinds=("mentor",), k=5)
    else:
        baseline = _SklearnRanker(texts, with_chars=ranker == "sklearn word+char")
        idea_texts = [idea_text(idea) for idea in ideas]

        def rank_one(i: int) -> None:
            baseline.rank_many(idea_texts[i : i + 1])

        def rank_batch(count: int) -> None:
            for at in range(0, count, 256):
                baseline.rank_many(idea_texts[at : min(at + 256, count)])

    fit_seconds = time.perf_counter() - start
    fit_peak = _peak_mb()
    for i in range(5):
        rank_one(i)
    latencies = []
    for i in range(queries):
        start = time.perf_counter()
        rank_one(i)
        latencies.append(time.perf_counter() - start)
    throughput = float("nan")
    if batch:
        start = time.perf_counter()
        rank_batch(batch)
        throughput = batch / (time.perf_counter() - start)
    return {
        "fit_s": fit_seconds,
        "fit_peak_mb": fit_peak,
        "fit_added_mb": fit_peak - before,
        "median_ms": float(np.median(latencies) * 1e3),
        "p95_ms": float(np.percentile(latencies, 95) * 1e3),
        "batch_per_s": throughput,
        "peak_mb": _peak_mb(),
    }


def _run(ranker: str, n: int, queries: int, batch: int) -> dict[str, float]:
    spec = json.dumps({"ranker": ranker, "n": n, "queries": queries, "batch": batch})
    env = {**os.environ, **SINGLE_THREAD}
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.speed", "--measure", spec],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def plan(quick: bool, million: bool) -> list[tuple[str, int, int, int]]:
    """(ranker, candidates, single-idea queries, batch size) of each measurement."""
    if quick:
        return [(r, n, 50, 500 if n == 10_000 else 0) for r in RANKERS for n in (1_000, 10_000)]
    runs = [
        (r, n, 200, 2000 if n == 10_000 else 0) for r in RANKERS for n in (1_000, 10_000, 100_000)
    ]
    if million:
        runs.append(("engine", 1_000_000, 100, 0))
    return runs


def _fmt(value: float, digits: int) -> str:
    return "–" if math.isnan(value) else f"{value:,.{digits}f}"


def table(results: list[tuple[str, int, dict[str, float]]]) -> str:
    lines = [
        (
            "| ranker | candidates | fit s | fit peak RSS MB | rank 1 idea median ms | p95 ms "
            "| batch ideas/s |"
        ),
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for ranker, n, r in results:
        lines.append(
            f"| {ranker} | {n:,} | {_fmt(r['fit_s'], 2)} | {_fmt(r['fit_peak_mb'], 0)} "
            f"| {_fmt(r['median_ms'], 2)} | {_fmt(r['p95_ms'], 2)} "
            f"| {_fmt(r['batch_per_s'], 0)} |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="1k and 10k candidates only")
    parser.add_argument("--million", action="store_true", help="also rank against 1M (slow)")
    parser.add_argument("--output", type=Path, help="also write the markdown report here")
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        spec = json.loads(args.measure)
        print(json.dumps(measure(spec["ranker"], spec["n"], spec["queries"], spec["batch"])))
        return
    results = []
    for ranker, n, queries, batch in plan(args.quick, args.million):
        results.append((ranker, n, _run(ranker, n, queries, batch)))
        print(f"{ranker} {n:,}: {results[-1][2]}", file=sys.stderr, flush=True)
    text = "\n".join(
        [
            "# Matching speed",
            "",
            (
                f"Machine: {os.cpu_count()} cores; one BLAS/OpenMP thread; each row is one fresh process. "
                "Candidates: synthetic mentor profiles resampled from the evaluation set's wording "
                "(`benchmarks/synthetic.py`); ideas: the 320 evaluation ideas, cycled. Latency ranks one "
                "idea against mentors only (k=5, reasons included); batch = `rank_many` of 2,000 ideas "
                "(the sklearn baselines score blocks of 256 and return ids only). Fit peak RSS includes "
                "the ~100-200 MB of the process and the generated records."
            ),
            "",
            table(results),
            "",
            (
                f"Command: `python -m benchmarks.speed{' --quick' if args.quick else ''}"
                f"{' --million' if args.million else ''}`"
            ),
            "",
        ]
    )
    print(text)
    if args.output:
        args.output.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
