"""In the browser: Enter on a ticked checkbox of the approval queue approves nothing; a bulk
decision is taken only from its confirmation page."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from mentorship.extensions import db
from mentorship.models import Match
from tests.e2e.conftest import log_in
from tests.factories import PASSWORD, IdeaFactory, LeadFactory, MatchFactory

pytestmark = pytest.mark.e2e


def test_enter_on_a_ticked_match_asks_before_approving(live_server, new_page, shots):
    with live_server.db():
        email = LeadFactory().email
        match_id = MatchFactory(status="accepted", idea=IdeaFactory(title="Felt slippers")).id
    page = new_page()
    log_in(page, email, PASSWORD)
    page.goto("/lead/approvals")
    tick = page.locator(f"#tick-{match_id}")
    tick.check()
    tick.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Approve 1 pairing?")).to_be_visible()
    shots(page, "confirm")
    with live_server.db():
        assert db.session.get(Match, match_id).status == "accepted"
    page.get_by_role("link", name="Cancel").click()
    expect(page.get_by_role("heading", name="Pairings to approve")).to_be_visible()
    page.locator(f"#tick-{match_id}").check()
    page.get_by_role("button", name="Approve ticked").click()
    page.get_by_role("button", name="Yes, approve 1 pairing").click()
    expect(page.get_by_text("Approved 1: Felt slippers")).to_be_visible()
    with live_server.db():
        assert db.session.get(Match, match_id).status == "approved"
