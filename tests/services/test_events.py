"""Events services on the real database: registration, meetings, schedule runs, publishing,
agendas, outcomes and the report."""

from __future__ import annotations

import pytest
from icalendar import Calendar

from mentorship.extensions import db
from mentorship.models import EventMeeting, MatchStatus, Notification
from mentorship.services.errors import ConflictError, NotFoundError, ValidationFailedError
from mentorship.services.events import agenda, meetings, outcomes, registration, schedule, setup
from tests.event_factories import (
    EventFactory,
    PartnerContactFactory,
    SessionFactory,
    contact_in,
    entrepreneur_in,
    held,
)
from tests.factories import EntrepreneurFactory, IdeaFactory, LeadFactory, MatchFactory


@pytest.fixture
def event(app):
    found = EventFactory()
    SessionFactory(event=found, name="Morning")
    SessionFactory(
        event=found,
        name="Afternoon",
        starts_at=found.sessions[0].ends_at.replace(hour=12),
        ends_at=found.sessions[0].ends_at.replace(hour=14),
    )
    db.session.refresh(found)
    return found


def accept(meeting: EventMeeting) -> None:
    meetings.answer(meeting.second.user, meeting, True)


def test_entrepreneur_registers_with_her_idea_and_sessions(event):
    idea = IdeaFactory()
    morning = event.sessions[0]
    participant = registration.register(idea.owner, event, [morning.id], idea.id)
    assert participant.idea_id == idea.id and participant.session_ids == [morning.id]


def test_registration_refuses_another_womans_idea_and_unknown_sessions(event):
    mine, hers = EntrepreneurFactory(), IdeaFactory()
    with pytest.raises(ValidationFailedError):
        registration.register(mine, event, [event.sessions[0].id], hers.id)
    own = IdeaFactory(owner=mine)
    with pytest.raises(ValidationFailedError):
        registration.register(mine, event, [999_999], own.id)
    assert event.participants == []


def test_partner_contact_registers_for_her_company(event):
    contact = PartnerContactFactory()
    participant = registration.register(contact, event, [event.sessions[1].id], None)
    assert participant.partner_id is not None and participant.idea_id is None


def test_registration_closed_is_a_conflict(event):
    event.status = "closed"
    db.session.commit()
    idea = IdeaFactory()
    with pytest.raises(ConflictError):
        registration.register(idea.owner, event, [event.sessions[0].id], idea.id)


def test_matches_become_suggested_meetings_once(event):
    her = entrepreneur_in(event, event.sessions)
    them = contact_in(event, event.sessions)
    MatchFactory(idea=her.idea, kind="partner", mentor=None, partner=them.partner, reasons=["jam"])
    MatchFactory(
        idea=her.idea,
        kind="partner",
        mentor=None,
        partner=contact_in(event, []).partner,
        status=MatchStatus.REJECTED.value,
    )
    assert meetings.suggest_meetings(event) == 1
    assert meetings.suggest_meetings(event) == 0
    suggested = db.session.scalars(db.select(EventMeeting)).one()
    assert (suggested.first_id, suggested.second_id, suggested.reason) == (her.id, them.id, "jam")


def test_people_without_a_session_in_common_are_never_offered_a_meeting(event):
    """Both accepted such a suggestion, and the meeting then vanished from their agendas."""
    morning, afternoon = event.sessions
    her = entrepreneur_in(event, [morning])
    them = contact_in(event, [afternoon])
    MatchFactory(idea=her.idea, kind="partner", mentor=None, partner=them.partner, reasons=["jam"])
    assert meetings.suggest_meetings(event) == 0
    with pytest.raises(ConflictError, match="no session in common"):
        meetings.request_meeting(her.user, event, them.id, "Jam for the hotel")
    registration.register(them.user, event, [morning.id, afternoon.id], None)
    assert meetings.suggest_meetings(event) == 1


def test_request_needs_a_reason_and_only_the_asked_side_answers(event):
    her = entrepreneur_in(event, event.sessions)
    them = contact_in(event, event.sessions)
    with pytest.raises(ValidationFailedError):
        meetings.request_meeting(her.user, event, them.id, "   ")
    meeting = meetings.request_meeting(her.user, event, them.id, "We sell jam to hotels")
    assert db.session.scalar(db.select(Notification).where(Notification.user_id == them.user_id))
    with pytest.raises(ConflictError):
        meetings.answer(her.user, meeting, True)
    with pytest.raises(ConflictError):
        meetings.request_meeting(them.user, event, her.id, "Again, the other way")
    meetings.answer(them.user, meeting, True)
    assert meeting.status == "accepted"
    with pytest.raises(ConflictError):
        meetings.answer(them.user, meeting, False)


