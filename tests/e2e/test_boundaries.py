"""In the browser: a form without its CSRF token is refused, another mentor's match is a 404."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from playwright.sync_api import expect

from mentorship.extensions import db
from mentorship.models import Idea
from tests.e2e.conftest import log_in
from tests.factories import PASSWORD, EntrepreneurFactory, IdeaFactory, MatchFactory

pytestmark = pytest.mark.e2e


def test_idea_form_without_its_csrf_token_is_refused_and_nothing_is_saved(
    live_server, new_page, shots
):
    with live_server.db():
        email = EntrepreneurFactory().email
    page = new_page()
    log_in(page, email, PASSWORD)
    page.goto("/ideas/new")
    page.get_by_label("Title").fill("Felt slippers from Pirot")
    page.get_by_label("Description").fill(
        "Handmade felt slippers with Pirot kilim patterns, for tourists."
    )
    # DevTools-protocol evaluation is not page script, so the CSP does not stop it.
    removed = page.evaluate(
        "() => { const inputs = document.querySelectorAll('main form input[name=csrf_token]');"
        " inputs.forEach((input) => input.remove()); return inputs.length; }"
    )
    assert removed == 1
    shots(page, "form-without-token")
    with page.expect_response(lambda response: response.request.method == "POST") as posted:
        page.get_by_role("button", name="Submit and find matches").click()
    assert posted.value.status == 400
    expect(page.get_by_role("heading", name="That did not work")).to_be_visible()
    shots(page, "refused")
    with live_server.db():
        assert db.session.scalar(sa.select(sa.func.count()).select_from(Idea)) == 0


def test_a_post_through_fetch_without_a_token_is_refused(live_server, new_page):
    with live_server.db():
        email = EntrepreneurFactory().email
    page = new_page()
    log_in(page, email, PASSWORD)
    status = page.evaluate(
        "async () => (await fetch('/ideas/new', {method: 'POST', body: new URLSearchParams("
        "{title: 'Cheese from Sjenica', description: 'White cheese', needs: 'mentor'})})).status"
    )
    assert status == 400
    with live_server.db():
        assert db.session.scalar(sa.select(sa.func.count()).select_from(Idea)) == 0


def test_a_mentor_cannot_open_another_mentors_proposal(live_server, new_page, shots):
    with live_server.db():
        own = MatchFactory(idea=IdeaFactory(title="Goat cheese from Stara planina"))
        other = MatchFactory(idea=IdeaFactory(title="Beeswax candles from Homolje"))
        email, own_id, other_id = own.mentor.email, own.id, other.id
    page = new_page()
    log_in(page, email, PASSWORD)
    page.goto(f"/reviews/{own_id}")
    expect(page.get_by_role("heading", name="Goat cheese from Stara planina")).to_be_visible()
    response = page.goto(f"/reviews/{other_id}")
    assert response.status == 404
    expect(page.get_by_role("heading", name="Page not found")).to_be_visible()
    expect(page.get_by_text("Beeswax candles from Homolje")).to_have_count(0)
    shots(page, "another-mentors-proposal")
