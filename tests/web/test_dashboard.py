"""The lead's dashboard: who sees it, numbers on a small fixture, CSV, the programme filter."""

from __future__ import annotations

import csv
import io
import re
from datetime import datetime, timedelta, timezone

import pytest

from mentorship.extensions import db
from mentorship.models import Programme
from tests.factories import (
    ClusterFactory,
    EntrepreneurFactory,
    IdeaFactory,
    LeadFactory,
    MatchFactory,
    MentorFactory,
    PartnerFactory,
)

SUBMITTED = datetime(2025, 3, 3, 9, 0, tzinfo=timezone.utc)


def _csv(client, url: str, headers: dict | None = None) -> list[list[str]]:
    response = client.get(url, headers=headers)
    assert response.status_code == 200
    return list(csv.reader(io.StringIO(response.get_data().decode("utf-8-sig"))))


def _row(rows: list[list[str]], first: str) -> list[str]:
    return next(row for row in rows if row[0] == first)


@pytest.fixture
def programmes():
    spring = Programme(name="Women in Business Niš 2025")
    rural = Programme(name="Rural Start-up South Serbia")
    db.session.add_all([spring, rural])
    db.session.commit()
    return spring, rural


@pytest.fixture
def programme_data(programmes):
    """Three food ideas and a tourism one in spring; one matched tourism idea in rural.

    Spring's mentor matches: one approved 2.5 days after submission, one accepted, one declined,
    one proposed; one partner approved after 10 days, one cluster rejected.
    """
    spring, rural = programmes
    owner = EntrepreneurFactory()
    food = [
        IdeaFactory(owner=owner, sector="food", programme_id=spring.id, created_at=SUBMITTED)
        for _ in range(3)
    ]
    IdeaFactory(owner=owner, sector="tourism", programme_id=spring.id, status="matched")
    IdeaFactory(owner=owner, sector="tourism", programme_id=rural.id, status="matched")
    mentor = MentorFactory(name="Vesna Ilić", mentor_profile__capacity=2)
    MatchFactory(
        idea=food[0], mentor=mentor, status="approved", decided_at=SUBMITTED + timedelta(days=2.5)
    )
    MatchFactory(idea=food[1], mentor=mentor, status="accepted")
    MatchFactory(idea=food[2], mentor=mentor, status="declined")
    MatchFactory(idea=food[0], status="proposed")
    MatchFactory(
        idea=food[1],
        kind="partner",
        mentor=None,
        partner=PartnerFactory(),
        status="approved",
        decided_at=SUBMITTED + timedelta(days=10),
    )
    MatchFactory(
        idea=food[2], kind="cluster", mentor=None, cluster=ClusterFactory(), status="rejected"
    )
    return spring, rural


def test_anonymous_visitor_is_sent_to_log_in(client):
    response = client.get("/lead/dashboard")
    assert response.status_code == 302 and "/login" in response.headers["Location"]


@pytest.mark.parametrize("factory", [EntrepreneurFactory, MentorFactory])
def test_only_a_lead_sees_the_dashboard(client, auth, factory):
    auth.login(factory().email)
    assert client.get("/lead/dashboard").status_code == 403
    assert client.get("/lead/dashboard/sectors.csv").status_code == 403


def test_lead_nav_links_to_the_dashboard(client, auth):
    auth.login(LeadFactory().email)
    assert 'href="/lead/dashboard"' in client.get("/").get_data(as_text=True)


def test_every_chart_is_an_svg_with_a_title_and_a_description(client, auth, programme_data):
    auth.login(LeadFactory().email)
    html = client.get("/lead/dashboard").get_data(as_text=True)
    for chart_id, title in [
        ("chart-sectors", "Ideas by sector"),
        ("chart-statuses", "Ideas by status"),
        ("chart-funnel", "Match funnel"),
        ("chart-mentor-load", "Mentor load against capacity"),
        ("chart-approval-time", "Time from submission to approval"),
    ]:
        assert f'aria-labelledby="{chart_id}-title {chart_id}-desc"' in html
        assert f'<title id="{chart_id}-title">{title}</title>' in html
        assert f'<desc id="{chart_id}-desc">' in html


def test_dashboard_uses_no_inline_style_or_script(client, auth, programme_data):
    auth.login(LeadFactory().email)
    html = client.get("/lead/dashboard").get_data(as_text=True)
    inline_scripts = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", html)
    assert "style=" not in html and inline_scripts == []


def test_each_chart_has_its_numbers_as_a_table_below_it(client, auth, programme_data):
    auth.login(LeadFactory().email)
    html = client.get("/lead/dashboard").get_data(as_text=True)
    assert html.count('<table class="data-table">') == 5
    assert html.index("chart-sectors-title") < html.index("<caption>Ideas by sector</caption>")


def test_ideas_by_sector_counts_every_idea(client, auth, programme_data):
    auth.login(LeadFactory().email)
    rows = _csv(client, "/lead/dashboard/sectors.csv")
    assert rows[0] == ["Sector", "Ideas", "Share"]
    assert _row(rows, "Food and drink")[1:] == ["3", "60%"]
    assert _row(rows, "Tourism and hospitality")[1] == "2"
    assert _row(rows, "Total")[1] == "5"


