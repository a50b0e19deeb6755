"""A member of a partner introduction reports a problem in its thread to the programme lead.

The partner introduction's side of the one problem-report workflow (services.problem_reports):
the thread is private to the entrepreneur and the partner's contact people; the lead sees that
messages flow (services.partnerships.flow), never what they say, until a report is open. A
cluster introduction has no reports: the lead takes part in its thread.
"""

from __future__ import annotations

import sqlalchemy as sa
from flask_babel import LazyString, lazy_gettext
from flask_babel import gettext as _
from sqlalchemy.orm import selectinload

from mentorship.extensions import db
from mentorship.models import IntroductionMessage, Match, MatchKind, ProblemReport, User
from mentorship.services.errors import NotFoundError
from mentorship.services.partnerships.access import (
    get_introduction,
    introductions_query,
    other_side,
)
from mentorship.services.problem_reports.thread import ReportedThread
from mentorship.services.problem_reports.workflow import ProblemReports

READ_ACTION = "introduction.reported_messages_read"


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


class IntroductionThread(ReportedThread[Match]):
    """A partner introduction's messages: the entrepreneur and the partner's contact people."""

    kind = "introduction"
    entity = "match"
    column = "match_id"
    report_action = "introduction.problem_report"
    resolve_action = "introduction.problem_resolve"
    read_action = READ_ACTION
    already_reported = lazy_gettext(
        "You already reported a problem in this introduction and it is still open; "
        "the programme lead will answer it."
    )
    private = lazy_gettext(
        "Messages are private to the introduction's members. The programme lead may "
        "read them only while a member's report of a problem is open."
    )
    no_longer_read = lazy_gettext(
        "The programme lead no longer reads the messages of this introduction."
    )

    def get(self, user: User, subject_id: int, *, lock: bool = False) -> Match:
        return get_partner_introduction(user, subject_id, lock=lock)

    def get_reportable(self, user: User, subject_id: int, *, lock: bool = False) -> Match:
        """Only a side reports, and only in a partner introduction: the lead gets a 404."""
        match = get_introduction(user, subject_id)
        if match.kind != MatchKind.PARTNER.value:
            raise NotFoundError(_("Introduction not found."))
        if lock:
            get_partner_introduction(user, match.id, lock=True)
        return match

    def members(self, subject: Match) -> list[User]:
        return [subject.idea.owner, *other_side(subject, subject.idea.owner)]

    def messages(self, subject: Match) -> list[IntroductionMessage]:
        return list(
            db.session.scalars(
                sa.select(IntroductionMessage)
                .where(IntroductionMessage.match_id == subject.id)
                .options(selectinload(IntroductionMessage.sender))
                .order_by(IntroductionMessage.created_at, IntroductionMessage.id)
            )
        )

    def label(self, subject: Match) -> str:
        return f"{subject.idea.owner.name} · {subject.target_name}"

    def member_link(self, subject: Match) -> str:
        return f"/introductions/{subject.id}"

    def lead_link(self, subject: Match, report: ProblemReport) -> str:
        """The open reports, this one among them."""
        return f"/mentorships/problem-reports#report-{report.id}"

    def reported_notice(self, label: str, name: str) -> tuple[LazyString, LazyString]:
        return (
            lazy_gettext("A problem was reported in the introduction %(pair)s", pair=label),
            lazy_gettext(
                "%(name)s reported a problem. While the report is open you may read the "
                "introduction's messages; each reading is recorded.",
                name=name,
            ),
        )

    def shared_notice(self, name: str) -> LazyString:
        return lazy_gettext(
            "%(name)s reported a problem in your introduction to the programme lead. "
            "Until it is resolved, the programme lead can read the messages of this "
            "introduction.",
            name=name,
        )


REPORTS = ProblemReports(IntroductionThread())
"""The workflow for partner introductions; the pages and the API take it whole."""
open_reports = REPORTS.open_reports
my_open_report = REPORTS.my_open_report
reports_of = REPORTS.reports_of
report_problem = REPORTS.report_problem
read_reported_messages = REPORTS.read_reported_messages
resolve_report = REPORTS.resolve_report
