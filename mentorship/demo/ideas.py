"""Combines the hand-written idea building blocks into exactly 186 varied ideas, with a fixed seed."""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import NamedTuple

from mentorship.demo.content import (
    CLUSTER_BENEFITS,
    CLUSTER_SENTENCES,
    CONCEPTS,
    DETAILS,
    MARKET,
    MENTOR_AND_PARTNER_SENTENCES,
    MENTOR_SENTENCES,
    MENTOR_TOPICS,
    NEEDS_CHOICES,
    NEIGHBOUR_SECTORS,
    PARTNER_SENTENCES,
    PARTNER_WISHES,
    Concept,
    DemoEntrepreneur,
)

IDEA_COUNT = 186
SEED = 186_2024
OWN_SECTOR_SHARE = 0.78


class DemoIdea(NamedTuple):
    owner: DemoEntrepreneur
    title: str
    description: str
    sector: str
    stage: str
    needs: tuple[str, ...]


def _ideas_per_owner(rng: random.Random, owners: int, total: int) -> list[int]:
    """Between three and seven ideas each, nudged until they add up to exactly `total`."""
    counts = [rng.randint(3, 6) for _ in range(owners)]
    while sum(counts) != total:
        position = rng.randrange(owners)
        if sum(counts) < total and counts[position] < 7:
            counts[position] += 1
        elif sum(counts) > total and counts[position] > 3:
            counts[position] -= 1
    return counts


class _ConceptDeck:
    """Deals each sector's concepts in a shuffled order, reshuffling only when all were used."""

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng
        self._decks: dict[str, list[Concept]] = {}
        self._rounds: dict[str, int] = {}

    def draw(self, sector: str) -> tuple[Concept, bool]:
        """The next concept, and whether it was dealt before."""
        deck = self._decks.get(sector)
        if not deck:
            deck = list(CONCEPTS[sector])
            self._rng.shuffle(deck)
            self._decks[sector] = deck
            self._rounds[sector] = self._rounds.get(sector, 0) + 1
        return deck.pop(), self._rounds[sector] > 1


def _needs_sentences(rng: random.Random, sector: str, needs: tuple[str, ...]) -> list[str]:
    topic = rng.choice(MENTOR_TOPICS[sector])
    wish = rng.choice(PARTNER_WISHES[sector])
    sentences: list[str] = []
    if "mentor" in needs and "partner" in needs:
        sentences.append(rng.choice(MENTOR_AND_PARTNER_SENTENCES).format(topic=topic, wish=wish))
    elif "mentor" in needs:
        sentences.append(rng.choice(MENTOR_SENTENCES).format(topic=topic))
    elif "partner" in needs:
        sentences.append(rng.choice(PARTNER_SENTENCES).format(wish=wish))
    if "cluster" in needs:
        sentences.append(
            rng.choice(CLUSTER_SENTENCES).format(benefit=rng.choice(CLUSTER_BENEFITS[sector]))
        )
    return sentences


def _unique_title(title: str, owner: DemoEntrepreneur, taken: set[str]) -> str:
    for candidate in (
        title,
        f"{title} in {owner.city}",
        f"{title} near {owner.city}",
        f"{title} for {owner.business_name}",
    ):
        if candidate not in taken:
            taken.add(candidate)
            return candidate
    raise ValueError(f"no unique title left for {title!r}")


def build_ideas(
    owners: Sequence[DemoEntrepreneur], total: int = IDEA_COUNT, seed: int = SEED
) -> list[DemoIdea]:
    """The same owners and seed always give the same ideas, in the same order."""
    rng = random.Random(seed)
    deck = _ConceptDeck(rng)
    taken: set[str] = set()
    ideas: list[DemoIdea] = []
    for owner, count in zip(owners, _ideas_per_owner(rng, len(owners), total), strict=True):
        for number in range(count):
            # Her first idea is always her own business; later ones may branch out.
            own = number == 0 or rng.random() < OWN_SECTOR_SHARE
            sector = owner.sector if own else rng.choice(NEIGHBOUR_SECTORS[owner.sector])
            (title, offer, customers), repeated = deck.draw(sector)
            sentences = [offer, rng.choice(MARKET[sector]) if repeated else customers]
            if rng.random() < 0.6:
                sentences.append(rng.choice(DETAILS[sector]))
            needs = rng.choice(NEEDS_CHOICES)
            sentences.extend(_needs_sentences(rng, sector, needs))
            stage = (
                owner.stage if own and rng.random() < 0.7 else rng.choice(("idea", "idea", "early"))
            )
            ideas.append(
                DemoIdea(
                    owner=owner,
                    title=_unique_title(title, owner, taken),
                    description=" ".join(sentences).format(city=owner.city),
                    sector=sector,
                    stage=stage,
                    needs=needs,
                )
            )
    return ideas
