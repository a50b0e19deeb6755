"""Partner introductions: the lead sees that messages flow (no text); a member reports a problem,
the lead may read the thread only while a report is open (each reading audited), resolving ends
it; bad input and the wrong person change nothing."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from mentorship.extensions import db
from mentorship.models import AuditEntry, IntroductionMessage, Notification, ProblemReport
from mentorship.services.errors import (
    ConflictError,
    NotFoundError,
    PermissionDeniedError,
    ValidationFailedError,
)
from mentorship.services.mentorships import problem_reports as mentorship_reports
from mentorship.services.partnerships import flow, threads
from mentorship.services.partnerships import problem_reports as reports
from mentorship.services.problem_reports import notices, overview
from tests.event_factories import PartnerContactFactory
from tests.factories import (
    ClusterFactory,
    EntrepreneurFactory,
    IdeaFactory,
    LeadFactory,
    MatchFactory,
    PartnerFactory,
)
from tests.mentorship_pairs import approved_mentorship

REASON = {"reason": "They ask for payment before any contract."}


def count(model, **where) -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(model).filter_by(**where))


def reads() -> int:
    return count(AuditEntry, action=reports.READ_ACTION)


def partner_introduction():
    match = MatchFactory(
        idea=IdeaFactory(), kind="partner", mentor=None, partner=PartnerFactory(), status="approved"
    )
    contact = PartnerContactFactory(partner=match.partner)
    return match, match.idea.owner, contact


def test_the_lead_reads_the_thread_only_while_a_report_is_open(app):
    lead = LeadFactory()
    match, her, contact = partner_introduction()
    threads.send_message(contact, match.id, {"body": "Our private price list"})
    with pytest.raises(PermissionDeniedError):
        reports.read_reported_messages(lead, match.id, via="web")
    assert reads() == 0

    report = reports.report_problem(her, match.id, REASON)
    assert report.is_open and report.match_id == match.id and report.mentorship_id is None
    _, open_now, thread = reports.read_reported_messages(lead, match.id, via="web")
    assert [r.id for r in open_now] == [report.id]
    assert [m.body for m in thread] == ["Our private price list"]
    entry = db.session.scalar(sa.select(AuditEntry).where(AuditEntry.action == reports.READ_ACTION))
    assert (entry.actor_id, entry.object_type, entry.object_id) == (lead.id, "match", match.id)
    assert entry.details == {"report_ids": [report.id], "via": "web"}
    # Reading marks nothing read for the lead or anybody else.
    assert threads.read_up_to(lead, match) == 0 and threads.read_up_to(her, match) == 0

    reports.resolve_report(lead, match.id, report.id, {"note": "Spoke with both."})
    with pytest.raises(PermissionDeniedError):
        reports.read_reported_messages(lead, match.id, via="api")
    assert reads() == 1
    assert count(AuditEntry, action="introduction.problem_resolve") == 1


def test_members_strangers_and_other_introductions_cannot_read_or_report(app):
    lead = LeadFactory()
    match, her, contact = partner_introduction()
    other, _, _ = partner_introduction()
    reports.report_problem(contact, match.id, REASON)
    with pytest.raises(PermissionDeniedError):
        reports.read_reported_messages(her, match.id, via="web")
    for stranger in (EntrepreneurFactory(), PartnerContactFactory()):
        with pytest.raises(NotFoundError):
            reports.read_reported_messages(stranger, match.id, via="web")
        with pytest.raises(NotFoundError):
            reports.report_problem(stranger, match.id, REASON)
    with pytest.raises(NotFoundError):  # another introduction's id: not hers
        reports.report_problem(her, other.id, REASON)
    with pytest.raises(NotFoundError):  # the lead is no member of a partner introduction
        reports.report_problem(lead, match.id, REASON)
    with pytest.raises(PermissionDeniedError):  # the report is on the other introduction
        reports.read_reported_messages(lead, other.id, via="web")
    cluster = MatchFactory(kind="cluster", mentor=None, cluster=ClusterFactory(), status="approved")
    with pytest.raises(NotFoundError):  # the lead takes part in a cluster's thread: no reports
        reports.report_problem(cluster.idea.owner, cluster.id, REASON)
    with pytest.raises(NotFoundError):
        reports.read_reported_messages(lead, 2_147_483_000, via="web")
    assert reads() == 0 and count(ProblemReport) == 1


def test_bad_input_and_a_second_open_report_change_nothing(app):
    match, her, contact = partner_introduction()
    for bad in ({}, {"reason": "   "}, {"reason": "x" * 1001}, {"reason": 7}):
        with pytest.raises(ValidationFailedError):
            reports.report_problem(her, match.id, bad)
    assert count(ProblemReport) == 0
    reports.report_problem(her, match.id, REASON)
    with pytest.raises(ConflictError):
        reports.report_problem(her, match.id, {"reason": "Again"})
    reports.report_problem(contact, match.id, {"reason": "From our side too"})
    assert count(ProblemReport) == 2


def test_who_is_told_and_that_the_reason_stays_with_the_lead(app):
    lead = LeadFactory()
    match, her, contact = partner_introduction()
    colleague = PartnerContactFactory(partner=match.partner)
    report = reports.report_problem(her, match.id, REASON)
    kinds = dict(db.session.execute(sa.select(Notification.user_id, Notification.kind)).all())
    assert kinds == {
        lead.id: notices.REPORTED,
        contact.id: notices.SHARED,
        colleague.id: notices.SHARED,
    }
    for notice in db.session.scalars(sa.select(Notification)):
        assert "payment" not in f"{notice.subject} {notice.body}"
    told = db.session.scalar(sa.select(Notification).where(Notification.user_id == contact.id))
    assert told.link == f"/introductions/{match.id}"
    to_lead = db.session.scalar(sa.select(Notification).where(Notification.user_id == lead.id))
    assert to_lead.link == f"/mentorships/problem-reports#report-{report.id}"

    reports.resolve_report(lead, match.id, report.id, {})
    resolved = db.session.scalars(
        sa.select(Notification.user_id).where(Notification.kind == notices.RESOLVED)
    ).all()
    assert sorted(resolved) == sorted([her.id, contact.id, colleague.id])
    with pytest.raises(ConflictError):
        reports.resolve_report(lead, match.id, report.id, {})
    with pytest.raises(PermissionDeniedError):
        reports.resolve_report(her, match.id, report.id, {})


def test_the_lead_lists_both_kinds_of_open_reports(app):
    lead = LeadFactory()
    mentorship = approved_mentorship(lead)
    match, her, _ = partner_introduction()
    mentorship_reports.report_problem(mentorship.entrepreneur, mentorship.id, {"reason": "A"})
    reports.report_problem(her, match.id, {"reason": "B"})
    found = overview.all_open_reports()
    assert [(r.mentorship_id, r.match_id) for r in found] == [
        (mentorship.id, None),
        (None, match.id),
    ]
    assert overview.count_open() == 2
    assert [r.id for r in reports.reports_of(lead, match.id)] == [found[1].id]
    assert reports.reports_of(her, match.id)[0].reason == "B"


def test_a_report_is_about_exactly_one_thread(app):
    mentorship = approved_mentorship()
    match, her, _ = partner_introduction()
    both = ProblemReport(mentorship_id=mentorship.id, match_id=match.id, reason="x")
    db.session.add(both)
    with pytest.raises(IntegrityError):
        db.session.flush()
    db.session.rollback()
    db.session.add(ProblemReport(reporter_id=her.id, reason="about nothing"))
    with pytest.raises(IntegrityError):
        db.session.flush()
    db.session.rollback()


def test_the_flow_counts_messages_without_their_text(app):
    match, her, contact = partner_introduction()
    quiet, _, _ = partner_introduction()
    MatchFactory(kind="cluster", mentor=None, cluster=ClusterFactory(), status="approved")
    threads.send_message(her, match.id, {"body": "Hello"})
    threads.send_message(contact, match.id, {"body": "Hi back"})
    threads.send_message(her, match.id, {"body": "Can we meet?"})
    page = flow.partner_threads(1, 10)
    assert page.total == 2
    busy, silent = page.items
    assert (busy.match.id, busy.messages, busy.last_from) == (match.id, 3, "entrepreneur")
    assert busy.last_message_at is not None and not busy.unanswered
    assert (silent.match.id, silent.messages, silent.last_message_at) == (quiet.id, 0, None)
    assert not silent.unanswered and silent.open_reports == 0
    assert not any(hasattr(row, "body") for row in page.items)

    old = datetime.now(UTC) - timedelta(days=flow.unanswered_days() + 1)
    db.session.execute(sa.update(IntroductionMessage).values(created_at=old))
    reports.report_problem(contact, match.id, REASON)
    busy = flow.partner_threads(1, 10).items[0]
    assert busy.unanswered and busy.open_reports == 1
    assert flow.partner_threads(5, 1).page == 2  # past the end: the last page
