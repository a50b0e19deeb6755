"""The forms a product word takes in a partner's list or a candidate's text, in its own
language and the other.

A buyer's list says "jams" where the idea says "jam", "tegle" where it says "tegla", and a
hotel writing in English seeks "jams" from a Serbian jam maker who writes "džem". About seventy
products and materials named in both languages are in `data/product_words.json`.

Forms are made by rule (English plurals, Serbian case endings), so they can meet unrelated
words: a head word is translated only through the forms of its own language (an English
"media" must not reach Serbian "med", honey, through a Serbian ending), a translation brings
only its own language's forms without their bare stem ("preda" must not bring "pred",
before), and forms that are common unrelated words are listed in the data file as never
looked for ("sire" of "šire", wider, among the forms of "sir", cheese).
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from matching.normalize import CYRILLIC_TO_LATIN, fold

_SR_ENDINGS = ("a", "e", "i", "u", "om", "ama", "ima")
_ES_AFTER = ("s", "x", "z", "ch", "sh", "o")


def english_forms(word: str) -> set[str]:
    # "-es" only where English writes it: "boxes", "tomatoes", "peaches" (not "james").
    forms = {word, word + ("es" if word.endswith(_ES_AFTER) else "s")}
    if word.endswith("ies") and len(word) > 4:
        forms.add(word[:-3] + "y")
    elif word.endswith("y") and len(word) > 3:
        forms.add(word[:-1] + "ies")
    if word.endswith("es") and len(word) > 4:
        forms.add(word[:-2])
    if word.endswith("s") and len(word) > 3:
        forms.add(word[:-1])
    return forms


def serbian_forms(word: str, with_stem: bool = True) -> set[str]:
    stem = word[:-1] if word[-1:] in "aeiou" and len(word) > 3 else word
    forms = {word, *(stem + ending for ending in _SR_ENDINGS)}
    return forms | {stem} if with_stem else forms


def word_forms(head: str) -> tuple[str, ...]:
    """Forms of a head word a partner's list may use: "jam" / "jams", "jar" / "jars",
    "berry" / "berries", "tegla" / "tegle" / "tegli", "med" / "meda". Whole words only: the
    beginnings of words met "cars" with "carpenters" and "tea" with "teachers"."""
    return tuple(sorted(english_forms(head) | serbian_forms(head)))


_OWN_FORMS = {"en": english_forms, "sr": serbian_forms}
_TRANSLATED_FORMS = {"en": english_forms, "sr": lambda word: serbian_forms(word, False)}
_OTHER = {"en": "sr", "sr": "en"}


@lru_cache(maxsize=1)
def _translations() -> dict[str, dict[str, frozenset[str]]]:
    """By language: each form of a product word -> the forms of its names in the other."""
    text = resources.files("matching").joinpath("data/product_words.json").read_text("utf-8")
    data = json.loads(text)
    never = {language: {fold(w) for w in words} for language, words in data["never"].items()}
    found: dict[str, dict[str, set[str]]] = {"en": {}, "sr": {}}
    for english, serbian in data["pairs"]:
        words = {"en": [fold(w) for w in english], "sr": [fold(w) for w in serbian]}
        for language, other in _OTHER.items():
            named = {f for w in words[other] for f in _TRANSLATED_FORMS[other](w)} - never[other]
            for form in {f for w in words[language] for f in _OWN_FORMS[language](w)}:
                found[language].setdefault(form, set()).update(named)
    return {
        language: {form: frozenset(named) for form, named in forms.items()}
        for language, forms in found.items()
    }


def head_forms(head: str, language: str | None = None) -> tuple[str, ...]:
    """`word_forms` of a head word and the forms of its name in the other language: a
    Serbian idea's "dzem" is found in an English list's "jams", an English idea's "jars" in
    "tegle". `language` ("en", "sr"): the idea's; None or another: looked up as either."""
    forms = set(word_forms(head))
    translations = _translations()
    for own in (language,) if language in _OWN_FORMS else tuple(_OWN_FORMS):
        for form in _OWN_FORMS[own](head):
            forms.update(translations[own].get(form, ()))
    return tuple(sorted(forms))


_MIN_STEM = 4
"""In a text typed without diacritics, a Serbian word is read through its case forms only when
its stem has this many letters: short stems meet common words ("medu" is "među", among, not
honey). With diacritics "meda", "vina" and "ulja" are read as written."""


