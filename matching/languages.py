"""Which language a text is written in, told from its function words.

Two texts in different languages share almost no words, so word and topic likeness says
nothing about them; only the multilingual meaning view can compare a Serbian idea with an
English mentor profile (`matching.scoring`). A text is given a language only when its
function words say so clearly; anything else is "unknown" and scored as before.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources

import numpy as np

from matching.normalize import fold

UNKNOWN = 0
_LETTERS = re.compile(r"[a-z]+")
_END = "\x00"
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_SERBIAN_LETTERS = re.compile(r"[čćžšđČĆŽŠĐ]")
_SERBIAN_OR_CYRILLIC = re.compile(r"[čćžšđČĆŽŠĐ\u0400-\u04ff]")
_MIN_HITS = 2
_PREFIX = 240
"""Characters read: a few sentences tell the language, and a fit reads every candidate."""
_LEAD = 2.0
"""The winning language needs at least this many times the runner-up's function words."""
_BATCH = 2_000
_CACHE_LIMIT = 500_000
_code_of_word: defaultdict[str, int] = defaultdict(lambda: -1)
"""Written word -> language code of its folded form (0: no function word; -1 reads as unseen)."""


@lru_cache(maxsize=1)
def _function_words() -> tuple[tuple[str, ...], dict[str, int]]:
    data = json.loads(resources.files("matching").joinpath("data/function_words.json").read_text())
    names = tuple(name for name in data if not name.startswith("_"))
    owner: dict[str, int] = {}
    for code, name in enumerate(names, start=1):
        for word in data[name]:
            # A word listed for two languages tells neither.
            owner[word] = -1 if word in owner and owner[word] != code else code
    return names, {word: code for word, code in owner.items() if code > 0}


def language_names() -> tuple[str, ...]:
    """Language names by code (code 1 is the first name)."""
    return _function_words()[0]


def text_language(text: str) -> int:
    """The language code of `text` (1-based index into `language_names()`), or UNKNOWN."""
    return int(text_languages([text])[0])


def text_languages(texts: Sequence[str]) -> np.ndarray:
    """The language code of each text (int8), told from the function words of its beginning.

    Texts are read in batches: each batch's beginnings joined and split in one pass, each
    distinct written word folded once, the function words counted with NumPy (a fit tells
    the language of every candidate; one call per text cost 1.4 s of a 100k fit).
    """
    names, _ = _function_words()
    out = np.zeros(len(texts), np.int8)
    width = len(names) + 1
    for start in range(0, len(texts), _BATCH):
        heads = [
            (text or "")[:_PREFIX].replace(_END, " ") for text in texts[start : start + _BATCH]
        ]
        # Split at white space only: each distinct chunk as written is folded once, and
        # counts for the first function word among its letters ("l'entreprise", "(and").
        codes = _word_codes(f" {_END} ".join(heads).split() + [_END], width)
        ends = codes == width
        documents = np.cumsum(ends) - ends
        counts = np.bincount(documents * (width + 1) + codes, minlength=len(heads) * (width + 1))
        counts = counts.reshape(len(heads), width + 1)[:, :width]
        counts[:, 0] = 0
        if any(map(_SERBIAN_OR_CYRILLIC.search, heads)):
            for row in np.flatnonzero([not head.isascii() for head in heads]).tolist():
                _add_letters(counts[row], heads[row], names)
        out[start : start + len(heads)] = _decide(counts)
    return out


def _word_codes(words: list[str], end_code: int) -> np.ndarray:
    """Each word's language code (`end_code` for the end-of-text mark)."""
    known = _code_of_word
    codes = np.fromiter(map(known.__getitem__, words), np.int64, len(words))
    unseen = np.flatnonzero(codes < 0)
    if len(unseen):
        owner = _function_words()[1]
        missing = [words[i] for i in unseen.tolist()]
        fresh = {}
        for word in dict.fromkeys(missing):
            found = (owner.get(part, 0) for part in _LETTERS.findall(fold(word)))
            fresh[word] = end_code if word == _END else next((code for code in found if code), 0)
        codes[unseen] = np.fromiter(map(fresh.__getitem__, missing), np.int64, len(missing))
        if len(known) > _CACHE_LIMIT:
            known.clear()
        known.update(fresh)
    return codes


def _add_letters(counts, text: str, names: tuple[str, ...]) -> None:
    """Cyrillic letters, or Serbian Latin ones, count towards Serbian."""
    if text.isascii():
        return
    serbian = names.index("sr") + 1
    if _CYRILLIC.search(text):
        counts[serbian] += _MIN_HITS
    elif _SERBIAN_LETTERS.search(text):
        counts[serbian] += 1


def _decide(counts: np.ndarray) -> np.ndarray:
    """Each row's winning language, as `text_language` decides it (ties go to the lower code)."""
    languages = counts[:, 1:]
    best_code = np.argmax(languages, axis=1)
    best = languages[np.arange(len(languages)), best_code]
    runner_up = np.sort(languages, axis=1)[:, -2] if languages.shape[1] > 1 else 0 * best
    clear = (best >= _MIN_HITS) & (best >= _LEAD * runner_up)
    return np.where(clear, best_code + 1, UNKNOWN).astype(np.int8)
