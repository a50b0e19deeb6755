"""Event pages through the HTML forms: set-up by the lead, registration, meetings, schedule,
agenda, .ics, outcomes, report; CSRF and other people's objects."""

from __future__ import annotations

import re

import pytest

from mentorship.extensions import db
from mentorship.models import Event, EventMeeting, MeetingOutcome
from mentorship.services.events import meetings, schedule
from tests.conftest import csrf_token_from
from tests.event_factories import (
    EventFactory,
    SessionFactory,
    contact_in,
    entrepreneur_in,
    held,
)
from tests.factories import IdeaFactory, LeadFactory


@pytest.fixture
def event(app):
    found = EventFactory()
    SessionFactory(event=found, name="Morning")
    db.session.refresh(found)
    return found


def test_lead_creates_an_event_with_a_session_and_opens_it(client, auth, submit):
    lead = LeadFactory()
    auth.login(lead.email)
    page = submit(
        "/events/new",
        {
            "name": "Days of Clusters",
            "place": "Niš",
            "starts_on": "2026-12-10",
            "ends_on": "2026-12-10",
            "meeting_minutes": "20",
        },
    )
    assert "Days of Clusters" in page.get_data(as_text=True)
    event = db.session.scalars(db.select(Event)).one()
    url = f"/events/{event.id}"
    submit(
        f"{url}/sessions",
        {
            "name": "Morning",
            "starts_at": "2026-12-10T09:00",
            "ends_at": "2026-12-10T11:00",
            "tables": "8",
        },
        page=url,
    )
    page = submit(f"{url}/status/open", page=url)
    html = page.get_data(as_text=True)
    assert "Morning" in html and "registration open" in html
    db.session.refresh(event)
    assert event.status == "open" and event.sessions[0].tables == 8
    assert event.sessions[0].starts_at.hour == 8  # 9:00 in Belgrade is 8:00 UTC in December


NEW_EVENT = {
    "name": "Days of Clusters",
    "place": "Niš",
    "starts_on": "2026-12-10",
    "ends_on": "2026-12-10",
    "meeting_minutes": "20",
}


def _new_event_fields(html: str) -> dict[str, str]:
    token = re.search(r'name="submission_token" type="hidden" value="([^"]+)"', html)
    assert token, "the new-event form has no one-time token"
    return {**NEW_EVENT, "csrf_token": csrf_token_from(html), "submission_token": token.group(1)}


def test_a_new_event_form_sent_twice_makes_one_event(client, auth):
    """A double click, or the browser re-sending the form, used to create two events."""
    auth.login(LeadFactory().email)
    fields = _new_event_fields(client.get("/events/new").get_data(as_text=True))
    first = client.post("/events/new", data=fields)
    again = client.post("/events/new", data=fields, follow_redirects=True)
    events = db.session.scalars(db.select(Event)).all()
    assert len(events) == 1
    assert first.headers["Location"].endswith(f"/events/{events[0].id}")
    assert "already sent, so no second event was made" in again.get_data(as_text=True)
    # A form shown again is a new form: it makes a new event.
    second = _new_event_fields(client.get("/events/new").get_data(as_text=True))
    assert second["submission_token"] != fields["submission_token"]
    client.post("/events/new", data=second)
    assert len(db.session.scalars(db.select(Event)).all()) == 2


def test_a_tampered_event_token_is_refused_and_replaced(client, auth):
    auth.login(LeadFactory().email)
    fields = _new_event_fields(client.get("/events/new").get_data(as_text=True))
    refused = client.post("/events/new", data={**fields, "submission_token": "<x>"})
    html = refused.get_data(as_text=True)
    assert refused.status_code == 200 and "This form is out of date" in html
    assert _new_event_fields(html)["submission_token"] != "<x>"
    assert db.session.scalars(db.select(Event)).all() == []


def test_session_ending_before_it_starts_is_refused(client, auth, submit, event):
    auth.login(LeadFactory().email)
    url = f"/events/{event.id}"
    page = submit(
        f"{url}/sessions",
        {
            "name": "Wrong",
            "starts_at": "2026-12-10T11:00",
            "ends_at": "2026-12-10T09:00",
            "tables": "3",
        },
        page=url,
    )
    assert "A session ends after it starts." in page.get_data(as_text=True)
    assert len(event.sessions) == 1


