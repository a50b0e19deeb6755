"""A mentorship the way the app makes one: the lead approves a pairing the mentor accepted."""

from __future__ import annotations

from datetime import timedelta

import sqlalchemy as sa

from mentorship.extensions import db
from mentorship.models import Mentorship
from mentorship.services.approvals import decide_match
from tests.factories import LeadFactory, MatchFactory


def approved_mentorship(lead=None, started_days_ago: int = 0, **match) -> Mentorship:
    lead = lead or LeadFactory()
    pairing = MatchFactory(status="accepted", **match)
    decide_match(lead, pairing.id, "approve")
    mentorship = db.session.scalar(sa.select(Mentorship).where(Mentorship.match_id == pairing.id))
    if started_days_ago:
        move_start(mentorship, started_days_ago)
    return mentorship


def move_start(mentorship: Mentorship, days_ago: int) -> None:
    """Moves the mentorship's clock: it started `days_ago` days before today."""
    from mentorship.services.mentorships.access import today

    mentorship.started_on = today() - timedelta(days=days_ago)
    mentorship.planned_end_on = mentorship.started_on + timedelta(days=91)
    db.session.commit()
