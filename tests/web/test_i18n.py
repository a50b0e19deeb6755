"""The interface in English and Serbian (Latin): catalogue completeness, language choice, formats."""

from __future__ import annotations

import gettext
import html
import re
from datetime import datetime
from pathlib import Path

import pytest
import sqlalchemy as sa
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po
from flask import render_template_string

from mentorship.extensions import db
from mentorship.models import OutboxEmail, User
from mentorship.services.notifications import ProposalChange, notify_proposal_changes
from tests.factories import (
    ClusterFactory,
    EntrepreneurFactory,
    IdeaFactory,
    LeadFactory,
    MatchFactory,
    MentorFactory,
    PartnerFactory,
)

ROOT = Path(__file__).resolve().parents[2]
CATALOG = ROOT / "mentorship" / "translations" / "sr" / "LC_MESSAGES"
KEYWORDS = {
    **DEFAULT_KEYWORDS,
    "_l": None,
    "lazy_gettext": None,
    "lazy_ngettext": (1, 2),
    "lazy_pgettext": ((1, "c"), 2),
    "NC_": ((1, "c"), 2),
}
SERBIAN = {"Accept-Language": "sr-RS,sr;q=0.9"}
ENGLISH = {"Accept-Language": "en-GB,en;q=0.9"}


def _catalog():
    with open(CATALOG / "messages.po", "rb") as po_file:
        return read_po(po_file, locale="sr")


def _extracted_msgids() -> set:
    with open(ROOT / "babel.cfg") as config:
        method_map, options_map = parse_mapping_cfg(config)
    found = set()
    for _filename, _lineno, message, _comments, context in extract_from_dir(
        str(ROOT), method_map, options_map, keywords=KEYWORDS
    ):
        found.add((message if isinstance(message, str) else message[0], context))
    return found


def test_every_wrapped_string_has_a_serbian_translation():
    catalog = _catalog()
    untranslated = []
    for msgid, context in sorted(_extracted_msgids(), key=lambda found: (found[0], found[1] or "")):
        message = catalog.get(msgid, context)
        strings = (
            []
            if message is None
            else ([message.string] if isinstance(message.string, str) else list(message.string))
        )
        if message is None or message.fuzzy or not all(strings):
            untranslated.append(msgid if context is None else f"{context}|{msgid}")
    assert untranslated == [], "run pybabel update and translate (see README, Translations)"


def test_the_catalog_declares_serbian_three_plural_forms():
    assert _catalog().num_plurals == 3


def test_the_compiled_catalog_is_not_stale():
    with open(CATALOG / "messages.mo", "rb") as mo_file:
        compiled = gettext.GNUTranslations(mo_file)._catalog
    expected = {}
    for message in _catalog():
        if not message.id or message.fuzzy:
            continue
        # gettext keys a message with a context as "context\x04msgid".
        key = message.id if isinstance(message.id, str) else message.id[0]
        if message.context:
            key = f"{message.context}\x04{key}"
        if isinstance(message.id, str):
            expected[key] = message.string
        else:
            for index, text in enumerate(message.string):
                expected[(key, index)] = text
    compiled = {key: value for key, value in compiled.items() if key != ""}
    assert compiled == expected, "run pybabel compile -d mentorship/translations"


# --- choosing the language -------------------------------------------------------------------


@pytest.mark.parametrize(
    "accept", ["sr", "sr-Latn", "sr-RS", "sr-Latn-RS", "hr", "bs-BA", "de, hr;q=0.5"]
)
def test_serbian_and_its_neighbours_get_the_serbian_interface(client, accept):
    page = client.get("/login", headers={"Accept-Language": accept}).get_data(as_text=True)
    assert '<html lang="sr">' in page and "Prijava" in page


@pytest.mark.parametrize("accept", ["en", "de", "fr-FR, it;q=0.8", ""])
def test_other_browsers_get_the_english_interface(client, accept):
    page = client.get("/login", headers={"Accept-Language": accept}).get_data(as_text=True)
    assert '<html lang="en">' in page and "Log in" in page


def _switch(client, locale: str, next_url: str = "/login", headers=ENGLISH):
    page = client.get("/", headers=headers).get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    return client.post(
        "/language", data={"csrf_token": token, "locale": locale, "next": next_url}, headers=headers
    )


def test_the_switcher_keeps_the_choice_for_the_session(client):
    response = _switch(client, "sr")
    assert response.status_code == 302 and response.headers["Location"] == "/login"
    page = client.get("/login", headers=ENGLISH).get_data(as_text=True)
    assert "Prijava" in page


