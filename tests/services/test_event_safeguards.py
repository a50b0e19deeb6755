"""What keeps an event's schedule true once people rely on it: withdrawing, changing sessions,
cancelling, impossible dates and sessions, a finished event, and what the report counts."""

from __future__ import annotations

import threading
from datetime import UTC, date, datetime, timedelta

import pytest
import sqlalchemy as sa

from mentorship.extensions import db
from mentorship.models import Event, EventMeeting, Notification
from mentorship.services.errors import (
    ConflictError,
    NotFoundError,
    ServiceError,
    ValidationFailedError,
)
from mentorship.services.events import meetings, outcomes, registration, schedule, setup
from tests.event_factories import (
    EventFactory,
    SessionFactory,
    contact_in,
    entrepreneur_in,
    held,
)
from tests.factories import LeadFactory


@pytest.fixture
def event(app):
    found = EventFactory()
    SessionFactory(event=found, name="Morning")
    SessionFactory(
        event=found,
        name="Afternoon",
        starts_at=datetime(2026, 12, 10, 12, 0, tzinfo=UTC),
        ends_at=datetime(2026, 12, 10, 14, 0, tzinfo=UTC),
    )
    db.session.refresh(found)
    return found


def _meeting(event, her, them) -> EventMeeting:
    meeting = meetings.request_meeting(her.user, event, them.id, "Jars for jam")
    return meetings.answer(them.user, meeting, True)


def _told(user, kind="event_meeting_answer") -> list[Notification]:
    return list(
        db.session.scalars(
            sa.select(Notification).where(
                Notification.user_id == user.id, Notification.kind == kind
            )
        )
    )


def test_withdrawing_before_the_final_schedule_tells_the_people_she_would_meet(event):
    her, them = entrepreneur_in(event, event.sessions), contact_in(event, event.sessions)
    _meeting(event, her, them)
    before = len(_told(them.user))
    assert registration.withdraw(her.user, event) == 1
    assert len(_told(them.user)) == before + 1
    assert db.session.scalar(sa.select(sa.func.count(EventMeeting.id))) == 0


def test_withdrawing_is_refused_once_the_final_schedule_holds_her_meetings(event):
    her, them = entrepreneur_in(event, event.sessions), contact_in(event, event.sessions)
    _meeting(event, her, them)
    lead = LeadFactory()
    schedule.run(lead, event)
    schedule.publish(lead, event, "final")
    with pytest.raises(ConflictError, match="final schedule"):
        registration.withdraw(her.user, event)
    assert len(event.participants) == 2 and len(event.meetings) == 1


def test_withdrawing_from_a_finished_event_is_refused(event):
    her = entrepreneur_in(event, event.sessions)
    event.status = "finished"
    db.session.commit()
    with pytest.raises(ConflictError, match="over"):
        registration.withdraw(her.user, event)
    assert len(event.participants) == 1


def test_a_session_overlapping_another_is_refused(event):
    lead = LeadFactory()
    overlapping = {
        "name": "Late morning",
        "starts_at": datetime(2026, 12, 10, 9, 0, tzinfo=UTC),
        "ends_at": datetime(2026, 12, 10, 11, 0, tzinfo=UTC),
        "tables": 3,
    }
    with pytest.raises(ValidationFailedError, match="overlaps Morning"):
        setup.add_session(lead, event, overlapping)
    db.session.refresh(event)
    assert [s.name for s in event.sessions] == ["Morning", "Afternoon"]


@pytest.mark.parametrize(
    ("starts_at", "ends_at", "message"),
    [
        (datetime(1990, 1, 1, 8, tzinfo=UTC), datetime(1990, 1, 1, 10, tzinfo=UTC), "days"),
        (datetime(2026, 12, 10, 15, tzinfo=UTC), datetime(2126, 12, 10, 15, tzinfo=UTC), "a day"),
        (datetime(2026, 12, 11, 8, tzinfo=UTC), datetime(2026, 12, 11, 10, tzinfo=UTC), "days"),
    ],
)
def test_a_session_outside_the_event_or_longer_than_a_day_is_refused(
    event, starts_at, ends_at, message
):
    data = {"name": "Odd", "starts_at": starts_at, "ends_at": ends_at, "tables": 3}
    with pytest.raises(ValidationFailedError, match=message):
        setup.add_session(LeadFactory(), event, data)
    db.session.refresh(event)
    assert len(event.sessions) == 2


@pytest.mark.parametrize(
    ("starts_on", "ends_on"),
    [
        (date(1, 1, 1), date(1, 1, 1)),
        (date(9999, 12, 1), date(9999, 12, 2)),
        (date(2026, 12, 1), date(2027, 3, 1)),
    ],
)
def test_absurd_event_dates_are_refused(app, starts_on, ends_on):
    data = {"name": "Days", "starts_on": starts_on, "ends_on": ends_on, "meeting_minutes": 30}
    with pytest.raises(ValidationFailedError):
        setup.create_event(LeadFactory(), data)
    assert db.session.scalar(sa.select(sa.func.count(Event.id))) == 0


