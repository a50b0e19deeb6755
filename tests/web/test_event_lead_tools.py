"""The lead's schedule tools: unpin a pinned meeting, open any participant's agenda (page, .ics)."""

from __future__ import annotations

import pytest

from mentorship.extensions import db
from mentorship.models import EventMeeting
from mentorship.services.events import meetings, schedule
from tests.event_factories import EventFactory, SessionFactory, contact_in, entrepreneur_in
from tests.factories import LeadFactory


@pytest.fixture
def scheduled(app):
    """An event with one accepted meeting, scheduled and pinned by the lead."""
    event = EventFactory()
    SessionFactory(event=event, name="Morning")
    db.session.refresh(event)
    her = entrepreneur_in(event, event.sessions)
    them = contact_in(event, event.sessions)
    meeting = meetings.request_meeting(her.user, event, them.id, "Hotels buy jam")
    meetings.answer(them.user, meeting, True)
    lead = LeadFactory()
    schedule.run(lead, event)
    schedule.move(lead, meeting, event.sessions[0].id, 2, 3)
    return event, meeting, her, them, lead


def test_lead_unpins_a_pinned_meeting_with_the_button(client, auth, submit, scheduled):
    event, meeting, _, _, lead = scheduled
    auth.login(lead.email)
    html = client.get(f"/events/{event.id}/schedule").get_data(as_text=True)
    assert f"/schedule/{meeting.id}/unpin" in html
    page = submit(
        f"/events/{event.id}/schedule/{meeting.id}/unpin", page=f"/events/{event.id}/schedule"
    )
    assert "The meeting is unpinned" in page.get_data(as_text=True)
    db.session.refresh(meeting)
    assert meeting.pinned is False and meeting.slot == 2  # keeps its place until the next run
    assert f"/schedule/{meeting.id}/unpin" not in page.get_data(as_text=True)
    again = submit(
        f"/events/{event.id}/schedule/{meeting.id}/unpin", page=f"/events/{event.id}/schedule"
    )
    assert "This meeting is not pinned." in again.get_data(as_text=True)


def test_unpin_needs_csrf_and_the_lead(client, auth, submit, scheduled):
    event, meeting, her, _, lead = scheduled
    auth.login(lead.email)
    refused = client.post(f"/events/{event.id}/schedule/{meeting.id}/unpin")
    assert refused.status_code == 400
    assert db.session.get(EventMeeting, meeting.id).pinned is True
    auth.logout()
    auth.login(her.user.email)
    response = submit(
        f"/events/{event.id}/schedule/{meeting.id}/unpin",
        page=f"/events/{event.id}/meetings",
        follow_redirects=False,
    )
    assert response.status_code == 403
    db.session.expire_all()
    assert db.session.get(EventMeeting, meeting.id).pinned is True


def test_lead_opens_a_participants_agenda_draft_and_published(client, auth, scheduled):
    event, meeting, her, them, lead = scheduled
    auth.login(lead.email)
    plan = client.get(f"/events/{event.id}/schedule").get_data(as_text=True)
    link = f"/events/{event.id}/participants/{her.id}/agenda"
    assert link in plan
    draft = client.get(f"{link}?draft=1").get_data(as_text=True)
    assert them.user.name in draft and "Hotels buy jam" in draft and "Agenda of" in draft
    assert "After the meetings" not in draft  # no outcome forms for the lead
    published = client.get(link).get_data(as_text=True)
    assert "Hotels buy jam" not in published  # nothing published yet
    schedule.publish(lead, event, "final")
    published = client.get(link).get_data(as_text=True)
    assert them.user.name in published and "Hotels buy jam" in published
    ics = client.get(f"/events/{event.id}/participants/{them.id}/agenda.ics")
    assert ics.mimetype == "text/calendar" and b"BEGIN:VEVENT" in ics.data
    assert her.user.name.encode() in ics.data
    assert f"participant-{them.id}.ics" in ics.headers["Content-Disposition"]


def test_participant_agendas_are_the_leads_alone(client, auth, scheduled):
    event, _, her, them, lead = scheduled
    auth.login(her.user.email)
    assert client.get(f"/events/{event.id}/participants/{them.id}/agenda").status_code == 403
    assert client.get(f"/events/{event.id}/participants/{them.id}/agenda.ics").status_code == 403
    auth.logout()
    auth.login(lead.email)
    other = EventFactory()
    stranger = entrepreneur_in(other, [SessionFactory(event=other)])
    assert client.get(f"/events/{event.id}/participants/{stranger.id}/agenda").status_code == 404
    assert client.get(f"/events/{event.id}/participants/999999/agenda.ics").status_code == 404


def test_moving_onto_a_pinned_meeting_is_refused_with_a_message(client, auth, submit, scheduled):
    event, pinned, _, _, lead = scheduled
    other = meetings.request_meeting(
        entrepreneur_in(event, event.sessions).user,
        event,
        contact_in(event, event.sessions).id,
        "Shops buy honey",
    )
    meetings.answer(other.second.user, other, True)
    schedule.run(lead, event)
    before = (other.session_id, other.slot, other.table_number)
    auth.login(lead.email)
    page = submit(
        f"/events/{event.id}/schedule/{other.id}/move",
        {"session_id": event.sessions[0].id, "slot": 3, "table": 3},
        page=f"/events/{event.id}/schedule",
    )
    assert "That place holds a pinned meeting: unpin it first." in page.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(EventMeeting, pinned.id).slot == 2
    moved = db.session.get(EventMeeting, other.id)
    assert (moved.session_id, moved.slot, moved.table_number) == before


def test_the_lead_places_an_unscheduled_meeting_from_the_list(client, auth, submit, scheduled):
    """Not scheduled meetings were listed as plain text: only placed ones had the controls."""
    event, meeting, her, them, lead = scheduled
    meeting.session_id = meeting.slot = meeting.table_number = None
    meeting.pinned = False
    meeting.unscheduled_reason = "no_common_slot"
    db.session.commit()
    auth.login(lead.email)
    page = client.get(f"/events/{event.id}/schedule").get_data(as_text=True)
    left = page.split("Not scheduled", 1)[1]
    assert f'action="/events/{event.id}/schedule/{meeting.id}/move"' in left
    data = {"session_id": event.sessions[0].id, "slot": 2, "table": 1}
    done = submit(
        f"/events/{event.id}/schedule/{meeting.id}/move", data, page=f"/events/{event.id}/schedule"
    )
    assert "The meeting is pinned there" in done.get_data(as_text=True)
    db.session.refresh(meeting)
    assert (meeting.slot, meeting.table_number, meeting.unscheduled_reason) == (1, 1, None)
