"""In the browser: a 200-character unbroken name wraps inside the lead's tables and lists
instead of widening them, and the page, past the screen."""

from __future__ import annotations

import pytest

from mentorship.extensions import db
from mentorship.services import audit
from mentorship.services.events import meetings, schedule
from tests.e2e.conftest import VIEWPORT, log_in
from tests.event_factories import EventFactory, SessionFactory, contact_in, entrepreneur_in
from tests.factories import PASSWORD, LeadFactory, MentorFactory, PartnerFactory

pytestmark = pytest.mark.e2e

LONG = "Stojanovic" + "X" * 190

OVERFLOWING = """() => {
  const wide = [];
  if (document.documentElement.scrollWidth > window.innerWidth) wide.push('page');
  for (const element of document.querySelectorAll('main table, main .item')) {
    const box = element.parentElement;
    if (element.scrollWidth > box.clientWidth + 1) wide.push(element.tagName + '.' + element.className);
  }
  return wide;
}"""


def test_a_very_long_name_wraps_on_the_lead_pages(live_server, new_page, shots):
    with live_server.db():
        lead = LeadFactory(name=LONG)
        mentor = MentorFactory(name=LONG)
        audit.record(lead, "mentor.approved", "user", mentor.id)
        db.session.commit()
        event = EventFactory()
        SessionFactory(event=event, name="Morning")
        her = entrepreneur_in(event, event.sessions, name=LONG)
        them = contact_in(event, event.sessions, partner=PartnerFactory(name="Z" + "Y" * 199))
        meeting = meetings.request_meeting(her.user, event, them.id, "Hotels buy jam")
        meetings.answer(them.user, meeting, True)
        schedule.run(lead, event)
        email, event_id = lead.email, event.id
    page = new_page()
    log_in(page, email, PASSWORD)
    for path in ("/lead/mentors", f"/events/{event_id}/schedule", "/lead/audit"):
        page.goto(path)
        assert LONG in page.content()
        shots(page, path.strip("/").replace("/", "-"))
        assert page.evaluate(OVERFLOWING) == [], path
    assert page.viewport_size == VIEWPORT


WORDS_SPLIT = """() => {
  const cell = document.querySelector('.audit-table td.audit-who');
  const style = getComputedStyle(cell);
  const room = cell.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  const split = [];
  for (const word of cell.textContent.trim().split(/\\s+/)) {
    const probe = document.createElement('span');
    probe.textContent = word;
    probe.style.whiteSpace = 'nowrap';
    probe.style.position = 'absolute';
    cell.appendChild(probe);
    if (probe.getBoundingClientRect().width > room + 0.5) split.push(word);
    probe.remove();
  }
  return split;
}"""


def test_the_audit_trail_wraps_a_name_between_words_only(live_server, new_page, shots):
    with live_server.db():
        lead = LeadFactory(name="Programme lead (demo)")
        for _ in range(3):
            audit.record(
                lead,
                "match.reject",
                "match",
                None,
                before="accepted",
                after="rejected",
                note="A long note " * 20,
            )
        db.session.commit()
        email = lead.email
    page = new_page()
    log_in(page, email, PASSWORD)
    page.goto("/lead/audit")
    shots(page, "lead-audit-words")
    assert page.evaluate(WORDS_SPLIT) == []
    assert page.evaluate(OVERFLOWING) == []
