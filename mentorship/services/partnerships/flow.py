"""The lead's view of partner introduction threads: that messages flow, never what they say.

Per approved partner introduction: how many messages, when the last one was written and by
which side, whether it has waited for an answer longer than the mentorships' rule
(`unanswered_message_days`), and how many problem reports are open. No message text leaves
this module; the lead reads a thread only through a member's report
(services.partnerships.problem_reports).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa

from mentorship.extensions import db
from mentorship.infrastructure.pagination import Page, paginate
from mentorship.models import IntroductionMessage, Match, MatchKind, ProblemReport
from mentorship.models.base import as_aware
from mentorship.models.problem_reports import ProblemReportStatus
from mentorship.services.mentorships.health import settings
from mentorship.services.partnerships.access import introductions_query


@dataclass(frozen=True)
class ThreadFlow:
    match: Match
    messages: int
    last_message_at: datetime | None
    last_from: str | None
    """`entrepreneur` or `partner`: whose message is the last (None: no messages yet)."""
    unanswered: bool
    """The last message has waited longer than `unanswered_days` with nothing after it."""
    open_reports: int


def unanswered_days() -> int:
    return int(settings()["unanswered_message_days"])


def _activity():
    return (
        sa.select(
            IntroductionMessage.match_id.label("match_id"),
            sa.func.count(IntroductionMessage.id).label("messages"),
            sa.func.max(IntroductionMessage.id).label("last_id"),
        )
        .group_by(IntroductionMessage.match_id)
        .subquery("activity")
    )


def partner_threads(page: int, per_page: int, *, keep_page: bool = False) -> Page:
    """A page of partner introductions, the latest message first (silent ones last)."""
    activity = _activity()
    statement = (
        introductions_query()
        .where(Match.kind == MatchKind.PARTNER.value)
        .outerjoin(activity, activity.c.match_id == Match.id)
        .order_by(activity.c.last_id.desc().nullslast(), Match.id.desc())
    )
    found = paginate(statement, page, per_page, keep_page=keep_page)
    flows = _flows(found.items)
    return Page(flows, found.page, found.per_page, found.total, found.asked)


def _flows(matches: list[Match]) -> list[ThreadFlow]:
    if not matches:
        return []
    ids = [match.id for match in matches]
    activity = _activity()
    rows = db.session.execute(
        sa.select(
            activity.c.match_id,
            activity.c.messages,
            IntroductionMessage.created_at,
            IntroductionMessage.sender_id,
        )
        .join(IntroductionMessage, IntroductionMessage.id == activity.c.last_id)
        .where(activity.c.match_id.in_(ids))
    ).all()
    by_match = {row.match_id: row for row in rows}
    reports = dict(
        db.session.execute(
            sa.select(ProblemReport.match_id, sa.func.count())
            .where(
                ProblemReport.match_id.in_(ids),
                ProblemReport.status == ProblemReportStatus.OPEN.value,
            )
            .group_by(ProblemReport.match_id)
        ).all()
    )
    cutoff = datetime.now(UTC) - timedelta(days=unanswered_days())
    flows = []
    for match in matches:
        row = by_match.get(match.id)
        last_at = as_aware(row.created_at) if row else None
        last_from = None
        if row is not None and row.sender_id is not None:
            last_from = "entrepreneur" if row.sender_id == match.idea.owner_id else "partner"
        flows.append(
            ThreadFlow(
                match=match,
                messages=row.messages if row else 0,
                last_message_at=last_at,
                last_from=last_from,
                unanswered=last_at is not None and last_at < cutoff,
                open_reports=reports.get(match.id, 0),
            )
        )
    return flows
