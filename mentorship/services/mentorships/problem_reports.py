"""A member reports a problem in her mentorship to the programme lead.

The pair's messages are private: the lead sees that they flow, never what they say. A report
changes that for as long as it is open: the lead may read the thread (read-only), and every
reading is written to the audit trail. Resolving the report ends it.

Who is told: every lead, of a new report; the other member, that a problem was reported and that
the lead can now read the thread (not the reason: that is for the lead); the reporter, when her
report is resolved; the other member, when no open report is left. All of these go into the daily
digest for those who take it, like the mentorship reminders (services.digests).

Each change validates first (ValidationFailedError, 422) and checks state second (409), and
commits only when all is well, so bad input changes nothing.
"""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa
from flask_babel import gettext as _
from flask_babel import lazy_gettext
from sqlalchemy.orm import selectinload

from mentorship.extensions import db
from mentorship.models import (
    Idea,
    Match,
    Mentorship,
    MentorshipMessage,
    ProblemReport,
    ProblemReportStatus,
    Role,
    User,
)
from mentorship.models.problem_reports import REASON_MAX, RESOLUTION_NOTE_MAX
from mentorship.services import audit
from mentorship.services.errors import (
    ConflictError,
    NotFoundError,
    PermissionDeniedError,
    ValidationFailedError,
)
from mentorship.services.mentorships.access import (
    get_member_mentorship,
    get_mentorship,
    other_member,
)
from mentorship.services.notifications import notify, send_pending_emails

REPORTED = "mentorship.problem_reported"
"""To the leads: a member reported a problem."""
SHARED = "mentorship.problem_shared"
"""To the other member: the lead can read the thread now."""
RESOLVED = "mentorship.problem_resolved"
"""To the reporter: her report is resolved; to the other member: the lead reads no more."""
NOTICE_KINDS = (REPORTED, SHARED, RESOLVED)
"""What the daily digest lists for those who take it (services.digests)."""
READ_ACTION = "mentorship.reported_messages_read"
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


def _lead_link(mentorship: Mentorship) -> str:
    """The reports on the mentorship page: opening the thread is her choice (and audited)."""
    return f"/mentorships/{mentorship.id}#problems"


def _member_link(mentorship: Mentorship) -> str:
    return f"/mentorships/{mentorship.id}"


def _pair(mentorship: Mentorship) -> str:
    mentor = mentorship.mentor.name if mentorship.mentor else _("a former mentor")
    return f"{mentorship.entrepreneur.name} · {mentor}"


def leads() -> list[User]:
    return list(
        db.session.scalars(sa.select(User).where(User.role == Role.LEAD.value).order_by(User.id))
    )


def tell(user: User, kind: str, subject, body, link: str) -> None:
    """The digest carries the e-mail for those who take it; instant e-mails go now."""
    notify(user, kind, subject, body, link, email=not user.gets_message_digest)


def open_reports(mentorship: Mentorship) -> list[ProblemReport]:
    return list(
        db.session.scalars(
            sa.select(ProblemReport)
            .where(ProblemReport.mentorship_id == mentorship.id, ProblemReport.status == OPEN)
            .options(selectinload(ProblemReport.reporter))
            .order_by(ProblemReport.created_at, ProblemReport.id)
        )
    )


def my_open_report(user: User, mentorship: Mentorship) -> ProblemReport | None:
    return db.session.scalar(
        sa.select(ProblemReport).where(
            ProblemReport.mentorship_id == mentorship.id,
            ProblemReport.reporter_id == user.id,
            ProblemReport.status == OPEN,
        )
    )


def reports_of(user: User, mentorship_id: int) -> list[ProblemReport]:
    """The lead sees every report of the mentorship; a member only her own (newest first)."""
    mentorship = get_mentorship(user, mentorship_id)
    statement = sa.select(ProblemReport).where(ProblemReport.mentorship_id == mentorship.id)
    if not user.is_lead:
        statement = statement.where(ProblemReport.reporter_id == user.id)
    return list(
        db.session.scalars(statement.order_by(ProblemReport.created_at.desc(), ProblemReport.id))
    )


def all_open_reports() -> list[ProblemReport]:
    """The lead's overview: every open report, of mentorships and of partner introductions
    (services.partnerships.problem_reports), oldest first (waiting longest on top)."""
    return list(
        db.session.scalars(
            sa.select(ProblemReport)
            .where(ProblemReport.status == OPEN)
            .options(
                selectinload(ProblemReport.reporter),
                selectinload(ProblemReport.mentorship).selectinload(Mentorship.entrepreneur),
                selectinload(ProblemReport.mentorship).selectinload(Mentorship.mentor),
                selectinload(ProblemReport.mentorship)
                .selectinload(Mentorship.match)
                .selectinload(Match.idea),
                selectinload(ProblemReport.introduction)
                .selectinload(Match.idea)
                .selectinload(Idea.owner),
                selectinload(ProblemReport.introduction).selectinload(Match.partner),
            )
            .order_by(ProblemReport.created_at, ProblemReport.id)
        )
    )


