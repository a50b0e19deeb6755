"""Moments on SQLite, the embedded default: kept as the instant they are, whatever offset they
were given in, and written to calendars in UTC."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from mentorship import create_app
from mentorship.extensions import db
from mentorship.models import EventSession
from mentorship.services.events import agenda, meetings, schedule, setup
from tests.conftest import app_config
from tests.event_factories import contact_in, entrepreneur_in
from tests.factories import LeadFactory

BELGRADE_WINTER = timezone(timedelta(hours=1))


@pytest.fixture
def sqlite_app(tmp_path):
    app = create_app(app_config(f"sqlite:///{tmp_path / 'embedded.db'}", tmp_path))
    with app.app_context():
        db.create_all()
        yield app
        db.session.remove()
        db.engine.dispose()


def _event(lead):
    return setup.create_event(
        lead,
        {
            "name": "Days of Clusters",
            "place": "Niš",
            "starts_on": date(2026, 12, 22),
            "ends_on": date(2026, 12, 22),
            "meeting_minutes": 30,
        },
        [
            {
                "name": "Morning",
                "starts_at": datetime(2026, 12, 22, 9, 0, tzinfo=BELGRADE_WINTER),
                "ends_at": datetime(2026, 12, 22, 10, 0, tzinfo=BELGRADE_WINTER),
                "tables": 2,
            }
        ],
    )


def test_a_session_given_in_belgrade_time_is_kept_as_that_instant(sqlite_app):
    """SQLite kept the wall-clock text and dropped the offset: 09:00+01:00 came back 09:00 UTC."""
    event = _event(LeadFactory())
    db.session.expire_all()
    session = db.session.get(EventSession, event.sessions[0].id)
    assert session.starts_at == datetime(2026, 12, 22, 8, 0, tzinfo=UTC)
    assert session.starts_at.tzinfo is not None


def test_the_agenda_file_gives_utc_times(sqlite_app):
    """Times without a zone are read as the calendar's local time: meetings at 08:00, not 09:00."""
    lead = LeadFactory()
    event = _event(lead)
    her, them = entrepreneur_in(event, event.sessions), contact_in(event, event.sessions)
    meeting = meetings.request_meeting(her.user, event, them.id, "Jars for jam")
    meetings.answer(them.user, meeting, True)
    schedule.run(lead, event)
    schedule.publish(lead, event, "final")
    db.session.expire_all()
    labels = {"meeting_with": "Meeting with", "table": "Table", "why": "Why"}
    text = agenda.ics(event, her, labels).decode()
    assert "DTSTART:20261222T080000Z" in text and "DTEND:20261222T083000Z" in text
