"""Complementary cooperation profiles (Enterprise Europe Network style).

An offer and a request of the same cooperation type (a supplier offered, a supplier sought)
complement each other when they come from different owners (companies or ideas). Pairs are
ranked by the TF-IDF cosine of their texts (folded tokens, sublinear term frequency, the
smoothed IDF of ``matching.counts``): 95 % of the score, the other 5 % for the same area.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

import numpy as np

from matching.counts import smooth_idf
from matching.normalize import tokens

SAME_AREA_BONUS = 0.05


@dataclass(frozen=True)
class ProfileRecord:
    id: str
    owner: str  # who would meet: a company or an idea; two profiles of one owner never pair
    kind: str  # "offer" or "request"
    area: str
    cooperation_type: str
    text: str


@dataclass(frozen=True)
class ProfileMatch:
    offer_id: str
    request_id: str
    offer_owner: str
    request_owner: str
    cooperation_type: str
    score: float


def _vectors(profiles: list[ProfileRecord]) -> list[dict[str, float]]:
    counted = [Counter(tokens(p.text)) for p in profiles]
    vocabulary = sorted({term for counts in counted for term in counts})
    position = {term: i for i, term in enumerate(vocabulary)}
    frequency = np.zeros(len(vocabulary))
    for counts in counted:
        for term in counts:
            frequency[position[term]] += 1
    idf = smooth_idf(frequency, len(profiles), np.dtype(np.float64))
    vectors = []
    for counts in counted:
        weights = {t: (1.0 + math.log(n)) * float(idf[position[t]]) for t, n in counts.items()}
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        vectors.append({t: w / norm for t, w in weights.items()})
    return vectors


def _cosine(one: dict[str, float], two: dict[str, float]) -> float:
    if len(two) < len(one):
        one, two = two, one
    return sum(w * two.get(t, 0.0) for t, w in one.items())


def complementary(profiles: list[ProfileRecord], per_owner: int = 5) -> list[ProfileMatch]:
    """The best complementary pair for each pair of owners, best first; each owner takes part
    in at most ``per_owner`` of them (greedily, best first)."""
    if per_owner < 1:
        return []
    vectors = dict(zip((p.id for p in profiles), _vectors(list(profiles)), strict=True))
    offers = [p for p in profiles if p.kind == "offer"]
    requests = [p for p in profiles if p.kind == "request"]
    best: dict[tuple[str, str], ProfileMatch] = {}
    for offer in offers:
        for request in requests:
            if offer.owner == request.owner or offer.cooperation_type != request.cooperation_type:
                continue
            score = (1 - SAME_AREA_BONUS) * _cosine(vectors[offer.id], vectors[request.id])
            if offer.area == request.area:
                score += SAME_AREA_BONUS
            found = ProfileMatch(
                offer.id,
                request.id,
                offer.owner,
                request.owner,
                offer.cooperation_type,
                round(min(max(score, 0.0), 1.0), 6),
            )
            key = tuple(sorted((offer.owner, request.owner)))
            if key not in best or _order(found) < _order(best[key]):
                best[key] = found
    taken: Counter[str] = Counter()
    chosen = []
    for match in sorted(best.values(), key=_order):
        if taken[match.offer_owner] < per_owner and taken[match.request_owner] < per_owner:
            taken[match.offer_owner] += 1
            taken[match.request_owner] += 1
            chosen.append(match)
    return chosen


def _order(match: ProfileMatch) -> tuple:
    return (-match.score, match.offer_id, match.request_id)
