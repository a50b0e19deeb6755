"""In the browser, the whole journey: an idea goes from sign-up to an approved mentor."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from mentorship.services.accounts import create_lead
from tests.e2e.conftest import log_in
from tests.factories import PASSWORD, ClusterFactory, MentorFactory, PartnerFactory

pytestmark = pytest.mark.e2e

ENTREPRENEUR = {
    "name": "Jovana Stanković",
    "email": "jovana@example.org",
    "password": "plum-jam-2025-Niš",
}
MENTOR = {"name": "Milena Đorđević", "email": "milena.mentor@example.org"}
LEAD = {"email": "lead@example.org", "password": "lead-password-2025"}
IDEA_TITLE = "Plum jam and ajvar for hotels in Niš"
IDEA_TEXT = (
    "Homemade plum jam, ajvar and winter food from Merošina orchards, sold to hotels and "
    "restaurants in Niš. I need help with HACCP certification, jars and labels, and export."
)
LIVE_UPDATE_TIMEOUT_MS = 20_000


def arrange_people(live_server) -> None:
    with live_server.db():
        MentorFactory(
            name=MENTOR["name"],
            email=MENTOR["email"],
            mentor_profile__headline="Food processing and export",
            mentor_profile__expertise="plum jam, ajvar, fruit processing, HACCP, export, labels",
            mentor_profile__city="Niš",
        )
        PartnerFactory(name="Hotel Sumatovac", seeks="local food, jam, honey, ajvar")
        ClusterFactory(name="Niš Region Agro Start Up Cluster")
        create_lead(LEAD["email"], LEAD["password"], "Programme Lead")


def register_entrepreneur(page, shots) -> None:
    page.goto("/")
    page.get_by_role("link", name="Join the programme").first.click()
    page.get_by_label("I am an entrepreneur with a business idea").check()
    page.get_by_label("Full name").fill(ENTREPRENEUR["name"])
    page.get_by_label("E-mail").fill(ENTREPRENEUR["email"])
    page.get_by_label("Password", exact=True).fill(ENTREPRENEUR["password"])
    page.get_by_label("Repeat the password").fill(ENTREPRENEUR["password"])
    shots(page, "entrepreneur-registers")
    page.get_by_role("button", name="Create my account").click()
    expect(page.get_by_role("button", name="Save my profile")).to_be_visible()


def fill_profile(page, shots) -> None:
    page.get_by_label("Business name").fill("Slatko iz Merošine")
    page.get_by_label("City").fill("Niš")
    page.get_by_label("Sector").select_option(label="Food and drink")
    page.get_by_label("About you and your business").fill(
        "I make jam and ajvar from my family's plum orchards near Merošina."
    )
    page.get_by_role("button", name="Save my profile").click()
    expect(page.get_by_text("Your profile is saved.")).to_be_visible()
    shots(page, "entrepreneur-profile-saved")


def submit_idea_and_watch_it_match(page, shots) -> str:
    page.get_by_role("link", name="Submit an idea").click()
    page.get_by_label("Title").fill(IDEA_TITLE)
    page.get_by_label("Description").fill(IDEA_TEXT)
    shots(page, "entrepreneur-submits-idea")
    page.get_by_role("button", name="Submit and find matches").click()
    expect(page.get_by_role("heading", name=IDEA_TITLE)).to_be_visible()
    status = page.locator("#idea-progress")
    expect(status).not_to_have_attribute("data-status", "matched")
    shots(page, "idea-waiting-for-matches")
    # No reload from here on: the page follows the status by itself.
    expect(status).to_have_attribute("data-status", "matched", timeout=LIVE_UPDATE_TIMEOUT_MS)
    expect(page.get_by_text("Matches found")).to_be_visible()
    mentors = page.locator(".match-kind", has=page.get_by_role("heading", name="Mentors"))
    expect(mentors.get_by_text(MENTOR["name"])).to_be_visible()
    shots(page, "idea-matched")
    return page.url


def lead_asks_the_planned_mentor(page, shots) -> None:
    page.goto("/lead/plan")
    expect(page.get_by_role("row").filter(has_text=IDEA_TITLE)).to_contain_text(MENTOR["name"])
    expect(page.get_by_label(f"Include {IDEA_TITLE} with {MENTOR['name']}")).to_be_checked()
    shots(page, "lead-pairing-plan")
    page.get_by_role("button", name="Ask the chosen mentors / approve selected").click()
    expect(page.get_by_text("Asked 1 mentor to review 1 idea.")).to_be_visible()


def mentor_accepts_from_her_review_queue(page, shots) -> None:
    log_in(page, MENTOR["email"], PASSWORD)
    page.get_by_role("link", name="Proposals").click()
    proposal = page.get_by_role("article").filter(has_text=IDEA_TITLE)
    expect(proposal).to_be_visible()
    expect(proposal.get_by_text(ENTREPRENEUR["email"])).to_have_count(0)
    shots(page, "mentor-review-queue")
    proposal.get_by_role("button", name="Accept").click()
    expect(page.get_by_text(f"You accepted “{IDEA_TITLE}”")).to_be_visible()
    shots(page, "mentor-accepted")


def lead_approves_in_the_approval_queue(page, shots) -> None:
    page.get_by_role("link", name="Approvals").click()
    pairing = (
        page.get_by_role("listitem").filter(has_text=IDEA_TITLE).filter(has_text=MENTOR["name"])
    )
    expect(pairing).to_be_visible()
    shots(page, "lead-approval-queue")
    pairing.get_by_role("button", name="Approve", exact=True).click()
    expect(page.get_by_text(f"{IDEA_TITLE} — {MENTOR['name']}: approved.")).to_be_visible()
    shots(page, "lead-approved")


def entrepreneur_sees_her_mentor(page, idea_url: str, shots) -> None:
    page.goto(idea_url)
    mentors = page.locator(".match-kind", has=page.get_by_role("heading", name="Mentors"))
    expect(mentors.get_by_text("Approved — you are introduced")).to_be_visible()
    expect(mentors.get_by_role("link", name=MENTOR["email"])).to_be_visible()
    shots(page, "entrepreneur-sees-approved-mentor")


def test_an_idea_goes_from_sign_up_to_an_approved_mentor(
    live_server, new_page, shots, matching_in_a_worker
):
    arrange_people(live_server)

    entrepreneur = new_page()
    register_entrepreneur(entrepreneur, shots)
    fill_profile(entrepreneur, shots)
    idea_url = submit_idea_and_watch_it_match(entrepreneur, shots)

    lead = new_page()
    log_in(lead, LEAD["email"], LEAD["password"])
    lead_asks_the_planned_mentor(lead, shots)

    mentor_accepts_from_her_review_queue(new_page(), shots)
    lead_approves_in_the_approval_queue(lead, shots)
    entrepreneur_sees_her_mentor(entrepreneur, idea_url, shots)
