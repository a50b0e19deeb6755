"""Does a cluster's list of member companies help match ideas to it? Real text (i-Lab).

Run from the repository root: ``python -m benchmarks.cluster_members [--output FILE]``.

The folds, ideas and cluster material of `benchmarks.realdata` (the reported seed). Each
cluster of 25 companies of one sector (12 of one domain for the sub-sector task) is written
three ways, as a lead could enter it:
- description: a cluster's own description only, stood in for by the full description of
  its first company (60-120 words);
- description + members: that description and the one-line titles of the other members
  (the `members` field, appended to the cluster's text);
- members: the members' titles only (how `realdata` represents a cluster).
P@1, MRR@10 and nDCG@5 of the engine as deployed and of the engine without meaning.
"""

from __future__ import annotations

import argparse
import random
import time
from collections import defaultdict
from datetime import date
from pathlib import Path

import numpy as np

from benchmarks import realdata
from benchmarks.wordcache import cached_embedder
from matching import ClusterRecord, MatchConfig, MatchIndex

VARIANTS = ("description", "description + members", "members")
TASKS = (("cluster", "label", 25), ("sub-sector", "sublabel", 12))


def clusters(rows: list[dict], key: str, size: int, variant: str) -> tuple[list, dict]:
    """Clusters grouped exactly as `realdata` groups them, written as `variant` says."""
    records, labels = [], {}
    for label, chunk in realdata.cluster_groups(rows, key, size):
        cid = 1 + len(records)
        own, others = chunk[0]["text"], "\n".join(m["title"] for m in chunk[1:])
        records.append(
            ClusterRecord(
                cid,
                f"Cluster {cid}",
                description={
                    "description": own,
                    "description + members": own,
                    "members": "\n".join(m["title"] for m in chunk),
                }[variant],
                members=others if variant == "description + members" else "",
            )
        )
        labels[cid] = label
    return records, labels


def cluster_material(rows: list[dict], n_folds: int, seed: int) -> list[list[dict]]:
    """The rows each fold of `realdata.folds` turns into clusters."""
    order = list(range(len(rows)))
    random.Random(seed).shuffle(order)
    out = []
    for fold in range(n_folds):
        held = set(order[fold::n_folds])
        pool = [rows[i] for i in order if i not in held]
        third = len(pool) // 3
        out.append(pool[third : 2 * third])
    return out


def evaluate(rows, all_folds, material, variant, config, embedder) -> dict[str, tuple]:
    scores: dict[str, list] = defaultdict(list)
    for fold, cluster_rows in zip(all_folds, material, strict=True):
        for task, key, size in TASKS:
            records, labels = clusters(cluster_rows, key, size, variant)
            index = MatchIndex.fit(
                mentors=fold.candidates["mentor"],
                partners=fold.candidates["partner"],
                clusters=records,
                config=config,
                embedder=embedder,
            )
            results = index.rank_many(fold.ideas, kinds=("cluster",), k=realdata.DEPTH)
            for idea, found in zip(fold.ideas, results, strict=True):
                wanted = fold.idea_labels[idea.id][key]
                relevant = {cid for cid, label in labels.items() if label == wanted}
                ranked = [match.candidate_id for match in found["cluster"]]
                scores[task].append(realdata.metrics(ranked, relevant))
    return {task: tuple(float(v) for v in np.mean(values, 0)) for task, values in scores.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--output", type=Path)
    args = parser.parse_args()
    rows = realdata.load_rows()
    embedder, store = cached_embedder()
    config = MatchConfig(**realdata.TEXT_ONLY)
    all_folds = realdata.folds(rows, args.folds, realdata.SEED)
    material = cluster_material(rows, args.folds, realdata.SEED)
    lines = [
        "# A cluster's member companies, on real text",
        "",
        f"Command: `python -m benchmarks.cluster_members` ({date.today().isoformat()}; "
        f"{len(rows)} i-Lab descriptions, {args.folds} folds of the reported seed).",
        "",
        "| task | engine | cluster written as | P@1 | MRR@10 | nDCG@5 |",
        "| --- | --- | --- | ---: | ---: | ---: |",
    ]
    started = time.perf_counter()
    try:
        for name, used in (("as deployed", embedder), ("without meaning", None)):
            for variant in VARIANTS:
                table = evaluate(rows, all_folds, material, variant, config, used)
                for task, (p1, mrr, ndcg) in table.items():
                    row = f"| {task} | {name} | {variant} | {p1:.3f} | {mrr:.3f} | {ndcg:.3f} |"
                    lines.append(row)
                    print(row, flush=True)
    finally:
        store.flush()
    lines += ["", f"{time.perf_counter() - started:.0f} s in all."]
    text = "\n".join(lines) + "\n"
    print(text)
    if args.output:
        args.output.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
