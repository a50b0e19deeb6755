"""What the minimum fit for mentors costs and saves on the demo programme (short texts).

Run from the repository root: ``python -m benchmarks.mentor_fit [--output FILE]``.

`MatchConfig.min_mentor_fit` (a text score) and `mentor_meaning_deviations` (a mentor's
meaning likeness must stand that many standard deviations above the mean of all mentors')
decide which mentors are proposed at all.
Real text (`python -m benchmarks.realdata --calibrate`) says how often a proposal of a given
score is relevant, but its descriptions are long: one shared word there never makes a score.
The demo programme's ideas and profiles are short, as the programme's own are, and there one
shared word ("design", "pricing", "foreign") made a text score of 0.15-0.19. For its 186
ideas (those asking for a mentor) against its 19 mentors (three free places each, so
capacity never decides), as deployed, this prints for each setting:

- ideas that keep at least one proposed mentor, and proposals per idea;
- the share of proposed mentors who work in the idea's own sector (the demo gives each mentor
  her sectors: a rough stand-in for "a lead would make this pair"), and the share of ideas
  with a mentor of their sector in the directory that get one proposed;
- proposals that rest on one shared word: the text reasons quote a single shared term, and
  neither a related word nor a sentence close in meaning (not always a bad pair: "furniture"
  between a furniture idea and a furniture engineer is one word too);
- a sample of the weakest proposals kept, to read.

The demo texts were written for the demo: a regression check of this trade-off, not a claim
about the engine's quality (that is `benchmarks/realdata.py`'s). A higher floor is not the
answer: on real text, scored against a whole directory, proposals at 0.10-0.15 are relevant
twice as often as chance (`python -m benchmarks.realdata --calibrate`).
"""

from __future__ import annotations

import argparse
import dataclasses
import random
import time
from datetime import date
from pathlib import Path

import numpy as np

from matching import IdeaRecord, MatchConfig, MatchIndex, TextEmbedder
from mentorship.demo.content import ENTREPRENEURS
from mentorship.demo.ideas import build_ideas
from mentorship.demo.records import mentor_records

SETTINGS = (
    ("before (floor 0.12, meaning need not stand out)", 0.12, None),
    ("floor 0.15, meaning need not stand out", 0.15, None),
    ("as deployed", "deployed", None),
    ("floor 0.15, meaning 1 deviation over the mean", 0.15, 1.0),
    ("floor 0.12, meaning 1.5 deviations over the mean", 0.12, 1.5),
)
SAMPLE = 12


def ideas() -> list[IdeaRecord]:
    return [
        IdeaRecord(
            number,
            idea.title,
            idea.description,
            sector=idea.sector,
            stage=idea.stage,
            needs=idea.needs,
            languages=idea.owner.languages,
            city=idea.owner.city,
        )
        for number, idea in enumerate(build_ideas(ENTREPRENEURS), start=1)
        if "mentor" in idea.needs
    ]


def one_word(reasons: tuple[str, ...]) -> bool:
    """The text reasons quote one shared term and nothing else about the texts."""
    text = [r for r in reasons if r.startswith(("Shared terms:", "Related words:", "Close in"))]
    return len(text) == 1 and text[0].startswith("Shared terms:") and "," not in text[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path)
    args = parser.parse_args()
    began = time.perf_counter()
    directory, wanted = mentor_records(), ideas()
    headline = {m.id: m.headline for m in directory}
    embedder = TextEmbedder().load()
    deployed = MatchConfig()
    lines = [
        "# Minimum fit for mentors on the demo programme",
        "",
        f"Command: `python -m benchmarks.mentor_fit` ({date.today().isoformat()}). "
        f"{len(wanted)} demo ideas asking for a mentor, {len(directory)} mentors with three "
        f"free places each; as deployed: `min_mentor_fit` {deployed.min_mentor_fit}, "
        f"`mentor_meaning_deviations` {deployed.mentor_meaning_deviations}.",
        "",
        "| setting | ideas with a mentor | mentors per idea | of the idea's sector "
        "| ideas getting a mentor of their sector | proposals on one shared word |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    samples = []
    sectors = {m.id: set(m.sectors) for m in directory}
    served = [any(i.sector in s for s in sectors.values()) for i in wanted]
    for name, floor, deviations in SETTINGS:
        config = deployed
        if floor != "deployed":
            config = dataclasses.replace(
                deployed, min_mentor_fit=floor, mentor_meaning_deviations=deviations
            )
        index = MatchIndex.fit(mentors=directory, config=config, embedder=embedder)
        found = [r["mentor"] for r in index.rank_many(wanted, kinds=("mentor",))]
        pairs = [(i, m) for i, r in zip(wanted, found, strict=True) for m in r]
        weak = sum(one_word(m.reasons) for _, m in pairs)
        own = np.mean([i.sector in sectors[m.candidate_id] for i, m in pairs])
        reached = np.mean(
            [
                any(i.sector in sectors[m.candidate_id] for m in r)
                for i, r, s in zip(wanted, found, served, strict=True)
                if s
            ]
        )
        lines.append(
            f"| {name} | {np.mean([bool(r) for r in found]):.0%} "
            f"| {np.mean([len(r) for r in found]):.2f} | {own:.2f} | {reached:.0%} "
            f"| {weak} of {len(pairs)} |"
        )
        if floor == "deployed":
            titles = {i.id: i.title for i in wanted}
            kept = sorted(
                (
                    (m.score, titles[i.id], headline[m.candidate_id], m.reasons[0])
                    for i, r in zip(wanted, found, strict=True)
                    for m in r
                ),
            )[: SAMPLE * 4]
            samples = random.Random(7).sample(kept, min(SAMPLE, len(kept)))
    lines += [
        "",
        "The weakest proposals kept as deployed (a sample of the lowest-scoring quarter):",
        "",
        "| score | idea | mentor | first reason |",
        "| ---: | --- | --- | --- |",
    ]
    lines += [f"| {s:.3f} | {t} | {h} | {r} |" for s, t, h, r in sorted(samples)]
    lines += ["", f"{time.perf_counter() - began:.0f} s in all."]
    text = "\n".join(lines) + "\n"
    print(text)
    if args.output:
        args.output.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
