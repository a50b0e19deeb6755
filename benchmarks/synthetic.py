"""Synthetic candidate corpora of any size, resampled from the evaluation set's wording."""

from __future__ import annotations

import random
import re

from benchmarks.dataset import build_dataset
from matching import IdeaRecord, MentorRecord

_SYLLABLES = (
    "ra",
    "ko",
    "vi",
    "na",
    "ze",
    "lo",
    "mi",
    "tra",
    "dan",
    "vuk",
    "sel",
    "bor",
    "jan",
    "pet",
    "mar",
    "sto",
    "kor",
    "lin",
    "ves",
    "dra",
    "gor",
    "nik",
    "tal",
)


class CorpusSampler:
    """Recombines sentences and keywords of generated mentor profiles into new profiles.

    A made-up brand or place name in about half of the profiles gives the vocabulary the
    long tail of rare words that a real corpus has.
    """

    def __init__(self, seed: int = 7) -> None:
        data = build_dataset()
        self.random = random.Random(seed)
        self.sentences = sorted(
            {
                s.strip()
                for m in data.mentors + []
                for s in re.split(r"(?<=\.)\s+", m.bio)
                if s.strip()
            }
            | {f"{p.description} Seeks {p.seeks}. Offers {p.offers}." for p in data.partners}
        )
        self.keywords = sorted({k.strip() for m in data.mentors for k in m.expertise.split(",")})
        self.headlines = sorted({m.headline for m in data.mentors})
        self.sectors = sorted({s for m in data.mentors for s in m.sectors})
        self.ideas = data.ideas
        self.towns = sorted({m.city for m in data.mentors})

    def _brand(self) -> str:
        count = self.random.randint(2, 3)
        return "".join(self.random.choice(_SYLLABLES) for _ in range(count)).capitalize()

    def mentors(self, count: int) -> list[MentorRecord]:
        rnd = self.random
        records = []
        for mentor_id in range(count):
            bio = " ".join(rnd.sample(self.sentences, rnd.randint(2, 4)))
            if rnd.random() < 0.5:
                bio += f" Founder of {self._brand()} {self._brand()}."
            records.append(
                MentorRecord(
                    id=mentor_id,
                    name=f"Mentor {mentor_id}",
                    headline=rnd.choice(self.headlines),
                    bio=bio,
                    expertise=", ".join(rnd.sample(self.keywords, 3)),
                    sectors=(rnd.choice(self.sectors),),
                    languages=("sr",) if mentor_id % 2 else ("sr", "en"),
                    city=rnd.choice(self.towns),
                    remaining_capacity=1 + mentor_id % 3,
                )
            )
        return records

    def queries(self, count: int) -> list[IdeaRecord]:
        """`count` ideas from the labelled set (cycled if more are asked for)."""
        return [self.ideas[i % len(self.ideas)] for i in range(count)]
