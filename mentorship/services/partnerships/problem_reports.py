"""A member of a partner introduction reports a problem in its thread to the programme lead.

As in a mentorship (services.mentorships.problem_reports, whose model, notices and checks this
reuses): the thread is private to the entrepreneur and the partner's contact people; the lead
sees that messages flow (services.partnerships.flow), never what they say. While a report is open
she may read the thread, read-only, each reading written to the audit trail; resolving the last
open report ends that.

Who is told: every lead, of a new report; the thread's other members, that a problem was
reported and that the lead can now read the thread (not the reason); the reporter, when her
report is resolved; the others, when no open report is left. A cluster introduction has no
reports: the lead takes part in its thread.
"""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa
from flask_babel import gettext as _
from flask_babel import lazy_gettext
from sqlalchemy.orm import selectinload

from mentorship.extensions import db
from mentorship.models import (
    IntroductionMessage,
    Match,
    MatchKind,
    ProblemReport,
    ProblemReportStatus,
    User,
)
from mentorship.models.problem_reports import REASON_MAX, RESOLUTION_NOTE_MAX
from mentorship.services import audit
from mentorship.services.errors import ConflictError, NotFoundError, PermissionDeniedError
from mentorship.services.mentorships.problem_reports import (
    REPORTED,
    RESOLVED,
    SHARED,
    check_text,
    leads,
    tell,
)
from mentorship.services.notifications import send_pending_emails
from mentorship.services.partnerships.access import (
    get_introduction,
    introductions_query,
    other_side,
)

READ_ACTION = "introduction.reported_messages_read"
OPEN = ProblemReportStatus.OPEN.value


def _member_link(match: Match) -> str:
    return f"/introductions/{match.id}"


def _lead_link(report: ProblemReport) -> str:
    """The open reports, this one among them: opening the thread is her choice (and audited)."""
    return f"/mentorships/problem-reports#report-{report.id}"


def _label(match: Match) -> str:
    return f"{match.idea.owner.name} · {match.target_name}"


def get_partner_introduction(user: User, match_id: int, *, lock: bool = False) -> Match:
    """An approved partner introduction, to its members or to the lead; otherwise a 404."""
    match = db.session.scalar(
        introductions_query().where(Match.id == match_id, Match.kind == MatchKind.PARTNER.value)
    )
    if match is None or not (user.is_lead or _is_member(user, match)):
        raise NotFoundError(_("Introduction not found."))
    if lock:
        db.session.execute(sa.select(Match.id).where(Match.id == match.id).with_for_update())
    return match


def _is_member(user: User, match: Match) -> bool:
    try:
        get_introduction(user, match.id)
    except NotFoundError:
        return False
    return True


def members(match: Match) -> list[User]:
    """Everybody who writes in the thread: the entrepreneur and the partner's contact people."""
    return [match.idea.owner, *other_side(match, match.idea.owner)]


def open_reports(match: Match) -> list[ProblemReport]:
    return list(
        db.session.scalars(
            sa.select(ProblemReport)
            .where(ProblemReport.match_id == match.id, ProblemReport.status == OPEN)
            .options(selectinload(ProblemReport.reporter))
            .order_by(ProblemReport.created_at, ProblemReport.id)
        )
    )


def my_open_report(user: User, match: Match) -> ProblemReport | None:
    return db.session.scalar(
        sa.select(ProblemReport).where(
            ProblemReport.match_id == match.id,
            ProblemReport.reporter_id == user.id,
            ProblemReport.status == OPEN,
        )
    )


def reports_of(user: User, match_id: int) -> list[ProblemReport]:
    """The lead sees every report of the introduction; a member only her own (newest first)."""
    match = get_partner_introduction(user, match_id)
    statement = sa.select(ProblemReport).where(ProblemReport.match_id == match.id)
    if not user.is_lead:
        statement = statement.where(ProblemReport.reporter_id == user.id)
    return list(
        db.session.scalars(statement.order_by(ProblemReport.created_at.desc(), ProblemReport.id))
    )