def test_stranger_cannot_see_or_answer_a_meeting(event):
    her = entrepreneur_in(event, event.sessions)
    them = contact_in(event, event.sessions)
    meeting = meetings.request_meeting(her.user, event, them.id, "Hotels buy jam")
    stranger = entrepreneur_in(event, event.sessions)
    with pytest.raises(NotFoundError):
        meetings.get_meeting(stranger.user, event, meeting.id)
    with pytest.raises(NotFoundError):
        meetings.answer(stranger.user, meeting, True)


def _accepted_event(event, entrepreneurs=4, contacts=3):
    women = [entrepreneur_in(event, event.sessions) for _ in range(entrepreneurs)]
    firms = [contact_in(event, event.sessions) for _ in range(contacts)]
    for woman in women:
        for firm in firms:
            accept(meetings.request_meeting(woman.user, event, firm.id, "Supply"))
    return women, firms


def test_schedule_places_every_accepted_meeting_without_clash(event):
    women, firms = _accepted_event(event)
    lead = LeadFactory()
    result = schedule.run(lead, event)
    assert len(result.placements) == 12 and not result.unscheduled
    assert result.slots_used == result.max_degree == 4  # two-sided: Δ slots
    seen = set()
    for meeting in schedule.accepted(event):
        for person in (meeting.first_id, meeting.second_id):
            key = (person, meeting.session_id, meeting.slot)
            assert key not in seen
            seen.add(key)


def test_bad_input_leaves_the_published_schedule_intact(event):
    women, firms = _accepted_event(event, 2, 2)
    lead = LeadFactory()
    schedule.run(lead, event)
    schedule.publish(lead, event, "preliminary")
    before = list(event.published)
    # 9 more meetings than the two sessions' 8 slots × 5 tables can hold
    for session in event.sessions:
        session.tables = 1
    db.session.commit()
    extra = [entrepreneur_in(event, event.sessions) for _ in range(5)]
    for woman in extra:
        for firm in firms:
            accept(meetings.request_meeting(woman.user, event, firm.id, "More"))
    with pytest.raises(ConflictError, match="more accepted meetings than places"):
        schedule.run(lead, event)
    assert event.published == before


def test_pinned_meeting_is_kept_by_a_rerun(event):
    women, firms = _accepted_event(event, 2, 2)
    lead = LeadFactory()
    schedule.run(lead, event)
    meeting = schedule.accepted(event)[0]
    afternoon = event.sessions[1]
    schedule.move(lead, meeting, afternoon.id, 3, 5)
    schedule.run(lead, event)
    db.session.refresh(meeting)
    assert (meeting.session_id, meeting.slot, meeting.table_number, meeting.pinned) == (
        afternoon.id,
        3,
        5,
        True,
    )


def test_move_onto_a_busy_person_is_refused(event):
    women, firms = _accepted_event(event, 1, 2)
    lead = LeadFactory()
    schedule.run(lead, event)
    one, two = schedule.accepted(event)
    with pytest.raises(ConflictError):
        schedule.move(lead, one, two.session_id, two.slot, two.table_number % 5 + 1)


def test_publish_notifies_and_agenda_and_ics_follow_the_published_copy(event):
    women, firms = _accepted_event(event, 2, 2)
    lead = LeadFactory()
    schedule.run(lead, event)
    schedule.publish(lead, event, "final")
    assert event.schedule_stage == "final"
    told = db.session.scalars(db.select(Notification).where(Notification.kind == "event_schedule"))
    assert len(list(told)) == 4
    items = agenda.agenda(event, women[0])
    assert [item.other.id for item in items] == sorted(
        (i.other.id for i in items), key=lambda pid: [x.other.id for x in items].index(pid)
    )
    assert {item.other.id for item in items} == {firms[0].id, firms[1].id}
    calendar = Calendar.from_ical(
        agenda.ics(
            event, women[0], {"meeting_with": "Meeting with", "table": "Table", "why": "Why"}
        )
    )
    entries = [c for c in calendar.walk("VEVENT")]
    assert len(entries) == 2
    assert str(entries[0]["summary"]).startswith("Meeting with ")


def test_outcomes_feed_the_report(event):
    women, firms = _accepted_event(event, 2, 1)
    lead = LeadFactory()
    schedule.run(lead, event)
    first, second = schedule.accepted(event)
    with pytest.raises(ConflictError):
        outcomes.record(first.first.user, first, "follow_up", "supplier")
    schedule.publish(lead, event, "final")
    with pytest.raises(ConflictError, match="once it has taken place"):
        outcomes.record(first.first.user, first, "follow_up", "supplier")  # 10 December
    held(event)
    outcomes.record(first.first.user, first, "follow_up", "supplier")
    outcomes.record(first.second.user, first, "agreement", "buyer", "Signed a supply contract")
    # "No interest" keeps no cooperation type, whatever came with it.
    assert (
        outcomes.record(second.first.user, second, "no_interest", "supplier").cooperation_type
        is None
    )
    with pytest.raises(ValidationFailedError):
        outcomes.record(second.first.user, second, "agreement", None)
    summary = outcomes.report(event)
    assert summary.meetings_scheduled == 2 and summary.meetings_reported == 2
    assert summary.results["agreement"] == 1 and summary.results["no_interest"] == 1
    assert summary.agreements_by_type["buyer"] == 1


