"""In the browser, after the pairing: the pair agree, set goals, log and plan sessions, write,
answer the 30-day pulse (the test moves the mentorship's clock), close out; the lead sees the
lights change and downloads the impact report."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
import sqlalchemy as sa
from playwright.sync_api import expect

from mentorship.extensions import db
from mentorship.models import Mentorship
from mentorship.services.mentorships.access import ensure_mentorships
from tests.e2e.conftest import log_in
from tests.factories import PASSWORD, LeadFactory, MatchFactory
from tests.mentorship_pairs import move_start

pytestmark = pytest.mark.e2e
BELGRADE = ZoneInfo("Europe/Belgrade")


def choose(page, name: str, value: int) -> None:
    page.locator(f"input[name='{name}'][value='{value}']").check()


def answer_outcomes(page, phase: str, level: int) -> None:
    form = page.locator(f"#outcomes-{phase}")
    for area in (
        "confidence",
        "business_skills",
        "leadership",
        "networks_market_reach",
        "strategy",
        "access_to_capital",
    ):
        form.locator(f"input[name='{area}'][value='{level}']").check()
    form.get_by_role("button", name="Save my answers").click()
    expect(page.get_by_text("Thank you: your outcome answers are saved.")).to_be_visible()


def test_a_mentorship_from_agreement_to_impact_report(live_server, new_page, shots, tmp_path):
    with live_server.db():
        LeadFactory(email="lead.after@example.org")
        # Approved as the lead approves (tests/services cover the approval hook); the pairing
        # gets its mentorship on first view, as pairings approved before this release do.
        MatchFactory(status="approved")
        ensure_mentorships()
        mentorship = db.session.scalar(sa.select(Mentorship))
        ids = {
            "id": mentorship.id,
            "her": mentorship.entrepreneur.email,
            "mentor": mentorship.mentor.email,
            "mentor_name": mentorship.mentor.name,
        }
    her = new_page()
    log_in(her, ids["her"], PASSWORD)
    her.get_by_role("link", name="Mentorships").click()
    expect(her.get_by_text("Too early to tell")).to_be_visible()
    her.get_by_role("link", name=f"With {ids['mentor_name']}").click()
    answer_outcomes(her, "baseline", 2)

    her.get_by_label("How often").fill("Every two weeks")
    her.get_by_label("How", exact=True).fill("Video call")
    her.get_by_label("What success looks like").fill("Three hotels buy every month.")
    her.get_by_role("button", name="Save the agreement").click()
    expect(her.get_by_text("Agreement saved.")).to_be_visible()
    for title in ("Price list for hotels", "HACCP plan"):
        her.get_by_label("Goal", exact=True).fill(title)
        her.get_by_role("button", name="Add the goal").click()
        expect(her.locator(".goal-title", has_text=title)).to_be_visible()

    her.locator("#held-minutes").fill("0")
    her.get_by_role("button", name="Log the session").click()
    expect(her.locator("#held-minutes")).to_have_js_property("validity.valid", False)
    her.locator("#held-minutes").fill("90")
    her.locator("#held-topics").fill("Pricing")
    her.get_by_role("button", name="Log the session").click()
    expect(her.get_by_text("Session saved.")).to_be_visible()
    her.get_by_role("button", name="Rate this session 5 of 5").click()
    expect(her.get_by_text("your rating of the session is saved")).to_be_visible()
    expect(her.locator("#average-rating")).to_contain_text("5.0 of 5")
    local_start = datetime.combine(date.today() + timedelta(days=5), time(17, 30), BELGRADE)
    her.locator("#starts_at").fill(local_start.strftime("%Y-%m-%dT%H:%M"))
    her.locator("#plan-minutes").fill("45")
    her.get_by_role("button", name="Plan and invite").click()
    expect(her.get_by_text("Session saved.")).to_be_visible()
    with her.expect_download() as download:
        her.get_by_role("link", name="Add to calendar (.ics)").click()
    ics = download.value.path().read_text()
    utc_start = local_start.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    assert "BEGIN:VEVENT" in ics and f"DTSTART:{utc_start}" in ics

    her.get_by_label("Message").fill("Thank you! Shall we meet next week?")
    her.get_by_role("button", name="Send").click()
    expect(her.get_by_text("not read yet")).to_be_visible()
    shots(her, "entrepreneur-mentorship")

    lead_page = new_page()
    log_in(lead_page, "lead.after@example.org", PASSWORD)
    lead_page.goto("/mentorships")
    expect(lead_page.locator(".light").first).to_have_text("On track")

    mentor = new_page()
    log_in(mentor, ids["mentor"], PASSWORD)
    mentor.goto(f"/mentorships/{ids['id']}")
    expect(mentor.get_by_text("Shall we meet next week?")).to_be_visible()
    mentor.get_by_label("Message").fill("Yes, Tuesday at five works.")
    mentor.get_by_role("button", name="Send").click()
    mentor.get_by_role("button", name="Mark “Price list for hotels” as done").click()
    expect(mentor.get_by_text("Goal saved.")).to_be_visible()
    shots(mentor, "mentor-mentorship")

    with live_server.db():
        move_start(db.session.get(Mentorship, ids["id"]), 31)
    her.reload()
    expect(her.locator(".message-mine .meta").first).to_contain_text("· read")
    choose(her, "pulse", 2)
    her.get_by_label("In one line").fill("A slow month, I need more time")
    her.get_by_role("button", name="Send the check-in").click()
    expect(her.get_by_text("Thank you for your check-in.")).to_be_visible()
    expect(her.locator("#check-in-form")).to_have_count(0)

    lead_page.reload()
    expect(lead_page.locator(".light").first).to_have_text("Needs a check-in")
    expect(lead_page.get_by_text("(low pulse)")).to_be_visible()

    her.locator("input[name='status'][value='completed']").check()
    choose(her, "nps", 9)
    her.get_by_role("button", name="Close the mentorship").click()
    expect(her.get_by_text("the mentorship is closed")).to_be_visible()
    answer_outcomes(her, "endline", 4)
    shots(her, "entrepreneur-closed")

    lead_page.reload()
    expect(lead_page.locator(".light").first).to_have_text("Closed")
    lead_page.get_by_role("link", name="Impact report").click()
    totals = lead_page.locator("#impact-totals")
    expect(totals).to_contain_text("Sessions held")
    expect(lead_page.locator("#impact-session-rating")).to_have_text("5.0")
    outcome_rows = lead_page.locator("#impact-outcomes")
    expect(outcome_rows.get_by_role("row", name="Confidence")).to_contain_text("+2.0")
    shots(lead_page, "lead-impact-report")
    with lead_page.expect_download() as download:
        lead_page.get_by_role("link", name="Download XLSX").click()
    assert download.value.path().read_bytes()[:2] == b"PK"
