"""Mentorships: made by an approval, seen only by their pair and the lead, and bad input
(a future session logged as held, 0 or 100 hours, 20,000 characters, a second answer, another
pair's mentorship) changes nothing."""

from __future__ import annotations

from datetime import timedelta
from email import message_from_bytes
from pathlib import Path

import pytest
import sqlalchemy as sa
from icalendar import Calendar

from mentorship.extensions import db
from mentorship.infrastructure.outbox import deliver_outbox
from mentorship.models import (
    CheckIn,
    Mentorship,
    MentorshipMessage,
    MentorshipSession,
    Notification,
    OutboxEmail,
)
from mentorship.services.errors import (
    ConflictError,
    NotFoundError,
    PermissionDeniedError,
    ValidationFailedError,
)
from mentorship.services.mentorships import access, activity, checkins
from mentorship.services.mentorships.access import today
from mentorship.services.mentorships.nudges import send_nudges
from tests.factories import EntrepreneurFactory, LeadFactory, MatchFactory
from tests.mentorship_pairs import approved_mentorship, move_start


def count(model, **where) -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(model).filter_by(**where))


def test_approving_a_mentor_pairing_starts_a_three_month_mentorship(app):
    mentorship = approved_mentorship()
    assert mentorship.status == "active"
    assert mentorship.started_on == today()
    assert 89 <= (mentorship.planned_end_on - mentorship.started_on).days <= 92
    assert mentorship.entrepreneur_id == mentorship.match.idea.owner_id
    assert mentorship.mentor_id == mentorship.match.mentor_id


def test_pairings_approved_before_mentorships_existed_get_one_on_first_view(app):
    pairing = MatchFactory(status="approved")
    assert count(Mentorship) == 0
    assert access.ensure_mentorships() == 1
    assert access.ensure_mentorships() == 0
    assert count(Mentorship, match_id=pairing.id) == 1


def test_only_the_pair_and_the_lead_see_a_mentorship(app):
    mentorship = approved_mentorship()
    stranger = EntrepreneurFactory()
    lead = LeadFactory()
    for member in (mentorship.entrepreneur, mentorship.mentor, lead):
        assert access.get_mentorship(member, mentorship.id).id == mentorship.id
    with pytest.raises(NotFoundError):
        access.get_mentorship(stranger, mentorship.id)
    listed = db.session.scalars(access.visible_mentorships(stranger)).all()
    assert listed == []


def test_another_pairs_mentorship_is_not_found_and_nothing_changes(app):
    mine = approved_mentorship()
    theirs = approved_mentorship()
    me = mine.entrepreneur
    changes = [
        lambda: activity.save_agreement(me, theirs.id, {"meeting_frequency": "weekly"}),
        lambda: activity.add_goal(me, theirs.id, {"title": "Sell more"}),
        lambda: activity.log_session(
            me, theirs.id, {"held_on": today().isoformat(), "duration_minutes": 60}
        ),
        lambda: activity.send_message(me, theirs.id, {"body": "Hello"}),
        lambda: checkins.close_mentorship(me, theirs.id, {"status": "completed", "nps": 9}),
    ]
    for change in changes:
        with pytest.raises(NotFoundError):
            change()
    db.session.rollback()
    assert db.session.get(Mentorship, theirs.id).meeting_frequency == ""
    assert db.session.get(Mentorship, theirs.id).status == "active"
    assert count(MentorshipSession) == count(MentorshipMessage) == 0


def test_the_lead_watches_but_does_not_write(app):
    lead = LeadFactory()
    mentorship = approved_mentorship(lead)
    with pytest.raises(PermissionDeniedError):
        activity.send_message(lead, mentorship.id, {"body": "Hello"})


