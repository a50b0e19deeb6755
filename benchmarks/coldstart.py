"""A fresh deployment's first day: importing the directory, then the first ideas, from no word vectors.

Run from the repository root: ``python -m benchmarks.coldstart [--candidates 1000] [--ideas 200]
[--output FILE]``. One thread (BLAS, OpenMP and the sentence model), as on one core.

The speed benchmark's "cold" columns embed texts none of whose words were ever seen: the
worst case, a process with an empty word store. A real deployment starts from an import:
its candidates' words are embedded then (exactly, by the bundled sentence model, about 8 ms
a word) and stored, and ideas come after. This measures that day on realistic texts
(`benchmarks/realistic.py`, 60-120 words recombined from real sentences):
- the import: candidate texts per second from an empty store, overall and by stretch (new
  words get rarer as the vocabulary fills);
- the ideas that follow, embedded as the matching service does (`fast_new_words`: a few unseen
  words are guessed now and embedded in the background, which has finished before the next
  idea arrives): milliseconds per idea, and how many ideas waited for the sentence model
  because more than a fifth of their words were new.
"""

from __future__ import annotations

import os

for _name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS"):
    os.environ.setdefault(_name, "1")

import argparse  # noqa: E402 -- after the thread settings, which numpy reads when imported
import time  # noqa: E402
from datetime import date  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402

from benchmarks.realistic import RealisticTexts  # noqa: E402
from matching import TextEmbedder  # noqa: E402
from matching.embedding import Teacher, text_words  # noqa: E402
from matching.profiles import candidate_texts, idea_text  # noqa: E402

IMPORT_BATCH = 50
STRETCHES = 4


def import_directory(embedder: TextEmbedder, profiles: list[str]) -> list[tuple[int, float]]:
    """Embed the profiles in batches from an empty store; (texts, seconds) per batch."""
    batches = []
    for start in range(0, len(profiles), IMPORT_BATCH):
        batch = profiles[start : start + IMPORT_BATCH]
        began = time.perf_counter()
        embedder.embed(batch)
        batches.append((len(batch), time.perf_counter() - began))
    return batches


def first_ideas(embedder: TextEmbedder, texts: list[str]) -> list[tuple[float, float]]:
    """(milliseconds, share of unseen words) of each idea, embedded as the service does."""
    embedder.fast_new_words = True
    out = []
    for text in texts:
        words = set(text_words(text))
        unseen = sum(1 for word in words if word not in embedder._vectors) / max(len(words), 1)
        began = time.perf_counter()
        embedder.embed([text], exact=False)
        out.append((1000 * (time.perf_counter() - began), unseen))
        embedder._guesses.wait()  # the background learning ends before the next idea comes
    return out


def report(candidates: int, batches: list, ideas: list, seconds: float) -> str:
    total_texts = sum(n for n, _ in batches)
    total_seconds = sum(s for _, s in batches)
    per_stretch = max(1, len(batches) // STRETCHES)
    stretches = [batches[i : i + per_stretch] for i in range(0, len(batches), per_stretch)]
    times = np.array([ms for ms, _ in ideas])
    unseen = np.array([share for _, share in ideas])
    waited = int(np.sum(unseen > 0.2))
    lines = [
        "# A fresh deployment's first day: importing the directory, then the first ideas",
        "",
        f"Command: `python -m benchmarks.coldstart --candidates {candidates} --ideas {len(ideas)}`"
        f" (one thread; {date.today().isoformat()}; {seconds:.0f} s in all). Texts: mentor"
        " profiles of 60-120 words and ideas of about 70, recombined from real sentences.",
        "",
        "## The import, from an empty word store",
        "",
        f"{total_texts:,} candidate texts in {total_seconds:.1f} s: "
        f"**{total_texts / total_seconds:.1f} texts/s** overall.",
        "",
        "| texts | texts/s in that stretch |",
        "| --- | ---: |",
    ]
    done = 0
    for stretch in stretches:
        n = sum(k for k, _ in stretch)
        lines.append(f"| {done + 1:,}-{done + n:,} | {n / sum(s for _, s in stretch):.1f} |")
        done += n
    lines += [
        "",
        "## The first ideas after it (as the matching service embeds them)",
        "",
        f"{len(ideas)} ideas: median **{np.median(times):.2f} ms**, p95 {np.percentile(times, 95):.2f}"
        f" ms, max {times.max():.1f} ms; words never seen before: median"
        f" {100 * np.median(unseen):.0f}% of an idea's words, p95 {100 * np.percentile(unseen, 95):.0f}%;"
        f" ideas that waited for the sentence model (more than a fifth of their words new):"
        f" {waited} of {len(ideas)}.",
        "",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--candidates", type=int, default=1000)
    parser.add_argument("--ideas", type=int, default=200)
    parser.add_argument("--output", type=Path)
    args = parser.parse_args()
    began = time.perf_counter()
    texts = RealisticTexts(seed=11)
    profiles = [candidate_texts(m)["profile"] for m in texts.mentors(args.candidates)]
    ideas = [idea_text(i) for i in texts.ideas(args.ideas)]
    embedder = TextEmbedder(Teacher(threads=1)).load()
    batches = import_directory(embedder, profiles)
    timings = first_ideas(embedder, ideas)
    text = report(args.candidates, batches, timings, time.perf_counter() - began)
    print(text)
    if args.output:
        args.output.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
