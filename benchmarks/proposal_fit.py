"""Which mentors and partners are worth proposing: the demo programme's short texts.

Run from the repository root: ``python -m benchmarks.proposal_fit [--output FILE]``.

`MatchConfig.min_mentor_fit` (a text score) and `meaning_deviations` (a mentor's or partner's
meaning likeness must stand that many standard deviations above the mean of all of its kind)
decide who is proposed at all. Real text (`python -m benchmarks.realdata --calibrate`) says how
often a proposal of a given score is relevant, but its descriptions are long: one shared word
there never makes a score. The demo programme's ideas and profiles are short, as the
programme's own are, and there one shared word ("design", "pricing", "foreign") made a text
score of 0.15-0.19. For the demo's 186 ideas (those asking for a mentor, then those asking
for partners) against its 19 mentors (three free places each, so capacity never decides) and
15 partner companies, this prints for each setting:

- ideas that keep at least one proposal, and proposals per idea;
- mentors: the share of proposed mentors who work in the idea's own sector (the demo gives each
  mentor her sectors: a rough stand-in for "a lead would make this pair"), and the share of
  ideas with a mentor of their sector in the directory that get one proposed;
- partners: the share named a supplier or a buyer;
- proposals that rest on one shared word: the text reasons quote a single shared term, and
  neither a related word nor a sentence close in meaning (not always a bad pair: "furniture"
  between a furniture idea and a furniture engineer is one word too);
- a sample of the weakest proposals kept as deployed, to read.

The demo texts were written for the demo: a regression check of this trade-off, not a claim
about the engine's quality (that is `benchmarks/realdata.py`'s). A higher floor is not the
answer: on real text, scored against a whole directory, mentor proposals at 0.10-0.15 are
relevant twice as often as chance (`python -m benchmarks.realdata --calibrate`).
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
from mentorship.demo.records import mentor_records, partner_records

DEPLOYED = "as deployed"
MENTOR_SETTINGS = (
    ("before (floor 0.12, meaning need not stand out)", 0.12, None),
    ("floor 0.15, meaning need not stand out", 0.15, None),
    (DEPLOYED, None, None),
    ("floor 0.15, meaning 1 deviation over the mean", 0.15, 1.0),
    ("floor 0.12, meaning 1.5 deviations over the mean", 0.12, 1.5),
)
PARTNER_SETTINGS = (
    ("before (meaning need not stand out)", None, None),
    (DEPLOYED, None, None),
    ("meaning 1.5 deviations over the mean", None, 1.5),
)
SAMPLE = 12


def ideas(kind: str) -> list[IdeaRecord]:
    """The demo's ideas that ask for `kind`, as the service hands them to matching."""
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
        if kind in idea.needs
    ]


def one_word(reasons: tuple[str, ...]) -> bool:
    """The text reasons quote one shared term and nothing else about the texts."""
    text = [r for r in reasons if r.startswith(("Shared terms:", "Related words:", "Close in"))]
    return len(text) == 1 and text[0].startswith("Shared terms:") and "," not in text[0]


def directional(reasons: tuple[str, ...]) -> bool:
    return any(
        verb in reasons[0] for verb in ("offers what you need", "seeks what you would produce")
    )


class Run:
    """One setting's proposals of one kind for every idea."""

    def __init__(self, kind: str, directory: list, wanted: list, config, embedder) -> None:
        index = MatchIndex.fit(**{f"{kind}s": directory}, config=config, embedder=embedder)
        self.wanted = wanted
        self.found = [r[kind] for r in index.rank_many(wanted, kinds=(kind,))]
        self.pairs = [(i, m) for i, r in zip(wanted, self.found, strict=True) for m in r]

    def common_cells(self) -> list[str]:
        weak = sum(one_word(m.reasons) for _, m in self.pairs)
        return [
            f"{np.mean([bool(r) for r in self.found]):.0%}",
            f"{np.mean([len(r) for r in self.found]):.2f}",
            f"{weak} of {len(self.pairs)}",
        ]

    def weakest(self, names: dict[int, str]) -> list[str]:
        kept = sorted(
            (m.score, i.title, names[m.candidate_id], m.reasons[0]) for i, m in self.pairs
        )
        sample = random.Random(7).sample(kept[: SAMPLE * 4], min(SAMPLE, len(kept)))
        return [f"| {s:.3f} | {t} | {n} | {r} |" for s, t, n, r in sorted(sample)]


