"""What text and which structured signals each record contributes to matching."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from matching.config import MatchConfig
from matching.languages import text_languages
from matching.regions import resolve_regions
from matching.signals import CodeBook, language_code, language_mask, sector_mask, sector_slug
from matching.types import CandidateRecord, ClusterRecord, IdeaRecord, MentorRecord, PartnerRecord

PROFILE = "profile"
SEEKS = "seeks"
OFFERS = "offers"
FIELDS: dict[str, tuple[str, ...]] = {
    "mentor": (PROFILE,),
    "partner": (PROFILE, SEEKS, OFFERS),
    "cluster": (PROFILE,),
}


def idea_text(idea: IdeaRecord) -> str:
    """The text of an idea that is matched against candidate texts."""
    return f"{idea.title or ''}\n{idea.description or ''}"


def candidate_texts(record: CandidateRecord) -> dict[str, str]:
    """Text of each field of a candidate (the mentor's own name is not topical)."""
    if isinstance(record, MentorRecord):
        return {PROFILE: f"{record.headline}\n{record.expertise}\n{record.bio}"}
    if isinstance(record, PartnerRecord):
        profile = f"{record.name}\n{record.description}\n{record.offers}\n{record.seeks}"
        return {PROFILE: profile, SEEKS: record.seeks or "", OFFERS: record.offers or ""}
    profile = f"{record.name}\n{record.description}"
    # Appended only when given, so that a cluster without members keeps its stored vector.
    return {PROFILE: f"{profile}\n{record.members}" if record.members else profile}


def candidate_place(record: CandidateRecord) -> str:
    """Where a candidate is: a mentor's or partner's city, a cluster's region."""
    if isinstance(record, ClusterRecord):
        return record.region or ""
    return record.city or ""


@dataclass
class SignalColumns:
    """Per-candidate structured signals, one array entry per stored row."""

    sectors: np.ndarray
    languages: np.ndarray
    regions: np.ndarray
    capacity: np.ndarray
    proposable: np.ndarray
    text_languages: np.ndarray
    """Language code of each row's profile text (`matching.languages`; 0: not told)."""

    @classmethod
    def empty(cls) -> SignalColumns:
        return cls(
            np.zeros(0, np.int64),
            np.zeros(0, np.int64),
            np.zeros(0, np.int32),
            np.zeros(0, np.float32),
            np.zeros(0, bool),
            np.zeros(0, np.int8),
        )

    def select(self, rows: np.ndarray) -> SignalColumns:
        return SignalColumns(
            self.sectors[rows],
            self.languages[rows],
            self.regions[rows],
            self.capacity[rows],
            self.proposable[rows],
            self.text_languages[rows],
        )

    @staticmethod
    def concat(parts: list[SignalColumns]) -> SignalColumns:
        return SignalColumns(
            *(
                np.concatenate([getattr(p, name) for p in parts])
                for name in (
                    "sectors",
                    "languages",
                    "regions",
                    "capacity",
                    "proposable",
                    "text_languages",
                )
            )
        )


class SignalEncoder:
    """Encodes sectors, languages and regions of records and ideas into integer codes."""

    def __init__(self, config: MatchConfig) -> None:
        self.config = config
        self.languages = CodeBook()
        self.regions = CodeBook()
        self.region_names: dict[int, str] = {}
        self.region_groups: dict[int, frozenset[int]] = {}
        """A candidate in several districts (a cluster of "Nišava, Toplica") has a code of its
        own; these are the district codes in each such code."""

    def region_code(self, place: str, grow: bool) -> int:
        """A candidate's (`grow`) region code, or an idea's: the first district it names."""
        regions = resolve_regions(place or "")
        if not regions:
            return -1
        if not grow:
            return self.regions.lookup(regions[0][0])
        codes = [self._named_code(key, display) for key, display in regions]
        if len(codes) == 1:
            return codes[0]
        group = self._named_code(
            "group:" + "|".join(key for key, _ in regions), ", ".join(name for _, name in regions)
        )
        self.region_groups[group] = frozenset(codes)
        return group

    def same_region_codes(self, code: int) -> tuple[int, ...]:
        """The codes of candidates that are in the region of this code (it and its groups)."""
        if code < 0:
            return ()
        return (code, *sorted(g for g, members in self.region_groups.items() if code in members))

    def _named_code(self, key: str, display: str) -> int:
        code = self.regions.code(key)
        self.region_names.setdefault(code, display)
        return code

    def candidates(self, records: list[CandidateRecord]) -> SignalColumns:
        saturation = max(1, self.config.capacity_saturation)
        sectors, languages, regions, capacity, proposable = [], [], [], [], []
        languages_of_texts = text_languages([candidate_texts(r)[PROFILE] for r in records])
        for record in records:
            if isinstance(record, MentorRecord):
                sectors.append(sector_mask(record.sectors))
                languages.append(language_mask(record.languages, self.languages, True))
                remaining = int(record.remaining_capacity)
                capacity.append(min(max(remaining, 0), saturation) / saturation)
                proposable.append(bool(record.active) and remaining > 0)
            else:
                sectors.append(sector_mask((record.sector,) if record.sector else ()))
                languages.append(0)
                capacity.append(0.0)
                proposable.append(True)
            regions.append(self.region_code(candidate_place(record), True))
        return SignalColumns(
            np.array(sectors, np.int64),
            np.array(languages, np.int64),
            np.array(regions, np.int32),
            np.array(capacity, np.float32),
            np.array(proposable, bool),
            languages_of_texts,
        )

    def idea(self, idea: IdeaRecord) -> tuple[int, int, int]:
        """(sector mask, language mask, region code) of an idea; 0 / -1 when absent."""
        slug = sector_slug(idea.sector)
        sectors = sector_mask((slug,)) if slug else 0
        codes = tuple(language_code(language) for language in idea.languages or ())
        return (
            sectors,
            language_mask(codes, self.languages, False),
            self.region_code(idea.city or "", False),
        )
