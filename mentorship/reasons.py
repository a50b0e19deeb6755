"""Match reasons in the reader's language: the matching library writes them as English sentences.

The stored reasons (and the API) stay English; pages rebuild each known sentence with gettext.
A mentor's free places are not taken from the stored reasons: they are counted when shown.
The library addresses the idea's author ("offers what you need"); a reader who is not the
author (the programme lead, a partner) reads the same reason in the third person ("offers what
the idea needs"): `localise_reason(text, third_person=True)`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from flask_babel import format_decimal, gettext, ngettext

from mentorship.i18n import current_language
from mentorship.vocab import LANGUAGE_NAMES, LANGUAGE_NAMES_SR, sector_label

# The library writes the English names of the interface's languages, and of a few more.
LANGUAGE_NAMES_IN_SERBIAN: dict[str, str] = {
    **{LANGUAGE_NAMES[code]: name for code, name in LANGUAGE_NAMES_SR.items()},
    "Slovak": "Slovački",
    "Montenegrin": "Crnogorski",
    "Romani": "Romski",
}


def _language(name: str) -> str:
    """A language's name in the current language (Serbian writes it in lower case mid-sentence)."""
    if current_language() != "sr":
        return name
    translated = LANGUAGE_NAMES_IN_SERBIAN.get(name)
    return translated.lower() if translated else name


def _shared_terms(found: re.Match) -> str:
    return gettext("Shared terms: %(terms)s", terms=found["terms"])


def _related_words(found: re.Match) -> str:
    return gettext("Related words: %(words)s", words=found["words"])


def _similar_wording(found: re.Match) -> str:
    score = format_decimal(float(found["score"]), format="0.00")
    return gettext("Similar wording (text similarity %(score)s)", score=score)


def _same_sector(found: re.Match) -> str:
    return gettext(
        "Same sector: %(sector)s", sector=sector_label(found["sector"], current_language())
    )


def _shared_language(found: re.Match) -> str:
    names = [_language(name) for name in found["languages"].split(", ")]
    return ngettext(
        "Shared language: %(languages)s",
        "Shared languages: %(languages)s",
        len(names),
        languages=", ".join(names),
    )


def _same_region(found: re.Match) -> str:
    return gettext("Same region: %(region)s", region=found["region"])


def _capacity(found: re.Match) -> str:
    return ngettext(
        "Can take %(num)d more mentee", "Can take %(num)d more mentees", int(found["count"])
    )


def _seeks(found: re.Match) -> str:
    if found["terms"] is None:
        return gettext("%(partner)s seeks what you would produce", partner=found["partner"])
    return gettext(
        "%(partner)s seeks what you would produce: %(terms)s",
        partner=found["partner"],
        terms=found["terms"],
    )


def _offers(found: re.Match) -> str:
    if found["terms"] is None:
        return gettext("%(partner)s offers what you need", partner=found["partner"])
    return gettext(
        "%(partner)s offers what you need: %(terms)s",
        partner=found["partner"],
        terms=found["terms"],
    )


def _close_in_meaning(found: re.Match) -> str:
    return gettext("Close in meaning: “%(sentence)s”", sentence=found["sentence"])


def _peer(found: re.Match) -> str:
    if found["terms"] is None:
        return gettext(
            "%(partner)s offers what you will sell too (a peer or competitor, not a supplier)",
            partner=found["partner"],
        )
    return gettext(
        "%(partner)s offers what you will sell too (a peer or competitor, not a supplier): "
        "%(terms)s",
        partner=found["partner"],
        terms=found["terms"],
    )


def _seeks_third(found: re.Match) -> str:
    if found["terms"] is None:
        return gettext("%(partner)s seeks what the idea would produce", partner=found["partner"])
    return gettext(
        "%(partner)s seeks what the idea would produce: %(terms)s",
        partner=found["partner"],
        terms=found["terms"],
    )


