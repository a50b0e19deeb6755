"""`flask demo load` shows introduction threads, signed agreements and an added question."""

from __future__ import annotations

import sqlalchemy as sa

from mentorship.extensions import db
from mentorship.models import IntroductionMessage, Match, PartnerContact, User
from mentorship.services.outcome_questions import question_set
from mentorship.services.partnerships.access import get_introduction
from mentorship.services.partnerships.report import agreement_report
from mentorship.services.partnerships.threads import read_up_to
from mentorship.services.partnerships.unread import unread_counts


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


def test_each_demo_writer_has_read_her_thread_up_to_her_own_last_message(runner):
    assert runner.invoke(args=["demo", "load"]).exit_code == 0
    threads: dict[int, list[IntroductionMessage]] = {}
    for message in db.session.scalars(
        sa.select(IntroductionMessage).order_by(IntroductionMessage.id)
    ):
        threads.setdefault(message.match_id, []).append(message)
    # The partner thread where the entrepreneur wrote, the contact answered, she wrote again.
    match_id, thread = next(
        (match_id, thread) for match_id, thread in threads.items() if len(thread) == 3
    )
    match = db.session.get(Match, match_id)
    entrepreneur = match.idea.owner
    contact = db.session.get(User, thread[1].sender_id)
    assert [m.sender_id for m in thread] == [entrepreneur.id, contact.id, entrepreneur.id]
    assert unread_counts(entrepreneur, [match]).get(match.id, 0) == 0
    assert unread_counts(contact, [match]) == {match.id: 1}  # her last message only
    assert read_up_to(contact, match) == thread[1].id
    # Nobody who has not written in a thread has read it.
    lead = db.session.scalar(sa.select(User).where(User.role == "lead"))
    assert unread_counts(lead, [match]) == {match.id: 3}
