"""Read state of introduction threads: each participant sees how many messages are new to her on
the list and which ones on the thread, until she opens it; nobody else's visit reads for her."""

from __future__ import annotations

import re

from mentorship.services.partnerships import threads
from tests.event_factories import PartnerContactFactory
from tests.factories import ClusterFactory, LeadFactory, MatchFactory, PartnerFactory


def partner_introduction():
    partner = PartnerFactory(name="Hotel Sever")
    match = MatchFactory(kind="partner", mentor=None, partner=partner, status="approved")
    return match, PartnerContactFactory(partner=partner), PartnerContactFactory(partner=partner)


def new_markers(html: str) -> int:
    return len(re.findall(r'class="message[^"]*message-new', html))


def test_the_list_counts_the_messages_new_to_her_until_she_opens_the_thread(client, auth):
    match, contact, _colleague = partner_introduction()
    threads.send_message(contact, match.id, {"body": "Hello from the hotel"})
    threads.send_message(contact, match.id, {"body": "Our price list is attached"})
    auth.login(match.idea.owner.email)
    assert "2 unread messages" in client.get("/introductions").get_data(as_text=True)
    thread = client.get(f"/introductions/{match.id}").get_data(as_text=True)
    assert new_markers(thread) == 2 and "2 new messages" in thread
    assert "unread message" not in client.get("/introductions").get_data(as_text=True)
    assert new_markers(client.get(f"/introductions/{match.id}").get_data(as_text=True)) == 0


def test_only_what_came_after_her_visit_is_new(client, auth):
    match, contact, _colleague = partner_introduction()
    threads.send_message(contact, match.id, {"body": "First"})
    auth.login(match.idea.owner.email)
    client.get(f"/introductions/{match.id}")
    threads.send_message(contact, match.id, {"body": "Second"})
    assert "1 unread message" in client.get("/introductions").get_data(as_text=True)
    thread = client.get(f"/introductions/{match.id}").get_data(as_text=True)
    assert new_markers(thread) == 1 and "1 new message" in thread


def test_her_own_messages_are_never_unread_to_her(client, auth, submit):
    match, _contact, _colleague = partner_introduction()
    page = f"/introductions/{match.id}"
    auth.login(match.idea.owner.email)
    submit(f"{page}/messages", {"body": "Shall we meet?"}, page=page)
    assert "unread message" not in client.get("/introductions").get_data(as_text=True)
    assert new_markers(client.get(page).get_data(as_text=True)) == 0


def test_each_contact_person_has_her_own_read_state(client, auth):
    match, contact, colleague = partner_introduction()
    threads.send_message(match.idea.owner, match.id, {"body": "Do you deliver to Niš?"})
    auth.login(contact.email)
    client.get(f"/introductions/{match.id}")
    auth.logout()
    auth.login(colleague.email)
    assert "1 unread message" in client.get("/introductions").get_data(as_text=True)
    # A colleague's message on her own side is new to her too: she has not seen it.
    threads.send_message(contact, match.id, {"body": "Yes, every Monday."})
    assert "2 unread messages" in client.get("/introductions").get_data(as_text=True)


def test_the_lead_reads_a_cluster_thread_for_herself(client, auth):
    lead = LeadFactory()
    match = MatchFactory(kind="cluster", mentor=None, cluster=ClusterFactory(), status="approved")
    threads.send_message(match.idea.owner, match.id, {"body": "When is the next meetup?"})
    auth.login(lead.email)
    assert "1 unread message" in client.get("/introductions").get_data(as_text=True)
    assert new_markers(client.get(f"/introductions/{match.id}").get_data(as_text=True)) == 1
    assert "unread message" not in client.get("/introductions").get_data(as_text=True)


def test_a_stranger_opening_the_thread_gets_a_404_and_reads_nothing(client, auth):
    match, contact, _colleague = partner_introduction()
    threads.send_message(contact, match.id, {"body": "Hello"})
    auth.login(PartnerContactFactory().email)
    assert client.get(f"/introductions/{match.id}").status_code == 404
    auth.logout()
    auth.login(match.idea.owner.email)
    assert "1 unread message" in client.get("/introductions").get_data(as_text=True)
