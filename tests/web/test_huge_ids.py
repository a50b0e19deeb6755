"""Ids typed into URLs and forms: a number no database row can have is "not found", not a 500."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from mentorship.extensions import db
from mentorship.main.ids import parse_id
from mentorship.models import Match
from tests.factories import EntrepreneurFactory, LeadFactory, MatchFactory, PartnerFactory

HUGE = "99999999999999999999"


@pytest.mark.parametrize(
    "path",
    [
        "/partners/99999999999",
        "/ideas/99999999999",
        "/events/99999999999",
        "/reviews/99999999999",
        "/imports/99999999999",
    ],
)
def test_a_huge_id_in_a_url_is_not_found(client, auth, path):
    auth.login(LeadFactory().email)
    assert client.get(path).status_code == 404


def test_a_partner_page_still_opens_by_its_id(client, auth):
    partner = PartnerFactory(name="Hotel Sumatovac")
    auth.login(LeadFactory().email)
    assert "Hotel Sumatovac" in client.get(f"/partners/{partner.id}").get_data(as_text=True)


@pytest.mark.parametrize("forged", [HUGE, "²", "٣", "-4", " 7x"])
def test_a_forged_id_in_a_bulk_decision_is_left_out(client, auth, submit, forged):
    match = MatchFactory(status="accepted")
    auth.login(LeadFactory().email)
    response = submit(
        "/lead/approvals/bulk",
        {"decision": "reject", "match_ids": [forged, match.id], "confirmed": "yes"},
        page="/lead/approvals",
    )
    assert response.status_code == 200
    assert db.session.scalar(sa.select(Match.status).where(Match.id == match.id)) == "rejected"


def test_only_a_forged_id_asks_to_tick_a_match(client, auth, submit):
    auth.login(LeadFactory().email)
    response = submit(
        "/lead/approvals/bulk",
        {"decision": "approve", "match_ids": [HUGE]},
        page="/lead/approvals",
    )
    assert response.status_code == 200
    assert "Tick at least one match" in response.get_data(as_text=True)


def test_an_idea_with_a_forged_programme_is_not_a_500(client, auth, submit):
    auth.login(EntrepreneurFactory().email)
    response = submit(
        "/ideas/new",
        {"title": "Plum jam", "description": "Plum jam for hotels in Niš.", "programme": "²:³"},
        page="/ideas/new",
    )
    assert response.status_code in (200, 302)


@pytest.mark.parametrize(
    ("value", "expected"),
    [("42", 42), (" 42 ", 42), ("0", None), ("2147483648", None), ("²", None), ("", None)],
)
def test_parse_id(value, expected):
    assert parse_id(value) == expected
