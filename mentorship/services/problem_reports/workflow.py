"""The problem-report workflow, written once for every kind of thread (see the package).

A member reports (one open report per member and thread); while a report is open the lead reads
the thread, each reading audited and committed before anything is shown; the lead resolves a
report with an optional note. Each change validates first (ValidationFailedError, 422) and checks
state second (409), and commits only when all is well, so bad input changes nothing.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, Generic

import sqlalchemy as sa
from flask_babel import gettext as _
from sqlalchemy.orm import selectinload

from mentorship.extensions import db
from mentorship.models import ProblemReport, ProblemReportStatus, User
from mentorship.models.problem_reports import REASON_MAX, RESOLUTION_NOTE_MAX
from mentorship.services import audit
from mentorship.services.errors import (
    ConflictError,
    NotFoundError,
    PermissionDeniedError,
    ValidationFailedError,
)
from mentorship.services.notifications import send_pending_emails
from mentorship.services.problem_reports.notices import tell_reported, tell_resolved
from mentorship.services.problem_reports.thread import ReportedThread, Subject


class ReportResolvedError(PermissionDeniedError):
    """The thread was reported, but every report of it is resolved: it is private again."""


OPEN = ProblemReportStatus.OPEN.value


def check_text(data: dict, name: str, limit: int, *, required: bool) -> str:
    value = data.get(name)
    if value is None:
        value = ""
    problem = None
    if not isinstance(value, str):
        problem, value = _("Must be text."), ""
    value = value.strip()
    if problem is None and required and not value:
        problem = _("Say in a few words what the problem is.")
    elif problem is None and len(value) > limit:
        problem = _("At most %(max)d characters.", max=limit)
    if problem is not None:
        raise ValidationFailedError(_("Some fields are not valid."), {name: [problem]})
    return value


class ProblemReports(Generic[Subject]):
    """The reports of one kind of thread; its `thread` adapter says how that kind is found,
    who its members are and how its texts read."""

    def __init__(self, thread: ReportedThread[Subject]) -> None:
        self.thread = thread

    def _of(self, subject: Subject) -> sa.ColumnElement[bool]:
        return getattr(ProblemReport, self.thread.column) == subject.id

    def open_reports(self, subject: Subject) -> list[ProblemReport]:
        return list(
            db.session.scalars(
                sa.select(ProblemReport)
                .where(self._of(subject), ProblemReport.status == OPEN)
                .options(selectinload(ProblemReport.reporter))
                .order_by(ProblemReport.created_at, ProblemReport.id)
            )
        )

    def was_reported(self, subject: Subject) -> bool:
        """Whether any report, open or resolved, was ever made in the thread."""
        return bool(
            db.session.scalar(sa.select(ProblemReport.id).where(self._of(subject)).limit(1))
        )

    def my_open_report(self, user: User, subject: Subject) -> ProblemReport | None:
        return db.session.scalar(
            sa.select(ProblemReport).where(
                self._of(subject),
                ProblemReport.reporter_id == user.id,
                ProblemReport.status == OPEN,
            )
        )

    def reports_of(self, user: User, subject_id: int) -> list[ProblemReport]:
        """The lead sees every report of the thread; a member only her own (newest first)."""
        statement = sa.select(ProblemReport).where(self._of(self.thread.get(user, subject_id)))
        if not user.is_lead:
            statement = statement.where(ProblemReport.reporter_id == user.id)
        return list(
            db.session.scalars(
                statement.order_by(ProblemReport.created_at.desc(), ProblemReport.id)
            )
        )

    def report_problem(self, user: User, subject_id: int, data: dict) -> ProblemReport:
        """A member reports a problem; one open report per member and thread at a time."""
        thread = self.thread
        reason = check_text(data, "reason", REASON_MAX, required=True)
        subject = thread.get_reportable(user, subject_id, lock=True)  # one report at a time
        if self.my_open_report(user, subject) is not None:
            raise ConflictError(thread.already_reported)
        report = ProblemReport(**{thread.column: subject.id}, reporter_id=user.id, reason=reason)
        db.session.add(report)
        db.session.flush()
        audit.record(
            user,
            thread.report_action,
            thread.entity,
            subject.id,
            after=OPEN,
            details={"report_id": report.id},
        )
        tell_reported(thread, subject, report, user)
        db.session.commit()
        send_pending_emails()
        return report

    def read_reported_messages(
        self, user: User, subject_id: int, *, via: str
    ) -> tuple[Subject, list[ProblemReport], list[Any]]:
        """The lead reads a thread a member reported; without an open report she may not.

        Each reading is written to the audit trail (and committed) before anything is shown.
        It marks nothing read: the messages were written to the other members, not to her.
        """
        subject = self.thread.get(user, subject_id)
        if not user.is_lead:
            raise PermissionDeniedError(_("Only the programme lead reads reported conversations."))
        reports = self.open_reports(subject)
        if not reports:
            if self.was_reported(subject):
                raise ReportResolvedError(self.thread.private)
            raise PermissionDeniedError(self.thread.private)
        audit.record(
            user,
            self.thread.read_action,
            self.thread.entity,
            subject.id,
            details={"report_ids": [report.id for report in reports], "via": via},
        )
        db.session.commit()
        return subject, reports, self.thread.messages(subject)

    def resolve_report(
        self, user: User, subject_id: int, report_id: int, data: dict
    ) -> ProblemReport:
        """The lead closes a report, with an optional note the reporter reads; reading ends
        with the last open report."""
        thread = self.thread
        note = check_text(data, "note", RESOLUTION_NOTE_MAX, required=False)
        if not user.is_lead:
            raise PermissionDeniedError(_("Only the programme lead resolves a reported problem."))
        subject = thread.get(user, subject_id, lock=True)
        report = db.session.get(ProblemReport, report_id)
        if report is None or getattr(report, thread.column) != subject.id:
            raise NotFoundError(_("Report not found."))
        if not report.is_open:
            raise ConflictError(_("This report is already resolved."))
        report.status = ProblemReportStatus.RESOLVED.value
        report.resolved_at = datetime.now(UTC)
        report.resolved_by_id = user.id
        report.resolution_note = note or None
        audit.record(
            user,
            thread.resolve_action,
            thread.entity,
            subject.id,
            before=OPEN,
            after=report.status,
            note=note or None,
            details={"report_id": report.id},
        )
        tell_resolved(thread, subject, report, note)
        db.session.commit()
        send_pending_emails()
        return report