def test_an_event_with_a_bad_session_is_not_saved_at_all(app):
    data = {
        "name": "Days",
        "starts_on": date(2026, 12, 10),
        "ends_on": date(2026, 12, 10),
        "meeting_minutes": 30,
    }
    good = {
        "name": "Morning",
        "starts_at": datetime(2026, 12, 10, 8, tzinfo=UTC),
        "ends_at": datetime(2026, 12, 10, 10, tzinfo=UTC),
        "tables": 4,
    }
    clash = {**good, "name": "Again"}
    with pytest.raises(ValidationFailedError) as refused:
        setup.create_event(LeadFactory(), data, [good, clash])
    assert "sessions.1.starts_at" in refused.value.fields
    assert db.session.scalar(sa.select(sa.func.count(Event.id))) == 0


def test_leaving_a_session_unschedules_its_meetings_before_the_final_schedule(event):
    morning, afternoon = event.sessions
    her = entrepreneur_in(event, [morning])
    them = contact_in(event, event.sessions)
    meeting = _meeting(event, her, them)
    lead = LeadFactory()
    schedule.run(lead, event)
    schedule.publish(lead, event, "preliminary")
    assert meeting.session_id == morning.id
    registration.register(her.user, event, [afternoon.id], her.idea_id)
    db.session.refresh(meeting)
    assert meeting.session_id is None and meeting.slot is None
    schedule.run(lead, event)
    db.session.refresh(meeting)
    assert meeting.session_id == afternoon.id


def test_leaving_a_session_with_meetings_is_refused_once_the_schedule_is_final(event):
    morning, afternoon = event.sessions
    her = entrepreneur_in(event, [morning])
    them = contact_in(event, event.sessions)
    meeting = _meeting(event, her, them)
    lead = LeadFactory()
    schedule.run(lead, event)
    schedule.publish(lead, event, "final")
    with pytest.raises(ConflictError, match="final schedule"):
        registration.register(her.user, event, [afternoon.id], her.idea_id)
    db.session.refresh(her)
    db.session.refresh(meeting)
    assert her.session_ids == [morning.id] and meeting.session_id == morning.id


def test_publishing_a_schedule_that_no_longer_fits_is_refused(event):
    morning, afternoon = event.sessions
    her = entrepreneur_in(event, [morning])
    them = contact_in(event, event.sessions)
    _meeting(event, her, them)
    lead = LeadFactory()
    schedule.run(lead, event)
    her.session_ids = [afternoon.id]  # changed behind the service's back
    db.session.commit()
    with pytest.raises(ConflictError, match="compute it again"):
        schedule.publish(lead, event, "final")
    assert event.schedule_stage == "none" and not event.published


