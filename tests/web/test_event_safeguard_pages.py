"""Withdrawing from an event and cancelling a meeting ask first, say what happens, and are
refused with a message where they would change a final agenda."""

from __future__ import annotations

import pytest

from mentorship.extensions import db
from mentorship.models import EventMeeting
from mentorship.services.events import meetings, schedule
from tests.event_factories import EventFactory, SessionFactory, contact_in, entrepreneur_in
from tests.factories import LeadFactory, MatchFactory


@pytest.fixture
def event(app):
    found = EventFactory()
    SessionFactory(event=found, name="Morning")
    db.session.refresh(found)
    return found


def _accepted(event):
    her, them = entrepreneur_in(event, event.sessions), contact_in(event, event.sessions)
    meeting = meetings.request_meeting(her.user, event, them.id, "Jars for jam")
    meetings.answer(them.user, meeting, True)
    return her, them, meeting


def test_withdrawing_asks_first_and_says_who_is_told(client, auth, submit, event):
    her, them, _ = _accepted(event)
    auth.login(her.user.email)
    url = f"/events/{event.id}/withdraw"
    asked = client.get(url).get_data(as_text=True)
    assert "Withdraw from" in asked and "1 accepted meeting is cancelled" in asked
    db.session.refresh(event)
    assert len(event.participants) == 2  # looking at the question changes nothing
    page = submit(url).get_data(as_text=True)
    assert "You no longer take part in this event." in page
    db.session.refresh(event)
    assert [p.id for p in event.participants] == [them.id]


def test_withdrawing_once_the_final_schedule_is_out_is_refused_with_a_reason(client, auth, event):
    her, _, _ = _accepted(event)
    lead = LeadFactory()
    schedule.run(lead, event)
    schedule.publish(lead, event, "final")
    auth.login(her.user.email)
    asked = client.get(f"/events/{event.id}/withdraw").get_data(as_text=True)
    assert "final schedule is published" in asked and "Yes, withdraw" not in asked
    detail = client.get(f"/events/{event.id}").get_data(as_text=True)
    assert "Withdraw from the event" in detail  # the link explains why not
    db.session.refresh(event)
    assert len(event.participants) == 2


def test_cancelling_once_the_final_schedule_is_out_says_so_before_asking(client, auth, event):
    """The question was asked, and only the answer said it could not be done."""
    her, _, meeting = _accepted(event)
    lead = LeadFactory()
    schedule.run(lead, event)
    schedule.publish(lead, event, "final")
    auth.login(her.user.email)
    page = client.get(f"/events/{event.id}/meetings/{meeting.id}/cancel").get_data(as_text=True)
    assert "ask the programme team to cancel this meeting" in page
    assert "Yes, cancel it" not in page


def test_a_side_cancels_an_accepted_meeting_after_a_question(client, auth, submit, event):
    her, them, meeting = _accepted(event)
    auth.login(them.user.email)
    listed = client.get(f"/events/{event.id}/meetings").get_data(as_text=True)
    assert "Cancel the meeting" in listed
    url = f"/events/{event.id}/meetings/{meeting.id}/cancel"
    assert "Cancel the meeting?" in client.get(url).get_data(as_text=True)
    page = submit(url).get_data(as_text=True)
    assert "The meeting is cancelled" in page
    db.session.refresh(meeting)
    assert meeting.status == "declined"


def test_nobody_else_cancels_a_meeting(client, auth, event):
    _, _, meeting = _accepted(event)
    stranger = entrepreneur_in(event, event.sessions)
    auth.login(stranger.user.email)
    assert client.get(f"/events/{event.id}/meetings/{meeting.id}/cancel").status_code == 404


def test_a_finished_event_offers_no_status_changes(client, auth, event):
    lead = LeadFactory()
    event.status = "finished"
    db.session.commit()
    auth.login(lead.email)
    page = client.get(f"/events/{event.id}").get_data(as_text=True)
    assert "Open registration" not in page and "Close registration" not in page


def test_in_serbian_an_events_sessions_are_not_called_meetings(client, auth, event):
    """ "Sessions" of a mentorship are its meetings (Sastanci); an event's are blocks (Sesije)."""
    lead = LeadFactory(locale="sr")
    auth.login(lead.email)
    page = client.get(f"/events/{event.id}", headers={"Accept-Language": "sr"})
    html = page.get_data(as_text=True)
    assert "<h2>Sesije</h2>" in html and ">Sastanci</a>" in html


def test_a_meeting_suggested_from_a_match_gives_its_reasons_in_serbian(client, auth, event):
    her, them = entrepreneur_in(event, event.sessions), contact_in(event, event.sessions)
    match = MatchFactory(
        idea=her.idea, kind="partner", mentor=None, partner=them.partner, reasons=[]
    )
    db.session.add(
        EventMeeting(
            event=event,
            first_id=her.id,
            second_id=them.id,
            match_id=match.id,
            reason="Shared terms: jam, food",
            status="suggested",
            origin="match",
        )
    )
    db.session.commit()
    auth.login(her.user.email)
    html = client.get(f"/events/{event.id}/meetings", headers={"Accept-Language": "sr"}).get_data(
        as_text=True
    )
    assert "Shared terms" not in html and "jam, food" in html


def test_an_accepted_suggestion_is_not_shown_as_asked_by_her(client, auth, event):
    """A meeting suggested from cooperation profiles keeps its origin once accepted."""
    her, them = entrepreneur_in(event, event.sessions), contact_in(event, event.sessions)
    meeting = EventMeeting(
        event=event,
        first_id=her.id,
        second_id=them.id,
        reason="Complementary profiles",
        status="suggested",
        origin="profile",
    )
    db.session.add(meeting)
    db.session.commit()
    meetings.answer(them.user, meeting, True)
    auth.login(her.user.email)
    html = client.get(f"/events/{event.id}/meetings").get_data(as_text=True)
    assert "Suggested from cooperation profiles" in html and "You asked" not in html


def test_the_lead_removes_a_participant_after_a_question(client, auth, submit, event):
    her, them, _ = _accepted(event)
    lead = LeadFactory()
    auth.login(lead.email)
    detail = client.get(f"/events/{event.id}").get_data(as_text=True)
    url = f"/events/{event.id}/participants/{her.id}/remove"
    assert url in detail
    asked = client.get(url).get_data(as_text=True)
    assert "1 accepted meeting is cancelled" in asked
    page = submit(url).get_data(as_text=True)
    assert "no longer takes part" in page
    db.session.refresh(event)
    assert [p.id for p in event.participants] == [them.id]


def test_participants_cannot_remove_each_other(client, auth, event):
    her, them, _ = _accepted(event)
    auth.login(them.user.email)
    assert client.get(f"/events/{event.id}/participants/{her.id}/remove").status_code in (
        403,
        404,
    )
