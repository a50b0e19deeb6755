"""Realistic candidate and idea texts for speed runs: 60-120 words recombined from real sentences.

The i-Lab descriptions (see `data/ilab/SOURCE.md`) are cut into sentences; each generated text
takes consecutive-length runs of sentences from random descriptions until it holds 60-120 words,
so vocabulary, word lengths and repetition look like real profiles at any corpus size.
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

from matching import IdeaRecord, MentorRecord

DATA = Path(__file__).parent / "data" / "ilab" / "companies.jsonl"
_SENTENCE = re.compile(r"(?<=[.!?])\s+")


class RealisticTexts:
    """Deterministic generator of profile-length texts from real sentences."""

    def __init__(self, seed: int = 7) -> None:
        self.random = random.Random(seed)
        rows = [json.loads(line) for line in DATA.open(encoding="utf-8")]
        self.titles = [row["title"][:200] for row in rows]
        self.sentences = [
            sentence
            for row in rows
            for sentence in _SENTENCE.split(row["text"])
            if 4 <= len(sentence.split()) <= 60
        ]

    def text(self, low: int = 60, high: int = 120) -> str:
        target = self.random.randint(low, high)
        words: list[str] = []
        while len(words) < target:
            words.extend(self.random.choice(self.sentences).split())
        return " ".join(words[:target])

    def mentors(self, n: int) -> list[MentorRecord]:
        return [
            MentorRecord(
                i + 1,
                f"Mentor {i + 1}",
                headline=self.random.choice(self.titles),
                expertise=self.random.choice(self.titles),
                bio=self.text(50, 100),
            )
            for i in range(n)
        ]

    def ideas(self, n: int, words: int = 70) -> list[IdeaRecord]:
        return [
            IdeaRecord(i + 1, self.random.choice(self.titles), self.text(words - 10, words + 10))
            for i in range(n)
        ]
