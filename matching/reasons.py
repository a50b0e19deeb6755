"""Short human sentences explaining why a candidate was proposed for an idea."""

from __future__ import annotations

import numpy as np

from matching.normalize import surface_forms, tokens
from matching.profiles import OFFERS, PROFILE, SEEKS
from matching.scoring import ScoredRow
from matching.signals import language_code, language_name, sector_slug
from matching.store import CandidateStore
from matching.types import CandidateRecord, IdeaRecord, MentorRecord, PartnerRecord

_RELATED_PREFIX = 5


class IdeaTerms:
    """The word TF-IDF entries of one idea (sorted by feature), and how its words were written."""

    def __init__(
        self, idea: IdeaRecord, text: str, indices: np.ndarray, weights: np.ndarray
    ) -> None:
        order = np.argsort(indices)
        self.idea = idea
        self.text = text
        self.indices = indices[order]
        self.weights = weights[order]
        self._forms: dict[str, str] | None = None

    @property
    def tokens(self) -> list[str]:
        """The idea's folded word tokens, in order."""
        return tokens(self.text)

    def display(self, term: str) -> str:
        """A folded term written back the way the idea wrote it."""
        if self._forms is None:
            self._forms = surface_forms(self.text)
        if " " not in term:
            return self._forms.get(term, term)
        return " ".join([self._forms.get(part, part) for part in term.split(" ")])


class SharedTerms:
    """Element-wise products of an idea's word vector with its matches' word vectors.

    Computed once per field for all matches of the idea: the shared entries of every
    match sorted by (match, product descending, feature), so each match reads a slice.
    """

    def __init__(
        self, idea: IdeaTerms, store: CandidateStore, rows: np.ndarray, word_terms: list[str]
    ) -> None:
        self.idea = idea
        self.store = store
        self.rows = rows
        self.word_terms = word_terms
        self._sorted: dict[str, tuple[np.ndarray, np.ndarray]] = {}

    def _products(self, field: str) -> tuple[np.ndarray, np.ndarray]:
        """(feature indices, boundaries per match) of shared terms, best first per match."""
        found = self._sorted.get(field)
        if found is not None:
            return found
        parts = [self.store.word_row(field, int(row)) for row in self.rows]
        lengths = np.array([len(indices) for indices, _ in parts], dtype=np.int64)
        indices = np.concatenate([indices for indices, _ in parts])
        weights = np.concatenate([weights for _, weights in parts])
        owner = np.repeat(np.arange(len(parts)), lengths)
        idea_indices = self.idea.indices
        if idea_indices.size == 0 or indices.size == 0:
            found = (np.zeros(0, np.int64), np.zeros(len(parts) + 1, np.int64))
        else:
            at = np.searchsorted(idea_indices, indices)
            at[at == idea_indices.size] = 0
            shared = idea_indices[at] == indices
            values = weights[shared] * self.idea.weights[at[shared]]
            indices, owner = indices[shared], owner[shared]
            order = np.lexsort((indices, -values, owner))
            bounds = np.searchsorted(owner[order], np.arange(len(parts) + 1))
            found = (indices[order], bounds)
        self._sorted[field] = found
        return found

    def top(self, field: str, position: int, limit: int) -> list[str]:
        """Readable terms with the largest products, skipping words already quoted."""
        indices, bounds = self._products(field)
        chosen: list[str] = []
        covered: set[str] = set()
        for index in indices[bounds[position] : bounds[position + 1]]:
            term = self.word_terms[int(index)]
            parts = term.split(" ")
            if all(part in covered for part in parts):
                continue
            chosen.append(self.idea.display(term))
            covered.update(parts)
            if len(chosen) == limit:
                break
        return chosen

    def related(self, field: str, position: int, limit: int) -> list[str]:
        """Idea words meeting a candidate word only through a shared stem (inflection)."""
        indices, _ = self.store.word_row(field, int(self.rows[position]))
        by_prefix: dict[str, str] = {}
        for index in indices:
            term = self.word_terms[int(index)]
            if " " not in term and len(term) >= _RELATED_PREFIX:
                by_prefix.setdefault(term[:_RELATED_PREFIX], term)
        found: list[str] = []
        for token in dict.fromkeys(self.idea.tokens):
            match = by_prefix.get(token[:_RELATED_PREFIX])
            if len(token) >= _RELATED_PREFIX and match is not None and match != token:
                found.append(f"{self.idea.display(token)} ~ {match}")
                if len(found) == limit:
                    break
        return found

    def sentence_terms(self, field: str, position: int, limit: int) -> tuple[list[str], bool]:
        """(terms, whether they are only related words) for one field of one match."""
        terms = self.top(field, position, limit)
        if terms:
            return terms, False
        return self.related(field, position, limit), True


def _supply_reason(
    record: PartnerRecord,
    scored: ScoredRow,
    shared: SharedTerms,
    position: int,
    limit: int,
    min_text_score: float,
) -> str | None:
    seeks, offers = scored.field_scores.get(SEEKS, 0.0), scored.field_scores.get(OFFERS, 0.0)
    if max(seeks, offers) < min_text_score:
        return None
    field = SEEKS if seeks >= offers else OFFERS
    terms, _ = shared.sentence_terms(field, position, limit)
    verb = "seeks what you would produce" if field == SEEKS else "offers what you need"
    return f"{record.name} {verb}" + (f": {', '.join(terms)}" if terms else "")


def build_reasons(
    record: CandidateRecord,
    scored: ScoredRow,
    shared: SharedTerms,
    position: int,
    region_name: str | None,
    limit: int,
    min_text_score: float,
) -> tuple[str, ...]:
    """Reasons for one match, strongest first, from the parts that made its score."""
    idea = shared.idea.idea
    reasons: list[str] = []
    supply = (
        _supply_reason(record, scored, shared, position, limit, min_text_score)
        if isinstance(record, PartnerRecord)
        else None
    )
    if supply:
        reasons.append(supply)
    elif scored.field_scores.get(PROFILE, 0.0) > 0:
        terms, related = shared.sentence_terms(PROFILE, position, limit)
        if terms:
            label = "Related words: " if related else "Shared terms: "
            reasons.append(label + ", ".join(terms))
        else:
            reasons.append(f"Similar wording (text similarity {scored.field_scores[PROFILE]:.2f})")
    if scored.same_sector:
        reasons.append(f"Same sector: {sector_slug(idea.sector)}")
    if scored.shared_language and isinstance(record, MentorRecord):
        mentor_codes = {language_code(language) for language in record.languages}
        idea_codes = dict.fromkeys(language_code(language) for language in idea.languages)
        names = [language_name(code) for code in idea_codes if code in mentor_codes]
        reasons.append("Shared language: " + ", ".join(names))
    if scored.same_region and region_name:
        reasons.append(f"Same region: {region_name}")
    return tuple(reasons)
