"""The real-data figures of several splits side by side, and their mean.

Run from the repository root after `python -m benchmarks.realdata` (the reported split) and
`python -m benchmarks.realdata --split-seed S --output results/realdata-seed-S.md` for other
seeds (never the tuning seed): ``python -m benchmarks.realdata_splits [--output FILE]``.
One split of 3,021 descriptions moves P@1 by a few points (which companies become clusters,
partners and mentors changes), so a gain is read from the mean, with every split shown.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

RESULTS = Path(__file__).parent / "results"
REFERENCE = "word + char TF-IDF"
SHOWN = ("engine", "embeddings alone (static model)", "word TF-IDF", REFERENCE)
_ROW = re.compile(
    r"^\| (?P<task>[^|]+) \| (?P<ranker>[^|]+) \| (?P<p1>[\d.]+) \| (?P<gain>[^|]+) "
    r"\| (?P<mrr>[\d.]+) \|"
)


def read(path: Path) -> dict[tuple[str, str], tuple[float, float, str]]:
    """(task, ranker) -> (P@1, MRR@10, gain as printed) of one committed realdata table."""
    rows = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        found = _ROW.match(line)
        if found:
            key = (found["task"].strip(), found["ranker"].strip())
            rows[key] = (float(found["p1"]), float(found["mrr"]), found["gain"].strip())
    return rows


def splits() -> list[tuple[str, Path]]:
    others = sorted(RESULTS.glob("realdata-seed-*.md"))
    return [("reported", RESULTS / "realdata.md")] + [
        (path.stem.removeprefix("realdata-seed-"), path) for path in others
    ]


def report() -> str:
    tables = [(name, read(path)) for name, path in splits()]
    tasks = list(dict.fromkeys(task for _, table in tables for task, _ in table))
    names = [name for name, _ in tables]
    lines = [
        "# Matching quality on real text, several splits",
        "",
        "P@1 (and its gain over word + char TF-IDF) of each split, then the mean over splits. "
        "Splits: the reported one (`results/realdata.md`) and "
        + ", ".join(f"seed {n}" for n in names[1:])
        + " (`results/realdata-seed-*.md`); the blend was tuned on none of them. "
        "Command: `python -m benchmarks.realdata_splits`.",
        "",
        "| task | ranker | " + " | ".join(names) + " | mean P@1 | mean gain | mean MRR@10 |",
        "| --- | --- | " + " | ".join("---:" for _ in names) + " | ---: | ---: | ---: |",
    ]
    for task in tasks:
        for ranker in SHOWN:
            cells, p1s, mrrs, references = [], [], [], []
            for _, table in tables:
                p1, mrr, gain = table[(task, ranker)]
                reference = table[(task, REFERENCE)][0]
                cells.append(f"{p1:.3f} ({gain})")
                p1s.append(p1)
                mrrs.append(mrr)
                references.append(reference)
            mean, mean_reference = sum(p1s) / len(p1s), sum(references) / len(references)
            lines.append(
                f"| {task} | {ranker} | "
                + " | ".join(cells)
                + f" | {mean:.3f} | {(mean / mean_reference - 1) * 100:+.1f}% "
                f"| {sum(mrrs) / len(mrrs):.3f} |"
            )
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path)
    args = parser.parse_args()
    text = report()
    print(text)
    if args.output:
        args.output.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
