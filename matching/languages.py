"""Which language a text is written in, told from its function words.

Two texts in different languages share almost no words, so word and topic likeness says
nothing about them; only the multilingual meaning view can compare a Serbian idea with an
English mentor profile (`matching.scoring`). A text is given a language only when its
function words say so clearly; anything else is "unknown" and scored as before.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from matching.normalize import fold

UNKNOWN = 0
_WORD = re.compile(r"[a-z]+")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_SERBIAN_LETTERS = re.compile(r"[čćžšđČĆŽŠĐ]")
_MIN_HITS = 2
_PREFIX = 240
"""Characters read: a few sentences tell the language, and a fit reads every candidate."""
_LEAD = 2.0
"""The winning language needs at least this many times the runner-up's function words."""


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
    names, owner = _function_words()
    text = (text or "")[:_PREFIX]
    counts = [0] * (len(names) + 1)
    get = owner.get
    for word in _WORD.findall(fold(text)):
        counts[get(word, 0)] += 1
    counts[0] = 0
    if not text.isascii():
        serbian = names.index("sr") + 1
        if _CYRILLIC.search(text):
            counts[serbian] += _MIN_HITS
        elif _SERBIAN_LETTERS.search(text):
            counts[serbian] += 1
    ranked = sorted(range(1, len(counts)), key=counts.__getitem__, reverse=True)
    best, runner_up = counts[ranked[0]], counts[ranked[1]] if len(ranked) > 1 else 0
    if best >= _MIN_HITS and best >= _LEAD * runner_up:
        return ranked[0]
    return UNKNOWN
