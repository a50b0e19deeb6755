"""Scores of one idea against every row of a store: text views, supply direction, signals."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from matching.config import MatchConfig
from matching.profiles import OFFERS, PROFILE, SEEKS
from matching.standing import typical_meaning
from matching.store import CandidateStore, top_k

WHOLE = "whole"
GENERAL, SUPPLIER, BUYER, PEER = "general", "supplier", "buyer", "peer"
LISTED_SHARE = 0.3
"""Share of the idea's head words a partner's list must hold to be named without meaning
agreeing: about one of three products ("honey" of "honey and propolis" is 0.5)."""
# Which idea text meets which partner field, for each relation.
PARTNER_PAIRS = {
    GENERAL: (WHOLE, PROFILE),
    SUPPLIER: (SEEKS, OFFERS),
    BUYER: (OFFERS, SEEKS),
    PEER: (OFFERS, OFFERS),
}


@dataclass(frozen=True)
class EncodedText:
    """One text of an idea: sparse TF-IDF entries and its dense (topic + meaning) vector."""

    indices: np.ndarray
    weights: np.ndarray
    dense: np.ndarray

    @property
    def empty(self) -> bool:
        return self.indices.size == 0 and not np.any(self.dense)


@dataclass(frozen=True)
class IdeaQuery:
    """An idea as the scorer sees it: its encoded texts by role and its structured signals."""

    texts: dict[str, EncodedText]
    sector: int
    languages: int
    region: int
    has_languages: bool
    has_place: bool
    text_language: int = 0
    """Language code of the idea's text (`matching.languages`; 0: not told)."""
    same_regions: tuple[int, ...] = ()
    """Region codes of candidates in the idea's region: its own, and those of candidates in
    several districts one of which is the idea's (`SignalEncoder.same_region_codes`)."""
    own_mentors: tuple[int, ...] = ()
    """Mentor ids proposable to this idea even when full (`IdeaRecord.own_mentors`)."""
    heads: dict[str, tuple[np.ndarray, ...]] = field(default_factory=dict)
    """By role (offers, seeks): for each head word of what the idea sells or needs
    (`supply.head_words`), the columns of its word forms (`product_words.head_forms`)."""
    translated: EncodedText | None = None
    """The product words of the idea's text in the other language (`matching.translation`):
    scored against candidates written in that language, which share no word with the idea."""
    translated_words: tuple[tuple[str, np.ndarray], ...] = ()
    """Each translated product word as the idea writes it, with the columns of its forms in
    the other language (for quoting "džem ~ jam")."""
    whole_tfidf: dict[str, np.ndarray] = field(default_factory=dict)
    """TF-IDF cosine of the whole text with every profile of a kind, where already computed
    (`matching.feedback` computes it for the kinds it reads; scoring reuses it)."""

    def in_region(self, regions: np.ndarray) -> np.ndarray:
        """Whether each region code is in the idea's region."""
        if len(self.same_regions) > 1:
            return np.isin(regions, self.same_regions)
        return regions == self.region


@dataclass(frozen=True)
class ScoredRow:
    """A selected candidate row with the parts of its score, for building reasons."""

    row: int
    score: float
    text: float
    relation: str
    parts: dict[str, tuple[float, float]] = field(default_factory=dict)
    """(TF-IDF cosine, calibrated dense score) of each relation that was scored."""
    same_sector: bool = False
    shared_language: bool = False
    same_region: bool = False
    provisional: bool = False
    """Below the minimum fit, within `MatchConfig.fit_slack` of it: a proposal already made
    may stay, a new one may not be made."""


@dataclass(frozen=True)
class TextWeights:
    """How the views add up: the TF-IDF share, the dense offset and the total share."""

    tfidf: float
    offset: float
    total: float
    mentor_fit: float
    """The least text score a mentor needs (it depends on whether meaning is on)."""
    other_fit: float
    """The least text score a partner or cluster of another sector needs."""
    meaning_start: int = -1
    """Where the meaning view starts in a dense row; -1: no meaning view."""
    meaning_weight: float = 0.0
    meaning_baseline: float = 0.0
    cross_baseline: float = 0.0
    """Cosine of two unrelated texts of the directory's language (see `View.cross_baseline`)."""
    cross_language: float = 0.0
    """Text score of a candidate written in another language per unit of calibrated meaning
    likeness (`MatchConfig.cross_language_scale`); 0 scores such pairs like any other."""
    fit_slack: float = 0.0
    """How far under the minimum fit a row is still returned, marked provisional (0: never)."""


