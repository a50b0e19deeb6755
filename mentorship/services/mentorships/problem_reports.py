"""A member reports a problem in her mentorship to the programme lead.

The mentorship's side of the one problem-report workflow (services.problem_reports): the pair's
thread, its two members, its links and the sentences that name a mentorship. The lead reads the
pair's messages only while a report is open, each reading audited; resolving ends it.
"""

from __future__ import annotations

import sqlalchemy as sa
from flask_babel import LazyString, lazy_gettext
from flask_babel import gettext as _
from sqlalchemy.orm import selectinload

from mentorship.extensions import db
from mentorship.models import Mentorship, MentorshipMessage, ProblemReport, User
from mentorship.services.mentorships.access import get_member_mentorship, get_mentorship
from mentorship.services.problem_reports.thread import ReportedThread
from mentorship.services.problem_reports.workflow import ProblemReports

READ_ACTION = "mentorship.reported_messages_read"


class MentorshipThread(ReportedThread[Mentorship]):
    """The pair's messages: the entrepreneur and her mentor are its members."""

    kind = "mentorship"
    entity = "mentorship"
    column = "mentorship_id"
    report_action = "mentorship.problem_report"
    resolve_action = "mentorship.problem_resolve"
    read_action = READ_ACTION
    already_reported = lazy_gettext(
        "You already reported a problem in this mentorship and it is still open; "
        "the programme lead will answer it."
    )
    private = lazy_gettext(
        "Messages are private to the pair. The programme lead may read them only while "
        "a member's report of a problem is open."
    )
    no_longer_read = lazy_gettext(
        "The programme lead no longer reads the messages of this mentorship."
    )

    def get(self, user: User, subject_id: int, *, lock: bool = False) -> Mentorship:
        return get_mentorship(user, subject_id, lock=lock)

    def get_reportable(self, user: User, subject_id: int, *, lock: bool = False) -> Mentorship:
        """The lead sees the mentorship but reports nothing in it: a 403, not a 404."""
        return get_member_mentorship(user, subject_id, lock=lock)

    def members(self, subject: Mentorship) -> list[User]:
        return [user for user in (subject.entrepreneur, subject.mentor) if user is not None]

    def messages(self, subject: Mentorship) -> list[MentorshipMessage]:
        return list(
            db.session.scalars(
                sa.select(MentorshipMessage)
                .where(MentorshipMessage.mentorship_id == subject.id)
                .options(selectinload(MentorshipMessage.sender))
                .order_by(MentorshipMessage.created_at, MentorshipMessage.id)
            )
        )

    def label(self, subject: Mentorship) -> str:
        mentor = subject.mentor.name if subject.mentor else _("a former mentor")
        return f"{subject.entrepreneur.name} · {mentor}"

    def member_link(self, subject: Mentorship) -> str:
        return f"/mentorships/{subject.id}"

    def lead_link(self, subject: Mentorship, report: ProblemReport) -> str:
        """The reports on the mentorship page."""
        return f"/mentorships/{subject.id}#problems"

    def reported_notice(self, label: str, name: str) -> tuple[LazyString, LazyString]:
        return (
            lazy_gettext("A problem was reported in the mentorship %(pair)s", pair=label),
            lazy_gettext(
                "%(name)s reported a problem. While the report is open you may read the "
                "pair's messages; each reading is recorded.",
                name=name,
            ),
        )

    def shared_notice(self, name: str) -> LazyString:
        return lazy_gettext(
            "%(name)s reported a problem in your mentorship to the programme lead. Until it "
            "is resolved, the programme lead can read the messages of your mentorship.",
            name=name,
        )


REPORTS = ProblemReports(MentorshipThread())
"""The workflow for mentorships; the pages and the API take it whole."""
open_reports = REPORTS.open_reports
my_open_report = REPORTS.my_open_report
reports_of = REPORTS.reports_of
report_problem = REPORTS.report_problem
read_reported_messages = REPORTS.read_reported_messages
resolve_report = REPORTS.resolve_report
