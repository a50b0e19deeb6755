"""`flask demo load` shows mentorships at every stage, each with its health light."""

from __future__ import annotations

import json
from datetime import date

import pytest
import sqlalchemy as sa

from mentorship.demo.content import ENTREPRENEURS
from mentorship.demo.ideas import build_ideas
from mentorship.demo.mentorships import DATA, _apply_talk
from mentorship.extensions import db
from mentorship.models import Mentorship, MentorshipMessage
from mentorship.services.mentorships.impact import impact_report
from mentorship.services.mentorships.overview import health_of
from tests.mentorship_pairs import approved_mentorship


@pytest.fixture
def demo(runner):
    result = runner.invoke(args=["demo", "load"])
    assert result.exit_code == 0, result.output
    return result.output


def test_every_demo_mentorship_names_a_demo_idea():
    titles = {(idea.owner.name, idea.title) for idea in build_ideas(ENTREPRENEURS)}
    entries = json.loads(DATA.read_text(encoding="utf-8"))["mentorships"]
    assert {(entry["owner"], entry["idea"]) for entry in entries} <= titles


def test_the_demo_shows_mentorships_at_every_stage(demo, runner):
    assert "Mentorships: " in demo and "skipped" not in demo.split("Mentorships: ")[1]
    mentorships = db.session.scalars(sa.select(Mentorship)).all()
    statuses = {m.status for m in mentorships}
    assert {"active", "completed", "ended_early"} <= statuses
    lights = {health.light for health in health_of(list(mentorships)).values()}
    assert {"too_early", "on_track", "needs_check_in", "closed"} <= lights
    report = impact_report()
    assert report.total.sessions >= 9 and report.total.nps is not None
    assert report.total.change("confidence")[2] == 2.0
    assert report.total.average_session_rating is not None
    warned = [m for m in mentorships if m.inactive_close_on is not None]
    assert [m.status for m in warned] == ["active"]
    # The nudge task keeps the demo's warning: the pair has been silent since before it.
    from mentorship.services.mentorships.nudges import send_nudges

    send_nudges()
    db.session.expire_all()
    assert db.session.get(Mentorship, warned[0].id).inactivity_warned_at is not None
    again = runner.invoke(args=["demo", "load"])
    assert "1 already applied" in again.output.split("Mentorships: ")[1]
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Mentorship)) == len(mentorships)


def test_a_demo_member_has_read_the_talk_up_to_her_own_last_message(app):
    mentorship = approved_mentorship()
    members = {"entrepreneur": mentorship.entrepreneur_id, "mentor": mentorship.mentor_id}
    talk = [("entrepreneur", 9), ("entrepreneur", 8), ("mentor", 7), ("mentor", 6)]
    entry = {"messages": [{"from": who, "days_ago": ago, "text": who} for who, ago in talk]}
    _apply_talk(mentorship, entry, date.today(), members)
    db.session.commit()
    read = [
        message.read_at is not None
        for message in db.session.scalars(
            sa.select(MentorshipMessage).order_by(MentorshipMessage.created_at)
        )
    ]
    # The mentor answered both of the entrepreneur's; the entrepreneur has not answered yet.
    assert read == [True, True, False, False]