def other_language(store: CandidateStore, query: IdeaQuery, weights: TextWeights):
    """Rows (indices) whose text is in another language than the idea's (both told), or None."""
    if not query.text_language or weights.cross_language <= 0 or weights.meaning_start < 0:
        return None
    languages = store.signals.text_languages
    other = np.flatnonzero((languages != 0) & (languages != query.text_language))
    return other if other.size else None


def _pair(
    store: CandidateStore,
    text: EncodedText,
    name: str,
    weights: TextWeights,
    other=None,
    floor: np.ndarray | None = None,
    known: np.ndarray | None = None,
    translated: EncodedText | None = None,
):
    """(tfidf, dense, text score) of every row for one idea text against one field, and the
    rows in another language that share no word with it (None when there are none to tell).
    `floor`: the least TF-IDF part of each row (see `_list_coverage`); `known`: the TF-IDF
    cosines, already computed (`IdeaQuery.whole_tfidf`); `translated`: the idea's product
    words in the other language (`IdeaQuery.translated`), for the rows written in it."""
    rows = store.rows[name]
    if known is not None:
        tfidf = known.copy()  # changed in place below
    else:
        tfidf = rows.sparse_scores(text.indices, text.weights)
    if floor is not None:
        tfidf = np.maximum(tfidf, floor)
    wordless = None if other is None else other[tfidf[other] <= 0]
    if text.dense.size:
        dense = np.maximum(rows.dense_scores(text.dense) - weights.offset, 0.0)
    else:
        dense = np.zeros_like(tfidf)
    score = (weights.tfidf * tfidf + dense) / weights.total
    if other is not None and text.dense.size:
        # Words and topics cannot meet across languages: such rows are scored by meaning
        # alone, put on the scale of the blended score.
        meaning_query = text.dense.copy()
        meaning_query[: weights.meaning_start] = 0.0
        # The stored rows give weight * (cos - baseline) / (1 - baseline) + offset: back to the
        # cosine, then calibrated on the directory language's own baseline.
        cosine = rows.dense_scores_at(meaning_query, other) * (
            (1.0 - weights.meaning_baseline) / weights.meaning_weight
        )
        likeness = np.maximum(cosine - weights.cross_baseline, 0.0) / (1.0 - weights.cross_baseline)
        score[other] = np.maximum(score[other], likeness * weights.cross_language)
        tfidf[other] = 0.0
        dense[other] = likeness * weights.meaning_weight
        if translated is not None:
            # The idea's product words in the candidate's language, blended with meaning as
            # shared words are (topics cannot meet across languages: they count nothing).
            tfidf[other] = rows.sparse_scores(translated.indices, translated.weights)[other]
            score[other] = np.maximum(
                score[other], (weights.tfidf * tfidf[other] + dense[other]) / weights.total
            )
    return tfidf, dense, score, wordless


def _without_blind_directions(scores: dict, parts: dict, wordless: dict) -> None:
    """Across languages, a supplier, buyer or peer needs a shared word (a product name such as
    "kajmak" written in either script): meaning alone between a three-word "what I will sell"
    in Serbian and a partner's English "seeks" line is too weak to tell a direction, and it
    called a welding firm and a law office buyers of a cheese maker's cheese."""
    for relation in (SUPPLIER, BUYER, PEER):
        blind = wordless.get(relation)
        if blind is not None:
            scores[relation][blind] = 0.0
            parts[relation][1][blind] = 0.0


@dataclass(frozen=True)
class TextScores:
    """Text score of every row, with what it rests on."""

    text: np.ndarray
    relation: np.ndarray
    """Relation code per row (index into `RELATION_NAMES`)."""
    parts: dict[str, tuple[np.ndarray, np.ndarray]]
    """(tfidf, dense) arrays per relation scored."""
    listed: np.ndarray | None = None
    """Rows named a supplier or buyer because their own list holds `LISTED_SHARE` or more of
    the head words of what the idea needs or sells (`_list_coverage`), or, of other kinds, rows
    in the other language that name the idea's products (`IdeaQuery.translated`): evidence
    enough without meaning standing out (across languages it is flatter)."""
    alone: np.ndarray | None = None
    """Rows in another language than the idea's that no word meets (none translated or
    listed): meaning alone (`MatchConfig.cross_language_floor`)."""