def test_two_people_asking_each_other_at_once_make_one_meeting(app, event):
    her, them = entrepreneur_in(event, event.sessions), contact_in(event, event.sessions)
    ids = (event.id, her.user_id, her.id, them.user_id, them.id)
    db.session.remove()
    start = threading.Barrier(2)
    outcomes_seen: list[str] = []

    def ask(user_id: int, other_id: int) -> None:
        with app.app_context():
            from mentorship.models import User

            user, found = db.session.get(User, user_id), db.session.get(Event, ids[0])
            start.wait()
            try:
                meetings.request_meeting(user, found, other_id, "Let us talk")
                outcomes_seen.append("made")
            except ServiceError as error:
                outcomes_seen.append(type(error).__name__)
            finally:
                db.session.remove()

    threads = [
        threading.Thread(target=ask, args=(ids[1], ids[4])),
        threading.Thread(target=ask, args=(ids[3], ids[2])),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert sorted(outcomes_seen) == ["ConflictError", "made"]
    assert db.session.scalar(sa.select(sa.func.count(EventMeeting.id))) == 1


def test_a_finished_event_takes_no_meeting_requests_or_answers(event):
    her, them = entrepreneur_in(event, event.sessions), contact_in(event, event.sessions)
    asked = meetings.request_meeting(her.user, event, them.id, "Jars")
    event.status = "finished"
    db.session.commit()
    with pytest.raises(ConflictError, match="over"):
        meetings.request_meeting(them.user, event, her.id, "Labels")
    with pytest.raises(ConflictError, match="over"):
        meetings.answer(them.user, asked, True)
    assert asked.status == "requested"


def test_a_finished_event_stays_finished_and_finishing_needs_closed_registration(event):
    lead = LeadFactory()
    with pytest.raises(ConflictError, match="Close registration"):
        setup.set_status(lead, event, "finished")
    setup.set_status(lead, event, "closed")
    with pytest.raises(ConflictError, match="not over yet"):
        setup.set_status(lead, event, "finished")  # it takes place on 10 December
    event.starts_on = event.ends_on = date.today() - timedelta(days=1)
    setup.set_status(lead, event, "finished")
    for status in ("draft", "open", "closed"):
        with pytest.raises(ConflictError, match="stays finished"):
            setup.set_status(lead, event, status)
    assert event.status == "finished"


def test_either_side_cancels_an_accepted_meeting_and_the_other_is_told(event):
    her, them = entrepreneur_in(event, event.sessions), contact_in(event, event.sessions)
    meeting = _meeting(event, her, them)
    schedule.run(LeadFactory(), event)
    before = len(_told(her.user))
    meetings.cancel(them.user, meeting)
    assert meeting.status == "declined" and meeting.session_id is None
    assert len(_told(her.user)) == before + 1
    with pytest.raises(ConflictError):
        meetings.cancel(her.user, meeting)


def test_a_finished_event_keeps_its_meetings_and_hides_them_from_outsiders(event):
    her, them = entrepreneur_in(event, event.sessions), contact_in(event, event.sessions)
    meeting = _meeting(event, her, them)
    outsider = entrepreneur_in(event, event.sessions)
    event.status = "finished"
    db.session.commit()
    with pytest.raises(ConflictError, match="over"):
        meetings.cancel(her.user, meeting)
    # Not hers: it does not exist for her, whatever the event's state.
    with pytest.raises(NotFoundError):
        meetings.cancel(outsider.user, meeting)
    assert meeting.status == "accepted"


def test_after_the_final_schedule_only_the_lead_cancels_and_the_agenda_drops_it(event):
    her, them = entrepreneur_in(event, event.sessions), contact_in(event, event.sessions)
    meeting = _meeting(event, her, them)
    lead = LeadFactory()
    schedule.run(lead, event)
    schedule.publish(lead, event, "final")
    with pytest.raises(ConflictError, match="programme team"):
        meetings.cancel(her.user, meeting)
    meetings.cancel(lead, meeting)
    from mentorship.services.events import agenda

    assert agenda.agenda(event, her) == []
    assert outcomes.report(event).meetings_scheduled == 0


def test_the_report_keeps_an_unnamed_cooperation_type_apart_from_other(event):
    her, them = entrepreneur_in(event, event.sessions), contact_in(event, event.sessions)
    meeting = _meeting(event, her, them)
    lead = LeadFactory()
    schedule.run(lead, event)
    schedule.publish(lead, event, "final")
    held(event)
    outcomes.record(her.user, meeting, "follow_up", None)
    summary = outcomes.report(event)
    assert dict(summary.follow_ups_by_type) == {"not_specified": 1}


def test_the_lead_removes_a_participant_after_the_final_schedule(event):
    her, them = entrepreneur_in(event, event.sessions), contact_in(event, event.sessions)
    other = entrepreneur_in(event, event.sessions)
    _meeting(event, her, them)
    kept = _meeting(event, other, them)
    lead = LeadFactory()
    schedule.run(lead, event)
    schedule.publish(lead, event, "final")
    published = list(event.published)
    told_them = len(_told(them.user))
    assert registration.remove_participant(lead, event, her.id) == 1
    db.session.refresh(event)
    assert event.published == published  # what is out stays out, minus her meetings
    from mentorship.services.events import agenda

    assert [item.meeting.id for item in agenda.agenda(event, them)] == [kept.id]
    assert len(_told(them.user)) == told_them + 1
    assert _told(her.user)  # she is told too
    assert [p.id for p in event.participants] == [them.id, other.id]


def test_only_the_lead_removes_participants_and_not_after_the_event(event):
    her = entrepreneur_in(event, event.sessions)
    with pytest.raises(ServiceError):
        registration.remove_participant(her.user, event, her.id)
    event.status = "finished"
    db.session.commit()
    with pytest.raises(ConflictError, match="over"):
        registration.remove_participant(LeadFactory(), event, her.id)
    assert len(event.participants) == 1


def test_an_event_people_registered_for_cannot_go_back_to_draft(event):
    """A draft is hidden from everyone: the API let the lead hide a published event."""
    lead = LeadFactory()
    entrepreneur_in(event, event.sessions)
    with pytest.raises(ConflictError, match="close registration instead"):
        setup.set_status(lead, event, "draft")
    assert event.status == "open"


def test_a_session_may_not_end_after_the_events_last_day(event):
    late = {
        "name": "Night",
        "starts_at": datetime(2026, 12, 10, 21, 0, tzinfo=UTC),
        "ends_at": datetime(2026, 12, 11, 11, 0, tzinfo=UTC),
        "tables": 2,
    }
    with pytest.raises(ValidationFailedError) as refused:
        setup.add_session(LeadFactory(), event, late)
    assert "ends_at" in refused.value.fields
    until_midnight = {**late, "ends_at": datetime(2026, 12, 10, 23, 0, tzinfo=UTC)}
    assert setup.add_session(LeadFactory(), event, until_midnight).name == "Night"
