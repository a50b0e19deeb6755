"""A page number past the end of a list shows the last page and says so, never the empty state."""

from __future__ import annotations

import re

from mentorship.extensions import db
from mentorship.services import audit
from tests.factories import EntrepreneurFactory, IdeaFactory, LeadFactory, MatchFactory

PAST_END = "There is no page 999; this is the last page, 2."


def test_a_page_past_the_end_of_the_idea_list_shows_the_last_page(client, auth):
    owner = EntrepreneurFactory()
    for number in range(12):
        IdeaFactory(owner=owner, title=f"Idea number {number:02d}")
    auth.login(owner.email)
    response = client.get("/ideas?page=999")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert len(re.findall("Idea number", html)) == 2
    assert "Page 2 of 2" in html and PAST_END in html
    assert 'href="/ideas?page=1" rel="prev"' in html


def test_a_page_inside_the_list_has_no_past_the_end_note(client, auth):
    owner = EntrepreneurFactory()
    IdeaFactory(owner=owner, title="Only idea")
    auth.login(owner.email)
    html = client.get("/ideas?page=1").get_data(as_text=True)
    assert "Only idea" in html and "There is no page" not in html


def test_a_page_past_the_end_of_an_empty_list_is_the_empty_state(client, auth):
    auth.login(EntrepreneurFactory().email)
    html = client.get("/ideas?page=999").get_data(as_text=True)
    assert "Idea number" not in html and "There is no page" not in html


def test_a_page_past_the_end_of_the_approval_queue_shows_the_last_page(client, auth):
    lead = LeadFactory()
    for number in range(21):
        MatchFactory(status="accepted", idea=IdeaFactory(title=f"Queued idea {number:02d}"))
    auth.login(lead.email)
    html = client.get("/lead/approvals?page=999").get_data(as_text=True)
    assert len(re.findall(r'class="card item approval-item"', html)) == 1
    assert "Page 2 of 2" in html and PAST_END in html
    assert "Nothing waits for your decision" not in html


def test_a_page_past_the_end_of_the_audit_trail_shows_the_last_page(app, client, auth):
    lead = LeadFactory()
    for number in range(51):
        audit.record(lead, "test.action", "idea", number + 1)
    db.session.commit()
    auth.login(lead.email)
    html = client.get("/lead/audit?action=test.action&page=999").get_data(as_text=True)
    assert html.count('title="test.action"') == 1
    assert "Page 2 of 2" in html and PAST_END in html
    assert "No entries." not in html
