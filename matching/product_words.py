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
from functools import lru_cache
from importlib import resources

from matching.normalize import fold

_SR_ENDINGS = ("a", "e", "i", "u", "om", "ama", "ima")
_SR_PLURALS = ("i", "e", "a", "ima")
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
    if stem == word and sum(letter in "aeiou" for letter in word) == 1:
        # One syllable: the plural grows "-ov-" or "-ev-" ("sokovi", "sireve", "čajevima").
        forms |= {word + grown + end for grown in ("ov", "ev") for end in _SR_PLURALS}
    return forms | {stem} if with_stem else forms


def word_forms(head: str) -> tuple[str, ...]:
    """Forms of a head word a partner's list may use: "jam" / "jams", "jar" / "jars",
    "berry" / "berries", "tegla" / "tegle" / "tegli", "med" / "meda". Whole words only: the
    beginnings of words met "cars" with "carpenters" and "tea" with "teachers"."""
    return tuple(sorted(english_forms(head) | serbian_forms(head)))


OWN_FORMS = {"en": english_forms, "sr": serbian_forms}
_TRANSLATED_FORMS = {"en": english_forms, "sr": lambda word: serbian_forms(word, False)}
OTHER = {"en": "sr", "sr": "en"}


@lru_cache(maxsize=1)
def product_data() -> dict:
    """`data/product_words.json`, read once: the pairs and the word lists beside them."""
    text = resources.files("matching").joinpath("data/product_words.json").read_text("utf-8")
    return json.loads(text)


@lru_cache(maxsize=1)
def _translations() -> dict[str, dict[str, frozenset[str]]]:
    """By language: each form of a product word -> the forms of its names in the other."""
    data = product_data()
    never = {language: {fold(w) for w in words} for language, words in data["never"].items()}
    found: dict[str, dict[str, set[str]]] = {"en": {}, "sr": {}}
    for english, serbian in data["pairs"]:
        words = {"en": [fold(w) for w in english], "sr": [fold(w) for w in serbian]}
        for language, other in OTHER.items():
            named = {f for w in words[other] for f in _TRANSLATED_FORMS[other](w)} - never[other]
            for form in {f for w in words[language] for f in OWN_FORMS[language](w)}:
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
    for own in (language,) if language in OWN_FORMS else tuple(OWN_FORMS):
        for form in OWN_FORMS[own](head):
            forms.update(translations[own].get(form, ()))
    return tuple(sorted(forms))


def translated_forms(name: str, idea_language: str) -> tuple[str, ...]:
    """The forms a name given by `translated_products` (in the language other than the
    idea's) may take in a candidate's text."""
    return tuple(sorted(_TRANSLATED_FORMS[OTHER[idea_language]](name)))