def _offers_third(found: re.Match) -> str:
    if found["terms"] is None:
        return gettext("%(partner)s offers what the idea needs", partner=found["partner"])
    return gettext(
        "%(partner)s offers what the idea needs: %(terms)s",
        partner=found["partner"],
        terms=found["terms"],
    )


def _peer_third(found: re.Match) -> str:
    if found["terms"] is None:
        return gettext(
            "%(partner)s offers what the idea will sell too (a peer or competitor, not a supplier)",
            partner=found["partner"],
        )
    return gettext(
        "%(partner)s offers what the idea will sell too (a peer or competitor, not a supplier): "
        "%(terms)s",
        partner=found["partner"],
        terms=found["terms"],
    )


CAPACITY = re.compile(r"Can take (?P<count>\d+) more mentees?")


def capacity_reason(places: int) -> str:
    """A mentor's free places as a reason, in the library's English like the stored ones."""
    return f"Can take {places} more mentee{'s' if places != 1 else ''}"


def without_capacity(reasons: list[str]) -> list[str]:
    """Stored reasons less the capacity sentence older matches carry: true then, stale now."""
    return [text for text in reasons if not (isinstance(text, str) and CAPACITY.fullmatch(text))]


PEER = re.compile(
    r"(?P<partner>.+?) offers what you will sell too \(a peer or competitor, not a "
    r"supplier\)(?:: (?P<terms>.+))?"
)
SEEKS = re.compile(r"(?P<partner>.+?) seeks what you would produce(?:: (?P<terms>.+))?")
OFFERS = re.compile(r"(?P<partner>.+?) offers what you need(?:: (?P<terms>.+))?")

Rebuild = Callable[[re.Match], str]

# Sentences with a fixed opening first: a partner's name can be any text.
PATTERNS: tuple[tuple[re.Pattern[str], Rebuild], ...] = (
    (re.compile(r"Shared terms: (?P<terms>.+)"), _shared_terms),
    (re.compile(r"Related words: (?P<words>.+)"), _related_words),
    (re.compile(r"Similar wording \(text similarity (?P<score>\d+(?:\.\d+)?)\)"), _similar_wording),
    (re.compile(r"Same sector: (?P<sector>[a-z]+)"), _same_sector),
    (re.compile(r"Shared language: (?P<languages>.+)"), _shared_language),
    (re.compile(r"Same region: (?P<region>.+)"), _same_region),
    (re.compile(r"Close in meaning: “(?P<sentence>.+)”"), _close_in_meaning),
    (CAPACITY, _capacity),
    (PEER, _peer),
    (SEEKS, _seeks),
    (OFFERS, _offers),
)
# The sentences that address the idea's author, as read by someone else.
THIRD_PERSON: dict[Rebuild, Rebuild] = {
    _peer: _peer_third,
    _seeks: _seeks_third,
    _offers: _offers_third,
}


def localise_reason(text: str, third_person: bool = False) -> str:
    """`text` in the current language if it is a sentence the library writes, else unchanged;
    `third_person`: for a reader who is not the idea's author ("what the idea needs")."""
    if not isinstance(text, str):
        return text
    return _localised(text, current_language(), bool(third_person))


# The same reasons come back on every view of a page; each is rebuilt once per language.
@functools.lru_cache(maxsize=8192)
def _localised(text: str, language: str, third_person: bool) -> str:
    """`language` is the current one (the key: gettext reads the same from the request)."""
    for pattern, rebuild in PATTERNS:
        found = pattern.fullmatch(text)
        if found is not None:
            built = (THIRD_PERSON.get(rebuild, rebuild) if third_person else rebuild)(found)
            # Serbian quotes „like this“; a quoted phrase of the library came in English ones.
            return _ENGLISH_QUOTES.sub(r"„\1“", built) if language == "sr" else built
    return text


_ENGLISH_QUOTES = re.compile(r"“([^“”„]*)”")
