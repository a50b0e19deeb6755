"""The beat's nudge task reminds a member once more when her due check-in still waits, a setting's
number of days after she was told it is due, and never twice for the same check-in."""

from __future__ import annotations

from datetime import timedelta

import sqlalchemy as sa
from flask_babel import gettext

from mentorship.extensions import db
from mentorship.i18n import language_of
from mentorship.models import Notification
from mentorship.services.mentorships import checkins
from mentorship.services.mentorships.nudges import CHECK_IN, CHECK_IN_PENDING
from tests.mentorship_pairs import approved_mentorship


def run_nudges() -> int:
    from worker.tasks import send_mentorship_nudges

    return send_mentorship_nudges.apply().get()


def reminded(kind: str) -> list[int]:
    return sorted(
        db.session.scalars(sa.select(Notification.user_id).where(Notification.kind == kind))
    )


def days_pass(days: int) -> None:
    """The check-in notices were written `days` days ago."""
    # Row by row rather than in SQL: SQLite cannot subtract an interval from a timestamp.
    for notice in db.session.scalars(
        sa.select(Notification).where(Notification.kind.like("mentorship.nudge.%"))
    ):
        notice.created_at -= timedelta(days=days)
    db.session.commit()


def test_a_due_check_in_unanswered_for_a_week_is_reminded_once_to_each_member(app):
    mentorship = approved_mentorship(started_days_ago=31)
    members = sorted([mentorship.entrepreneur_id, mentorship.mentor_id])
    run_nudges()
    assert reminded(CHECK_IN) == members and reminded(CHECK_IN_PENDING) == []
    days_pass(7)
    run_nudges()
    assert reminded(CHECK_IN_PENDING) == members
    days_pass(7)
    run_nudges()
    assert reminded(CHECK_IN_PENDING) == members  # never twice for the same check-in
    assert reminded(CHECK_IN) == members


def test_a_member_who_answered_the_check_in_is_not_reminded(app):
    mentorship = approved_mentorship(started_days_ago=31)
    run_nudges()
    checkins.answer_check_in(mentorship.entrepreneur, mentorship.id, {"pulse": 4, "line": "Good"})
    days_pass(8)
    run_nudges()
    assert reminded(CHECK_IN_PENDING) == [mentorship.mentor_id]


def test_the_reminder_waits_as_many_days_as_the_setting_says(app):
    app.config["CHECK_IN_REMINDER_DAYS"] = 10
    mentorship = approved_mentorship(started_days_ago=31)
    run_nudges()
    days_pass(9)
    run_nudges()
    assert reminded(CHECK_IN_PENDING) == []
    days_pass(1)
    run_nudges()
    assert reminded(CHECK_IN_PENDING) == sorted([mentorship.entrepreneur_id, mentorship.mentor_id])


def test_the_next_round_is_a_new_check_in_with_its_own_reminder(app):
    mentorship = approved_mentorship(started_days_ago=31)
    run_nudges()
    days_pass(7)
    run_nudges()
    mentorship.started_on -= timedelta(days=60)  # the second round is due now
    db.session.commit()
    run_nudges()
    days_pass(7)
    run_nudges()
    links = db.session.scalars(
        sa.select(Notification.link).where(
            Notification.kind == CHECK_IN_PENDING,
            Notification.user_id == mentorship.entrepreneur_id,
        )
    )
    assert sorted(links) == [f"/mentorships/{mentorship.id}#check-in-{n}" for n in (1, 2)]


def test_the_reminder_is_written_in_the_members_language(app):
    mentorship = approved_mentorship(started_days_ago=31)
    her = mentorship.entrepreneur
    her.locale = "sr"
    db.session.commit()
    run_nudges()
    days_pass(7)
    run_nudges()
    subject = db.session.scalar(
        sa.select(Notification.subject).where(
            Notification.kind == CHECK_IN_PENDING, Notification.user_id == her.id
        )
    )
    with language_of(her):
        assert subject == gettext("Your mentorship check-in is still waiting")