def report_problem(user: User, mentorship_id: int, data: dict) -> ProblemReport:
    """One of the two members reports a problem; one open report per member at a time."""
    reason = check_text(data, "reason", REASON_MAX, required=True)
    mentorship = get_member_mentorship(user, mentorship_id)  # locks: one report at a time
    if my_open_report(user, mentorship) is not None:
        raise ConflictError(
            _(
                "You already reported a problem in this mentorship and it is still open; "
                "the programme lead will answer it."
            )
        )
    report = ProblemReport(mentorship_id=mentorship.id, reporter_id=user.id, reason=reason)
    db.session.add(report)
    db.session.flush()
    audit.record(
        user,
        "mentorship.problem_report",
        "mentorship",
        mentorship.id,
        after=OPEN,
        details={"report_id": report.id},
    )
    pair = _pair(mentorship)
    for lead in leads():
        tell(
            lead,
            REPORTED,
            lazy_gettext("A problem was reported in the mentorship %(pair)s", pair=pair),
            lazy_gettext(
                "%(name)s reported a problem. While the report is open you may read the "
                "pair's messages; each reading is recorded.",
                name=user.name,
            ),
            _lead_link(mentorship),
        )
    other = other_member(mentorship, user)
    if other is not None:
        tell(
            other,
            SHARED,
            lazy_gettext("A problem was reported to the programme lead"),
            lazy_gettext(
                "%(name)s reported a problem in your mentorship to the programme lead. Until it "
                "is resolved, the programme lead can read the messages of your mentorship.",
                name=user.name,
            ),
            _member_link(mentorship),
        )
    db.session.commit()
    send_pending_emails()
    return report


def read_reported_messages(
    user: User, mentorship_id: int, *, via: str
) -> tuple[Mentorship, list[ProblemReport], list[MentorshipMessage]]:
    """The lead reads a thread a member reported; without an open report she may not.

    Each reading is written to the audit trail (and committed) before anything is shown.
    Reading marks nothing read: the messages were written to the other member, not to her.
    """
    mentorship = get_mentorship(user, mentorship_id)
    if not user.is_lead:
        raise PermissionDeniedError(_("Only the programme lead reads reported conversations."))
    reports = open_reports(mentorship)
    if not reports:
        raise PermissionDeniedError(
            _(
                "Messages are private to the pair. The programme lead may read them only while "
                "a member's report of a problem is open."
            )
        )
    audit.record(
        user,
        READ_ACTION,
        "mentorship",
        mentorship.id,
        details={"report_ids": [report.id for report in reports], "via": via},
    )
    db.session.commit()
    thread = list(
        db.session.scalars(
            sa.select(MentorshipMessage)
            .where(MentorshipMessage.mentorship_id == mentorship.id)
            .options(selectinload(MentorshipMessage.sender))
            .order_by(MentorshipMessage.created_at, MentorshipMessage.id)
        )
    )
    return mentorship, reports, thread


def resolve_report(user: User, mentorship_id: int, report_id: int, data: dict) -> ProblemReport:
    """The lead closes a report, with an optional note the reporter reads; reading ends with
    the last open report."""
    note = check_text(data, "note", RESOLUTION_NOTE_MAX, required=False)
    if not user.is_lead:
        raise PermissionDeniedError(_("Only the programme lead resolves a reported problem."))
    mentorship = get_mentorship(user, mentorship_id, lock=True)
    report = db.session.get(ProblemReport, report_id)
    if report is None or report.mentorship_id != mentorship.id:
        raise NotFoundError(_("Report not found."))
    if not report.is_open:
        raise ConflictError(_("This report is already resolved."))
    report.status = ProblemReportStatus.RESOLVED.value
    report.resolved_at = datetime.now(UTC)
    report.resolved_by_id = user.id
    report.resolution_note = note or None
    audit.record(
        user,
        "mentorship.problem_resolve",
        "mentorship",
        mentorship.id,
        before=OPEN,
        after=report.status,
        note=note or None,
        details={"report_id": report.id},
    )
    _tell_resolved(mentorship, report, note)
    db.session.commit()
    send_pending_emails()
    return report


def _tell_resolved(mentorship: Mentorship, report: ProblemReport, note: str) -> None:
    reporter = report.reporter
    if reporter is not None and reporter.id in mentorship.member_ids():
        body = (
            lazy_gettext("The programme lead's note: %(note)s", note=note)
            if note
            else lazy_gettext("The programme lead no longer reads the messages of this mentorship.")
        )
        tell(
            reporter,
            RESOLVED,
            lazy_gettext("The programme lead resolved the problem you reported"),
            body,
            _member_link(mentorship),
        )
    still_open = db.session.scalar(
        sa.select(sa.func.count()).where(
            ProblemReport.mentorship_id == mentorship.id,
            ProblemReport.status == OPEN,
            ProblemReport.id != report.id,
        )
    )
    if still_open:
        return
    for member in (mentorship.entrepreneur, mentorship.mentor):
        if member is not None and member.id != report.reporter_id:
            tell(
                member,
                RESOLVED,
                lazy_gettext("The reported problem is resolved"),
                lazy_gettext("The programme lead no longer reads the messages of this mentorship."),
                _member_link(mentorship),
            )


def count_open() -> int:
    """How many reports wait for the lead (her mentorship list links to them)."""
    return (
        db.session.scalar(
            sa.select(sa.func.count())
            .select_from(ProblemReport)
            .where(ProblemReport.status == OPEN)
        )
        or 0
    )
