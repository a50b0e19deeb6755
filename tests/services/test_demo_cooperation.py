"""The demo's cooperation profiles, waiting contact person and upcoming event with meetings
suggested from complementary profiles (partner ↔ partner among them)."""

from __future__ import annotations

import sqlalchemy as sa

from mentorship.extensions import db
from mentorship.models import CooperationProfile, Event, PartnerContact


def test_demo_load_adds_profiles_a_waiting_contact_and_profile_suggestions(runner, app):
    first = runner.invoke(args=["demo", "load", "--no-matching"])
    assert first.exit_code == 0, first.output
    assert "Demo cooperation: 12 profiles" in first.output
    assert db.session.scalar(sa.select(sa.func.count()).select_from(CooperationProfile)) == 12
    waiting = db.session.scalars(
        sa.select(PartnerContact).where(PartnerContact.status == "pending")
    ).one()
    assert waiting.company_name == "Pekara Nišlijka" and waiting.partner_id is None
    event = db.session.scalars(sa.select(Event).where(Event.status == "open")).one()
    from_profiles = [m for m in event.meetings if m.reason.startswith("Complementary profiles")]
    assert from_profiles
    assert any(m.first.partner_id and m.second.partner_id for m in from_profiles)
    again = runner.invoke(args=["demo", "load", "--no-matching"])
    assert "already there" in again.output
    assert db.session.scalar(sa.select(sa.func.count()).select_from(CooperationProfile)) == 12