def test_the_switcher_stores_the_choice_on_the_account(client, auth):
    user = EntrepreneurFactory()
    auth.login(user.email)
    _switch(client, "sr", "/profile")
    db.session.expire_all()
    assert db.session.get(User, user.id).locale == "sr"


def test_a_stored_choice_follows_the_user_to_a_new_browser(app, auth):
    user = EntrepreneurFactory(locale="sr")
    fresh = app.test_client()
    page = fresh.get("/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    fresh.post(
        "/login",
        data={"email": user.email, "password": "correct horse battery", "csrf_token": token},
    )
    assert "Kontrolna tabla" in fresh.get("/", headers=ENGLISH).get_data(as_text=True)


def test_the_switcher_refuses_an_unknown_language(client):
    _switch(client, "de")
    assert "Log in" in client.get("/login", headers=ENGLISH).get_data(as_text=True)


def test_the_switcher_never_sends_the_user_to_another_site(client):
    response = _switch(client, "sr", "//evil.example/")
    assert response.headers["Location"] == "/"


def test_the_switcher_needs_its_csrf_token(client):
    response = client.post("/language", data={"locale": "sr", "next": "/"})
    assert response.status_code == 400


def test_a_new_account_keeps_the_language_it_signed_up_in(client):
    page = client.get("/register", headers=SERBIAN).get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    client.post(
        "/register",
        headers=SERBIAN,
        data={
            "csrf_token": token,
            "role": "entrepreneur",
            "name": "Jovana Ilić",
            "email": "jovana@example.rs",
            "password": "dugacka-lozinka",
            "confirm": "dugacka-lozinka",
        },
    )
    assert (
        db.session.scalar(sa.select(User.locale).where(User.email == "jovana@example.rs")) == "sr"
    )


def test_the_api_answers_in_english_whatever_the_browser_says(client):
    body = client.get("/api/v1/partners/999999", headers=SERBIAN).get_json()
    assert body["error"]["code"] in {"not_found", "unauthorized"}
    assert "nije" not in body["error"]["message"]


# --- formats ----------------------------------------------------------------------------------

MOMENT = datetime(2026, 11, 26, 16, 39)  # stored in UTC; shown in Belgrade time (UTC+1 in November)


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        (ENGLISH, "26 Nov 2026, 17:39"),
        (SERBIAN, "26. nov 2026. 17:39"),
    ],
)
def test_dates_are_written_the_way_each_language_writes_them(app, headers, expected):
    with app.test_request_context("/", headers=headers):
        assert render_template_string("{{ moment|datetime }}", moment=MOMENT) == expected


def test_times_follow_the_configured_display_time_zone(_schema, tmp_path):
    from mentorship import create_app
    from tests.conftest import app_config

    utc_app = create_app(app_config(_schema, tmp_path, BABEL_DEFAULT_TIMEZONE="UTC"))
    with utc_app.test_request_context("/", headers=ENGLISH):
        assert (
            render_template_string("{{ moment|datetime }}", moment=MOMENT) == "26 Nov 2026, 16:39"
        )


@pytest.mark.parametrize(("headers", "expected"), [(ENGLISH, "12,345.5"), (SERBIAN, "12.345,5")])
def test_numbers_use_the_languages_separators(app, headers, expected):
    with app.test_request_context("/", headers=headers):
        assert render_template_string("{{ 12345.5|number }}") == expected


def test_sector_labels_follow_the_language(app):
    with app.test_request_context("/", headers=SERBIAN):
        assert render_template_string("{{ 'food'|sector_label }}") == "Hrana i piće"


# --- e-mails ----------------------------------------------------------------------------------


def test_a_serbian_speaking_mentor_gets_her_email_in_serbian(app):
    idea = IdeaFactory(title="Džem iz Merošine")
    serbian = MentorFactory(locale="sr", instant_emails=True)
    english = MentorFactory(locale=None, instant_emails=True)
    with app.test_request_context("/", headers=ENGLISH):
        notify_proposal_changes(
            [ProposalChange(idea, serbian.id, 1), ProposalChange(idea, english.id, 2)], []
        )
        db.session.commit()
    subjects = dict(db.session.execute(sa.select(OutboxEmail.user_id, OutboxEmail.subject)).all())
    assert subjects[serbian.id] == "Nova ideja za vaš pregled: „Džem iz Merošine“"
    assert subjects[english.id] == "A new idea for you to review: “Džem iz Merošine”"