def _stem_length(word: str) -> int:
    return len(word) - 1 if word[-1:] in "aeiou" and len(word) > 3 else len(word)


_LATIN = str.maketrans(CYRILLIC_TO_LATIN)
_WRITTEN = re.compile(r"\w\w+")
_BULLETS = " \t-•*–"


def _marked(word: str) -> str:
    """Lower-case Latin with the diacritics kept: "Џем" -> "džem", "Šok" -> "šok"."""
    return word.lower().translate(_LATIN)


@lru_cache(maxsize=1)
def _running_forms() -> dict[str, dict[bool, dict[str, tuple[str, ...]]]]:
    """By language, then by whether diacritics are kept: each form a product word takes in
    running text -> the names (folded) of the product in the other language."""
    text = resources.files("matching").joinpath("data/product_words.json").read_text("utf-8")
    data = json.loads(text)
    found: dict[str, dict[bool, dict[str, tuple[str, ...]]]] = {"en": {}, "sr": {}}
    for language, other in _OTHER.items():
        for kept in (False, True):
            spell = _marked if kept else fold
            never = {spell(w) for w in data["never"][language] + data["running"][language]}
            forms: dict[str, list[str]] = {}
            for pair in data["pairs"]:
                names = [fold(w) for w in pair[1 if other == "sr" else 0]]
                for word in pair[0 if language == "en" else 1]:
                    made = _OWN_FORMS[language](spell(word))
                    if language == "sr" and not kept and _stem_length(fold(word)) < _MIN_STEM:
                        made = {spell(word)}
                    for form in made - never:
                        forms.setdefault(form, []).extend(n for n in names if n not in forms[form])
            found[language][kept] = {form: tuple(names) for form, names in forms.items()}
    return found


def _starts_sentence(text: str, at: int) -> bool:
    before = text[:at].rstrip(_BULLETS)
    return not before or before[-1] in ".!?:;\n"


def translated_products(
    text: str, language: str | None, heads: frozenset[str] = frozenset()
) -> tuple[dict[str, tuple[str, ...]], int]:
    """({each product named in `text`, as first written: its names in the other language},
    how many of the text's words name one): ({"džem": ("jam",), "tegle": ("jar",)}, 3) for a
    Serbian jam maker. Nothing for a text in neither English nor Serbian.

    Read as a careful reader would, not as a word list: a text typed with diacritics is read
    with them ("šok" is no "sok", juice); a capitalised word inside a sentence is a name
    ("Jagoda Marković", "Apple", "Raspberry Pi"), an all-capitals one an acronym ("JAR",
    "SOAP"); a word of several senses ("drvo" a family tree, "jam" a traffic jam, "white
    label", listed in the data file as `senses`) counts only when the idea sells or needs it
    (`heads`, folded head words) or names another product as well."""
    if language not in _OWN_FORMS:
        return {}, 0
    kept = not text.isascii()
    forms = _running_forms()[language][kept]
    senses = _senses()[language]
    found: dict[tuple[str, ...], tuple[str, bool]] = {}
    count = 0
    for match in _WRITTEN.finditer(text):
        written = match.group()
        if written.isupper() or (
            not written.islower() and not _starts_sentence(text, match.start())
        ):
            continue
        folded = fold(written)
        names = forms.get(_marked(written) if kept else folded)
        if names is None:
            continue
        count += 1
        several = folded in senses and folded not in heads
        first = found.get(names)
        if first is None or (first[1] and not several):
            found[names] = (first[0] if first else written.lower(), several)
    if all(several for _, several in found.values()):
        return {}, 0
    return {written: names for names, (written, _) in found.items()}, count


@lru_cache(maxsize=1)
def _senses() -> dict[str, frozenset[str]]:
    text = resources.files("matching").joinpath("data/product_words.json").read_text("utf-8")
    senses = json.loads(text)["senses"]
    return {
        language: frozenset(f for w in words for f in _OWN_FORMS[language](fold(w)))
        for language, words in senses.items()
    }


def translated_forms(name: str, idea_language: str) -> tuple[str, ...]:
    """The forms a name given by `translated_products` (in the language other than the
    idea's) may take in a candidate's text."""
    return tuple(sorted(_TRANSLATED_FORMS[_OTHER[idea_language]](name)))