def mentor_table(embedder, deployed: MatchConfig) -> list[str]:
    directory, wanted = mentor_records(), ideas("mentor")
    sectors = {m.id: set(m.sectors) for m in directory}
    served = [any(i.sector in s for s in sectors.values()) for i in wanted]
    lines = [
        f"## Mentors: {len(wanted)} ideas asking for one, {len(directory)} mentors",
        "",
        "| setting | ideas with a mentor | mentors per idea | on one shared word "
        "| of the idea's sector | ideas getting a mentor of their sector |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    weakest = []
    for name, floor, deviations in MENTOR_SETTINGS:
        config = deployed
        if name != DEPLOYED:
            config = dataclasses.replace(
                deployed, min_mentor_fit=floor, meaning_deviations=deviations
            )
        run = Run("mentor", directory, wanted, config, embedder)
        own = np.mean([i.sector in sectors[m.candidate_id] for i, m in run.pairs])
        reached = np.mean(
            [
                any(i.sector in sectors[m.candidate_id] for m in r)
                for i, r, s in zip(wanted, run.found, served, strict=True)
                if s
            ]
        )
        cells = [name, *run.common_cells(), f"{own:.2f}", f"{reached:.0%}"]
        lines.append("| " + " | ".join(cells) + " |")
        if name == DEPLOYED:
            weakest = run.weakest({m.id: m.headline for m in directory})
    return lines + _weakest_lines("mentor", weakest)


def partner_table(embedder, deployed: MatchConfig) -> list[str]:
    directory, wanted = partner_records(), ideas("partner")
    lines = [
        f"## Partner companies: {len(wanted)} ideas asking for them, {len(directory)} partners",
        "",
        "| setting | ideas with a partner | partners per idea | on one shared word "
        "| named supplier or buyer |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    weakest = []
    for name, _, deviations in PARTNER_SETTINGS:
        config = deployed
        if name != DEPLOYED:
            config = dataclasses.replace(deployed, meaning_deviations=deviations)
        run = Run("partner", directory, wanted, config, embedder)
        named = np.mean([directional(m.reasons) for _, m in run.pairs])
        lines.append("| " + " | ".join([name, *run.common_cells(), f"{named:.2f}"]) + " |")
        if name == DEPLOYED:
            weakest = run.weakest({p.id: p.name for p in directory})
    return lines + _weakest_lines("partner", weakest)


def _weakest_lines(kind: str, rows: list[str]) -> list[str]:
    return [
        "",
        f"The weakest {kind} proposals kept as deployed (a sample of the lowest-scoring quarter):",
        "",
        f"| score | idea | {kind} | first reason |",
        "| ---: | --- | --- | --- |",
        *rows,
        "",
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path)
    args = parser.parse_args()
    began = time.perf_counter()
    embedder = TextEmbedder().load()
    deployed = MatchConfig()
    lines = [
        "# Mentors and partners worth proposing, on the demo programme",
        "",
        f"Command: `python -m benchmarks.proposal_fit` ({date.today().isoformat()}); as "
        f"deployed: `min_mentor_fit` {deployed.min_mentor_fit}, `meaning_deviations` "
        f"{deployed.meaning_deviations}. Mentors have three free places each.",
        "",
        *mentor_table(embedder, deployed),
        *partner_table(embedder, deployed),
        f"{time.perf_counter() - began:.0f} s in all.",
    ]
    text = "\n".join(lines) + "\n"
    print(text)
    if args.output:
        args.output.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