def _list_coverage(store: CandidateStore, query: IdeaQuery, role: str, name: str, share: float):
    """(TF-IDF floor, share of the head words found) of every row for one directional pair,
    or None when the idea's text has no head words.

    What a partner offers or seeks is often a list ("fresh vegetables, cheese, honey, jams,
    wine..."): the cosine of "raspberry jam" with it is diluted by every other item. The
    floor is `share` of the share of the head words of the idea's text ("jam") that the
    partner's field holds in one of their forms ("jams")."""
    heads = query.heads.get(role, ())
    if not heads:
        return None
    rows = store.rows[name]
    named = np.mean([rows.rows_with_any(columns) for columns in heads], axis=0)
    return share * named, named


def text_scores(
    store: CandidateStore, query: IdeaQuery, config: MatchConfig, weights: TextWeights
) -> TextScores:
    """Text score, relation and parts of every row of the store for one idea."""
    other = other_language(store, query, weights)
    if store.kind != "partner":
        known = query.whole_tfidf.get(store.kind)
        tfidf, dense, text, _ = _pair(
            store,
            query.texts[WHOLE],
            PROFILE,
            weights,
            other,
            known=known,
            translated=query.translated,
        )
        named = _named_across(other, tfidf)
        return TextScores(text, np.zeros(len(text), np.int8), {GENERAL: (tfidf, dense)}, named)
    parts, scores, wordless, named = {}, {}, {}, {}
    for relation, (role, name) in PARTNER_PAIRS.items():
        text = query.texts.get(role)
        if text is not None and not text.empty:
            floor = None
            if relation != GENERAL and config.list_coverage > 0:
                found = _list_coverage(store, query, role, name, config.list_coverage)
                if found is not None:
                    floor, named[relation] = found
            known = query.whole_tfidf.get(store.kind) if relation == GENERAL else None
            translated = query.translated if relation == GENERAL else None
            tfidf, dense, scores[relation], wordless[relation] = _pair(
                store, text, name, weights, other, floor, known, translated
            )
            parts[relation] = (tfidf, dense)
    _without_blind_directions(scores, parts, wordless)
    if SUPPLIER not in scores and BUYER not in scores:
        text = scores[GENERAL]
        alone = _alone(other, parts, np.zeros(len(text), bool))
        return TextScores(text, np.zeros(len(text), np.int8), parts, None, alone)
    general = scores[GENERAL] * config.general_partner_share
    supplier = scores.get(SUPPLIER, np.zeros_like(general))
    buyer = scores.get(BUYER, np.zeros_like(general))
    directional = np.maximum(supplier, buyer)
    text = np.maximum(general, directional)
    relation = np.where(supplier >= buyer, 1, 2).astype(np.int8)
    # Named a supplier or buyer when that evidence is at least half of the general likeness
    # and more than the likeness any two texts have (`other_fit`): between "glass jars" and a
    # dairy's "milk collection, cold-chain transport" meaning alone finds 0.03.
    relation[(directional < 0.5 * general) | (directional < weights.other_fit)] = 0
    if PEER in scores:
        # Offering what the idea itself will sell makes a peer or a competitor, never a supplier.
        peer = (scores[PEER] > directional) & (scores[PEER] >= weights.other_fit)
        text = np.where(peer, text * config.peer_penalty, text)
        relation[peer] = 3
    listed = np.zeros(len(text), bool)
    across = np.zeros(len(text), bool)
    if other is not None:
        across[other] = True  # meaning is flatter there: any product its list names will do
    for code, name in ((1, SUPPLIER), (2, BUYER)):
        if name in named:
            enough = np.where(across, named[name] > 0, named[name] >= LISTED_SHARE)
            listed |= (relation == code) & enough
    return TextScores(text, relation, parts, listed, _alone(other, parts, listed))


def _named_across(other, tfidf: np.ndarray) -> np.ndarray | None:
    """Rows in the other language that name one of the idea's products: across languages a
    row's TF-IDF part is the cosine of the idea's translated products alone (`_pair`)."""
    if other is None:
        return None
    named = np.zeros(len(tfidf), bool)
    named[other] = tfidf[other] > 0
    return named


