"""Short human sentences explaining why a candidate was proposed for an idea."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable

import numpy as np

from matching.generic import GenericTerms
from matching.normalize import fold, surface_forms, tokens
from matching.scoring import BUYER, GENERAL, PEER, SUPPLIER, ScoredRow
from matching.signals import language_code, language_name, sector_slug
from matching.types import CandidateRecord, IdeaRecord, MentorRecord, PartnerRecord

_RELATED_PREFIX = 5
_SENTENCE = re.compile(r"(?<=[.!?;])\s+|\n+")
_WORD = re.compile(r"\w\w+")
_QUOTE_WORDS = 18
RELATION_VERBS = {
    SUPPLIER: "offers what you need",
    BUYER: "seeks what you would produce",
    PEER: "offers what you will sell too (a peer or competitor, not a supplier)",
}


class IdeaTerms:
    """The word TF-IDF entries of one idea text (sorted by word index) and how it was written."""

    def __init__(self, text: str, indices: np.ndarray, weights: np.ndarray) -> None:
        order = np.argsort(indices)
        self.text = text
        self.indices = indices[order]
        self.weights = weights[order]
        self._forms: dict[str, str] | None = None
        self._pairs: set[str] | None = None

    @property
    def tokens(self) -> list[str]:
        return tokens(self.text)

    def written(self, phrase: str) -> bool:
        """Whether the idea wrote the words of a folded phrase side by side: "glass jars" is a
        phrase of "glass jars with lids", "jars lids" (a stop word taken out) is not."""
        if self._pairs is None:
            words = _WORD.findall(fold(self.text))
            self._pairs = {f"{first} {second}" for first, second in itertools.pairwise(words)}
        return phrase in self._pairs

    def display(self, term: str) -> str:
        """A folded term written back the way the idea wrote it."""
        if self._forms is None:
            self._forms = surface_forms(self.text)
        return " ".join(self._forms.get(part, part) for part in term.split(" "))


def shared_words(
    idea: IdeaTerms, row: tuple[np.ndarray, np.ndarray]
) -> tuple[np.ndarray, np.ndarray]:
    """(word columns, products of the TF-IDF weights) of the words both texts have."""
    indices, weights = row
    if idea.indices.size == 0 or indices.size == 0:
        return indices[:0], weights[:0]
    at = np.searchsorted(idea.indices, indices)
    at[at == idea.indices.size] = 0
    mask = idea.indices[at] == indices
    return indices[mask], weights[mask] * idea.weights[at[mask]]


def shared_terms(
    idea: IdeaTerms,
    row: tuple[np.ndarray, np.ndarray],
    word_terms: list[str],
    limit: int,
    generic: GenericTerms | None = None,
) -> list[str]:
    """Readable terms with the largest TF-IDF products, skipping words already quoted.

    Generic words ("small", a lone "cold") are never quoted; a phrase the idea wrote is
    quoted instead of its single words ("cold storage" rather than "storage, cold")."""
    indices, values = shared_words(idea, row)
    terms = [
        word_terms[int(index)]
        for index in indices[np.lexsort((indices, -values))]
        if generic is None or not generic(int(index))
    ]
    terms = [term for term in terms if " " not in term or idea.written(term)]
    phrases = [term.split(" ") for term in terms if " " in term]
    chosen: list[str] = []
    covered: set[str] = set()
    for term in terms:
        parts = term.split(" ")
        if len(parts) == 1:
            parts = next((p for p in phrases if term in p and covered.isdisjoint(p)), parts)
        if any(part in covered for part in parts):
            continue
        chosen.append(idea.display(" ".join(parts)))
        covered.update(parts)
        if len(chosen) == limit:
            break
    return chosen


def listed_words(
    heads: tuple[np.ndarray, ...],
    row_words: np.ndarray,
    word_terms: list[str],
    n_char: int,
    limit: int,
) -> list[str]:
    """The words of a partner's list that hold the idea's head words (`IdeaQuery.heads`: per
    head, the columns of its forms in both languages), as the list writes them: "jams" for a
    Serbian idea's "džem", where no word is shared to quote. `row_words`: the row's word
    indices, counted from the first word column."""
    present = set(row_words.tolist())
    found: list[str] = []
    for columns in heads:
        word = _first_present(columns, present, n_char)
        if word is not None and word_terms[word] not in found:
            found.append(word_terms[word])
    return found[:limit]


def _first_present(columns: np.ndarray, present: set[int], n_char: int) -> int | None:
    """The first of these columns that a row has, as a word index (None: none of them)."""
    return next((c - n_char for c in columns.tolist() if c - n_char in present), None)


def translated_words(
    translated: tuple[tuple[str, np.ndarray], ...],
    row_words: np.ndarray,
    word_terms: list[str],
    n_char: int,
    limit: int,
    written: dict[str, str],
) -> list[str]:
    """Each product of the idea that the row names in the other language, as "džem ~ jam":
    the idea's word as the idea writes it (`IdeaQuery.translated_words`), the row's word as
    the candidate writes it (`written`: folded -> written, `normalize.surface_forms`)."""
    present = set(row_words.tolist())
    found: list[str] = []
    for idea_word, columns in translated:
        word = _first_present(columns, present, n_char)
        if word is not None:
            theirs = written.get(word_terms[word], word_terms[word]).lower()
            found.append(f"{idea_word} ~ {theirs}")
    return found[:limit]


def related_words(
    idea: IdeaTerms,
    row_indices: np.ndarray,
    word_terms: list[str],
    limit: int,
    generic: GenericTerms | None = None,
):
    """Idea words meeting a candidate word only through a shared stem (inflection)."""
    by_prefix: dict[str, str] = {}
    for index in row_indices:
        term = word_terms[int(index)]
        if " " not in term and len(term) >= _RELATED_PREFIX:
            if generic is None or not generic(int(index)):
                by_prefix.setdefault(term[:_RELATED_PREFIX], term)
    found: list[str] = []
    for token in dict.fromkeys(idea.tokens):
        if generic is not None and generic.word(token):
            continue
        match = by_prefix.get(token[:_RELATED_PREFIX])
        if len(token) >= _RELATED_PREFIX and match is not None and match != token:
            found.append(f"{idea.display(token)} ~ {match}")
            if len(found) == limit:
                break
    return found


def sentences(text: str) -> list[str]:
    """The sentences (or lines) of a candidate text, each cut to a quotable length."""
    found = []
    for sentence in _SENTENCE.split(text or ""):
        words = sentence.split()
        if len(words) >= 2:
            cut = " ".join(words[:_QUOTE_WORDS])
            found.append(cut + ("…" if len(words) > _QUOTE_WORDS else ""))
    return found


Closest = Callable[[str], str | None]
"""Given a candidate text, its sentence closest in meaning to the idea (or None)."""


def text_reasons(
    scored: ScoredRow,
    relation: str,
    terms: list[str],
    related: bool,
    closest: str | None,
    record: CandidateRecord,
) -> list[str]:
    """Reasons about the text: what the partner offers or seeks, shared words, and the closest
    sentence when meaning rather than shared words carried the match."""
    tfidf, dense = scored.parts.get(relation, (0.0, 0.0))
    quoted = f"“{closest}”" if closest else ""
    if relation in RELATION_VERBS and isinstance(record, PartnerRecord):
        what = ", ".join(terms) if terms else quoted
        return [f"{record.name} {RELATION_VERBS[relation]}" + (f": {what}" if what else "")]
    reasons = []
    if terms:
        reasons.append(("Related words: " if related else "Shared terms: ") + ", ".join(terms))
    if closest and quote_meaning(scored, relation, terms):
        reasons.append(f"Close in meaning: {quoted}")
    if not reasons and (tfidf > 0 or dense > 0):
        reasons.append(f"Similar wording (text similarity {scored.text:.2f})")
    return reasons


def signal_reasons(
    idea: IdeaRecord, record: CandidateRecord, scored: ScoredRow, region_name: str | None
) -> list[str]:
    reasons = []
    if scored.same_sector:
        reasons.append(f"Same sector: {sector_slug(idea.sector)}")
    if scored.shared_language and isinstance(record, MentorRecord):
        mentor_codes = {language_code(language) for language in record.languages}
        idea_codes = dict.fromkeys(language_code(language) for language in idea.languages)
        names = [language_name(code) for code in idea_codes if code in mentor_codes]
        reasons.append("Shared language: " + ", ".join(names))
    if scored.same_region and region_name:
        reasons.append(f"Same region: {region_name}")
    return reasons


def quote_meaning(scored: ScoredRow, relation: str, terms: list[str]) -> bool:
    """Whether the meaning views, not shared words, carried this match's text score."""
    tfidf, dense = scored.parts.get(relation, (0.0, 0.0))
    return dense > 0 and (not terms or dense > 2 * tfidf)


__all__ = [
    "GENERAL",
    "GenericTerms",
    "IdeaTerms",
    "quote_meaning",
    "related_words",
    "sentences",
    "shared_terms",
    "shared_words",
    "signal_reasons",
    "text_reasons",
]