def test_ideas_by_status_lists_every_status(client, auth, programme_data):
    auth.login(LeadFactory().email)
    rows = _csv(client, "/lead/dashboard/statuses.csv")
    assert _row(rows, "Waiting to be matched")[1] == "3"
    assert _row(rows, "Matches found")[1] == "2"
    assert _row(rows, "Matching did not finish")[1] == "0"


def test_funnel_counts_proposed_accepted_and_approved_per_kind(client, auth, programme_data):
    auth.login(LeadFactory().email)
    rows = _csv(client, "/lead/dashboard/funnel.csv")
    assert rows[0][:4] == ["Kind", "Proposed", "Accepted", "Approved"]
    assert _row(rows, "Mentors")[1:7] == ["4", "2", "1", "1", "0", "2"]
    assert _row(rows, "Partner companies")[1:4] == ["1", "—", "1"]
    assert _row(rows, "Startup clusters")[1:6] == ["1", "—", "0", "0", "1"]


def test_mentor_load_is_shown_against_capacity(client, auth, programme_data):
    auth.login(LeadFactory().email)
    rows = _csv(client, "/lead/dashboard/mentor-load.csv")
    assert _row(rows, "Vesna Ilić")[1:] == ["Active", "1", "2", "1"]
    assert "1 of 2" in client.get("/lead/dashboard").get_data(as_text=True)


def test_pending_mentors_are_left_out_of_the_load_chart(client, auth):
    MentorFactory(name="Waiting Mentor", mentor_profile__status="pending")
    MentorFactory(name="Working Mentor")
    auth.login(LeadFactory().email)
    html = client.get("/lead/dashboard").get_data(as_text=True)
    assert "Working Mentor" in html and "Waiting Mentor" not in html


def test_time_to_approval_has_a_median_and_buckets_by_days(client, auth, programme_data):
    auth.login(LeadFactory().email)
    rows = _csv(client, "/lead/dashboard/approval-time.csv")
    assert _row(rows, "1–2 days")[1] == "1"
    assert _row(rows, "8–14 days")[1] == "1"
    assert _row(rows, "Total")[1] == "2"
    assert "Median 6.2 days" in client.get("/lead/dashboard").get_data(as_text=True)


def test_programme_filter_limits_the_numbers_to_that_programme(client, auth, programme_data):
    _spring, rural = programme_data
    auth.login(LeadFactory().email)
    rows = _csv(client, f"/lead/dashboard/sectors.csv?programme={rural.id}")
    assert rows[1:] == [["Tourism and hospitality", "1", "100%"], ["Total", "1", "100%"]]
    assert (
        _row(_csv(client, f"/lead/dashboard/funnel.csv?programme={rural.id}"), "Mentors")[1] == "0"
    )


def test_programme_filter_shows_the_programme_and_links_its_csv(client, auth, programme_data):
    spring, _rural = programme_data
    auth.login(LeadFactory().email)
    html = client.get(f"/lead/dashboard?programme={spring.id}").get_data(as_text=True)
    assert f'<option value="{spring.id}" selected>' in html
    assert f"/lead/dashboard/funnel.csv?programme={spring.id}" in html


def test_unknown_programme_shows_all_with_a_message(client, auth):
    auth.login(LeadFactory().email)
    response = client.get("/lead/dashboard?programme=999")
    assert response.status_code == 200
    assert "Unknown programme “999”: showing all programmes." in response.get_data(as_text=True)
    assert client.get("/lead/dashboard/funnel.csv?programme=999").status_code == 404


def test_csv_is_an_attachment(client, auth, programme_data):
    auth.login(LeadFactory().email)
    response = client.get("/lead/dashboard/funnel.csv")
    assert response.mimetype == "text/csv"
    assert response.headers["Content-Disposition"] == 'attachment; filename="funnel.csv"'


def test_unknown_csv_is_not_found(client, auth):
    auth.login(LeadFactory().email)
    assert client.get("/lead/dashboard/passwords.csv").status_code == 404


def test_csv_cells_cannot_run_as_spreadsheet_formulas(client, auth):
    MentorFactory(name='=HYPERLINK("http://evil.example")')
    auth.login(LeadFactory().email)
    rows = _csv(client, "/lead/dashboard/mentor-load.csv")
    assert rows[1][0].startswith("'=")


def test_empty_programme_shows_the_page_without_charts(client, auth):
    auth.login(LeadFactory().email)
    response = client.get("/lead/dashboard")
    assert response.status_code == 200 and "Nothing to chart yet." in response.get_data(
        as_text=True
    )


def test_the_mentor_load_table_says_the_status_in_serbian(client, auth, programme_data):
    auth.login(LeadFactory().email)
    rows = _csv(client, "/lead/dashboard/mentor-load.csv", headers={"Accept-Language": "sr"})
    assert _row(rows, "Vesna Ilić")[1] == "Aktivan"  # one mentor (the list filter says "Aktivni")
