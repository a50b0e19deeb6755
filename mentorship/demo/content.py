"""The demo's content, read from the JSON files in `data/`: people, organisations, idea texts, the programme.

Content is data, so it is edited without touching code; this module only gives it the shapes the
loader and the idea builder use (tuples, named records, dates).
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any, NamedTuple

DATA = Path(__file__).resolve().parent / "data"

Concept = tuple[str, str, str]


class DemoEntrepreneur(NamedTuple):
    name: str
    business_name: str
    city: str
    sector: str
    stage: str
    languages: tuple[str, ...]
    bio: str


def read(name: str) -> Any:
    """One data file, parsed."""
    return json.loads((DATA / f"{name}.json").read_text(encoding="utf-8"))


def _pools(pools: dict[str, list]) -> dict[str, tuple]:
    return {key: tuple(values) for key, values in pools.items()}


_ORGANISATIONS = read("organisations")
_IDEA_CONTENT = read("idea_content")
_PROGRAMME = read("programme")

ENTREPRENEURS: tuple[DemoEntrepreneur, ...] = tuple(
    DemoEntrepreneur(**{**row, "languages": tuple(row["languages"])})
    for row in read("entrepreneurs")
)
MENTORS: tuple[dict[str, Any], ...] = tuple(read("mentors"))

NAMED_CLUSTERS: tuple[str, ...] = tuple(_ORGANISATIONS["named_clusters"])
PILOT_CLUSTERS: tuple[str, ...] = tuple(_ORGANISATIONS["pilot_clusters"])
CLUSTERS: tuple[dict[str, Any], ...] = tuple(_ORGANISATIONS["clusters"])
NAMED_PARTNERS: dict[str, str] = _ORGANISATIONS["named_partners"]
PARTNERS: tuple[dict[str, Any], ...] = tuple(_ORGANISATIONS["partners"])

# Idea concepts per sector: a title, what the founder would offer, and for whom ({city} is hers).
CONCEPTS: dict[str, tuple[Concept, ...]] = {
    sector: tuple((title, offer, customers) for title, offer, customers in concepts)
    for sector, concepts in read("idea_concepts").items()
}
# Sentence pools per sector, worded to fit every concept of that sector. MARKET stands in for a
# concept's own customer sentence when it comes round again.
MARKET: dict[str, tuple[str, ...]] = _pools(_IDEA_CONTENT["market"])
DETAILS: dict[str, tuple[str, ...]] = _pools(_IDEA_CONTENT["details"])
MENTOR_TOPICS: dict[str, tuple[str, ...]] = _pools(_IDEA_CONTENT["mentor_topics"])
PARTNER_WISHES: dict[str, tuple[str, ...]] = _pools(_IDEA_CONTENT["partner_wishes"])
CLUSTER_BENEFITS: dict[str, tuple[str, ...]] = _pools(_IDEA_CONTENT["cluster_benefits"])
# An entrepreneur's ideas mostly stay in her sector; some reach into a neighbouring one.
NEIGHBOUR_SECTORS: dict[str, tuple[str, ...]] = _pools(_IDEA_CONTENT["neighbour_sectors"])
NEEDS_CHOICES: tuple[tuple[str, ...], ...] = tuple(
    tuple(needs) for needs in _IDEA_CONTENT["needs_choices"]
)
MENTOR_SENTENCES: tuple[str, ...] = tuple(_IDEA_CONTENT["mentor_sentences"])
PARTNER_SENTENCES: tuple[str, ...] = tuple(_IDEA_CONTENT["partner_sentences"])
MENTOR_AND_PARTNER_SENTENCES: tuple[str, ...] = tuple(_IDEA_CONTENT["mentor_and_partner_sentences"])
CLUSTER_SENTENCES: tuple[str, ...] = tuple(_IDEA_CONTENT["cluster_sentences"])

PROGRAMME_NAME: str = _PROGRAMME["name"]
PROGRAMME_FUNDER: str = _PROGRAMME["funder"]
PROGRAMME_DESCRIPTION: str = _PROGRAMME["description"]


def programme_year(today: date) -> int:
    """This year's March if the second module has not ended yet, else next year's."""
    last_day = max(module["ends_on"] for module in _PROGRAMME["modules"])
    month, day = (int(part) for part in last_day.split("-"))
    return today.year if today <= date(today.year, month, day) else today.year + 1


def _day(year: int, month_day: str) -> date:
    month, day = (int(part) for part in month_day.split("-"))
    return date(year, month, day)


def modules(year: int) -> tuple[dict, ...]:
    """The programme's modules in `year`; the data file gives their days as MM-DD."""
    return tuple(
        {
            **module,
            "starts_on": _day(year, module["starts_on"]),
            "ends_on": _day(year, module["ends_on"]),
        }
        for module in _PROGRAMME["modules"]
    )
