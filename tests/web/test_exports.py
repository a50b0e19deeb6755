"""Exports: CSV and XLSX downloads for the lead, per programme, safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import io
import re

import pytest
from openpyxl import load_workbook

from mentorship.extensions import db
from mentorship.models import Programme
from mentorship.services import audit
from tests.factories import (
    EntrepreneurFactory,
    IdeaFactory,
    LeadFactory,
    MatchFactory,
    MentorFactory,
)


def csv_rows(response) -> list[list[str]]:
    return list(
        csv.reader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"), newline=""))
    )


def xlsx_rows(response) -> list[list[object]]:
    sheet = load_workbook(io.BytesIO(response.get_data())).active
    return [list(row) for row in sheet.iter_rows(values_only=True)]


@pytest.fixture
def lead(auth):
    user = LeadFactory()
    auth.login(user.email)
    return user


def approved_pairing(title: str, programme_id: int | None = None, mentor_name: str = "Vesna Ilić"):
    idea = IdeaFactory(title=title, programme_id=programme_id)
    return MatchFactory(idea=idea, mentor=MentorFactory(name=mentor_name), status="approved")


def test_pairings_export_lists_approved_pairings(client, lead):
    approved_pairing("Plum jam from Merošina")
    rows = csv_rows(client.get("/lead/exports/pairings.csv"))
    assert rows[0][:4] == ["match_id", "kind", "idea_id", "idea_title"]
    assert rows[1][3] == "Plum jam from Merošina" and rows[1][8] == "Vesna Ilić"


def test_exports_filter_by_programme(client, lead):
    programme = Programme(name="Start-up training")
    db.session.add(programme)
    db.session.commit()
    approved_pairing("Inside the programme", programme.id)
    approved_pairing("Outside the programme", mentor_name="Other Mentor")
    rows = csv_rows(client.get(f"/lead/exports/pairings.csv?programme={programme.id}"))
    assert [row[3] for row in rows[1:]] == ["Inside the programme"]


def test_an_unknown_programme_is_a_404_not_an_unfiltered_file(client, lead):
    assert client.get("/lead/exports/pairings.csv?programme=999").status_code == 404


@pytest.mark.parametrize(
    "payload", ['=HYPERLINK("http://evil")', "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"]
)
def test_csv_injection_is_neutralised(client, lead, payload):
    approved_pairing(payload)
    rows = csv_rows(client.get("/lead/exports/pairings.csv"))
    assert rows[1][3] == "'" + payload


def test_xlsx_cells_are_text_not_formulas(client, lead):
    approved_pairing("=1+1")
    rows = xlsx_rows(client.get("/lead/exports/pairings.xlsx"))
    assert rows[1][3] == "'=1+1"


def test_ideas_export_has_one_row_per_match_and_ideas_without_matches(client, lead):
    match = approved_pairing("Matched idea")
    IdeaFactory(title="Lonely idea")
    rows = csv_rows(client.get("/lead/exports/ideas.csv"))
    titles = [row[1] for row in rows[1:]]
    assert titles.count("Matched idea") == 1 and "Lonely idea" in titles
    assert rows[1][14] == "approved" and rows[1][12] == match.mentor.name


def test_mentor_load_export_counts_approved_pairings(client, lead):
    match = approved_pairing("Plum jam")
    rows = xlsx_rows(client.get("/lead/exports/mentor-load.xlsx"))
    row = next(r for r in rows[1:] if r[0] == match.mentor_id)
    assert (row[4], row[5], row[6]) == (3, 1, 2)


def test_audit_export_lists_entries_with_their_actor(client, lead):
    audit.record(lead, "mentor.approve", "user", 7, before="pending", after="active", note="=cmd")
    db.session.commit()
    rows = csv_rows(client.get("/lead/exports/audit.csv"))
    entry = next(r for r in rows[1:] if r[4] == "mentor.approve")
    assert entry[2] == lead.name and entry[9] == "'=cmd"


def test_the_audit_export_writes_an_entry_as_the_trail_csv_does(client, lead):
    """One writer for an entry: the export is the trail's columns after the entry's id."""
    audit.record(
        lead,
        "match.reject",
        "match",
        4,
        before="proposed",
        after="rejected",
        note="=x",
        details={"kind": "mentor", "idea_id": 9},
    )
    audit.record(lead, "mentor.approve", "user", None)
    db.session.commit()
    exported = csv_rows(client.get("/lead/exports/audit.csv"))
    trail = list(csv.reader(io.StringIO(client.get("/lead/audit.csv").get_data(as_text=True))))
    assert exported[0][1:] == [
        "at",
        "actor",
        "actor_email",
        "action",
        "object_type",
        "object_id",
        "before",
        "after",
        "note",
        "details",
    ]
    written = {row[3]: row[:10] for row in trail[1:]}
    for row in exported[1:]:
        assert row[1:] == written[row[4]]
    assert written["match.reject"][7:9] == ["rejected", "'=x"]
    assert written["mentor.approve"][5] == ""
    # Whole seconds in UTC, as the trail always wrote them (scripts read this column).
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", row[0]) for row in written.values())


def test_only_the_lead_exports(client, auth):
    auth.login(EntrepreneurFactory().email)
    assert client.get("/lead/exports/audit.csv").status_code == 403


def test_anonymous_visitor_cannot_export(client):
    response = client.get("/lead/exports/pairings.xlsx")
    assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_export_page_links_every_export_in_both_formats(client, lead):
    html = client.get("/lead/exports").get_data(as_text=True)
    for name in ("pairings", "ideas", "mentor-load", "audit"):
        assert f"/lead/exports/{name}.csv" in html and f"/lead/exports/{name}.xlsx" in html


@pytest.mark.parametrize("name", ["pairings", "ideas", "mentor-load", "audit"])
def test_a_csv_export_names_its_charset_once(client, lead, name):
    response = client.get(f"/lead/exports/{name}.csv")
    assert response.headers["Content-Type"] == "text/csv; charset=utf-8"


def test_ideas_export_has_the_ideas_city(client, lead):
    IdeaFactory(title="Ajvar", city="Leskovac")
    rows = csv_rows(client.get("/lead/exports/ideas.csv"))
    assert rows[1][rows[0].index("city")] == "Leskovac"
