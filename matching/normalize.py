"""Text folding (Serbian Cyrillic and diacritics to plain ASCII Latin) and tokenising."""

from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache
from importlib import resources

from matching.stopwords import STOP_WORDS

_ANY_WORD = re.compile(r"\w+")

CYRILLIC_TO_LATIN = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "ђ": "đ", "е": "e", "ж": "ž",
    "з": "z", "и": "i", "ј": "j", "к": "k", "л": "l", "љ": "lj", "м": "m", "н": "n",
    "њ": "nj", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "ћ": "ć", "у": "u",
    "ф": "f", "х": "h", "ц": "c", "ч": "č", "џ": "dž", "ш": "š",
}  # fmt: skip
_LATIN_FOLDS = {"č": "c", "ć": "c", "š": "s", "ž": "z", "đ": "d", "ß": "ss", "æ": "ae", "ø": "o"}


def _without_marks(char: str) -> str:
    decomposed = unicodedata.normalize("NFKD", char)
    return "".join(part for part in decomposed if not unicodedata.combining(part))


# Every accented letter of the Latin blocks (é, ü, ő, ł ...) folded once, at import, instead
# of decomposing each character of each text.
_ACCENTS = {
    chr(code): _without_marks(chr(code))
    for code in range(0x00C0, 0x0250)
    if _without_marks(chr(code)) != chr(code) and _without_marks(chr(code)).isascii()
}
_SECOND_PASS = {**_ACCENTS, **_LATIN_FOLDS}
# Each non-ASCII character's folding, filled at import for Serbian and the Latin accents and
# on first sight for any other character. Cyrillic first becomes Serbian Latin ("ђ" -> "đ"),
# then loses its marks ("đ" -> "d"): both steps are composed here.
_FOLDS: dict[str, str] = {
    **_SECOND_PASS,
    **{
        char: "".join(_SECOND_PASS.get(part, part) for part in latin)
        for char, latin in CYRILLIC_TO_LATIN.items()
    },
}
_TOKEN = re.compile(r"\w\w+")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def fold(text: str) -> str:
    """Lower-case, transliterate Serbian Cyrillic, strip diacritics and merge dj/đ/d.

    "Đurđevo", "Djurdjevo" and "Durdevo" all fold to "durdevo"; "Ниш" and "Niš" to "nis".
    Only the non-ASCII characters are visited (a `str.translate` over the whole text cost
    five times more on French descriptions).
    """
    folded = text.lower()
    if not folded.isascii():
        folded = _NON_ASCII.sub(_fold_match, folded)
    return folded.replace("dj", "d")


def _fold_match(found: re.Match, known=_FOLDS.get) -> str:
    char = found.group()
    folded = known(char)
    if folded is None:
        folded = _FOLDS[char] = _without_marks(char)
    return folded


def tokens(text: str) -> list[str]:
    """Folded word tokens of at least two characters, without stop words or bare numbers."""
    return [
        token
        for token in _TOKEN.findall(fold(text))
        if token not in STOP_WORDS and not token.isdigit()
    ]


def word_ngrams(words: list[str], ngram_range: tuple[int, int]) -> list[str]:
    """Word n-grams of the given sizes, joined by single spaces, unigrams first."""
    low, high = ngram_range
    grams = list(words) if low <= 1 else []
    for size in range(max(low, 2), high + 1):
        grams.extend(map(" ".join, zip(*(words[start:] for start in range(size)), strict=False)))
    return grams


@lru_cache(maxsize=65_536)
def fold_word(word: str) -> str:
    """`fold` for single words, cached (ideas repeat their words a lot)."""
    return fold(word)


def surface_forms(text: str) -> dict[str, str]:
    """Map each folded token of `text` to the way it was first written there."""
    forms: dict[str, str] = {}
    for written in _TOKEN.findall(text):
        forms.setdefault(fold_word(written), written)
    return forms


@lru_cache(maxsize=1)
def _empty_words() -> frozenset[str]:
    """Stop words and every listed function word (English, Serbian, French, German), folded."""
    data = json.loads(resources.files("matching").joinpath("data/function_words.json").read_text())
    listed = (fold(w) for name, words in data.items() if not name.startswith("_") for w in words)
    return STOP_WORDS | frozenset(listed)


def has_content_words(text: str) -> bool:
    """Whether `text` has a word of two letters or more that is not a stop or function word.

    "the and of a" has none: its meaning vector would be the mean of function words, close to
    anything written in English, and candidates would be proposed "close in meaning" to nothing.
    """
    empty = _empty_words()
    return any(
        len(word) > 1 and not word.isdigit() and fold_word(word) not in empty
        for word in _ANY_WORD.findall((text or "").lower())
    )
