"""Match reasons and import report messages are stored in English and shown in the reader's language."""

from __future__ import annotations

import html
import io

import pytest

from matching import IdeaRecord, MatchIndex, MentorRecord, PartnerRecord
from matching.signals import LANGUAGE_NAMES as LIBRARY_LANGUAGE_NAMES
from mentorship.imports.messages import localise_import_message
from mentorship.reasons import localise_reason
from tests.conftest import csrf_token_from
from tests.factories import (
    EntrepreneurFactory,
    IdeaFactory,
    LeadFactory,
    MatchFactory,
    MentorFactory,
)

SERBIAN = {"Accept-Language": "sr-RS,sr;q=0.9"}
ENGLISH = {"Accept-Language": "en-GB,en;q=0.9"}

REASONS = [
    (
        "Shared terms: export, HACCP, Plum",
        "Shared terms: export, HACCP, Plum",
        "Zajednički pojmovi: export, HACCP, Plum",
    ),
    (
        "Related words: šljive ~ sljiva",
        "Related words: šljive ~ sljiva",
        "Srodne reči: šljive ~ sljiva",
    ),
    (
        "Similar wording (text similarity 0.42)",
        "Similar wording (text similarity 0.42)",
        "Sličan opis (tekstualna sličnost 0,42)",
    ),
    ("Same sector: food", "Same sector: Food and drink", "Isti sektor: Hrana i piće"),
    ("Shared language: Serbian", "Shared language: Serbian", "Zajednički jezik: srpski"),
    (
        "Shared language: Serbian, English",
        "Shared languages: Serbian, English",
        "Zajednički jezici: srpski, engleski",
    ),
    ("Shared language: Slovak", "Shared language: Slovak", "Zajednički jezik: slovački"),
    ("Same region: Nišava", "Same region: Nišava", "Isti region: Nišava"),
    ("Can take 1 more mentee", "Can take 1 more mentee", "Može da primi još 1 preduzetnicu"),
    ("Can take 3 more mentees", "Can take 3 more mentees", "Može da primi još 3 preduzetnice"),
    ("Can take 5 more mentees", "Can take 5 more mentees", "Može da primi još 5 preduzetnica"),
    (
        "Hotel Sumatovac seeks what you would produce: homemade jam, cheese",
        "Hotel Sumatovac seeks what you would produce: homemade jam, cheese",
        "Hotel Sumatovac traži ono što biste proizvodili: homemade jam, cheese",
    ),
    (
        "Hotel Sumatovac seeks what you would produce",
        "Hotel Sumatovac seeks what you would produce",
        "Hotel Sumatovac traži ono što biste proizvodili",
    ),
    (
        "Ambalaža Plus offers what you need: glass jars, labels",
        "Ambalaža Plus offers what you need: glass jars, labels",
        "Ambalaža Plus nudi ono što vam treba: glass jars, labels",
    ),
    (
        "Ambalaža Plus offers what you need",
        "Ambalaža Plus offers what you need",
        "Ambalaža Plus nudi ono što vam treba",
    ),
    (  # a quoted phrase takes Serbian quotes, like the rest of the page
        "Hotel Sumatovac offers what you need: “Accommodation and event space”",
        "Hotel Sumatovac offers what you need: “Accommodation and event space”",
        "Hotel Sumatovac nudi ono što vam treba: „Accommodation and event space“",
    ),
]
# What the library's sentences say in English, which a Serbian page must not show.
ENGLISH_PATTERN_WORDS = (
    "Shared",
    "Related words",
    "Similar wording",
    "Same sector",
    "Same region",
    "Can take",
    "mentee",
    "seeks what",
    "offers what",
    "text similarity",
)


@pytest.mark.parametrize(("stored", "english", "serbian"), REASONS)
def test_each_reason_reads_well_in_english(app, stored, english, serbian):
    with app.test_request_context("/", headers=ENGLISH):
        assert localise_reason(stored) == english


@pytest.mark.parametrize(("stored", "english", "serbian"), REASONS)
def test_each_reason_is_translated_into_serbian(app, stored, english, serbian):
    with app.test_request_context("/", headers=SERBIAN):
        assert localise_reason(stored) == serbian


@pytest.mark.parametrize("text", ["Recommended by the programme lead", "", "Same sector:"])
def test_an_unknown_reason_is_shown_unchanged(app, text):
    with app.test_request_context("/", headers=SERBIAN):
        assert localise_reason(text) == text


def test_every_language_the_library_names_has_a_serbian_name(app):
    with app.test_request_context("/", headers=SERBIAN):
        left = [
            name
            for name in set(LIBRARY_LANGUAGE_NAMES.values())
            if localise_reason(f"Shared language: {name}").endswith(f": {name}")
        ]
    assert left == []


