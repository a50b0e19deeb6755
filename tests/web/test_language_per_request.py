"""One process serves English and Serbian readers in turn: nothing keeps the first page's language.

Each test renders pages in one language and then the other with the same app, the way a server
process does, so a label translated once at import or on first use shows up in the wrong language.
"""

from __future__ import annotations

import html
import re

import pytest
from babel.messages.pofile import read_po

from mentorship.extensions import db
from tests.factories import (
    EntrepreneurFactory,
    IdeaFactory,
    LeadFactory,
    MatchFactory,
    PartnerFactory,
)
from tests.web.test_i18n import CATALOG, ENGLISH, SERBIAN, TRANSLATED_PAGES, make_world

LANGUAGES = {"en": ENGLISH, "sr": SERBIAN}
LABELS = {
    "en": {"idea": "Matches found", "match": "Proposed", "approved": "Approved"},
    "sr": {"idea": "Pronađena poklapanja", "match": "Predloženo", "approved": "Odobreno"},
}
ORDERS = [("sr", "en"), ("en", "sr")]


def _badges(page: str) -> list[str]:
    return [
        html.unescape(text).strip() for text in re.findall(r'class="badge[^"]*">([^<]*)<', page)
    ]


@pytest.fixture
def paired_idea(app):
    owner = EntrepreneurFactory()
    idea = IdeaFactory(owner=owner, status="matched")
    MatchFactory(idea=idea)
    MatchFactory(
        idea=idea, status="approved", kind="partner", mentor=None, partner=PartnerFactory()
    )
    db.session.commit()
    return idea


@pytest.mark.parametrize(("first", "second"), ORDERS, ids=["sr-then-en", "en-then-sr"])
def test_status_labels_follow_each_requests_language(client, auth, paired_idea, first, second):
    auth.login(paired_idea.owner.email)
    for language in (first, second, first):
        page = client.get(f"/ideas/{paired_idea.id}", headers=LANGUAGES[language])
        badges = _badges(page.get_data(as_text=True))
        expected = LABELS[language]
        assert expected["idea"] in badges
        assert expected["match"] in badges and expected["approved"] in badges


@pytest.mark.parametrize(("first", "second"), ORDERS, ids=["sr-then-en", "en-then-sr"])
def test_the_leads_idea_counts_follow_each_requests_language(
    client, auth, paired_idea, first, second
):
    auth.login(LeadFactory().email)
    for language in (first, second):
        page = html.unescape(client.get("/", headers=LANGUAGES[language]).get_data(as_text=True))
        assert LABELS[language]["idea"].lower() in page
        other = "sr" if language == "en" else "en"
        assert LABELS[other]["idea"].lower() not in page


def _serbian_only_texts() -> list[str]:
    """Serbian translations long and distinct enough to be unmistakable on an English page."""
    with open(CATALOG / "messages.po", "rb") as po_file:
        catalog = read_po(po_file, locale="sr")
    english = {message.id for message in catalog if isinstance(message.id, str)}
    texts = set()
    for message in catalog:
        if not isinstance(message.string, str) or not isinstance(message.id, str):
            continue
        text = message.string
        if len(text) >= 8 and "%(" not in text and "<" not in text and text != message.id:
            if text not in english:
                texts.add(text)
    return sorted(texts)


@pytest.mark.parametrize("role", ["entrepreneur", "mentor", "lead"])
def test_english_pages_after_serbian_ones_hold_no_serbian(client, auth, world, role):
    """Every page once in Serbian (the log-in page too), then every page in English, in one app."""
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = SERBIAN["Accept-Language"]
    auth.login(world[role].email)
    ids = {key: getattr(value, "id", None) for key, value in world.items()}
    urls = [path.format(**ids) for path in TRANSLATED_PAGES[role]]
    for url in urls:
        assert client.get(url, headers=SERBIAN).status_code == 200
    serbian = _serbian_only_texts()
    for url in urls:
        page = html.unescape(client.get(url, headers=ENGLISH).get_data(as_text=True))
        assert [text for text in serbian if text in page] == [], url


@pytest.fixture
def world(app):
    return make_world()
