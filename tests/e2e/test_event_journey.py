"""In the browser: a B2B matchmaking day from set-up to the report."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from playwright.sync_api import expect

from mentorship.extensions import db
from mentorship.models import Event, MeetingOutcome
from tests.e2e.conftest import log_in
from tests.event_factories import PartnerContactFactory, held
from tests.factories import PASSWORD, IdeaFactory, LeadFactory, PartnerFactory

pytestmark = pytest.mark.e2e


def test_lead_sets_up_an_event_participants_meet_and_outcomes_reach_the_report(
    live_server, new_page, shots
):
    with live_server.db():
        lead = LeadFactory().email
        idea = IdeaFactory(title="Plum jam from Merošina")
        her, her_name = idea.owner.email, idea.owner.name
        partner = PartnerFactory(name="Hotel SUMATOVAC")
        contact = PartnerContactFactory(partner=partner, name="Marko Ilić")
        them = contact.email

    boss = new_page()
    log_in(boss, lead, PASSWORD)
    boss.goto("/events/new")
    boss.get_by_label("Name").fill("Days of Clusters")
    boss.get_by_label("Place").fill("Niš")
    boss.get_by_label("First day").fill("2026-12-10")
    boss.get_by_label("Last day").fill("2026-12-10")
    boss.get_by_label("Meeting length (minutes)").fill("20")
    boss.get_by_role("button", name="Create the event").click()
    expect(boss.get_by_role("heading", name="Days of Clusters")).to_be_visible()
    for name, start, end in (("Morning", "09:00", "10:00"), ("Afternoon", "14:00", "15:00")):
        boss.get_by_label("Session name").fill(name)
        boss.get_by_label("Starts").fill(f"2026-12-10T{start}")
        boss.get_by_label("Ends").fill(f"2026-12-10T{end}")
        boss.get_by_label("Tables").fill("3")
        boss.get_by_role("button", name="Add the session").click()
        expect(boss.get_by_text("The session is added.")).to_be_visible()
    boss.get_by_role("button", name="Open registration").click()
    expect(boss.get_by_text("registration open").first).to_be_visible()
    shots(boss, "event-set-up")
    with live_server.db():
        event_id = db.session.scalar(sa.select(Event.id))

    woman = new_page()
    log_in(woman, her, PASSWORD)
    woman.goto(f"/events/{event_id}")
    woman.get_by_label("Morning").check()
    woman.get_by_label("Afternoon").check()
    woman.get_by_label("The idea you take part with").select_option(label="Plum jam from Merošina")
    woman.get_by_role("button", name="Register").click()
    expect(woman.get_by_text("You are registered. Your sessions are saved.")).to_be_visible()

    firm = new_page()
    log_in(firm, them, PASSWORD)
    firm.goto(f"/events/{event_id}")
    firm.get_by_label("Afternoon").check()
    firm.get_by_role("button", name="Register").click()
    expect(firm.get_by_text("You are registered. Your sessions are saved.")).to_be_visible()

    woman.goto(f"/events/{event_id}/meetings")
    woman.get_by_label("Whom you would like to meet").select_option(
        label="Marko Ilić (Hotel SUMATOVAC)"
    )
    woman.get_by_label("Why").fill("The hotel kitchen needs jam for breakfast.")
    woman.get_by_role("button", name="Send the request").click()
    expect(woman.get_by_text("Your request is sent.")).to_be_visible()

    firm.goto(f"/events/{event_id}/meetings")
    expect(firm.get_by_text("The hotel kitchen needs jam for breakfast.")).to_be_visible()
    firm.get_by_role("button", name="Accept").click()
    expect(firm.get_by_text("Your answer is saved.")).to_be_visible()
    shots(firm, "request-accepted")

    boss.goto(f"/events/{event_id}/schedule")
    boss.get_by_role("button", name="Compute the schedule").click()
    expect(boss.get_by_text("1 meetings placed, 0 left out")).to_be_visible()
    boss.get_by_role("button", name="Publish as final").click()
    expect(boss.get_by_text("The schedule is published and participants are told.")).to_be_visible()
    shots(boss, "table-plan")

    woman.goto(f"/events/{event_id}/agenda")
    row = woman.locator(".agenda-table tbody tr")
    expect(row).to_have_count(1)
    expect(row).to_contain_text("Marko Ilić (Hotel SUMATOVAC)")
    expect(row).to_contain_text("The hotel kitchen needs jam for breakfast.")
    shots(woman, "agenda")
    with woman.expect_download() as download:
        woman.get_by_role("link", name="Download for your calendar (.ics)").click()
    ics = download.value.path().read_text()
    assert "BEGIN:VEVENT" in ics and "Marko Ili" in ics
    expect(woman.get_by_label("Outcome")).to_have_count(0)  # asked once it has taken place
    with live_server.db():
        held(db.session.get(Event, event_id))
    woman.reload()
    woman.get_by_label("Outcome").select_option(label="Agreement signed")
    woman.get_by_label("Cooperation type").select_option(label="Supplier")
    woman.get_by_role("button", name="Save the outcome").click()
    expect(woman.get_by_text("The outcome is saved.")).to_be_visible()
    with live_server.db():
        assert db.session.scalars(sa.select(MeetingOutcome)).one().cooperation_type == "supplier"

    boss.goto(f"/events/{event_id}/report")
    expect(boss.locator('[data-stat="agreement"]')).to_have_text("1")
    shots(boss, "report")
    assert her_name
