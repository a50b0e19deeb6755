"""Serbian administrative districts and the towns in them, for the 'same region' signal."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from matching.normalize import fold


def _load_districts() -> dict[str, dict[str, list[str]]]:
    text = resources.files("matching").joinpath("data/serbian_districts.json").read_text("utf-8")
    return json.loads(text)["districts"]


_DISTRICTS = _load_districts()
DISTRICT_TOWNS: dict[str, tuple[str, ...]] = {
    district: tuple(names["towns"]) for district, names in _DISTRICTS.items()
}

_REGION_SUFFIXES = (" region", " district", " okrug", " area", " oblast")
# Between the places of a list: "Nišava, Toplica", "Pirot / Niš", "Nišavski i Toplički okrug",
# one per line.
_LIST_SEPARATORS = re.compile(r"\s*(?:[,;/&+()|\n\r\t]|\band\b|\bi\b)\s*")
# "Nišava, Toplica and Pirot Districts": the plural belongs to every part.
_PLURALS = re.compile(r"\b(?:districts|regions|okruzi|okruga)\b")


def _key(place: str) -> str:
    return " ".join(fold(place).replace("-", " ").split())


def _build_lookup() -> dict[str, str]:
    """Folded town and district names to their district; a district's other names count with and
    without their "okrug" or "region" ("Nišavski okrug", "Nišavski i Toplički okrug")."""
    lookup: dict[str, str] = {}
    for district, names in _DISTRICTS.items():
        lookup[_key(district)] = district
        for town in names["towns"]:
            lookup.setdefault(_key(town), district)
    for district, names in _DISTRICTS.items():
        for alias in map(_key, names["also_called"]):
            lookup[alias] = district
            for suffix in _REGION_SUFFIXES:
                if alias.endswith(suffix):
                    lookup[alias[: -len(suffix)]] = district
    return lookup


_LOOKUP = _build_lookup()


@lru_cache(maxsize=4096)
def resolve_region(place: str) -> tuple[str, str] | None:
    """Return (key, display name) of the region of a town or region name, or None if blank.

    Known Serbian towns and districts resolve to their district ("Niš" -> "Nišava");
    any other place resolves to itself, so two ideas in "Sarajevo" still meet.
    """
    key = _key(place)
    if not key:
        return None
    candidates = [key]
    for suffix in _REGION_SUFFIXES:
        if key.endswith(suffix):
            candidates.append(key[: -len(suffix)].strip())
    if key.startswith("city of "):
        candidates.append(key[len("city of ") :])
    for candidate in candidates:
        district = _LOOKUP.get(candidate)
        if district is not None:
            return f"district:{fold(district)}", district
    return f"place:{key}", place.strip()


@lru_cache(maxsize=4096)
def resolve_regions(place: str) -> tuple[tuple[str, str], ...]:
    """The districts a place names, each as `resolve_region` gives it; () if blank.

    A list of places ("Nišava, Toplica", "Nišavski i Toplički okrug") or a town with its country
    ("Niš, Serbia") names every known district among its parts; a place that names none is one
    region of its own, as `resolve_region` says.
    """
    whole = resolve_region(place)
    if whole is None or whole[0].startswith("district:"):
        return () if whole is None else (whole,)
    found: dict[str, str] = {}
    for part in _LIST_SEPARATORS.split(_PLURALS.sub(" ", fold(place)).strip()):
        part = part.strip()
        for candidate in (part, f"{part} okrug"):  # "Nišavski i Toplički okrug": both are districts
            resolved = resolve_region(candidate) if part else None
            if resolved is not None and resolved[0].startswith("district:"):
                found.setdefault(*resolved)
                break
    return tuple(found.items()) or (whole,)
