"""Text folding (Serbian Cyrillic and diacritics to plain ASCII Latin) and tokenising."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from matching.stopwords import STOP_WORDS

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


# Every accented letter of the Latin blocks (é, ü, ő, ł ...) folded once, at import: one
# `str.translate` then does in C what decomposing each text character by character did.
_ACCENTS = {
    chr(code): _without_marks(chr(code))
    for code in range(0x00C0, 0x0250)
    if _without_marks(chr(code)) != chr(code) and _without_marks(chr(code)).isascii()
}
_FOLD_TABLE = str.maketrans({**_ACCENTS, **CYRILLIC_TO_LATIN, **_LATIN_FOLDS})
_SECOND_PASS = str.maketrans({**_ACCENTS, **_LATIN_FOLDS})
_TOKEN = re.compile(r"\w\w+")


def fold(text: str) -> str:
    """Lower-case, transliterate Serbian Cyrillic, strip diacritics and merge dj/đ/d.

    "Đurđevo", "Djurdjevo" and "Durdevo" all fold to "durdevo"; "Ниш" and "Niš" to "nis".
    """
    folded = text.lower().translate(_FOLD_TABLE).translate(_SECOND_PASS)
    if not folded.isascii():
        # Whatever is left (curly quotes, dashes, letters of other scripts) char by char, cached.
        folded = _NON_ASCII.sub(_fold_match, folded)
    return folded.replace("dj", "d")


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    return _without_marks(char)


def _fold_match(found: re.Match) -> str:
    return _fold_char(found.group())


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
        grams.extend(" ".join(words[i : i + size]) for i in range(len(words) - size + 1))
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
