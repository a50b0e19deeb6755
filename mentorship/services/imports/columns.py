"""The documented columns of each import kind, and how a cell's text becomes a value."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from flask_babel import LazyString
from flask_babel import lazy_gettext as _l

from mentorship.vocab import LANGUAGE_NAMES, SECTOR_LABELS, STAGE_LABELS


@dataclass(frozen=True)
class Column:
    name: str
    required: bool
    description: str | LazyString
    example: str = ""


@dataclass(frozen=True)
class KindSpec:
    title: str
    singular: str
    key: str  # what identifies a row's record, in words
    columns: tuple[Column, ...]

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(column.name for column in self.columns)

    @property
    def required(self) -> tuple[str, ...]:
        return tuple(column.name for column in self.columns if column.required)


LIST_NOTE = _l("several values separated by ; or ,")
SECTOR_NOTE = _l("a sector slug or its English or Serbian name (e.g. food, “Hrana i piće”)")

KINDS: dict[str, KindSpec] = {
    "mentors": KindSpec(
        "Mentors",
        "mentor",
        "the e-mail address",
        (
            Column(
                "email",
                True,
                _l("E-mail address; an existing account with it is updated."),
                "vesna.ilic@example.rs",
            ),
            Column("name", True, _l("Full name."), "Vesna Ilić"),
            Column(
                "headline",
                False,
                _l("One line about her experience."),
                "Food processing and export",
            ),
            Column("bio", False, _l("A short biography."), "Twenty years in food processing."),
            Column(
                "expertise",
                False,
                _l("Key skills and topics, free text."),
                "HACCP, export, marketing",
            ),
            Column("city", False, _l("City."), "Niš"),
            Column(
                "sectors",
                False,
                _l(
                    "Sectors she mentors in: %(list)s; each %(sector)s.",
                    list=LIST_NOTE,
                    sector=SECTOR_NOTE,
                ),
                "food; Poljoprivreda",
            ),
            Column(
                "languages",
                False,
                _l("Languages: ISO codes or English names, %(list)s.", list=LIST_NOTE),
                "sr, en",
            ),
            Column(
                "capacity",
                False,
                _l("How many pairings she can take, 0 to 50 (new mentors: 3)."),
                "3",
            ),
            Column(
                "status",
                False,
                _l(
                    "pending, active or inactive. Empty: new mentors start pending "
                    "(waiting for your approval); existing ones keep their status."
                ),
                "pending",
            ),
        ),
    ),
    "entrepreneurs": KindSpec(
        "Entrepreneurs",
        "entrepreneur",
        "the e-mail address",
        (
            Column(
                "email",
                True,
                _l("E-mail address; an existing account with it is updated."),
                "jelena.petrovic@example.rs",
            ),
            Column("name", True, _l("Full name."), "Jelena Petrović"),
            Column("business_name", False, _l("Business or brand name."), "Slatko iz Merošine"),
            Column("city", False, _l("City."), "Čačak"),
            Column("country", False, _l("Two-letter country code (new accounts: RS)."), "RS"),
            Column(
                "sector", False, _l("Main sector: %(sector)s.", sector=SECTOR_NOTE), "Hrana i piće"
            ),
            Column("stage", False, _l("idea, early or growth."), "idea"),
            Column("bio", False, _l("A few words about her."), "Makes jam from local plums."),
            Column(
                "languages",
                False,
                _l("Languages: ISO codes or English names, %(list)s.", list=LIST_NOTE),
                "sr",
            ),
        ),
    ),
    "partners": KindSpec(
        "Partner companies",
        "partner",
        "the name (case does not matter)",
        (
            Column(
                "name",
                True,
                _l("Company name; an existing partner with the same name is updated."),
                "Hotel Sumatovac",
            ),
            Column("description", True, _l("What the company does."), "A hotel with a restaurant."),
            Column("sector", False, _l("Sector: %(sector)s.", sector=SECTOR_NOTE), "tourism"),
            Column("city", False, _l("City."), "Aleksinac"),
            Column("country", False, _l("Two-letter country code (new partners: RS)."), "RS"),
            Column("offers", False, _l("What they can offer a new business."), "event space"),
            Column("seeks", False, _l("What they would buy or source."), "local food, honey"),
            Column("export_oriented", False, _l("yes or no (also true/false, da/ne, 1/0)."), "no"),
        ),
    ),
    "clusters": KindSpec(
        "Startup clusters",
        "cluster",
        "the name (case does not matter)",
        (
            Column(
                "name",
                True,
                _l("Cluster name; an existing cluster with the same name is updated."),
                "Agro Cluster Niš",
            ),
            Column(
                "description", True, _l("Who the cluster brings together."), "Food startups of Niš."
            ),
            Column("sector", False, _l("Sector: %(sector)s.", sector=SECTOR_NOTE), "agriculture"),
            Column("region", False, _l("Region or city."), "Niš"),
            Column("website", False, _l("Empty or an http(s):// address."), "https://example.rs"),
            Column(
                "members",
                False,
                _l("Member companies, one a line in the cell, with what each does."),
                "Eko Voće: fruit growers",
            ),
        ),
    ),
    "ideas": KindSpec(
        "Ideas",
        "idea",
        "the owner's e-mail and the title (case does not matter)",
        (
            Column(
                "owner_email",
                True,
                _l(
                    "E-mail of an entrepreneur who already has an account "
                    "(import entrepreneurs first)."
                ),
                "jelena.petrovic@example.rs",
            ),
            Column(
                "title",
                True,
                _l("Title; the owner's idea with the same title is updated."),
                "Plum jam for hotels in Niš",
            ),
            Column(
                "description",
                True,
                _l("What she makes or offers, for whom, what she needs."),
                "Jam and ajvar from local plums and peppers.",
            ),
            Column(
                "sector",
                False,
                _l("Sector: %(sector)s (empty: her profile's sector).", sector=SECTOR_NOTE),
                "food",
            ),
            Column("stage", False, _l("idea, early or growth."), "idea"),
            Column(
                "needs",
                False,
                _l("mentor, partner, cluster: %(list)s (empty: all three).", list=LIST_NOTE),
                "mentor; partner",
            ),
            Column("offers", False, _l("What she will sell."), "plum jam, ajvar"),
            Column(
                "seeks",
                False,
                _l("What she needs to buy or find."),
                "glass jars, a cold store",
            ),
            Column(
                "city",
                False,
                _l("Where the business is or will be (empty: her profile's city)."),
                "Niš",
            ),
            Column(
                "module",
                False,
                _l("Title of a module of the programme chosen on the upload form."),
                "Module 1",
            ),
        ),
    ),
}

HEADER_ALIASES = {
    "e_mail": "email",
    "email_address": "email",
    "owner_e_mail": "owner_email",
    "owner": "owner_email",
}
LIST_SEPARATORS = re.compile(r"[;,|\n]")
TRUE_WORDS = {"yes", "true", "1", "da", "y", "x"}
FALSE_WORDS = {"no", "false", "0", "ne", "n"}
STAGE_WORDS = {"ideja": "idea", "rani": "early", "rana faza": "early", "rast": "growth"}


def fold(text: str) -> str:
    """Lower case without diacritics: `Hrana i PIĆE` -> `hrana i pice`, `Đurđevo` -> `djurdjevo`."""
    text = text.replace("đ", "dj").replace("Đ", "Dj")
    decomposed = unicodedata.normalize("NFKD", text)
    return " ".join(
        "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower().split()
    )


def header_name(cell: str) -> str:
    name = re.sub(r"[\s\-]+", "_", fold(cell).strip().strip("*").strip())
    return HEADER_ALIASES.get(name, name)


SECTOR_LOOKUP: dict[str, str] = {}
for _slug, _labels in SECTOR_LABELS.items():
    SECTOR_LOOKUP[fold(_slug)] = _slug
    for _label in _labels.values():
        SECTOR_LOOKUP[fold(_label)] = _slug
STAGE_LOOKUP = {fold(slug): slug for slug in STAGE_LABELS}
STAGE_LOOKUP.update({fold(label): slug for slug, label in STAGE_LABELS.items()})
STAGE_LOOKUP.update(STAGE_WORDS)
LANGUAGE_LOOKUP = {fold(name): code for code, name in LANGUAGE_NAMES.items()}


class CellError(ValueError):
    """One cell's problem, worded for the report."""


def split_list(text: str) -> list[str]:
    return [part.strip() for part in LIST_SEPARATORS.split(text) if part.strip()]


def sector(text: str) -> str:
    found = SECTOR_LOOKUP.get(fold(text))
    if found is None:
        raise CellError(f"unknown sector “{text}”")
    return found


def sectors(text: str) -> list[str]:
    values = [sector(part) for part in split_list(text)]
    return list(dict.fromkeys(values))


def stage(text: str) -> str:
    found = STAGE_LOOKUP.get(fold(text))
    if found is None:
        raise CellError(f"unknown stage “{text}” (use idea, early or growth)")
    return found


def languages(text: str) -> list[str]:
    return [LANGUAGE_LOOKUP.get(fold(part), part.lower()) for part in split_list(text)]


def boolean(text: str) -> bool:
    word = fold(text)
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise CellError(f"“{text}” is not yes or no")


def whole_number(text: str) -> int:
    cleaned = text.strip()
    if re.fullmatch(r"[+-]?\d+(\.0+)?", cleaned) is None:
        raise CellError(f"“{text}” is not a whole number")
    return int(float(cleaned)) if "." in cleaned else int(cleaned)
