"""A fresh deployment's first day: importing the directory, then the first ideas, from an empty word store.

Run from the repository root: ``python -m benchmarks.coldstart [--candidates 1000] [--ideas 200]
[--output FILE]``. One thread (BLAS, OpenMP and the sentence model), as on one core.

The speed benchmark's "cold" columns embed texts none of whose words were ever seen: the
worst case, a process with an empty word store. A real deployment starts from an import:
its candidates' words come from the shipped word table (`matching/word_table.py`) or, when
the table lacks them, from the bundled sentence model (about 9 ms a word), and are stored;
ideas come after. This measures that day on realistic texts (`benchmarks/realistic.py`,
60-120 words recombined from real sentences), with the shipped table and without it (every
new word to the model, as before the table), side by side:
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
from matching.embedding import SHIPPED, Teacher, text_words  # noqa: E402
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
    """(milliseconds, share of words new to the deployment: in neither its store nor the
    table) of each idea, embedded as the service does."""
    embedder.fast_new_words = True
    out = []
    for text in texts:
        words = set(text_words(text))
        table = embedder.table if embedder.table is not None else ()
        new = [word for word in words if word not in embedder._vectors and word not in table]
        unseen = len(new) / max(len(words), 1)
        began = time.perf_counter()
        embedder.embed([text], exact=False)
        out.append((1000 * (time.perf_counter() - began), unseen))
        embedder._guesses.wait()  # the background learning ends before the next idea comes
    return out


class CountingTeacher(Teacher):
    """The bundled model on one thread, counting the words put to it."""

    def __init__(self) -> None:
        super().__init__(threads=1)
        self.words = 0

    def embed_words(self, words):
        self.words += len(words)
        return super().embed_words(words)


def _stretches(batches: list) -> list[list]:
    per_stretch = max(1, len(batches) // STRETCHES)
    return [batches[i : i + per_stretch] for i in range(0, len(batches), per_stretch)]


def report(candidates: int, runs: dict[str, dict], seconds: float) -> str:
    """`runs`: variant -> {"batches", "ideas", "import_words"}."""
    names = list(runs)
    first = runs[names[0]]
    lines = [
        "# A fresh deployment's first day: importing the directory, then the first ideas",
        "",
        f"Command: `python -m benchmarks.coldstart --candidates {candidates} --ideas"
        f" {len(first['ideas'])}` (one thread; {date.today().isoformat()}; {seconds:.0f} s in"
        " all). Texts: mentor profiles of 60-120 words and ideas of about 70, recombined from"
        " real sentences. Each variant starts from an empty word store.",
        "",
        "## The import",
        "",
        "| | " + " | ".join(names) + " |",
        "| --- | " + " | ".join("---:" for _ in names) + " |",
    ]

    def row(label: str, cell) -> None:
        lines.append(f"| {label} | " + " | ".join(cell(runs[name]) for name in names) + " |")

    def rate(batches: list) -> float:
        return sum(n for n, _ in batches) / sum(s for _, s in batches)

    row("**texts/s overall**", lambda r: f"**{rate(r['batches']):.1f}**")
    done = 0
    for index, stretch in enumerate(_stretches(first["batches"])):
        n = sum(k for k, _ in stretch)
        row(
            f"texts/s, texts {done + 1:,}-{done + n:,}",
            lambda r, i=index: f"{rate(_stretches(r['batches'])[i]):.1f}",
        )
        done += n
    row("words put to the sentence model", lambda r: f"{r['import_words']:,}")
    lines += ["", "## The first ideas after it (as the matching service embeds them)", ""]
    lines += [
        "| | " + " | ".join(names) + " |",
        "| --- | " + " | ".join("---:" for _ in names) + " |",
    ]

    def times(r):
        return np.array([ms for ms, _ in r["ideas"]])

    def unseen(r):
        return np.array([share for _, share in r["ideas"]])

    row("median ms per idea", lambda r: f"{np.median(times(r)):.2f}")
    row("p95 ms", lambda r: f"{np.percentile(times(r), 95):.2f}")
    row("max ms", lambda r: f"{times(r).max():.1f}")
    row("words never seen before, median share", lambda r: f"{100 * np.median(unseen(r)):.0f}%")
    row("p95 share", lambda r: f"{100 * np.percentile(unseen(r), 95):.0f}%")
    row(
        "ideas that waited for the model (over a fifth of their words new)",
        lambda r: f"{int(np.sum(unseen(r) > 0.2))} of {len(r['ideas'])}",
    )
    lines.append("")
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
    runs = {}
    for name, table in (
        ("shipped word table", SHIPPED),
        ("no table (all words to the model)", None),
    ):
        teacher = CountingTeacher()
        embedder = TextEmbedder(teacher, table=table).load()
        batches = import_directory(embedder, profiles)
        import_words = teacher.words
        timings = first_ideas(embedder, ideas)
        runs[name] = {
            "batches": batches,
            "ideas": timings,
            "import_words": import_words,
        }
    text = report(args.candidates, runs, time.perf_counter() - began)
    print(text)
    if args.output:
        args.output.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
