"""The lead's audit trail in words: actions, objects and statuses as labels in her language,
never the stored codes; an unknown action still readable; a deleted object said so."""

from __future__ import annotations

import html

import pytest

from mentorship.extensions import db
from mentorship.services import audit
from tests.factories import IdeaFactory, LeadFactory, MatchFactory, MentorFactory

SERBIAN = {"Accept-Language": "sr-RS,sr;q=0.9"}


@pytest.fixture
def lead(app):
    lead = LeadFactory(name="Programme lead (demo)")
    db.session.commit()
    return lead


def trail(client, auth, lead, query: str = "", headers=None) -> str:
    auth.login(lead.email)
    return html.unescape(client.get(f"/lead/audit{query}", headers=headers).get_data(as_text=True))


def row_of(page: str, note: str) -> str:
    """The table row whose note is `note`."""
    end = page.index(f'<td class="audit-note">{note}</td>')
    return page[page.rindex("<tr>", 0, end) : page.index("</tr>", end)]


def test_an_action_is_shown_by_its_label_not_its_code(client, auth, lead):
    audit.record(lead, "match.withdraw", "match", 99, before="proposed", note="gone")
    db.session.commit()
    row = row_of(trail(client, auth, lead), "gone")
    assert "Proposal withdrawn" in row and ">match.withdraw<" not in row


def test_the_action_filter_offers_labels(client, auth, lead):
    audit.record(lead, "pairing_plan.select", "match", 1)
    db.session.commit()
    page = trail(client, auth, lead)
    assert '<option value="pairing_plan.select" >Chosen in the pairing plan</option>' in page


def test_an_unknown_action_is_readable_and_does_not_fail(client, auth, lead):
    audit.record(lead, "test.some_action", "gadget", 5, before="x", after="y", note="odd")
    db.session.commit()
    row = row_of(trail(client, auth, lead), "odd")
    assert "Test some action" in row and "x → y" in row


def test_a_pairing_is_named_by_its_idea_and_mentor(client, auth, lead):
    match = MatchFactory(
        status="approved",
        idea=IdeaFactory(title="Plum jam for hotels"),
        mentor=MentorFactory(name="Vesna Ilić"),
    )
    audit.record(
        lead, "match.approve", "match", match.id, before="accepted", after="approved", note="named"
    )
    db.session.commit()
    row = row_of(trail(client, auth, lead), "named")
    assert "Plum jam for hotels — Vesna Ilić" in row and "#" not in row


def test_a_person_is_named_and_a_deleted_object_says_so(client, auth, lead):
    mentor = MentorFactory(name="Jelena Marković")
    audit.record(
        lead, "mentor.approve", "user", mentor.id, before="pending", after="active", note="person"
    )
    audit.record(None, "account.delete", "user", 2_000_000, before="active", note="gone")
    db.session.commit()
    page = trail(client, auth, lead)
    assert "Jelena Marković" in row_of(page, "person")
    assert "Waiting for approval → Active" in row_of(page, "person")
    assert "deleted" in row_of(page, "gone") and "None" not in row_of(page, "gone")


def test_statuses_are_the_apps_labels_in_serbian(client, auth, lead):
    audit.record(lead, "match.approve", "match", 7, before="accepted", after="approved", note="sr")
    db.session.commit()
    row = row_of(trail(client, auth, lead, headers=SERBIAN), "sr")
    assert "Prihvaćeno → Odobreno" in row and "accepted" not in row


def test_a_report_resolved_reads_open_to_resolved(client, auth, lead):
    audit.record(
        lead,
        "introduction.problem_resolve",
        "match",
        7,
        before="open",
        after="resolved",
        note="report",
    )
    db.session.commit()
    assert "Open → Resolved" in row_of(trail(client, auth, lead), "report")


def test_a_status_that_did_not_change_is_not_an_arrow(client, auth, lead):
    audit.record(
        lead, "pairing_plan.select", "match", 7, before="proposed", after="proposed", note="plan"
    )
    db.session.commit()
    row = row_of(trail(client, auth, lead), "plan")
    assert "Proposed (unchanged)" in row and "→" not in row


def test_a_capacity_change_names_the_field(client, auth, lead):
    mentor = MentorFactory()
    audit.record(lead, "mentor.capacity", "user", mentor.id, before="1", after="3", note="cap")
    db.session.commit()
    assert "Capacity: 1 → 3" in row_of(trail(client, auth, lead), "cap")


def test_the_who_column_wraps_between_words(client, auth, lead):
    audit.record(lead, "match.reject", "match", 1, note="who")
    db.session.commit()
    row = row_of(trail(client, auth, lead), "who")
    assert '<td class="audit-who">Programme lead (demo)</td>' in row
    with open("static/css/review.css") as css:
        assert ".audit-table .audit-who { min-width:" in css.read()


def test_a_withdrawn_proposal_is_named_by_the_idea_and_mentor_it_kept(client, auth, lead):
    idea = IdeaFactory(title="Honey from Kopaonik")
    mentor = MentorFactory(name="Dragana Stojanović")
    details = {"idea_id": idea.id, "kind": "mentor", "target_id": mentor.id}
    audit.record(
        lead, "match.withdraw", "match", 2_000_000, before="proposed", note="wd", details=details
    )
    db.session.commit()
    row = row_of(trail(client, auth, lead), "wd")
    assert "Honey from Kopaonik — Dragana Stojanović <em>(deleted)</em>" in row
