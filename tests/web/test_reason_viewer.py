"""Reasons addressed to the idea's author ("you") read in the third person for anyone else."""

from __future__ import annotations

import html

import pytest

from mentorship.reasons import localise_reason
from tests.factories import (
    EntrepreneurFactory,
    IdeaFactory,
    LeadFactory,
    MatchFactory,
    PartnerFactory,
)

ENGLISH = {"Accept-Language": "en-GB,en;q=0.9"}
SERBIAN = {"Accept-Language": "sr-RS,sr;q=0.9"}
SUPPLIER = "Staklo Pak offers what you need: glass jars, labels"


@pytest.mark.parametrize(
    ("stored", "third_person"),
    [
        (SUPPLIER, "Staklo Pak offers what the idea needs: glass jars, labels"),
        ("Staklo Pak offers what you need", "Staklo Pak offers what the idea needs"),
        (
            "Hotel Sumatovac seeks what you would produce: jam",
            "Hotel Sumatovac seeks what the idea would produce: jam",
        ),
        (
            "Hotel Sumatovac seeks what you would produce",
            "Hotel Sumatovac seeks what the idea would produce",
        ),
        (
            "Berry Ltd offers what you will sell too (a peer or competitor, not a supplier): jam",
            "Berry Ltd offers what the idea will sell too (a peer or competitor, not a supplier): jam",
        ),
        ("Same sector: food", "Same sector: Food and drink"),
    ],
)
def test_a_reason_reads_in_the_third_person_for_another_reader(app, stored, third_person):
    with app.test_request_context("/", headers=ENGLISH):
        assert localise_reason(stored, third_person=True) == third_person
        # The author still reads it addressed to her; what is stored does not change.
        assert "the idea" not in localise_reason(stored)


def _partner_match(idea):
    return MatchFactory(
        idea=idea,
        kind="partner",
        mentor=None,
        partner=PartnerFactory(name="Staklo Pak"),
        reasons=[SUPPLIER, "Same sector: food"],
    )


def test_the_lead_reads_the_approval_queue_about_the_idea_not_to_her(client, auth):
    lead = LeadFactory()
    match = _partner_match(IdeaFactory(title="Raspberry jam"))
    auth.login(lead.email)
    page = html.unescape(client.get("/lead/approvals", headers=ENGLISH).get_data(as_text=True))
    assert "Staklo Pak offers what the idea needs: glass jars, labels" in page
    assert "what you need" not in page
    serbian = html.unescape(client.get("/lead/approvals", headers=SERBIAN).get_data(as_text=True))
    assert "vam treba" not in serbian
    assert match.reasons == [SUPPLIER, "Same sector: food"]


def test_the_idea_page_speaks_to_its_author_and_about_the_idea_to_the_lead(client, auth):
    owner = EntrepreneurFactory()
    idea = IdeaFactory(owner=owner, status="matched")
    _partner_match(idea)
    auth.login(owner.email)
    page = html.unescape(client.get(f"/ideas/{idea.id}", headers=ENGLISH).get_data(as_text=True))
    assert SUPPLIER in page
    auth.logout()
    auth.login(LeadFactory().email)
    page = html.unescape(client.get(f"/ideas/{idea.id}", headers=ENGLISH).get_data(as_text=True))
    assert "Staklo Pak offers what the idea needs: glass jars, labels" in page
    assert "what you need" not in page