def test_entrepreneur_registers_through_the_form(client, auth, submit, event):
    idea = IdeaFactory()
    auth.login(idea.owner.email)
    url = f"/events/{event.id}"
    page = submit(
        f"{url}/register",
        {"session_ids": str(event.sessions[0].id), "idea_id": str(idea.id)},
        page=url,
    )
    assert "You are registered." in page.get_data(as_text=True)
    db.session.refresh(event)
    assert [p.user_id for p in event.participants] == [idea.owner_id]


def test_posts_without_csrf_token_are_refused(client, auth, event):
    idea = IdeaFactory()
    auth.login(idea.owner.email)
    response = client.post(
        f"/events/{event.id}/register",
        data={"session_ids": str(event.sessions[0].id), "idea_id": str(idea.id)},
    )
    assert response.status_code == 400
    assert event.participants == []


def test_draft_event_is_hidden_from_participants(client, auth):
    draft = EventFactory(status="draft")
    auth.login(IdeaFactory().owner.email)
    assert client.get(f"/events/{draft.id}").status_code == 404
    assert client.get("/events").status_code == 200


def _choices(html: str) -> set[str]:
    """The participant ids the "whom you would like to meet" list offers."""
    select = re.search(r'<select[^>]*name="other_id".*?</select>', html, re.S)
    return set(re.findall(r'value="(\d+)"', select.group(0))) if select else set()


def test_the_request_list_offers_only_whom_she_can_still_ask(client, auth, submit, event):
    afternoon = SessionFactory(event=event, name="Afternoon")
    her = entrepreneur_in(event, event.sessions[:1])
    met, declined, free = (contact_in(event, event.sessions) for _ in range(3))
    elsewhere = contact_in(event, [afternoon])
    meetings.answer(met.user, meetings.request_meeting(her.user, event, met.id, "Jars"), True)
    refused = meetings.request_meeting(her.user, event, declined.id, "Labels")
    meetings.answer(declined.user, refused, False)
    auth.login(her.user.email)
    html = client.get(f"/events/{event.id}/meetings").get_data(as_text=True)
    assert _choices(html) == {str(free.id)}
    # Sent anyway (an old page), each refusal says why.
    for other, message in (
        (elsewhere, "attend no session in common"),
        (met, "You already have a meeting with"),
        (declined, "was declined or cancelled"),
    ):
        page = submit(
            f"/events/{event.id}/meetings/request",
            {"other_id": str(other.id), "reason": "Again"},
            page=f"/events/{event.id}/meetings",
        )
        assert message in page.get_data(as_text=True)
    submit(
        f"/events/{event.id}/meetings/request",
        {"other_id": str(free.id), "reason": "Glass"},
        page=f"/events/{event.id}/meetings",
    )
    html = client.get(f"/events/{event.id}/meetings").get_data(as_text=True)
    assert _choices(html) == set() and "Nobody else to ask" in html


def test_request_accept_schedule_publish_agenda_ics_and_outcome(client, auth, submit, event):
    her = entrepreneur_in(event, event.sessions)
    them = contact_in(event, event.sessions)
    auth.login(her.user.email)
    submit(
        f"/events/{event.id}/meetings/request",
        {"other_id": str(them.id), "reason": "Hotels buy jam"},
        page=f"/events/{event.id}/meetings",
    )
    meeting = db.session.scalars(db.select(EventMeeting)).one()
    auth.logout()
    auth.login(them.user.email)
    page = submit(
        f"/events/{event.id}/meetings/{meeting.id}/accept", page=f"/events/{event.id}/meetings"
    )
    assert "Your answer is saved." in page.get_data(as_text=True)
    auth.logout()
    auth.login(LeadFactory().email)
    page = submit(f"/events/{event.id}/schedule/run", page=f"/events/{event.id}/schedule")
    assert "1 meetings placed" in page.get_data(as_text=True)
    submit(f"/events/{event.id}/schedule/publish/final", page=f"/events/{event.id}/schedule")
    auth.logout()
    auth.login(her.user.email)
    html = client.get(f"/events/{event.id}/agenda").get_data(as_text=True)
    assert them.user.name in html and "Hotels buy jam" in html
    ics = client.get(f"/events/{event.id}/agenda.ics")
    assert ics.mimetype == "text/calendar" and b"BEGIN:VEVENT" in ics.data
    assert f"m{meeting.id}-result" not in html  # asked once the meeting has taken place
    held(event)
    page = submit(
        f"/events/{event.id}/agenda/{meeting.id}/outcome",
        {
            f"m{meeting.id}-result": "agreement",
            f"m{meeting.id}-cooperation_type": "buyer",
            f"m{meeting.id}-note": "",
        },
        page=f"/events/{event.id}/agenda",
    )
    assert "The outcome is saved." in page.get_data(as_text=True)
    assert db.session.scalars(db.select(MeetingOutcome)).one().result == "agreement"