def report_problem(user: User, match_id: int, data: dict) -> ProblemReport:
    """A member reports a problem; one open report per member and introduction at a time."""
    reason = check_text(data, "reason", REASON_MAX, required=True)
    match = get_introduction(user, match_id)
    if match.kind != MatchKind.PARTNER.value:
        raise NotFoundError(_("Introduction not found."))
    get_partner_introduction(user, match.id, lock=True)  # one report at a time
    if my_open_report(user, match) is not None:
        raise ConflictError(
            _(
                "You already reported a problem in this introduction and it is still open; "
                "the programme lead will answer it."
            )
        )
    report = ProblemReport(match_id=match.id, reporter_id=user.id, reason=reason)
    db.session.add(report)
    db.session.flush()
    audit.record(
        user,
        "introduction.problem_report",
        "match",
        match.id,
        after=OPEN,
        details={"report_id": report.id},
    )
    label = _label(match)
    for lead in leads():
        tell(
            lead,
            REPORTED,
            lazy_gettext("A problem was reported in the introduction %(pair)s", pair=label),
            lazy_gettext(
                "%(name)s reported a problem. While the report is open you may read the "
                "introduction's messages; each reading is recorded.",
                name=user.name,
            ),
            _lead_link(report),
        )
    for member in members(match):
        if member.id != user.id:
            tell(
                member,
                SHARED,
                lazy_gettext("A problem was reported to the programme lead"),
                lazy_gettext(
                    "%(name)s reported a problem in your introduction to the programme lead. "
                    "Until it is resolved, the programme lead can read the messages of this "
                    "introduction.",
                    name=user.name,
                ),
                _member_link(match),
            )
    db.session.commit()
    send_pending_emails()
    return report


def read_reported_messages(
    user: User, match_id: int, *, via: str
) -> tuple[Match, list[ProblemReport], list[IntroductionMessage]]:
    """The lead reads a thread a member reported; without an open report she may not.

    Each reading is written to the audit trail (and committed) before anything is shown. It
    marks nothing read: the messages were written to the other side, not to her.
    """
    match = get_partner_introduction(user, match_id)
    if not user.is_lead:
        raise PermissionDeniedError(_("Only the programme lead reads reported conversations."))
    reports = open_reports(match)
    if not reports:
        raise PermissionDeniedError(
            _(
                "Messages are private to the introduction's members. The programme lead may "
                "read them only while a member's report of a problem is open."
            )
        )
    audit.record(
        user,
        READ_ACTION,
        "match",
        match.id,
        details={"report_ids": [report.id for report in reports], "via": via},
    )
    db.session.commit()
    thread = list(
        db.session.scalars(
            sa.select(IntroductionMessage)
            .where(IntroductionMessage.match_id == match.id)
            .options(selectinload(IntroductionMessage.sender))
            .order_by(IntroductionMessage.created_at, IntroductionMessage.id)
        )
    )
    return match, reports, thread


def resolve_report(user: User, match_id: int, report_id: int, data: dict) -> ProblemReport:
    """The lead closes a report, with an optional note the reporter reads."""
    note = check_text(data, "note", RESOLUTION_NOTE_MAX, required=False)
    if not user.is_lead:
        raise PermissionDeniedError(_("Only the programme lead resolves a reported problem."))
    match = get_partner_introduction(user, match_id, lock=True)
    report = db.session.get(ProblemReport, report_id)
    if report is None or report.match_id != match.id:
        raise NotFoundError(_("Report not found."))
    if not report.is_open:
        raise ConflictError(_("This report is already resolved."))
    report.status = ProblemReportStatus.RESOLVED.value
    report.resolved_at = datetime.now(UTC)
    report.resolved_by_id = user.id
    report.resolution_note = note or None
    audit.record(
        user,
        "introduction.problem_resolve",
        "match",
        match.id,
        before=OPEN,
        after=report.status,
        note=note or None,
        details={"report_id": report.id},
    )
    _tell_resolved(match, report, note)
    db.session.commit()
    send_pending_emails()
    return report


def _tell_resolved(match: Match, report: ProblemReport, note: str) -> None:
    everyone = members(match)
    if report.reporter_id in {member.id for member in everyone}:
        body = (
            lazy_gettext("The programme lead's note: %(note)s", note=note)
            if note
            else lazy_gettext(
                "The programme lead no longer reads the messages of this introduction."
            )
        )
        tell(
            report.reporter,
            RESOLVED,
            lazy_gettext("The programme lead resolved the problem you reported"),
            body,
            _member_link(match),
        )
    still_open = db.session.scalar(
        sa.select(sa.func.count()).where(
            ProblemReport.match_id == match.id,
            ProblemReport.status == OPEN,
            ProblemReport.id != report.id,
        )
    )
    if still_open:
        return
    for member in everyone:
        if member.id != report.reporter_id:
            tell(
                member,
                RESOLVED,
                lazy_gettext("The reported problem is resolved"),
                lazy_gettext(
                    "The programme lead no longer reads the messages of this introduction."
                ),
                _member_link(match),
            )
