"""Problem reports: a member reports, the lead may read the pair's messages only while a report
is open (each reading audited), resolving ends it; bad input and the wrong person change nothing."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa

from mentorship.extensions import db
from mentorship.models import AuditEntry, Notification, OutboxEmail, ProblemReport
from mentorship.services.digests import digest_for
from mentorship.services.errors import (
    ConflictError,
    NotFoundError,
    PermissionDeniedError,
    ValidationFailedError,
)
from mentorship.services.mentorships import activity, checkins
from mentorship.services.mentorships import problem_reports as reports
from mentorship.services.problem_reports import notices, overview
from tests.factories import EntrepreneurFactory, LeadFactory
from tests.mentorship_pairs import approved_mentorship

REASON = {"reason": "He has not answered in a month and was rude on our last call."}


def count(model, **where) -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(model).filter_by(**where))


def reads() -> int:
    return count(AuditEntry, action=reports.READ_ACTION)


def test_the_lead_reads_the_thread_only_while_a_report_is_open(app):
    lead = LeadFactory()
    mentorship = approved_mentorship(lead)
    activity.send_message(mentorship.mentor, mentorship.id, {"body": "Private words"})
    with pytest.raises(PermissionDeniedError):
        reports.read_reported_messages(lead, mentorship.id, via="web")
    assert reads() == 0

    report = reports.report_problem(mentorship.entrepreneur, mentorship.id, REASON)
    assert report.is_open and report.reporter_id == mentorship.entrepreneur_id
    _, open_now, thread = reports.read_reported_messages(lead, mentorship.id, via="web")
    assert [r.id for r in open_now] == [report.id]
    assert [m.body for m in thread] == ["Private words"]
    entry = db.session.scalar(sa.select(AuditEntry).where(AuditEntry.action == reports.READ_ACTION))
    assert entry.actor_id == lead.id and entry.object_id == mentorship.id
    assert entry.details == {"report_ids": [report.id], "via": "web"}
    reports.read_reported_messages(lead, mentorship.id, via="api")
    assert reads() == 2
    # The lead reading marks nothing read for the entrepreneur.
    assert all(m.read_at is None for m in activity.messages(mentorship))

    reports.resolve_report(lead, mentorship.id, report.id, {"note": "We talked to both."})
    with pytest.raises(PermissionDeniedError):
        reports.read_reported_messages(lead, mentorship.id, via="web")
    assert reads() == 2
    assert count(AuditEntry, action="mentorship.problem_resolve") == 1


def test_another_pairs_mentorship_and_members_cannot_read_as_the_lead(app):
    lead = LeadFactory()
    mentorship = approved_mentorship(lead)
    reports.report_problem(mentorship.mentor, mentorship.id, REASON)
    with pytest.raises(PermissionDeniedError):
        reports.read_reported_messages(mentorship.entrepreneur, mentorship.id, via="web")
    with pytest.raises(NotFoundError):
        reports.read_reported_messages(EntrepreneurFactory(), mentorship.id, via="web")
    assert reads() == 0


def test_who_is_told_and_what(app):
    lead = LeadFactory()
    mentorship = approved_mentorship(lead)
    mentor = mentorship.mentor
    reports.report_problem(mentorship.entrepreneur, mentorship.id, REASON)
    to_lead = db.session.scalar(
        sa.select(Notification).where(
            Notification.user_id == lead.id, Notification.kind == notices.REPORTED
        )
    )
    assert to_lead.link == f"/mentorships/{mentorship.id}#problems"
    to_mentor = db.session.scalar(
        sa.select(Notification).where(
            Notification.user_id == mentor.id, Notification.kind == notices.SHARED
        )
    )
    assert "programme lead can read" in to_mentor.body
    assert "rude" not in to_mentor.body + to_mentor.subject  # the reason is for the lead only
    assert count(AuditEntry, action="mentorship.problem_report") == 1


def test_the_lead_hears_in_the_digest_unless_she_chose_instant_emails(app):
    lead = LeadFactory()
    instant = LeadFactory(email="instant-lead@example.org", instant_emails=True)
    mentorship = approved_mentorship(lead)
    before = datetime.now(UTC) - timedelta(minutes=1)
    reports.report_problem(mentorship.entrepreneur, mentorship.id, REASON)
    assert count(OutboxEmail, user_id=lead.id) == 0
    assert count(OutboxEmail, user_id=instant.id) == 1
    listed = digest_for(lead, before).reminders
    assert [item.link for item in listed] == [f"/mentorships/{mentorship.id}#problems"]


def test_bad_reports_change_nothing(app):
    lead = LeadFactory()
    mentorship = approved_mentorship(lead)
    her = mentorship.entrepreneur
    for data, field in (({"reason": "  "}, "reason"), ({"reason": "x" * 1001}, "reason")):
        with pytest.raises(ValidationFailedError) as error:
            reports.report_problem(her, mentorship.id, data)
        assert field in error.value.fields
    with pytest.raises(ValidationFailedError):
        reports.report_problem(her, mentorship.id, {"reason": ["a list"]})
    with pytest.raises(NotFoundError):
        reports.report_problem(EntrepreneurFactory(), mentorship.id, REASON)
    with pytest.raises(PermissionDeniedError):
        reports.report_problem(lead, mentorship.id, REASON)
    assert count(ProblemReport) == 0
    assert count(Notification, kind=notices.REPORTED) == 0
    reports.report_problem(her, mentorship.id, {"reason": "x" * 1000})
    with pytest.raises(ConflictError):
        reports.report_problem(her, mentorship.id, REASON)
    assert count(ProblemReport) == 1
    # The other member may report too: her own report, open beside the first.
    reports.report_problem(mentorship.mentor, mentorship.id, REASON)
    assert count(ProblemReport, status="open") == 2


def test_resolving_is_the_leads_and_ends_reading_with_the_last_open_report(app):
    lead = LeadFactory()
    mentorship = approved_mentorship(lead)
    first = reports.report_problem(mentorship.entrepreneur, mentorship.id, REASON)
    second = reports.report_problem(mentorship.mentor, mentorship.id, REASON)
    with pytest.raises(PermissionDeniedError):
        reports.resolve_report(mentorship.entrepreneur, mentorship.id, first.id, {})
    with pytest.raises(ValidationFailedError):
        reports.resolve_report(lead, mentorship.id, first.id, {"note": "x" * 1001})
    other = approved_mentorship(lead)
    with pytest.raises(NotFoundError):
        reports.resolve_report(lead, other.id, first.id, {})
    db.session.expire_all()
    assert db.session.get(ProblemReport, first.id).is_open
    assert count(AuditEntry, action="mentorship.problem_resolve") == 0

    reports.resolve_report(lead, mentorship.id, first.id, {"note": "Sorted out by phone."})
    resolved = db.session.get(ProblemReport, first.id)
    assert (resolved.status, resolved.resolved_by_id) == ("resolved", lead.id)
    told = db.session.scalar(
        sa.select(Notification).where(
            Notification.user_id == mentorship.entrepreneur_id,
            Notification.kind == notices.RESOLVED,
        )
    )
    assert "Sorted out by phone." in told.body
    with pytest.raises(ConflictError):
        reports.resolve_report(lead, mentorship.id, first.id, {})
    reports.read_reported_messages(lead, mentorship.id, via="web")  # the second is still open
    reports.resolve_report(lead, mentorship.id, second.id, {})
    with pytest.raises(PermissionDeniedError):
        reports.read_reported_messages(lead, mentorship.id, via="web")
    assert overview.all_open_reports() == [] and overview.count_open() == 0


def test_a_closed_mentorship_can_still_be_reported(app):
    """A problem may come to light only at the end: closing does not take the way to report."""
    lead = LeadFactory()
    mentorship = approved_mentorship(lead)
    checkins.close_mentorship(
        mentorship.mentor, mentorship.id, {"status": "ended_early", "end_reason": "No", "nps": 2}
    )
    report = reports.report_problem(mentorship.entrepreneur, mentorship.id, REASON)
    assert report.is_open
    reports.read_reported_messages(lead, mentorship.id, via="web")
