"""Celery beat sends the mentorship nudges by the task's name; the task runs the service."""

from __future__ import annotations

import sqlalchemy as sa

from mentorship import task_names
from mentorship.extensions import db
from mentorship.models import Notification
from tests.mentorship_pairs import approved_mentorship


def test_beat_runs_the_nudge_task_by_its_name(app):
    import worker.tasks  # noqa: F401 -- registers the tasks, as the worker process does

    celery_app = app.extensions["celery"]
    entry = celery_app.conf.beat_schedule["send-mentorship-nudges"]
    assert entry["task"] == task_names.SEND_MENTORSHIP_NUDGES
    assert entry["task"] in celery_app.tasks


def test_the_task_reminds_a_pair_that_logged_no_session_for_three_weeks(app):
    from worker.tasks import send_mentorship_nudges

    approved_mentorship(started_days_ago=22)
    assert send_mentorship_nudges.apply().get() == 2
    kinds = db.session.scalars(
        sa.select(Notification.kind).where(Notification.kind.like("mentorship.%"))
    )
    assert sorted(kinds) == ["mentorship.nudge.no_session"] * 2


def test_the_task_warns_an_inactive_pair_before_closing(app):
    from mentorship.services.mentorships.inactivity import WARNING
    from worker.tasks import send_mentorship_nudges

    mentorship = approved_mentorship(started_days_ago=60)
    send_mentorship_nudges.apply().get()
    warned = db.session.scalars(sa.select(Notification.user_id).where(Notification.kind == WARNING))
    assert sorted(warned) == sorted([mentorship.entrepreneur_id, mentorship.mentor_id])
