"""An inactive mentorship is warned once, then closed as ended early; activity voids the warning.

The clock moves the way the other nudge tests move it: the mentorship's start (and its rows'
creation times) are pushed into the past, and the task is run as of a later day (`on`).
"""

from __future__ import annotations

from datetime import timedelta

import sqlalchemy as sa

from mentorship.extensions import db
from mentorship.models import Mentorship, MentorshipMessage, Notification
from mentorship.services.mentorships import activity, checkins
from mentorship.services.mentorships.access import today
from mentorship.services.mentorships.inactivity import CLOSED, WARNING
from mentorship.services.mentorships.nudges import send_nudges
from tests.factories import LeadFactory
from tests.mentorship_pairs import approved_mentorship, move_start


def told(kind: str) -> list[int]:
    return sorted(
        db.session.scalars(sa.select(Notification.user_id).where(Notification.kind == kind))
    )


def fresh(mentorship: Mentorship) -> Mentorship:
    db.session.expire_all()
    return db.session.get(Mentorship, mentorship.id)


def test_eight_silent_weeks_warn_both_members_once_then_close_after_the_grace(app):
    lead = LeadFactory()
    mentorship = approved_mentorship(lead, started_days_ago=55)
    members = sorted([mentorship.entrepreneur_id, mentorship.mentor_id])
    send_nudges()
    assert told(WARNING) == []
    move_start(mentorship, 56)
    send_nudges()
    assert told(WARNING) == members
    assert fresh(mentorship).inactive_close_on == today() + timedelta(days=14)
    body = db.session.scalar(sa.select(Notification.body).where(Notification.kind == WARNING))
    assert "unless you log a session or send a message" in body
    send_nudges()
    send_nudges(on=today() + timedelta(days=13))
    assert told(WARNING) == members  # never twice for the same silence
    assert fresh(mentorship).status == "active"
    send_nudges(on=today() + timedelta(days=14))
    closed = fresh(mentorship)
    assert (closed.status, closed.end_reason) == ("ended_early", "inactive")
    assert closed.closed_at is not None
    assert told(CLOSED) == sorted([*members, lead.id])
    send_nudges(on=today() + timedelta(days=15))
    assert told(CLOSED) == sorted([*members, lead.id])
    # The survey is open to both after the automatic close.
    checkins.answer_survey(closed.mentor, closed.id, {"nps": 6})


def test_a_message_or_a_session_after_the_warning_voids_it(app):
    mentorship = approved_mentorship(started_days_ago=60)
    send_nudges()
    assert len(told(WARNING)) == 2
    activity.send_message(mentorship.mentor, mentorship.id, {"body": "Shall we meet?"})
    assert fresh(mentorship).inactive_close_on is None
    send_nudges(on=today() + timedelta(days=20))
    assert fresh(mentorship).status == "active"
    assert len(told(WARNING)) == 2
    # A new silence is a new period: warned again, once.
    send_nudges(on=today() + timedelta(days=56))
    send_nudges(on=today() + timedelta(days=57))
    assert len(told(WARNING)) == 4
    held_long_ago = (today() - timedelta(days=40)).isoformat()
    activity.log_session(
        mentorship.entrepreneur,
        mentorship.id,
        {"held_on": held_long_ago, "duration_minutes": 30},
    )
    send_nudges(on=today() + timedelta(days=70))
    assert fresh(mentorship).status == "active"  # logging it is activity, whatever its date


def test_old_activity_does_not_count_and_a_warning_missed_by_the_page_is_voided_too(app):
    mentorship = approved_mentorship(started_days_ago=90)
    activity.send_message(mentorship.mentor, mentorship.id, {"body": "Hello"})
    send_nudges()
    assert told(WARNING) == []
    db.session.execute(
        sa.update(MentorshipMessage).values(created_at=MentorshipMessage.created_at - timedelta(60))
    )
    db.session.commit()
    send_nudges()
    assert len(told(WARNING)) == 2
    # A message written after the warning by another path than the service still voids it.
    db.session.add(
        MentorshipMessage(mentorship_id=mentorship.id, sender_id=mentorship.mentor_id, body="Hi")
    )
    db.session.commit()
    send_nudges(on=today() + timedelta(days=14))
    current = fresh(mentorship)
    assert current.status == "active" and current.inactivity_warned_at is None


def test_paused_mentorships_are_left_alone_and_the_weeks_are_configurable(app):
    paused = approved_mentorship(started_days_ago=100)
    checkins.set_paused(paused.entrepreneur, paused.id, True)
    app.config["MENTORSHIP_INACTIVE_WEEKS"] = 2
    short = approved_mentorship(started_days_ago=14)
    send_nudges()
    assert told(WARNING) == sorted([short.entrepreneur_id, short.mentor_id])
    assert fresh(paused).inactive_close_on is None