def _alone(other, parts: dict, listed: np.ndarray):
    """Rows in the other language that no word meets (none translated or listed), or None."""
    if other is None:
        return None
    met = listed | _named_across(other, parts[GENERAL][0])
    return other[~met[other]]


RELATION_NAMES = (GENERAL, SUPPLIER, BUYER, PEER)
STAND_OUT_KINDS = ("mentor", "partner")
"""Kinds whose candidates must stand out by meaning (`MatchConfig.meaning_deviations`)."""


def _proposable(store: CandidateStore, query: IdeaQuery) -> np.ndarray:
    """Rows that may be proposed: active with a free place, or an active mentor who already
    mentors the idea's entrepreneur (her place is taken already)."""
    proposable = store.signals.proposable
    if store.kind != "mentor" or not query.own_mentors:
        return proposable
    rows = [store.row_of[i] for i in query.own_mentors if i in store.row_of]
    active = [row for row in rows if getattr(store.records[row], "active", False)]
    if not active:
        return proposable
    proposable = proposable.copy()
    proposable[active] = True
    return proposable


def score_store(
    store: CandidateStore, query: IdeaQuery, config: MatchConfig, weights: TextWeights, k: int
) -> list[ScoredRow]:
    """Best k rows of `store` for one idea, with their score components."""
    if len(store) == 0 or k <= 0 or query.texts[WHOLE].empty:
        return []  # nothing to go on: a sector alone proposes nobody
    signals = store.signals
    is_mentor = store.kind == "mentor"
    scored = text_scores(store, query, config, weights)
    text, relation, parts = scored.text, scored.relation, scored.parts
    blended = text * config.text_weight
    total = config.text_weight
    same_sector = (signals.sectors & query.sector) != 0 if query.sector else None
    fit = weights.mentor_fit if is_mentor else weights.other_fit
    # A proposal already made keeps its place a little under the floor: a refit moves every
    # score slightly, and a floor without slack would withdraw and re-propose the same people.
    fits = text >= fit
    eligible = text >= fit - weights.fit_slack
    if weights.meaning_start >= 0 and store.kind in STAND_OUT_KINDS:
        # Shared words alone are no reason to propose someone: meaning must agree. For a
        # partner, the meaning of its strongest relation (what it offers the idea, or seeks).
        meaning = np.max([parts[r][1] for r in (GENERAL, SUPPLIER, BUYER) if r in parts], axis=0)
        typical = typical_meaning(meaning, store.present, config)
        if typical is not None:
            fits &= meaning >= typical
            eligible &= meaning >= typical - weights.fit_slack
            if scored.listed is not None:
                fits |= scored.listed & (text >= fit)
                eligible |= scored.listed & (text >= fit - weights.fit_slack)
    if scored.alone is not None and config.cross_language_floor > 0:
        low = scored.alone[text[scored.alone] < config.cross_language_floor]
        fits[low] = False
        eligible[low] &= text[low] >= config.cross_language_floor - weights.fit_slack
    if not is_mentor and same_sector is not None:
        fits |= same_sector
        eligible |= same_sector
    if same_sector is not None:
        blended += config.sector_weight * same_sector
        total += config.sector_weight
    shares_language = None
    if is_mentor and query.has_languages:
        shares_language = (signals.languages & query.languages) != 0
        blended += config.language_weight * shares_language
        total += config.language_weight
    if query.has_place:
        total += config.region_weight
        if query.region >= 0:
            blended += config.region_weight * query.in_region(signals.regions)
    if is_mentor:
        blended += config.capacity_weight * signals.capacity
        total += config.capacity_weight
    blended /= total
    np.clip(blended, 0.0, 1.0, out=blended)
    blended *= eligible & store.present & _proposable(store, query)
    return [
        ScoredRow(
            row=int(row),
            score=float(blended[row]),
            text=float(text[row]),
            relation=RELATION_NAMES[int(relation[row])],
            parts={name: (float(t[row]), float(d[row])) for name, (t, d) in parts.items()},
            same_sector=bool(same_sector is not None and same_sector[row]),
            shared_language=bool(shares_language is not None and shares_language[row]),
            same_region=bool(query.region >= 0 and query.in_region(signals.regions[row])),
            provisional=not fits[row],
        )
        for row in top_k(blended, store.ids, k)
    ]