def test_reasons_the_library_writes_leave_no_english_sentence_in_serbian(app):
    index = MatchIndex.fit(
        mentors=[
            MentorRecord(
                1,
                "Jelena Petrović",
                headline="Food technologist",
                bio="Plum jam, ajvar and preserves for small producers, HACCP.",
                expertise="jam production, preserves",
                sectors=("food",),
                languages=("sr", "en"),
                city="Niš",
                remaining_capacity=2,
            )
        ],
        partners=[
            PartnerRecord(
                10,
                "Hotel Sumatovac",
                description="Hotel and restaurant.",
                offers="event space",
                seeks="homemade plum jam, cheese",
                sector="tourism",
                city="Niš",
                country="RS",
            )
        ],
        clusters=[],
    )
    idea = IdeaRecord(
        100,
        "Plum jam",
        "Homemade plum jam and preserves for hotels.",
        sector="food",
        languages=("sr", "en"),
        city="Niš",
        country="RS",
    )
    reasons = [
        reason
        for matches in index.rank(idea, kinds=("mentor", "partner")).values()
        for match in matches
        for reason in match.reasons
    ]
    assert len(reasons) >= 4
    with app.test_request_context("/", headers=SERBIAN):
        translated = [localise_reason(reason) for reason in reasons]
    assert all(new != old for new, old in zip(translated, reasons, strict=True))
    assert [word for text in translated for word in ENGLISH_PATTERN_WORDS if word in text] == []


def test_a_serbian_idea_page_shows_translated_reasons(client, auth):
    owner = EntrepreneurFactory()
    idea = IdeaFactory(owner=owner, status="matched")
    mentor = MentorFactory(mentor_profile__capacity=2)
    MatchFactory(
        idea=idea,
        mentor=mentor,
        reasons=["Shared terms: jam", "Same sector: food", "Can take 4 more mentees"],
    )
    auth.login(owner.email)
    page = html.unescape(client.get(f"/ideas/{idea.id}", headers=SERBIAN).get_data(as_text=True))
    assert "Zajednički pojmovi: jam" in page and "Isti sektor: Hrana i piće" in page
    # Free places are counted now (2), not taken from the stored reason (4).
    assert "Može da primi još 2 preduzetnice" in page and "Same sector" not in page
    assert "još 4" not in page


@pytest.mark.parametrize(
    ("stored", "serbian"),
    [
        ("name: missing (required)", "name: nedostaje (obavezno)"),
        ("sector: unknown sector “fruit”", "sector: nepoznat sektor „fruit“"),
        ("capacity: “many” is not a whole number", "capacity: „many“ nije ceo broj"),
        ("name: Must be at most 200 characters.", "name: Može imati najviše 200 znakova."),
        (
            "email: this e-mail belongs to an existing mentor account",
            "email: ova adresa e-pošte pripada postojećem nalogu (uloga: mentor)",
        ),
        (
            "duplicate of row 2 (both match the e-mail address)",
            "duplikat reda 2 (oba se prepoznaju po: adresi e-pošte)",
        ),
        ("has 2 cell(s) beyond the last column", "ima 2 ćelije posle poslednje kolone"),
        (
            "bio: starts with “=”, kept as text (never calculated)",
            "bio: počinje sa „=“, zadržano kao tekst (nikad se ne izračunava)",
        ),
    ],
)
def test_import_report_messages_are_translated_into_serbian(app, stored, serbian):
    with app.test_request_context("/", headers=SERBIAN):
        assert localise_import_message(stored) == serbian


def test_import_report_messages_stay_as_stored_in_english(app):
    with app.test_request_context("/", headers=ENGLISH):
        assert localise_import_message("name: missing (required)") == "name: missing (required)"
        assert localise_import_message("an unknown problem") == "an unknown problem"


def test_a_serbian_import_report_shows_translated_reasons_and_column_descriptions(client, auth):
    auth.login(LeadFactory().email)
    token = csrf_token_from(client.get("/lead/imports", headers=SERBIAN).get_data(as_text=True))
    content = "name,description,sector\nPekara,,food\nPekara,Hleb,voće\n".encode()
    response = client.post(
        "/lead/imports",
        headers=SERBIAN,
        content_type="multipart/form-data",
        data={
            "csrf_token": token,
            "kind": "partners",
            "programme": "",
            "file": (io.BytesIO(content), "partners.csv"),
        },
    )
    report = html.unescape(
        client.get(response.headers["Location"], headers=SERBIAN).get_data(as_text=True)
    )
    assert "description: nedostaje (obavezno)" in report
    assert "sector: nepoznat sektor „voće“" in report and "missing (required)" not in report
    columns = html.unescape(client.get("/lead/imports", headers=SERBIAN).get_data(as_text=True))
    assert "Čime se kompanija bavi." in columns and "What the company does." not in columns
