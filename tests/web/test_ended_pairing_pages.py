"""Ended pairings on the pages, in the API and in the lead's reports and exports."""

from __future__ import annotations

import csv
import html
import io

import pytest

from mentorship.services.directory import delete_organisation
from tests.factories import (
    EntrepreneurFactory,
    IdeaFactory,
    LeadFactory,
    MatchFactory,
    MentorFactory,
    PartnerFactory,
)

SERBIAN = {"Accept-Language": "sr-RS,sr;q=0.9"}


@pytest.fixture
def ended(app):
    """An entrepreneur's idea whose approved partner was removed from the directory."""
    owner = EntrepreneurFactory()
    idea = IdeaFactory(owner=owner, status="matched", title="Plum jam for hotels")
    partner = PartnerFactory(name="Hotel Sumatovac")
    MatchFactory(idea=idea, kind="partner", mentor=None, partner=partner, status="approved")
    lead = LeadFactory()
    delete_organisation(lead, partner)
    return {"owner": owner, "idea": idea, "lead": lead}


def text_of(response) -> str:
    return html.unescape(response.get_data(as_text=True))


def rows_of(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))


def test_the_idea_page_shows_the_pairing_as_ended_with_the_reason(client, auth, ended):
    auth.login(ended["owner"].email)
    page = text_of(client.get(f"/ideas/{ended['idea'].id}"))
    assert "Hotel Sumatovac" in page
    assert "the partner company was removed from the directory" in page
    assert "The programme introduces you" not in page


def test_the_idea_page_says_so_in_serbian(client, auth, ended):
    auth.login(ended["owner"].email)
    page = text_of(client.get(f"/ideas/{ended['idea'].id}", headers=SERBIAN))
    assert "Završeno" in page and "uklonjena iz imenika" in page


def test_the_api_keeps_the_pairing_approved_and_says_it_ended(client, api_headers, ended):
    response = client.get(
        f"/api/v1/ideas/{ended['idea'].id}/matches", headers=api_headers(ended["owner"])
    )
    [match] = response.get_json()["items"]
    assert match["status"] == "approved" and match["end_reason"] == "partner_deleted"
    assert match["ended_at"].endswith("Z")
    assert match["target"] == {"id": None, "name": "Hotel Sumatovac"}


def test_the_openapi_document_describes_ended_pairings(client):
    match = client.get("/api/v1/openapi.json").get_json()["components"]["schemas"]["Match"]
    assert {"ended_at", "end_reason"} <= set(match["properties"])
    assert "stays `approved`" in match["properties"]["status"]["description"]


def test_the_pairings_export_says_when_and_why_it_ended(client, auth, ended):
    auth.login(ended["lead"].email)
    header, row = rows_of(client.get("/lead/exports/pairings.csv"))
    assert row[header.index("matched_with")] == "Hotel Sumatovac"
    assert row[header.index("end_reason")] == "partner_deleted"
    assert row[header.index("ended_at")]


def test_the_funnel_report_counts_ended_pairings(client, auth, ended):
    auth.login(ended["lead"].email)
    rows = rows_of(client.get("/lead/dashboard/funnel.csv"))
    ended_column = rows[0].index("Ended")
    partners = next(row for row in rows if row[0] == "Partner companies")
    assert partners[ended_column] == "1"


def test_the_delete_confirmation_says_how_many_pairings_end(client, auth):
    partner = PartnerFactory()
    for _ in range(2):
        MatchFactory(kind="partner", mentor=None, partner=partner, status="approved")
    auth.login(LeadFactory().email)
    page = text_of(client.get(f"/partners/{partner.id}/delete"))
    assert "2 approved pairings with it will end" in page


def test_a_mentors_delete_page_says_her_pairings_end_and_are_kept(client, auth):
    mentor = MentorFactory()
    MatchFactory(mentor=mentor, status="approved")
    auth.login(mentor.email)
    page = text_of(client.get("/account/delete"))
    assert "approved pairing with 1 entrepreneur's idea ends" in page
