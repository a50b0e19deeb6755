"""Who hears of a problem report, for every kind of thread.

Every lead, of a new report; the thread's other members, that a problem was reported and that the
lead can now read the thread (not the reason: that is for the lead); the reporter, when her report
is resolved; the others, when no open report is left. All of these go into the daily digest for
those who take it, like the mentorship reminders (services.digests).
"""

from __future__ import annotations

import sqlalchemy as sa
from flask_babel import lazy_gettext

from mentorship.extensions import db
from mentorship.models import ProblemReport, ProblemReportStatus, Role, User
from mentorship.services.notifications import notify
from mentorship.services.problem_reports.thread import ReportedThread

# Both kinds of thread share these kinds: the digest lists one set (NOTICE_KINDS).
REPORTED = "mentorship.problem_reported"
"""To the leads: a member reported a problem."""
SHARED = "mentorship.problem_shared"
"""To the other members: the lead can read the thread now."""
RESOLVED = "mentorship.problem_resolved"
"""To the reporter: her report is resolved; to the other members: the lead reads no more."""
NOTICE_KINDS = (REPORTED, SHARED, RESOLVED)
"""What the daily digest lists for those who take it (services.digests)."""


def leads() -> list[User]:
    return list(
        db.session.scalars(sa.select(User).where(User.role == Role.LEAD.value).order_by(User.id))
    )


def tell(user: User, kind: str, subject, body, link: str) -> None:
    """The digest carries the e-mail for those who take it; instant e-mails go now."""
    notify(user, kind, subject, body, link, email=not user.gets_message_digest)


def tell_reported(thread: ReportedThread, subject, report: ProblemReport, reporter: User) -> None:
    label = thread.label(subject)
    for lead in leads():
        title, body = thread.reported_notice(label, reporter.name)
        tell(lead, REPORTED, title, body, thread.lead_link(subject, report))
    for member in thread.members(subject):
        if member.id != reporter.id:
            tell(
                member,
                SHARED,
                lazy_gettext("A problem was reported to the programme lead"),
                thread.shared_notice(reporter.name),
                thread.member_link(subject),
            )


def tell_resolved(thread: ReportedThread, subject, report: ProblemReport, note: str) -> None:
    everyone = thread.members(subject)
    link = thread.member_link(subject)
    if report.reporter_id in {member.id for member in everyone}:
        body = (
            lazy_gettext("The programme lead's note: %(note)s", note=note)
            if note
            else thread.no_longer_read
        )
        tell(
            report.reporter,
            RESOLVED,
            lazy_gettext("The programme lead resolved the problem you reported"),
            body,
            link,
        )
    still_open = db.session.scalar(
        sa.select(sa.func.count()).where(
            getattr(ProblemReport, thread.column) == subject.id,
            ProblemReport.status == ProblemReportStatus.OPEN.value,
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
                thread.no_longer_read,
                link,
            )
