"""The API's introduction carries the caller's own unread count; listing the thread reads it."""

from __future__ import annotations

from mentorship.services.partnerships import threads
from tests.event_factories import PartnerContactFactory
from tests.factories import MatchFactory, PartnerFactory


def partner_introduction():
    partner = PartnerFactory()
    match = MatchFactory(kind="partner", mentor=None, partner=partner, status="approved")
    return match, PartnerContactFactory(partner=partner), PartnerContactFactory(partner=partner)


def unread(client, headers, match_id: int) -> int:
    listed = client.get("/api/v1/introductions", headers=headers).get_json()
    (item,) = [item for item in listed["items"] if item["id"] == match_id]
    one = client.get(f"/api/v1/introductions/{match_id}", headers=headers).get_json()
    assert one["unread_messages"] == item["unread_messages"]
    return item["unread_messages"]


def test_listing_the_thread_marks_it_read_for_the_caller_only(client, api_headers):
    match, contact, colleague = partner_introduction()
    her = api_headers(match.idea.owner)
    sent = client.post(
        f"/api/v1/introductions/{match.id}/messages", json={"body": "Hello"}, headers=her
    )
    assert sent.status_code == 201
    assert unread(client, her, match.id) == 0  # her own message
    them, colleague_headers = api_headers(contact), api_headers(colleague)
    assert unread(client, them, match.id) == 1
    thread = client.get(f"/api/v1/introductions/{match.id}/messages", headers=them)
    assert thread.status_code == 200 and thread.get_json()["total"] == 1
    assert unread(client, them, match.id) == 0
    assert unread(client, colleague_headers, match.id) == 1


def test_a_message_after_the_read_is_unread_again(client, api_headers):
    match, contact, _colleague = partner_introduction()
    her = api_headers(match.idea.owner)
    threads.send_message(contact, match.id, {"body": "One"})
    client.get(f"/api/v1/introductions/{match.id}/messages", headers=her)
    threads.send_message(contact, match.id, {"body": "Two"})
    threads.send_message(contact, match.id, {"body": "Three"})
    assert unread(client, her, match.id) == 2


def test_the_openapi_document_describes_the_unread_count(client):
    document = client.get("/api/v1/openapi.json").get_json()
    field = document["components"]["schemas"]["Introduction"]["properties"]["unread_messages"]
    assert field["type"] == "integer" and field["minimum"] == 0
    assert "unread_messages" in document["components"]["schemas"]["Introduction"]["required"]