# --- every page, every role, both languages ----------------------------------------------------


@pytest.fixture
def world(app):
    return make_world()


def make_world() -> dict:
    """A small programme: one of each role, an idea with proposals, a partner and a cluster."""
    lead, mentor, owner = LeadFactory(), MentorFactory(), EntrepreneurFactory()
    pending = MentorFactory()
    pending.mentor_profile.status = "pending"
    idea = IdeaFactory(owner=owner, status="matched")
    match = MatchFactory(idea=idea, mentor=mentor)
    partner, cluster = PartnerFactory(name="Mlekara Čačak"), ClusterFactory()
    db.session.commit()
    return {
        "lead": lead,
        "mentor": mentor,
        "entrepreneur": owner,
        "pending": pending,
        "idea": idea,
        "match": match,
        "partner": partner,
        "cluster": cluster,
    }


# Pages whose every string is wrapped: their Serbian rendering must hold no English catalogue entry.
TRANSLATED_PAGES = {
    "anonymous": ["/", "/login", "/register", "/forgot-password", "/no-such-page"],
    "entrepreneur": [
        "/",
        "/profile",
        "/partners",
        "/clusters?q=cacak",
        "/partners?q=nothing-like-it",
        "/ideas",
        "/ideas/new",
        "/ideas/{idea}",
        "/ideas/{idea}/edit",
        "/ideas/{idea}/withdraw",
        "/ideas?show=withdrawn",
        "/notifications",
        "/account/password",
        "/account/delete",
    ],
    "mentor": [
        "/",
        "/profile",
        "/clusters",
        "/reviews",
        "/reviews/{match}",
        "/reviews?status=approved",
        "/notifications",
    ],
    "lead": [
        "/",
        "/lead/mentors",
        "/lead/mentors?status=pending",
        "/partners/new",
        "/partners/{partner}/edit",
        "/partners/{partner}/delete",
        "/clusters/new",
        "/lead/mentors/{mentor}/deactivate",
        "/profile",
        "/ideas",
        "/ideas/{idea}",
        "/lead/plan",
        "/lead/approvals",
        "/lead/audit",
        "/lead/programmes",
        "/lead/programmes/new",
        "/lead/imports",
        "/lead/exports",
        "/lead/dashboard",
        "/notifications",
    ],
}
# Pages that must render in both languages, whose strings are not all wrapped yet.
OTHER_PAGES: dict[str, list[str]] = {}


def _english_entries() -> list[str]:
    """Catalogue entries long and plain enough to be unmistakable if left in English on a page."""
    return [
        message.id
        for message in _catalog()
        if isinstance(message.id, str)
        and len(message.id) >= 18
        and "%(" not in message.id
        and "<" not in message.id
        and message.string != message.id
    ]


def _pages(table: dict[str, list[str]]):
    return [(role, path) for role, paths in table.items() for path in paths]


def _open(client, auth, world, role: str, path: str, headers):
    if role != "anonymous":
        auth.login(world[role].email)
    url = path.format(**{key: getattr(value, "id", None) for key, value in world.items()})
    response = client.get(url, headers=headers)
    return response.status_code, html.unescape(response.get_data(as_text=True))


@pytest.mark.parametrize(("role", "path"), _pages(TRANSLATED_PAGES))
def test_translated_pages_show_no_english_in_serbian(client, auth, world, role, path):
    status, page = _open(client, auth, world, role, path, SERBIAN)
    assert status == (404 if path == "/no-such-page" else 200)
    assert '<html lang="sr">' in page
    left_in_english = [text for text in _english_entries() if text in page]
    assert left_in_english == []


@pytest.mark.parametrize(("role", "path"), _pages(TRANSLATED_PAGES) + _pages(OTHER_PAGES))
@pytest.mark.parametrize("headers", [ENGLISH, SERBIAN], ids=["en", "sr"])
def test_every_page_renders_in_both_languages(client, auth, world, role, path, headers):
    status, _page = _open(client, auth, world, role, path, headers)
    assert status == (404 if path == "/no-such-page" else 200)


def test_the_directory_search_finds_cacak_in_serbian_too(client, auth, world):
    auth.login(world["entrepreneur"].email)
    page = client.get("/partners?q=Cacak", headers=SERBIAN).get_data(as_text=True)
    assert "Mlekara Čačak" in page and "1 partner" in page
