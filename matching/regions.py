"""Serbian administrative districts and the towns in them, for the 'same region' signal."""

from __future__ import annotations

import re
from functools import lru_cache

from matching.normalize import fold

DISTRICT_TOWNS: dict[str, tuple[str, ...]] = {
    "Belgrade": ("Beograd", "Belgrade", "Zemun", "Novi Beograd", "Obrenovac", "Lazarevac",
                 "Mladenovac", "Grocka", "Surčin", "Sopot", "Barajevo", "Zvezdara", "Voždovac"),
    "South Bačka": ("Novi Sad", "Bačka Palanka", "Bečej", "Vrbas", "Temerin", "Žabalj", "Titel",
                    "Srbobran", "Bački Petrovac", "Beočin", "Sremski Karlovci", "Bač", "Futog"),
    "North Bačka": ("Subotica", "Bačka Topola", "Mali Iđoš", "Palić"),
    "West Bačka": ("Sombor", "Apatin", "Kula", "Odžaci"),
    "North Banat": ("Kikinda", "Senta", "Ada", "Kanjiža", "Čoka", "Novi Kneževac"),
    "Central Banat": ("Zrenjanin", "Novi Bečej", "Žitište", "Sečanj", "Nova Crnja"),
    "South Banat": ("Pančevo", "Vršac", "Kovin", "Bela Crkva", "Alibunar", "Plandište", "Opovo",
                    "Kovačica"),
    "Srem": ("Sremska Mitrovica", "Ruma", "Inđija", "Stara Pazova", "Šid", "Pećinci", "Irig"),
    "Mačva": ("Šabac", "Loznica", "Bogatić", "Vladimirci", "Koceljeva", "Krupanj", "Ljubovija",
              "Mali Zvornik"),
    "Kolubara": ("Valjevo", "Ub", "Lajkovac", "Mionica", "Osečina", "Ljig"),
    "Podunavlje": ("Smederevo", "Smederevska Palanka", "Velika Plana"),
    "Braničevo": ("Požarevac", "Kostolac", "Veliko Gradište", "Golubac", "Petrovac na Mlavi",
                  "Kučevo", "Žagubica", "Malo Crniće"),
    "Šumadija": ("Kragujevac", "Aranđelovac", "Topola", "Rača", "Batočina", "Knić", "Lapovo"),
    "Pomoravlje": ("Jagodina", "Ćuprija", "Paraćin", "Svilajnac", "Despotovac", "Rekovac"),
    "Bor": ("Bor", "Majdanpek", "Kladovo", "Negotin"),
    "Zaječar": ("Zaječar", "Knjaževac", "Boljevac", "Sokobanja"),
    "Zlatibor": ("Užice", "Čajetina", "Zlatibor", "Priboj", "Prijepolje", "Nova Varoš", "Sjenica",
                 "Bajina Bašta", "Kosjerić", "Požega", "Arilje"),
    "Moravica": ("Čačak", "Gornji Milanovac", "Ivanjica", "Lučani", "Guča"),
    "Raška": ("Kraljevo", "Novi Pazar", "Tutin", "Vrnjačka Banja", "Raška"),
    "Rasina": ("Kruševac", "Trstenik", "Aleksandrovac", "Brus", "Ćićevac", "Varvarin"),
    "Nišava": ("Niš", "Aleksinac", "Merošina", "Svrljig", "Ražanj", "Doljevac", "Gadžin Han",
               "Niška Banja"),
    "Toplica": ("Prokuplje", "Kuršumlija", "Blace", "Žitorađa"),
    "Pirot": ("Pirot", "Dimitrovgrad", "Babušnica", "Bela Palanka"),
    "Jablanica": ("Leskovac", "Lebane", "Vlasotince", "Medveđa", "Bojnik", "Crna Trava"),
    "Pčinja": ("Vranje", "Bujanovac", "Preševo", "Vladičin Han", "Surdulica", "Bosilegrad",
               "Trgovište"),
}  # fmt: skip

_DISTRICT_ALIASES: dict[str, str] = {
    "nis region": "Nišava", "niski okrug": "Nišava", "nisavski okrug": "Nišava",
    "city of belgrade": "Belgrade", "grad beograd": "Belgrade", "beogradski region": "Belgrade",
    "vojvodina south backa": "South Bačka", "juznobacki okrug": "South Bačka",
    "pcinjski okrug": "Pčinja", "moravicki okrug": "Moravica", "sumadijski okrug": "Šumadija",
    "zlatiborski okrug": "Zlatibor", "raski okrug": "Raška", "rasinski okrug": "Rasina",
    "jablanicki okrug": "Jablanica", "pirotski okrug": "Pirot", "toplicki okrug": "Toplica",
}  # fmt: skip

_REGION_SUFFIXES = (" region", " district", " okrug", " area", " oblast")
# Between the places of a list: "Nišava, Toplica", "Pirot / Niš", "Nišavski i Toplički okrug".
_LIST_SEPARATORS = re.compile(r"\s*(?:[,;/&+()]|\band\b|\bi\b)\s*")
# "Nišava, Toplica and Pirot Districts": the plural belongs to every part.
_PLURALS = re.compile(r"\b(?:districts|regions|okruzi|okruga)\b")


def _build_lookup() -> dict[str, str]:
    lookup: dict[str, str] = {}
    for district, towns in DISTRICT_TOWNS.items():
        lookup[fold(district)] = district
        for town in towns:
            lookup.setdefault(fold(town), district)
    for alias, district in _DISTRICT_ALIASES.items():
        lookup[alias] = district
    return lookup


_LOOKUP = _build_lookup()


@lru_cache(maxsize=4096)
def resolve_region(place: str) -> tuple[str, str] | None:
    """Return (key, display name) of the region of a town or region name, or None if blank.

    Known Serbian towns and districts resolve to their district ("Niš" -> "Nišava");
    any other place resolves to itself, so two ideas in "Sarajevo" still meet.
    """
    key = " ".join(fold(place).replace("-", " ").split())
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
