"""Approving the lead's pairing plan: ask the chosen mentors, approve what they accepted.

Approval goes through the approvals service, so capacity (counted in entrepreneurs) is checked
under the mentor's row lock exactly as for a single approval.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from flask import current_app
from flask_babel import gettext as _
from flask_babel import lazy_gettext, lazy_ngettext

from mentorship.extensions import db
from mentorship.models import MatchStatus, User
from mentorship.services import approvals as decisions
from mentorship.services import audit
from mentorship.services.errors import (
    ConflictError,
    PermissionDeniedError,
    ValidationFailedError,
)
from mentorship.services.notifications import notify, send_pending_emails
from mentorship.services.pairing import BEST_FIT, PlanRow, plan_pairings

PLAN_NOTE = "Approved from the pairing plan."


@dataclass(frozen=True)
class PlanApproval:
    asked: int
    mentors_notified: int
    approved: int
    left_for_queue: int
    problems: list[str]


def approve_plan(
    lead: User,
    selected_match_ids: Iterable[int],
    programme_id: int | None = None,
    objective: str = BEST_FIT,
) -> PlanApproval:
    """Ask the mentors of the chosen proposed rows to review; approve the rows already accepted.

    The selection must come from the current plan: a plan that changed since the lead saw it is
    a conflict, so nobody is asked about a pairing the lead did not see.
    """
    if not lead.is_lead:
        raise PermissionDeniedError(_("Only the programme lead approves the pairing plan."))
    chosen_ids = set(selected_match_ids)
    if not chosen_ids:
        raise ValidationFailedError(
            _("Choose at least one pairing."), {"selected": [_("Choose at least one pairing.")]}
        )
    plan = plan_pairings(programme_id, objective)
    rows = {row.match_id: row for row in plan.rows}
    if not chosen_ids <= rows.keys():
        raise ConflictError(_("The plan has changed since you opened it. Look at it again."))

    now = datetime.now(UTC)
    asked: dict[int, list[PlanRow]] = defaultdict(list)
    accepted: list[PlanRow] = []
    for match_id in sorted(chosen_ids):
        row = rows[match_id]
        row.match.review_requested_at = now
        step = "ask_review" if row.match.status == MatchStatus.PROPOSED.value else "approve"
        (asked[row.mentor.id] if step == "ask_review" else accepted).append(row)
        audit.record(
            lead,
            "pairing_plan.select",
            "match",
            match_id,
            before=row.match.status,
            after=row.match.status,
            details={
                "idea_id": row.idea.id,
                "mentor_id": row.mentor.id,
                "score": row.score,
                "step": step,
                "objective": objective,
            },
        )
    for mentor_rows in asked.values():
        _ask_mentor_to_review(mentor_rows)
    db.session.commit()
    if asked:
        send_pending_emails()

    approved, problems = _approve_accepted(lead, accepted)
    return PlanApproval(
        asked=sum(len(mentor_rows) for mentor_rows in asked.values()),
        mentors_notified=len(asked),
        approved=approved,
        left_for_queue=len(accepted) - approved,
        problems=problems,
    )


def _ask_mentor_to_review(rows: list[PlanRow]) -> None:
    mentor = rows[0].mentor
    count = len(rows)
    titles = "\n".join(f"- {row.idea.title}" for row in rows)
    subject = lazy_ngettext(
        "Please review %(num)d idea proposed to you",
        "Please review %(num)d ideas proposed to you",
        count,
    )
    body = lazy_gettext(
        "The programme lead would like you to review these ideas and accept or "
        "decline mentoring them:\n%(titles)s",
        titles=titles,
    )
    notify(mentor, "review_requested", subject, body, _review_link())


def _review_link() -> str:
    if "review.index" not in current_app.view_functions:
        return ""
    return current_app.url_map.bind("localhost").build("review.index")


def _approve_accepted(lead: User, rows: list[PlanRow]) -> tuple[int, list[str]]:
    """Approve rows the mentor already accepted, in one batch of decisions."""
    if not rows:
        return 0, []
    labels = {row.match_id: (row.idea.title, row.mentor.name) for row in rows}
    results = decisions.decide_matches(lead, list(labels), "approve", PLAN_NOTE)
    problems = [
        _(
            "%(title)s with %(mentor)s: %(problem)s",
            title=labels[result.match_id][0],
            mentor=labels[result.match_id][1],
            problem=result.error.message,
        )
        for result in results
        if result.error is not None
    ]
    return sum(result.error is None for result in results), problems