@pytest.mark.parametrize(
    "data, field",
    [
        ({"held_on": "tomorrow", "duration_minutes": 60}, "held_on"),
        ({"duration_minutes": 60}, "held_on"),
        ({"held_on": "+1", "duration_minutes": 60}, "held_on"),
        ({"held_on": "0", "duration_minutes": 0}, "duration_minutes"),
        ({"held_on": "0", "duration_minutes": 6000}, "duration_minutes"),
        ({"held_on": "0", "duration_minutes": "an hour"}, "duration_minutes"),
    ],
)
def test_a_bad_held_session_is_refused_and_nothing_is_saved(app, data, field):
    mentorship = approved_mentorship()
    data = dict(data)
    if data.get("held_on") == "+1":
        data["held_on"] = (today() + timedelta(days=1)).isoformat()
    elif data.get("held_on") == "0":
        data["held_on"] = today().isoformat()
    with pytest.raises(ValidationFailedError) as refused:
        activity.log_session(mentorship.entrepreneur, mentorship.id, data)
    assert field in refused.value.fields
    assert count(MentorshipSession) == 0


def test_a_held_session_is_logged(app):
    mentorship = approved_mentorship()
    activity.log_session(
        mentorship.mentor,
        mentorship.id,
        {"held_on": today().isoformat(), "duration_minutes": "90", "topics": "Pricing"},
    )
    (session,) = activity.sessions(mentorship)
    assert (session.planned, session.duration_minutes, session.topics) == (False, 90, "Pricing")


def test_planning_a_session_mails_both_members_a_calendar_invitation(app):
    mentorship = approved_mentorship()
    starts = (today() + timedelta(days=3)).isoformat() + "T17:30"
    session = activity.plan_session(
        mentorship.entrepreneur,
        mentorship.id,
        {"starts_at": starts, "duration_minutes": 45, "topics": "Export plan"},
    )
    invitations = db.session.scalars(
        sa.select(OutboxEmail).where(OutboxEmail.attachment.is_not(None))
    ).all()
    assert {mail.to_email for mail in invitations} == {
        mentorship.entrepreneur.email,
        mentorship.mentor.email,
    }
    event = Calendar.from_ical(invitations[0].attachment).walk("VEVENT")[0]
    assert event.decoded("dtend") - event.decoded("dtstart") == timedelta(minutes=45)
    assert str(event["description"]) == "Export plan"
    assert str(event["uid"]).startswith(f"mentorship-session-{session.id}@")
    deliver_outbox()
    sent = [
        message_from_bytes(p.read_bytes())
        for p in Path(app.config["MAIL_OUTBOX_PATH"]).glob("*.eml")
    ]
    attached = [part for mail in sent for part in mail.walk() if part.get_filename()]
    assert attached and attached[0].get_content_type() == "text/calendar"


def test_a_planned_session_in_the_past_is_refused(app):
    mentorship = approved_mentorship()
    with pytest.raises(ValidationFailedError) as refused:
        activity.plan_session(
            mentorship.entrepreneur,
            mentorship.id,
            {"starts_at": "2020-01-01T10:00", "duration_minutes": 45},
        )
    assert "starts_at" in refused.value.fields
    assert count(MentorshipSession) == 0
    assert (
        db.session.scalar(sa.select(sa.func.count()).where(OutboxEmail.attachment.is_not(None)))
        == 0
    )


def test_a_message_of_20000_characters_is_refused(app):
    mentorship = approved_mentorship()
    with pytest.raises(ValidationFailedError) as refused:
        activity.send_message(mentorship.entrepreneur, mentorship.id, {"body": "x" * 20_000})
    assert "body" in refused.value.fields
    assert count(MentorshipMessage) == 0


def test_messages_notify_an_instant_member_once_per_unread_run_and_get_read(app):
    mentorship = approved_mentorship()
    her, mentor = mentorship.entrepreneur, mentorship.mentor
    mentor.instant_emails = True  # the digest default is tests/services/test_message_digest.py
    db.session.commit()
    before = count(Notification, user_id=mentor.id)
    activity.send_message(her, mentorship.id, {"body": "Can we meet on Monday?"})
    activity.send_message(her, mentorship.id, {"body": "Or Tuesday."})
    assert count(Notification, user_id=mentor.id, kind="mentorship.message") == 1
    assert count(Notification, user_id=mentor.id) == before + 1
    assert activity.mark_read(LeadFactory(), mentorship) == 0
    assert activity.mark_read(mentor, mentorship) == 2
    activity.send_message(her, mentorship.id, {"body": "Thanks!"})
    assert count(Notification, user_id=mentor.id, kind="mentorship.message") == 2