def test_participant_who_left_disappears_from_the_schedule_run(event):
    women, firms = _accepted_event(event, 2, 1)
    lead = LeadFactory()
    registration.withdraw(women[0].user, event)
    db.session.refresh(event)
    result = schedule.run(lead, event)
    assert len(result.placements) == 1


def test_only_the_lead_sets_up_events(event):
    with pytest.raises(Exception) as caught:
        setup.add_session(EntrepreneurFactory(), event, {})
    assert caught.value.__class__.__name__ == "PermissionDeniedError"


def test_moving_onto_a_taken_table_swaps_the_two_meetings(event):
    women, firms = _accepted_event(event, 2, 1)
    lead = LeadFactory()
    schedule.run(lead, event)
    one, two = schedule.accepted(event)
    before_one = (one.session_id, one.slot, one.table_number)
    before_two = (two.session_id, two.slot, two.table_number)
    schedule.move(lead, one, two.session_id, two.slot, two.table_number)
    assert (one.session_id, one.slot, one.table_number) == before_two
    assert (two.session_id, two.slot, two.table_number) == before_one
    assert one.pinned and two.pinned


def test_a_finished_events_schedule_no_longer_changes(event):
    women, firms = _accepted_event(event, 2, 2)
    lead = LeadFactory()
    schedule.run(lead, event)
    schedule.publish(lead, event, "final")
    meeting = schedule.accepted(event)[0]
    schedule.move(lead, meeting, event.sessions[1].id, 3, 5)
    event.status = "finished"
    db.session.commit()
    where = {m.id: (m.session_id, m.slot, m.table_number, m.pinned) for m in event.meetings}
    published = list(event.published)
    told = db.session.scalar(db.select(db.func.count()).select_from(Notification))
    for change in (
        lambda: schedule.run(lead, event),
        lambda: schedule.publish(lead, event, "final"),
        lambda: schedule.move(lead, meeting, event.sessions[0].id, 0, 1),
        lambda: schedule.unpin(lead, meeting),
    ):
        with pytest.raises(ConflictError, match="The event is over"):
            change()
    db.session.expire_all()
    assert {m.id: (m.session_id, m.slot, m.table_number, m.pinned) for m in event.meetings} == where
    assert list(event.published) == published
    assert db.session.scalar(db.select(db.func.count()).select_from(Notification)) == told


def test_moving_onto_a_pinned_meetings_place_is_refused_and_changes_nothing(event):
    women, firms = _accepted_event(event, 2, 1)
    lead = LeadFactory()
    schedule.run(lead, event)
    one, two = schedule.accepted(event)
    schedule.move(lead, two, event.sessions[0].id, 1, 2)
    where = {m.id: (m.session_id, m.slot, m.table_number, m.pinned) for m in event.meetings}
    with pytest.raises(ConflictError, match="pinned meeting: unpin it first"):
        schedule.move(lead, one, two.session_id, two.slot, two.table_number)
    db.session.expire_all()
    assert {m.id: (m.session_id, m.slot, m.table_number, m.pinned) for m in event.meetings} == where


def test_a_swap_refused_for_a_clash_names_who_would_meet_twice(event):
    her, other_woman = (entrepreneur_in(event, event.sessions) for _ in range(2))
    firm, second_firm = (contact_in(event, event.sessions) for _ in range(2))
    moved, displaced, busy = (
        meetings.request_meeting(woman.user, event, other.id, reason)
        for woman, other, reason in (
            (her, firm, "Jars"),
            (other_woman, firm, "Lids"),
            (other_woman, second_firm, "Labels"),
        )
    )
    for meeting in (moved, displaced, busy):
        accept(meeting)
    morning = event.sessions[0]
    for meeting, slot, table in ((displaced, 0, 1), (moved, 1, 2), (busy, 1, 1)):
        meeting.session_id, meeting.slot, meeting.table_number = morning.id, slot, table
    db.session.commit()
    # The displaced meeting would go to slot 2, where its entrepreneur already meets someone.
    with pytest.raises(ConflictError) as refused:
        schedule.move(LeadFactory(), moved, morning.id, 0, 1)
    assert other_woman.display_name in refused.value.message
    assert her.display_name not in refused.value.message
    assert (moved.slot, displaced.slot) == (1, 0)


def test_a_swap_returns_the_meeting_that_made_room(event):
    women, firms = _accepted_event(event, 2, 1)
    lead = LeadFactory()
    schedule.run(lead, event)
    one, two = schedule.accepted(event)
    place = (two.session_id, two.slot, two.table_number)
    assert schedule.move(lead, one, *place) == two
    assert (one.session_id, one.slot, one.table_number) == place and two.pinned
