"""The lead's view of problem reports across every kind of thread: what waits for her."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from mentorship.extensions import db
from mentorship.models import Idea, Match, Mentorship, ProblemReport, ProblemReportStatus

OPEN = ProblemReportStatus.OPEN.value


def all_open_reports() -> list[ProblemReport]:
    """Every open report, of mentorships and of partner introductions, oldest first (waiting
    longest on top), with what her list shows of each thread loaded."""
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
