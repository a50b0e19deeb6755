"""Synthetic regression check (NOT a measure of quality): the engine on a generated labelled set.

The set is written from the same topic vocabulary as its ideas, so word overlap wins by
construction; real quality is `benchmarks.realdata`. This only shows that a change breaks nothing
on English and Serbian text (inflection, missing diacritics, Cyrillic). The engine runs without
its meaning view here (no model needed).

Run from the repository root: ``python -m benchmarks.quality [--output FILE]``.
"""

from __future__ import annotations

import argparse
import math
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics.pairwise import linear_kernel

from benchmarks.dataset import Dataset, build_dataset
from matching import KINDS, IdeaRecord, MatchConfig, MatchIndex
from matching.profiles import candidate_texts, idea_text

Ranker = Callable[[Sequence[IdeaRecord]], list[dict[str, list[int]]]]
DEPTH = 10


def engine_ranker(data: Dataset, config: MatchConfig | None = None) -> Ranker:
    index = MatchIndex.fit(data.mentors, data.partners, data.clusters, config=config)

    def rank(ideas: Sequence[IdeaRecord]) -> list[dict[str, list[int]]]:
        results = index.rank_many(list(ideas), kinds=KINDS, k=DEPTH)
        return [{kind: [m.candidate_id for m in r[kind]] for kind in KINDS} for r in results]

    return rank


def baseline_ranker(data: Dataset, with_chars: bool = False) -> Ranker:
    """scikit-learn TfidfVectorizer defaults + linear_kernel over the same candidate texts.

    With `with_chars`, a `char_wb` (3-5) TfidfVectorizer is added, the two blocks
    weighted equally: the plain word+char recipe the engine is compared with for speed.
    """
    records = {"mentor": data.mentors, "partner": data.partners, "cluster": data.clusters}
    texts = {kind: [candidate_texts(r)["profile"] for r in rows] for kind, rows in records.items()}
    corpus = [t for kind in KINDS for t in texts[kind]]
    vectorizers = [TfidfVectorizer().fit(corpus)]
    if with_chars:
        vectorizers.append(TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5)).fit(corpus))

    def encode(batch: list[str]) -> sp.csr_matrix:
        scale = 1.0 / np.sqrt(len(vectorizers))
        return sp.hstack([v.transform(batch) * scale for v in vectorizers], format="csr")

    matrices = {kind: encode(texts[kind]) for kind in KINDS}
    ids = {kind: np.array([r.id for r in rows]) for kind, rows in records.items()}

    def rank(ideas: Sequence[IdeaRecord]) -> list[dict[str, list[int]]]:
        queries = encode([idea_text(idea) for idea in ideas])
        per_kind = {}
        for kind in KINDS:
            scores = linear_kernel(queries, matrices[kind])
            order = np.lexsort((np.broadcast_to(ids[kind], scores.shape), -scores), axis=1)
            per_kind[kind] = [
                [int(ids[kind][j]) for j in row[:DEPTH] if scores[i, j] > 0]
                for i, row in enumerate(order)
            ]
        return [{kind: per_kind[kind][i] for kind in KINDS} for i in range(len(ideas))]

    return rank


def metrics(ranked: list[int], relevant: set[int]) -> tuple[float, float, float]:
    """(P@1, reciprocal rank within the top 10, binary nDCG@5)."""
    precision = 1.0 if ranked[:1] and ranked[0] in relevant else 0.0
    reciprocal = next((1.0 / (i + 1) for i, c in enumerate(ranked[:DEPTH]) if c in relevant), 0.0)
    dcg = sum(1.0 / math.log2(i + 2) for i, c in enumerate(ranked[:5]) if c in relevant)
    ideal = sum(1.0 / math.log2(i + 2) for i in range(min(5, len(relevant))))
    return precision, reciprocal, dcg / ideal if ideal else 0.0


def evaluate(data: Dataset, ranker: Ranker) -> dict[str, tuple[float, float, float]]:
    results = ranker(data.ideas)
    table = {}
    for kind in KINDS:
        rows = [
            metrics(result[kind], data.relevant[idea.id][kind])
            for idea, result in zip(data.ideas, results, strict=False)
        ]
        table[kind] = tuple(float(np.mean(column)) for column in zip(*rows, strict=False))
    return table


def report(
    data: Dataset,
    tables: dict[str, dict[str, tuple[float, float, float]]],
    seconds: dict[str, float],
) -> str:
    lines = [
        "# Synthetic regression check — not a measure of matching quality",
        "",
        "Generated from the topic vocabulary the ideas are written with: word overlap wins by "
        "construction. The engine's quality on real text is `results/realdata.md`.",
        "",
        (
            f"Labelled set (`benchmarks/dataset.py`, seed fixed): {len(data.ideas)} ideas; "
            f"{len(data.mentors)} mentors, {len(data.partners)} partners, {len(data.clusters)} "
            "clusters. Command: `python -m benchmarks.quality`."
        ),
        "",
        "| kind | ranker | P@1 | MRR@10 | nDCG@5 |",
        "| --- | --- | ---: | ---: | ---: |",
    ]
    for kind in KINDS:
        for name, table in tables.items():
            p1, mrr, ndcg = table[kind]
            lines.append(f"| {kind} | {name} | {p1:.3f} | {mrr:.3f} | {ndcg:.3f} |")
    lines += ["", "Fit + rank time: " + ", ".join(f"{n} {s:.2f} s" for n, s in seconds.items())]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--output", type=Path, help="also write the markdown table here")
    args = parser.parse_args()
    data = build_dataset()
    tables, seconds = {}, {}
    text_only = MatchConfig(
        sector_weight=0.0, language_weight=0.0, region_weight=0.0, capacity_weight=0.0
    )
    rankers: dict[str, Callable[[Dataset], Ranker]] = {
        "engine": engine_ranker,
        "engine, text only": lambda d: engine_ranker(d, text_only),
        "baseline word TF-IDF": baseline_ranker,
        "reference word+char TF-IDF": lambda d: baseline_ranker(d, with_chars=True),
    }
    for name, build in rankers.items():
        start = time.perf_counter()
        tables[name] = evaluate(data, build(data))
        seconds[name] = time.perf_counter() - start
    text = report(data, tables, seconds)
    print(text)
    if args.output:
        args.output.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
