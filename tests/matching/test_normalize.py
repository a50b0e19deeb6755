"""Folding of Serbian diacritics and Cyrillic, tokenising, and region lookup."""

from __future__ import annotations

import pytest

from matching.normalize import fold, surface_forms, tokens
from matching.regions import resolve_region, resolve_regions


@pytest.mark.parametrize("written", ["Đurđevo", "Djurdjevo", "Durdevo", "ĐURĐEVO", "Ђурђево"])
def test_all_spellings_of_djurdjevo_fold_alike(written: str) -> None:
    assert fold(written) == "durdevo"


@pytest.mark.parametrize(
    ("written", "folded"),
    [
        ("Čačak", "cacak"),
        ("Cacak", "cacak"),
        ("Ниш", "nis"),
        ("Niš", "nis"),
        ("Џем од шљива", "dzem od sljiva"),
        ("Љубовија", "ljubovija"),
        ("Crème brûlée", "creme brulee"),
        ("L’économie «circulaire» – Ærø, Łódź", "l’economie «circulaire» – aero, łodz"),
        ("Ћевапи и ђувеч", "cevapi i duvec"),
    ],
)
def test_fold(written: str, folded: str) -> None:
    assert fold(written) == folded


def test_tokens_drop_english_and_serbian_stop_words_and_numbers() -> None:
    assert tokens("Želim da proizvodim džem i ajvar for the market in 2025") == [
        "proizvodim",
        "dzem",
        "ajvar",
        "market",
    ]


def test_unexpected_script_gives_no_latin_tokens() -> None:
    assert all(not token.isascii() for token in tokens("我喜欢草莓 🍓🍓"))
    assert tokens("🍓🍓 ✨") == []


def test_surface_forms_remember_how_words_were_written() -> None:
    forms = surface_forms("Džem iz Čačka, Ниш")
    assert forms["dzem"] == "Džem"
    assert forms["cacka"] == "Čačka"
    assert forms["nis"] == "Ниш"


@pytest.mark.parametrize(
    "town", ["Niš", "Nis", "Ниш", "Aleksinac", "Merošina", "Nišava", "Niš region"]
)
def test_towns_of_nisava(town: str) -> None:
    assert resolve_region(town) == ("district:nisava", "Nišava")


def test_other_regions_and_unknown_places() -> None:
    assert resolve_region("Vranje")[1] == "Pčinja"
    assert resolve_region("Čačak") == resolve_region("cacak")
    assert resolve_region("Čačak")[1] == "Moravica"
    assert resolve_region("Novi Sad")[1] == "South Bačka"
    assert resolve_region("Belgrade") == resolve_region("Beograd")
    assert resolve_region("Sarajevo") == ("place:sarajevo", "Sarajevo")
    assert resolve_region("  ") is None


@pytest.mark.parametrize(
    ("place", "districts"),
    [
        ("Nišava, Toplica", ["Nišava", "Toplica"]),
        ("Nišavski i Toplički okrug", ["Nišava", "Toplica"]),
        ("Pirot / Niš", ["Pirot", "Nišava"]),
        ("Nišava, Toplica and Pirot Districts", ["Nišava", "Toplica", "Pirot"]),
        ("Toplica District (Prokuplje, Blace)", ["Toplica"]),
        ("Niš, Serbia", ["Nišava"]),  # a town with its country is its district
        ("Niš", ["Nišava"]),
        ("Sarajevo", ["Sarajevo"]),  # a place that names no district is its own region
        ("Banja Luka, Bosnia", ["Banja Luka, Bosnia"]),
        ("Niš\nPirot", ["Nišava", "Pirot"]),  # one per line, as pasted from a list
        ("Niš\tPirot", ["Nišava", "Pirot"]),
        ("Niš | Leskovac", ["Nišava", "Jablanica"]),
    ],
)
def test_a_place_can_name_several_districts(place: str, districts: list[str]) -> None:
    assert [name for _, name in resolve_regions(place)] == districts


@pytest.mark.parametrize(
    ("place", "district"),
    [
        ("Južna Bačka", "South Bačka"),
        ("Juzna Backa", "South Bačka"),
        ("Јужна Бачка", "South Bačka"),
        ("Južnobački okrug", "South Bačka"),
        ("Severni Banat", "North Banat"),
        ("Srednjebanatski okrug", "Central Banat"),
        ("Zapadna Bačka", "West Bačka"),
        ("Sremski okrug", "Srem"),
        ("Mačvanski", "Mačva"),
        ("beogradski region", "Belgrade"),
        ("Pčinjski okrug", "Pčinja"),
    ],
)
def test_serbian_district_names_resolve_to_their_district(place: str, district: str) -> None:
    assert [name for _, name in resolve_regions(place)] == [district]


def test_a_blank_place_names_no_district() -> None:
    assert resolve_regions("  ") == ()
