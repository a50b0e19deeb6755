"""Which products an idea's running text names, read as a careful reader would.

A word list would find "sok" (juice) in "Šok cene", a strawberry in "Jagoda Marković", wood in
a family tree ("porodično drvo"), jam in a "game jam" and apples in "info@jabuka.rs". Here a
text is read with the diacritics its words are typed with; a capitalised word inside a
sentence is a name ("Apple", "Raspberry Pi") and an all-capitals one an acronym ("JAR"),
unless the whole line is written so ("Prodaja Meda I Voska", "ПРАВИМ ДЖЕМ"); a word that is
also a first name ("Višnja i ja...") counts only in lower case; addresses are skipped; and a
word of several senses (`senses` in `data/product_words.json`) counts only when the idea sells
or needs it.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from matching.normalize import CYRILLIC_TO_LATIN, fold
from matching.product_words import OTHER, OWN_FORMS, product_data

_MIN_STEM = 4
"""In a text typed without diacritics, a Serbian product is read through its case forms only
when its stem has this many letters: short stems meet common words ("medu" is "među", among,
not honey). Where the text has diacritics, "meda", "vina" and "ulja" are read as written."""
_LATIN = str.maketrans(CYRILLIC_TO_LATIN)
_WRITTEN = re.compile(r"\w\w+")
_ADDRESSES = re.compile(r"\S+@\S+|(?:https?://|www\.)\S+")
_OPENERS = ".!?:;,)"
"""After these a word may be capitalised without being a name: "Proizvodi: Džem, Pekmez"."""
_BULLETS = " \t-•*–"
_SHOUTED_SHARE = 0.8


def _stem_length(word: str) -> int:
    return len(word) - 1 if word[-1:] in "aeiou" and len(word) > 3 else len(word)


def _marked(word: str) -> str:
    """Lower-case Latin with the diacritics kept: "Џем" -> "džem", "Šok" -> "šok"."""
    return word.lower().translate(_LATIN)


@lru_cache(maxsize=1)
def _running_forms() -> dict[str, dict[bool, dict[str, tuple[str, ...]]]]:
    """By language, then by whether the word carries diacritics (or is Cyrillic): each form a
    product takes in running text -> the product's names (folded) in the other language."""
    data = product_data()
    found: dict[str, dict[bool, dict[str, tuple[str, ...]]]] = {"en": {}, "sr": {}}
    for language, other in OTHER.items():
        for marked in (False, True):
            spell = _marked if marked else fold
            never = {spell(w) for w in data["never"][language] + data["running"][language]}
            forms: dict[str, list[str]] = {}
            for pair in data["pairs"]:
                names = [fold(w) for w in pair[1 if other == "sr" else 0]]
                for word in pair[0 if language == "en" else 1]:
                    made = OWN_FORMS[language](spell(word))
                    if language == "sr" and not marked and _stem_length(fold(word)) < _MIN_STEM:
                        made = {spell(word)}
                    for form in made - never:
                        forms.setdefault(form, []).extend(n for n in names if n not in forms[form])
            found[language][marked] = {form: tuple(names) for form, names in forms.items()}
    return found


@lru_cache(maxsize=1)
def _word_sets() -> dict[str, dict[str, frozenset[str]]]:
    """By list ("senses", "first_names"), by language: every form of the listed words, folded."""
    data = product_data()
    return {
        name: {
            language: frozenset(f for w in words for f in OWN_FORMS[language](fold(w)))
            for language, words in data[name].items()
        }
        for name in ("senses", "first_names")
    }


def _starts_sentence(line: str, at: int) -> bool:
    before = line[:at].rstrip(_BULLETS)
    return not before or before[-1] in _OPENERS or before[-1].isdigit()


def _shouted(words: list[str]) -> bool:
    """A line in Title Case or capitals ("Prodaja Meda I Voska Sa Kopaonika"): its capitals
    say nothing about names."""
    return len(words) > 1 and sum(not w.islower() for w in words) >= _SHOUTED_SHARE * len(words)


def translated_products(
    text: str, language: str | None, heads: frozenset[str] = frozenset()
) -> tuple[dict[str, tuple[str, ...]], int]:
    """({each product named in `text`, as first written: its names in the other language},
    how many of the text's words name one): ({"džem": ("jam",), "tegle": ("jar",)}, 3) for a
    Serbian jam maker. Nothing for a text in neither English nor Serbian. `heads`: the folded
    head words of what the idea sells or needs (`supply.head_words`)."""
    if language not in OWN_FORMS:
        return {}, 0
    forms = _running_forms()[language]
    senses, first_names = (_word_sets()[name][language] for name in ("senses", "first_names"))
    found: dict[tuple[str, ...], str] = {}
    count = 0
    text = _ADDRESSES.sub(" ", unicodedata.normalize("NFC", text or ""))
    # A writer who types diacritics (or Cyrillic) means a word without them as written:
    # "meda", "vina", "sok"; "šok" is no "sok".
    marked = not text.isascii()
    for line in text.split("\n"):
        matches = list(_WRITTEN.finditer(line))
        shouted = _shouted([m.group() for m in matches])
        for match in matches:
            written = match.group()
            folded = fold(written)
            if not shouted and not written.islower():
                if written.isupper() or not _starts_sentence(line, match.start()):
                    continue  # a name or an acronym
                if folded in first_names:
                    continue  # "Višnja i ja..."
            names = forms[True].get(_marked(written)) if marked else None
            if names is None and written.isascii():
                names = forms[False].get(folded)  # "dzem" typed without its marks
            if names is None or (folded in senses and folded not in heads):
                continue
            count += 1
            found.setdefault(names, written.lower())
    return {written: names for names, written in found.items()}, count
