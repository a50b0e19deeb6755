"""What an idea will sell and what it needs, for telling suppliers and buyers from competitors.

A partner is a supplier when it offers what the idea needs, a buyer when it seeks what the
idea will sell, and a peer (a competitor, or a colleague to learn from) when it offers what
the idea itself will sell. Ideas may say both in their own fields; otherwise both are found in
the description after phrases such as "I make", "we need", "pravim", "treba mi".
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from matching.generic import generic_words
from matching.normalize import fold
from matching.types import IdeaRecord

OFFERS, SEEKS = "offers", "seeks"
_CLAUSE = re.compile(r"[.!?;:\n]+")
# What follows these is a purpose or an audience ("jars to sell in shops", "jars for my jam"),
# not what is bought or sold.
_PURPOSE = re.compile(
    r"\s(?:to|in order to|so that|so i|so we|which|that will|da bih|da bismo|kako bih|kako bismo"
    r"|kako bi|da bi|da ih|kojim|kojom|kojima)\s"
)
# A new verb joined by "and"/"but" starts another thought: "I make jam at home and want HACCP
# advice" sells jam, not advice.
_NEXT_THOUGHT = re.compile(
    r"\s(?:and|but|while|i|a|ali|pa)\s+(?:(?:i|we|also|still|now|really|ja|mi|jos|takode)\s+)*"
    r"(?:want|wants|need|needs|would|plan|plans|hope|am|are|will|intend|zelim|zelimo|trebam|"
    r"treba|trebaju|planiram|planiramo|hocu|hocemo|nameravam)\b"
)
_EDGE_WORDS = {"and", "i", "we", "but", "so", "to", "a", "an", "the", "also", "then", "i'm",
               "it", "them", "my", "our", "te", "ali", "pa", "da", "jos", "takode"}  # fmt: skip
# Where and how a product is made is not the product: "raspberry jam at home from my own
# orchard" is jam to a buyer, and the rest dilutes it against the buyer's list ("pecurke u
# preuredenoj stali tokom cele godine": mushrooms, not a barn or the whole year).
_CIRCUMSTANCE = re.compile(r"(?:^|\s)(?:at|on|in|near|u|na|tokom|pored|oko)\s")
# What it is made from ends the whole list: "benches, tables and pergolas from locust and oak
# wood" sells no wood.
_ORIGIN = re.compile(r"\s(?:from|out of)\s")


# Items of a list of products: "raspberry jam and plum jam", "sir, kajmak i med".
_ITEMS = re.compile(r"\s*(?:,(?!\d)|[;/&+]|\s(?:and|or|i|ili|te|kao i)\s)\s*")
# What follows names a kind or an origin, not the product: "dzem od malina", "tegle za med".
_OF = re.compile(r"\s(?:od|za|sa|iz|of|for|with)\s")
# "džem od malina i kupina", "jam of raspberries and plums": what follows "od" / "of" runs on
# over the next items, which are not products of their own.
_MADE_OF = re.compile(r"\s(?:od|of)\s")
_WORD = re.compile(r"[^\W\d_][\w'-]*")


@lru_cache(maxsize=1)
def _cues() -> dict:
    """`data/supply_cues.json`: cue phrases of offers and seeks, and quantity words."""
    return json.loads(resources.files("matching").joinpath("data/supply_cues.json").read_text())


@lru_cache(maxsize=1)
def _measures() -> frozenset[str]:
    return frozenset(word for words in _cues()["measures"].values() for word in words)


def head_words(phrase: str) -> str:
    """The head noun of each item of a list of products, as plain words: "raspberry jam and
    plum jam" -> "jam", "handmade wooden souvenirs and decoration" -> "souvenirs decoration".

    In English and Serbian noun phrases the head comes last ("glass jars", "staklene tegle")
    once what follows "of"/"od" is set aside. A buyer's list ("...honey, jams, wine...")
    contains the head of what the idea sells even when it names no variety of it."""
    heads: list[str] = []
    for part in fold(phrase or "").split(";"):  # phrases of several cues ("jam; honey")
        for item in _ITEMS.split(part):
            head, *rest = _OF.split(item, maxsplit=1)
            words = _WORD.findall(head)
            if rest and words and words[-1] in _measures():
                # "two hectares of raspberries", "500 tegli od meda": the product follows.
                _add_head(heads, _WORD.findall(_OF.split(rest[0], maxsplit=1)[0]))
                continue
            _add_head(heads, words)
            if _MADE_OF.search(item):
                break
    return " ".join(heads)


def _add_head(heads: list[str], words: list[str]) -> None:
    """The last word of an item, unless it is generic: "consulting services" is about
    consulting, "HACCP advice" about HACCP."""
    while words and (
        words[-1] in _EDGE_WORDS or words[-1] in generic_words() or len(words[-1]) < 3
    ):
        words.pop()
    if words and words[-1] not in heads:
        heads.append(words[-1])


@dataclass(frozen=True)
class SupplyText:
    """What an idea offers and seeks, and whether the idea said so itself."""

    offers: str
    seeks: str
    stated: bool

    @property
    def known(self) -> bool:
        return bool(self.offers or self.seeks)


@lru_cache(maxsize=1)
def _cue_pattern() -> re.Pattern[str]:
    data = _cues()
    cues = {
        cue: kind
        for kind in (OFFERS, SEEKS)
        for language in data[kind].values()
        for cue in language
    }
    _CUE_KIND.update(cues)
    alternatives = "|".join(re.escape(cue) for cue in sorted(cues, key=len, reverse=True))
    return re.compile(rf"(?<![\w'])(?:{alternatives})(?![\w'])")


_CUE_KIND: dict[str, str] = {}


def _trim(phrase: str) -> str:
    words = phrase.split()
    while words and words[0] in _EDGE_WORDS:
        words.pop(0)
    while words and words[-1] in _EDGE_WORDS:
        words.pop()
    return " ".join(words).strip(" ,")


def _without_circumstances(phrase: str) -> str:
    """Each listed item up to where its place or time begins: "paradajz u plastenicima i
    papriku na otvorenom" sells "paradajz i papriku" (cut as a whole, it sold tomatoes only);
    the whole list up to what it is made from."""
    parts = re.split(f"({_ITEMS.pattern})", _ORIGIN.split(phrase, maxsplit=1)[0])
    kept: list[str] = []
    for position in range(0, len(parts), 2):
        item = _trim(_CIRCUMSTANCE.split(parts[position], maxsplit=1)[0])
        if item:
            kept += [parts[position - 1], item] if kept else [item]
    return _trim("".join(kept))


def find_supply(description: str) -> tuple[str, str]:
    """(offers, seeks) phrases of a description, folded; empty strings when none is found."""
    pattern = _cue_pattern()
    found: dict[str, list[str]] = {OFFERS: [], SEEKS: []}
    for clause in _CLAUSE.split(fold(description or "")):
        cues = list(pattern.finditer(clause))
        for position, cue in enumerate(cues):
            end = cues[position + 1].start() if position + 1 < len(cues) else len(clause)
            phrase = _PURPOSE.split(clause[cue.end() : end], maxsplit=1)[0]
            phrase = _trim(_NEXT_THOUGHT.split(phrase, maxsplit=1)[0])
            kind = _CUE_KIND[cue.group(0)]
            if kind == OFFERS:
                phrase = _without_circumstances(phrase)
            if phrase and phrase not in found[kind]:
                found[kind].append(phrase)
    return "; ".join(found[OFFERS]), "; ".join(found[SEEKS])


def supply_text(idea: IdeaRecord) -> SupplyText:
    """The idea's own offers/seeks when it gave any, else what its description says."""
    offers, seeks = (idea.offers or "").strip(), (idea.seeks or "").strip()
    if offers or seeks:
        return SupplyText(offers, seeks, stated=True)
    found_offers, found_seeks = find_supply(f"{idea.title or ''}.\n{idea.description or ''}")
    return SupplyText(found_offers, found_seeks, stated=False)
