"""Embedding a new idea in a running programme: only its words nobody used before cost time.

The speed benchmark's "cold" figure embeds an idea none of whose words were ever seen (every
word goes to the sentence model). In a running programme the word store already holds the
words of every candidate and earlier idea; a new idea brings a few words of its own. This
measures that case on real text: 90% of the i-Lab descriptions (see `benchmarks/realdata.py`
for the source) fill the word store, then each of the other 10% is embedded on its own, one
thread, the way the worker embeds a submitted idea.

    python -m benchmarks.newideas [--output FILE]
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

import numpy as np

from benchmarks.realdata import load_rows
from benchmarks.wordcache import cached_embedder
from matching import Teacher, TextEmbedder, WordStore
from matching.embedding import text_words

SEED = 20261127


def measure(held_out_share: float = 0.1) -> dict[str, float]:
    rows = load_rows()
    texts = [f"{row['title']}\n{row['text']}" for row in rows]
    random.Random(SEED).shuffle(texts)
    cut = int(len(texts) * (1 - held_out_share))
    known, new = texts[:cut], texts[cut:]
    cache, files = cached_embedder()
    cache.embed(known)  # every word of the known texts has its vector on disk
    files.flush()
    known_words = {word for text in known for word in text_words(text)}
    store = {word: files.vectors[word] for word in known_words if word in files.vectors}

    def fresh_embedder(fast: bool) -> TextEmbedder:
        words = dict(store)  # each run starts from the known texts' words only
        embedder = TextEmbedder(
            Teacher(threads=1),
            WordStore(
                load=lambda wanted: {w: words[w] for w in wanted if w in words},
                save=words.update,
            ),
        ).load()
        embedder.fast_new_words = fast
        embedder.embed(known[:50])  # the store answers; nothing to time here
        return embedder

    unseen = [len(set(text_words(text)) - store.keys()) for text in new]
    out = {
        "ideas": len(new),
        "known_texts": len(known),
        "words_per_idea": float(np.median([len(text_words(t)) for t in new])),
        "unseen_median": float(np.median(unseen)),
        "unseen_p90": float(np.percentile(unseen, 90)),
    }
    vectors = {}
    for name, fast in (("exact", False), ("fast", True)):
        embedder = fresh_embedder(fast)
        seconds, rows = [], []
        for text in new:
            start = time.perf_counter()
            rows.append(embedder.embed([text], exact=False)[0])
            seconds.append(time.perf_counter() - start)
            embedder._guesses.wait()  # as between two submissions
        ms = 1000 * np.array(seconds)
        vectors[name] = np.vstack(rows)
        out |= {
            f"{name}_ms_median": float(np.median(ms)),
            f"{name}_ms_p90": float(np.percentile(ms, 90)),
            f"{name}_ms_max": float(ms.max()),
            f"{name}_under_30ms": float(np.mean(ms <= 30)),
        }
    out["cosine_median"] = float(np.median(np.sum(vectors["exact"] * vectors["fast"], axis=1)))
    out["cosine_min"] = float(np.min(np.sum(vectors["exact"] * vectors["fast"], axis=1)))
    return out


def report(result: dict[str, float]) -> str:
    r = result
    lines = [
        "# Embedding a new idea in a running programme",
        "",
        f"{r['known_texts']:,} real descriptions fill the word store; each of the other "
        f"{r['ideas']} ideas ({r['words_per_idea']:.0f} words, median) is then embedded on its "
        f"own, one thread. They bring {r['unseen_median']:.0f} words nobody used before "
        f'(median; p90 {r["unseen_p90"]:.0f}). "Exact" waits for the sentence model to embed '
        'them; "fast" (`MATCH_FAST_NEW_WORDS`, the default) lets each stand in as the known '
        "words that begin like it and embeds it in the background (not timed, as between two "
        "submissions). Command: `python -m benchmarks.newideas`.",
        "",
        "| path | ms per idea: median / p90 / max | ideas embedded in 30 ms or less |",
        "|---|---:|---:|",
    ]
    for name in ("exact", "fast"):
        lines.append(
            f"| {name} | {r[name + '_ms_median']:.1f} / {r[name + '_ms_p90']:.1f} / "
            f"{r[name + '_ms_max']:.1f} | {100 * r[name + '_under_30ms']:.0f}% |"
        )
    lines += [
        "",
        f"The fast vector against the exact one: cosine {r['cosine_median']:.4f} (median), "
        f"{r['cosine_min']:.4f} (lowest).",
        "",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, help="also write the markdown table here")
    args = parser.parse_args()
    text = report(measure())
    print(text)
    if args.output:
        args.output.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