def test_a_check_in_waits_for_30_days_and_is_answered_once_per_round(app):
    mentorship = approved_mentorship()
    her = mentorship.entrepreneur
    with pytest.raises(ConflictError):
        checkins.answer_check_in(her, mentorship.id, {"pulse": 4})
    move_start(mentorship, 31)
    with pytest.raises(ValidationFailedError):
        checkins.answer_check_in(her, mentorship.id, {"pulse": 9})
    checkins.answer_check_in(her, mentorship.id, {"pulse": "4", "line": "Good"})
    with pytest.raises(ConflictError):
        checkins.answer_check_in(her, mentorship.id, {"pulse": 5})
    assert [(c.round, c.pulse) for c in db.session.scalars(sa.select(CheckIn))] == [(1, 4)]
    checkins.answer_check_in(mentorship.mentor, mentorship.id, {"pulse": 5})
    assert count(CheckIn) == 2


def test_closing_out_with_the_survey_and_the_survey_answered_twice(app):
    mentorship = approved_mentorship()
    her, mentor = mentorship.entrepreneur, mentorship.mentor
    with pytest.raises(ValidationFailedError) as refused:
        checkins.close_mentorship(her, mentorship.id, {"status": "ended_early", "nps": 11})
    assert set(refused.value.fields) == {"end_reason", "nps"}
    assert db.session.get(Mentorship, mentorship.id).status == "active"
    checkins.close_mentorship(her, mentorship.id, {"status": "completed", "nps": 9})
    with pytest.raises(ConflictError):
        checkins.answer_survey(her, mentorship.id, {"nps": 10})
    checkins.answer_survey(mentor, mentorship.id, {"nps": 8})
    with pytest.raises(ConflictError):
        checkins.answer_survey(mentor, mentorship.id, {"nps": 7})
    with pytest.raises(ConflictError):
        activity.send_message(her, mentorship.id, {"body": "After the end"})


def outcome(value: int) -> dict:
    answers = {area: value for area in checkins.outcome_questions()["areas"]}
    return {**answers, "revenue_band": "under_5k", "employees": 2, "new_partnerships": 1}


def test_outcomes_baseline_while_open_and_endline_after_close(app):
    mentorship = approved_mentorship()
    her, mentor = mentorship.entrepreneur, mentorship.mentor
    with pytest.raises(PermissionDeniedError):
        checkins.answer_outcomes(mentor, mentorship.id, "baseline", outcome(2))
    with pytest.raises(ValidationFailedError):
        checkins.answer_outcomes(her, mentorship.id, "baseline", {**outcome(2), "strategy": 6})
    checkins.answer_outcomes(her, mentorship.id, "baseline", outcome(2))
    with pytest.raises(ConflictError):
        checkins.answer_outcomes(her, mentorship.id, "baseline", outcome(3))
    with pytest.raises(ConflictError):
        checkins.answer_outcomes(her, mentorship.id, "endline", outcome(4))
    checkins.close_mentorship(her, mentorship.id, {"status": "completed", "nps": 10})
    checkins.answer_outcomes(her, mentorship.id, "endline", outcome(4))
    assert checkins.outcomes_of(mentorship)["endline"].answers["confidence"] == 4


def test_nudges_remind_a_silent_pair_and_a_due_check_in_once(app):
    mentorship = approved_mentorship(started_days_ago=31)
    assert send_nudges() == 4  # no session for three weeks, and the first check-in, to both
    assert send_nudges() == 0
    kinds = db.session.scalars(
        sa.select(Notification.kind).where(Notification.kind.like("mentorship.nudge.%"))
    ).all()
    assert sorted(kinds) == ["mentorship.nudge.check_in"] * 2 + ["mentorship.nudge.no_session"] * 2
    assert mentorship.id
