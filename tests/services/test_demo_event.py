"""The demo's finished B2B event: scheduled without clashes, published, outcomes in the report."""

from __future__ import annotations

import sqlalchemy as sa

from mentorship.extensions import db
from mentorship.models import Event
from mentorship.services.events import outcomes


def test_demo_load_adds_a_finished_event_with_a_published_schedule(runner, app):
    first = runner.invoke(args=["demo", "load", "--no-matching"])
    assert first.exit_code == 0, first.output
    assert "Demo B2B event: 15 meetings scheduled" in first.output
    event = db.session.scalars(sa.select(Event).where(Event.status == "finished")).one()
    assert event.status == "finished" and event.schedule_stage == "final"
    assert len(event.published) == 15
    seen = set()
    for entry in event.published:
        meeting = next(m for m in event.meetings if m.id == entry["meeting_id"])
        for person in (meeting.first_id, meeting.second_id):
            key = (person, entry["session_id"], entry["slot"])
            assert key not in seen
            seen.add(key)
            participant = next(p for p in event.participants if p.id == person)
            assert entry["session_id"] in participant.session_ids
    report = outcomes.report(event)
    assert report.meetings_reported == 14
    assert report.results["agreement"] == 5
    again = runner.invoke(args=["demo", "load", "--no-matching"])
    assert "already there" in again.output
    # The finished day and the upcoming one (mentorship.demo.cooperation), each added once.
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Event)) == 2
