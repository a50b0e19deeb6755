"""`flask demo load` shows introduction threads, signed agreements and an added question."""

from __future__ import annotations

import sqlalchemy as sa

from mentorship.extensions import db
from mentorship.models import IntroductionMessage, Match, PartnerContact
from mentorship.services.outcome_questions import question_set
from mentorship.services.partnerships.access import get_introduction
from mentorship.services.partnerships.report import agreement_report


def test_the_demo_shows_threads_agreements_and_the_programme_question(runner):
    result = runner.invoke(args=["demo", "load"])
    assert result.exit_code == 0, result.output
    assert "signed partnership agreements" in result.output
    report = agreement_report()
    assert report.total == 2 and dict(report.table("type"))["supplier"] == 1
    thread_ids = set(db.session.scalars(sa.select(IntroductionMessage.match_id)))
    assert len(thread_ids) == 4
    partner_match = db.session.scalars(
        sa.select(Match).where(Match.id.in_(thread_ids), Match.kind == "partner")
    ).first()
    contact = db.session.scalars(
        sa.select(PartnerContact).where(PartnerContact.partner_id == partner_match.partner_id)
    ).first()
    assert get_introduction(contact.user, partner_match.id) == partner_match
    labels = [q.label for q in question_set(partner_match.idea.programme_id)]
    assert "Digital sales and online presence" in labels
    again = runner.invoke(args=["demo", "load"])
    assert "already there" in again.output
    assert db.session.scalar(sa.select(sa.func.count()).select_from(IntroductionMessage)) == 8
