"""Short human sentences explaining why a candidate was proposed for an idea."""

from __future__ import annotations

import numpy as np

from matching.normalize import surface_forms
from matching.profiles import OFFERS, PROFILE, SEEKS
from matching.scoring import ScoredRow
from matching.signals import language_code, language_name, sector_slug
from matching.store import CandidateStore
from matching.types import CandidateRecord, IdeaRecord, MentorRecord, PartnerRecord

_RELATED_PREFIX = 5


class IdeaTerms:
    """The word TF-IDF entries of one idea, and how its words were written."""

    def __init__(self, idea: IdeaRecord, text: str, indices: np.ndarray, weights: np.ndarray,
                 tokens: list[str]) -> None:
        self.idea = idea
        self.text = text
        self.indices = indices
        self.weights = weights
        self.tokens = tokens
        self._forms: dict[str, str] | None = None

    def display(self, term: str) -> str:
        """A folded term written back the way the idea wrote it."""
        if self._forms is None:
            self._forms = surface_forms(self.text)
        return " ".join(self._forms.get(part, part) for part in term.split(" "))


def shared_terms(idea: IdeaTerms, store: CandidateStore, field: str, row: int,
                 word_terms: list[str], limit: int) -> list[str]:
    """Readable terms with the largest idea x candidate word TF-IDF products."""
    indices, weights = store.word_row(field, row)
    common, idea_at, row_at = np.intersect1d(idea.indices, indices, assume_unique=True,
                                             return_indices=True)
    if common.size == 0:
        return []
    products = idea.weights[idea_at] * weights[row_at]
    order = np.lexsort((common, -products))
    chosen: list[str] = []
    covered: set[str] = set()
    for position in order:
        term = word_terms[int(common[position])]
        parts = term.split(" ")
        if all(part in covered for part in parts):
            continue
        chosen.append(idea.display(term))
        covered.update(parts)
        if len(chosen) == limit:
            break
    return chosen


def related_words(idea: IdeaTerms, store: CandidateStore, field: str, row: int,
                  word_terms: list[str], limit: int) -> list[str]:
    """Idea words that meet a candidate word only through a shared stem (e.g. inflection)."""
    indices, _ = store.word_row(field, row)
    by_prefix: dict[str, str] = {}
    for index in indices:
        term = word_terms[int(index)]
        if " " not in term and len(term) >= _RELATED_PREFIX:
            by_prefix.setdefault(term[:_RELATED_PREFIX], term)
    found: list[str] = []
    for token in dict.fromkeys(idea.tokens):
        match = by_prefix.get(token[:_RELATED_PREFIX]) if len(token) >= _RELATED_PREFIX else None
        if match is not None and match != token:
            found.append(f"{idea.display(token)} ~ {match}")
            if len(found) == limit:
                break
    return found


def _terms_sentence(terms: list[str], related: list[str]) -> str | None:
    if terms:
        return "Shared terms: " + ", ".join(terms)
    if related:
        return "Related words: " + ", ".join(related)
    return None


def build_reasons(idea: IdeaTerms, record: CandidateRecord, scored: ScoredRow,
                  store: CandidateStore, word_terms: list[str], region_name: str | None,
                  limit: int, min_text_score: float) -> tuple[str, ...]:
    """Reasons for one match, strongest first, from the parts that made its score."""
    reasons: list[str] = []

    def terms_of(field: str) -> tuple[list[str], list[str]]:
        terms = shared_terms(idea, store, field, scored.row, word_terms, limit)
        related = [] if terms else related_words(idea, store, field, scored.row, word_terms,
                                                 limit)
        return terms, related

    supply_said = False
    if isinstance(record, PartnerRecord):
        seeks, offers = scored.field_scores.get(SEEKS, 0.0), scored.field_scores.get(OFFERS, 0.0)
        field = SEEKS if seeks >= offers else OFFERS
        if max(seeks, offers) >= min_text_score:
            terms, related = terms_of(field)
            quoted = ", ".join(terms or related)
            verb = ("seeks what you would produce" if field == SEEKS
                    else "offers what you need")
            reasons.append(f"{record.name} {verb}" + (f": {quoted}" if quoted else ""))
            supply_said = True
    if scored.field_scores.get(PROFILE, 0.0) > 0 and not supply_said:
        sentence = _terms_sentence(*terms_of(PROFILE))
        reasons.append(sentence or "Similar wording (text similarity "
                                   f"{scored.field_scores[PROFILE]:.2f})")
    if scored.same_sector:
        reasons.append(f"Same sector: {sector_slug(idea.idea.sector)}")
    if scored.shared_language and isinstance(record, MentorRecord):
        mentor_codes = {language_code(language) for language in record.languages}
        names = [language_name(code) for code in dict.fromkeys(
            language_code(language) for language in idea.idea.languages) if code in mentor_codes]
        reasons.append("Shared language: " + ", ".join(names))
    if scored.same_region and region_name:
        reasons.append(f"Same region: {region_name}")
    if isinstance(record, MentorRecord) and record.remaining_capacity > 0:
        slots = int(record.remaining_capacity)
        reasons.append(f"Can take {slots} more mentee{'s' if slots != 1 else ''}")
    return tuple(reasons)