def test_other_peoples_meetings_and_agendas_are_not_found(client, auth, submit, event):
    her = entrepreneur_in(event, event.sessions)
    them = contact_in(event, event.sessions)
    meeting = meetings.request_meeting(her.user, event, them.id, "Jam")
    meetings.answer(them.user, meeting, True)
    lead = LeadFactory()
    schedule.run(lead, event)
    schedule.publish(lead, event, "final")
    stranger = entrepreneur_in(event, event.sessions)
    outsider = IdeaFactory().owner
    auth.login(outsider.email)
    assert client.get(f"/events/{event.id}/agenda").status_code == 404
    assert client.get(f"/events/{event.id}/agenda.ics").status_code == 404
    auth.logout()
    auth.login(stranger.user.email)
    response = submit(
        f"/events/{event.id}/agenda/{meeting.id}/outcome",
        {f"m{meeting.id}-result": "agreement"},
        page=f"/events/{event.id}/agenda",
        follow_redirects=False,
    )
    assert response.status_code == 404
    response = submit(
        f"/events/{event.id}/meetings/{meeting.id}/decline",
        page=f"/events/{event.id}/meetings",
        follow_redirects=False,
    )
    assert response.status_code == 404
    assert db.session.get(EventMeeting, meeting.id).status == "accepted"


def test_participants_cannot_open_the_lead_pages(client, auth, event):
    auth.login(IdeaFactory().owner.email)
    assert client.get(f"/events/{event.id}/schedule").status_code == 403
    assert client.get(f"/events/{event.id}/report").status_code == 403


def test_report_page_shows_counts(client, auth, event):
    auth.login(LeadFactory().email)
    html = client.get(f"/events/{event.id}/report").get_data(as_text=True)
    assert "Event report" in html and 'data-stat="agreement"' in html


def test_an_unreported_meeting_shows_no_outcome_chosen(client, auth, event):
    """'No interest' was shown, and saved with one click, for meetings nobody reported."""
    her = entrepreneur_in(event, event.sessions)
    them = contact_in(event, event.sessions)
    meeting = meetings.request_meeting(her.user, event, them.id, "Jam")
    meetings.answer(them.user, meeting, True)
    lead = LeadFactory()
    schedule.run(lead, event)
    schedule.publish(lead, event, "final")
    held(event)
    auth.login(her.user.email)
    html = client.get(f"/events/{event.id}/agenda").get_data(as_text=True)
    select = html.split(f'name="m{meeting.id}-result"', 1)[1].split("</select>", 1)[0]
    assert select.index("Not reported yet") < select.index("No interest")
    assert "selected" not in select


def test_a_form_sent_twice_says_its_message_once(client, auth, event):
    her = entrepreneur_in(event, event.sessions)
    auth.login(her.user.email)
    page = client.get(f"/events/{event.id}/meetings").get_data(as_text=True)
    token = csrf_token_from(page)
    for _ in range(2):  # a double click: both posts land before the next page is read
        client.post(
            f"/events/{event.id}/meetings/request",
            data={"csrf_token": token, "other_id": "", "reason": ""},
        )
    html = client.get(f"/events/{event.id}/meetings").get_data(as_text=True)
    assert html.count("Choose whom to meet and say why.") == 1
