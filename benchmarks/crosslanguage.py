"""Cross-language check: ideas written in Serbian against a directory written in English.

The programme's entrepreneurs write in Serbian (Latin or Cyrillic); mentor and partner
profiles are often in English. Words and topics cannot meet across languages, so the engine
scores such pairs by meaning (`MatchConfig.cross_language_scale`), with each other language's
vectors moved onto the directory language's mean, and by the products the idea names in both
languages (`matching/translation.py`). This script ranks the demo
programme's directory (19 mentors, 15 partner companies, 8 clusters, all in English) for
thirteen demo ideas in English and in a Serbian translation
(`benchmarks/data/serbian_ideas.json`), and reports, per kind:

- proposals: how many candidates the engine proposes (minimum fits applied) in each language;
- top-1 kept: the English text's first candidate is also first for the Serbian text
  (no minimum fit, so that every idea has a ranking);
- in top 3: the English text's first candidate is among the Serbian text's first three.

The texts were written for the demo and translated here: a regression check, not a quality
claim (the real-data quality figures are `benchmarks/realdata.py`'s). Run with cross-language
scoring on and off:  python -m benchmarks.crosslanguage [--output FILE]
"""

from __future__ import annotations

import argparse
import dataclasses
import json
from pathlib import Path

import numpy as np

from matching import IdeaRecord, MatchConfig, MatchIndex, TextEmbedder
from mentorship.demo.records import cluster_records, mentor_records, partner_records

ROOT = Path(__file__).resolve().parents[1]
KINDS = ("mentor", "partner", "cluster")
NO_FLOOR = {
    "min_mentor_fit": 0.0,
    "min_text_score": 0.0,
    "meaning_deviations": None,
    "cross_language_floor": 0.0,
}


def directory() -> dict[str, list]:
    return {
        "mentors": mentor_records(),
        "partners": partner_records(),
        "clusters": cluster_records(),
    }


def ideas() -> list[dict[str, IdeaRecord]]:
    pairs = json.loads((ROOT / "benchmarks/data/serbian_ideas.json").read_text("utf-8"))
    return [
        {
            language: IdeaRecord(position, *pair[language], sector=pair["sector"])
            for language in ("en", "sr")
        }
        for position, pair in enumerate(pairs["ideas"])
    ]


def measure(config: MatchConfig, embedder: TextEmbedder) -> dict[str, tuple[int, int, int, int]]:
    """Per kind: (English proposals, Serbian proposals, top-1 kept, in top 3)."""
    candidates = directory()
    floors = MatchIndex.fit(**candidates, config=config, embedder=embedder)
    ranking = MatchIndex.fit(
        **candidates, config=dataclasses.replace(config, **NO_FLOOR), embedder=embedder
    )
    out = {}
    for kind in KINDS:
        english = serbian = kept = top3 = 0
        for pair in ideas():
            english += len(floors.rank(pair["en"], kinds=(kind,))[kind])
            serbian += len(floors.rank(pair["sr"], kinds=(kind,))[kind])
            first = [m.candidate_id for m in ranking.rank(pair["en"], kinds=(kind,), k=1)[kind]]
            theirs = [m.candidate_id for m in ranking.rank(pair["sr"], kinds=(kind,), k=3)[kind]]
            kept += bool(first and theirs and first[0] == theirs[0])
            top3 += bool(first and first[0] in theirs)
        out[kind] = (english, serbian, kept, top3)
    return out


def meaning_loss(embedder: TextEmbedder) -> float:
    """How much meaning likeness a text loses in translation: over every idea and kind, the
    median ratio of its five best calibrated meaning scores in English to those in Serbian."""
    from matching.ranking import QueryEncoder

    index = MatchIndex.fit(**directory(), config=MatchConfig(), embedder=embedder)
    queries = QueryEncoder(index.encoder, index.semantic, embedder, index.signal_encoder)
    weights = queries.weights
    encoded = {
        language: queries.encode([pair[language] for pair in ideas()])[0]
        for language in ("en", "sr")
    }

    def best(rows, query) -> float:
        dense = query.texts["whole"].dense.copy()
        dense[: weights.meaning_start] = 0.0
        cosine = rows.dense_scores(dense) * (
            (1.0 - weights.meaning_baseline) / weights.meaning_weight
        )
        scores = np.maximum(cosine - weights.cross_baseline, 0.0)
        return float(np.sort(scores)[-5:].sum())

    ratios = []
    for store in index.stores.values():
        rows = store.rows["profile"]
        for english, serbian in zip(encoded["en"], encoded["sr"], strict=True):
            ratios.append(best(rows, english) / max(best(rows, serbian), 1e-9))
    return float(np.median(ratios))


def report(results: dict[str, dict], n_ideas: int, loss: float) -> str:
    lines = [
        "# Serbian ideas against an English directory",
        "",
        f"{n_ideas} demo ideas in English and in Serbian (Latin script) against the demo directory "
        "(19 mentors, 15 partner companies, 8 clusters, written in English). Written here, not "
        "real text: a regression check. Command: `python -m benchmarks.crosslanguage`.",
        "",
        "| engine | kind | proposals (en) | proposals (sr) | top-1 kept | en top-1 in sr top 3 |",
        "|---|---|---:|---:|---:|---:|",
    ]
    for name, table in results.items():
        for kind, (english, serbian, kept, top3) in table.items():
            lines.append(
                f"| {name} | {kind} | {english} | {serbian} | {kept}/{n_ideas} | {top3}/{n_ideas} |"
            )
    lines += [
        "",
        f"Meaning likeness lost in translation: the five best candidates score {loss:.2f} times "
        "more in English than in Serbian (median over ideas and kinds): moved onto the English "
        "mean, a Serbian text is about as close to its English candidates as its original. "
        "`MatchConfig.cross_language_scale` is set so that the Serbian texts get about as many "
        "proposals as the English ones.",
    ]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, help="also write the markdown table here")
    args = parser.parse_args()
    embedder = TextEmbedder().load()
    results = {
        "cross-language scoring on (default)": measure(MatchConfig(), embedder),
        "cross-language scoring off": measure(MatchConfig(cross_language_scale=0.0), embedder),
        "as before (one meaning centre, no cross-language scoring)": measure(
            MatchConfig(cross_language_scale=0.0, language_centres=False), embedder
        ),
    }
    text = report(results, len(ideas()), meaning_loss(embedder))
    print(text)
    if args.output:
        args.output.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
