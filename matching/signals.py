"""Structured signals: sector slugs, language codes and how they are encoded."""

from __future__ import annotations

from functools import lru_cache

from matching.normalize import fold

SECTORS: tuple[str, ...] = (
    "agriculture", "food", "textiles", "furniture", "construction", "manufacturing", "tourism",
    "services", "health", "education", "ict", "finance", "creative", "cosmetics", "trade",
    "energy", "other",
)  # fmt: skip
UNMATCHED_SECTOR = "other"

LANGUAGE_NAMES: dict[str, str] = {
    "sr": "Serbian", "en": "English", "hu": "Hungarian", "ro": "Romanian", "sk": "Slovak",
    "bs": "Bosnian", "hr": "Croatian", "me": "Montenegrin", "cnr": "Montenegrin",
    "mk": "Macedonian", "bg": "Bulgarian", "sl": "Slovenian", "sq": "Albanian", "de": "German",
    "fr": "French", "it": "Italian", "es": "Spanish", "ru": "Russian", "tr": "Turkish",
    "el": "Greek", "rom": "Romani", "rmy": "Romani", "zh": "Chinese",
}  # fmt: skip


@lru_cache(maxsize=1024)
def sector_slug(sector: str | None) -> str | None:
    """The known sector slug of `sector`, or None when it is blank, unknown or 'other'."""
    if not sector:
        return None
    slug = fold(sector).strip()
    if slug in SECTORS and slug != UNMATCHED_SECTOR:
        return slug
    return None


def sector_mask(sectors: tuple[str, ...] | list[str]) -> int:
    """Bit mask of the matchable sectors in `sectors`."""
    mask = 0
    for sector in sectors:
        slug = sector_slug(sector)
        if slug is not None:
            mask |= 1 << SECTORS.index(slug)
    return mask


@lru_cache(maxsize=1024)
def language_code(language: str) -> str:
    """Normalised ISO 639-1 code (lower case, region part dropped: 'sr-Latn' -> 'sr')."""
    return language.strip().lower().replace("_", "-").split("-")[0]


def language_name(code: str) -> str:
    """Readable English name of a language code."""
    return LANGUAGE_NAMES.get(code, code)


class CodeBook:
    """Stable small integer codes for strings (language codes, region keys)."""

    def __init__(self) -> None:
        self.codes: dict[str, int] = {}

    def code(self, value: str) -> int:
        """Code of `value`, assigning the next one on first sight."""
        found = self.codes.get(value)
        if found is None:
            found = len(self.codes)
            self.codes[value] = found
        return found

    def lookup(self, value: str) -> int:
        """Code of `value`, or -1 if it was never seen."""
        return self.codes.get(value, -1)


def language_mask(languages: tuple[str, ...] | list[str], book: CodeBook, grow: bool) -> int:
    """Bit mask of languages (at most 62 distinct languages are tracked)."""
    mask = 0
    for language in languages:
        code = language_code(language)
        if not code:
            continue
        bit = book.code(code) if grow else book.lookup(code)
        if 0 <= bit < 62:
            mask |= 1 << bit
    return mask
