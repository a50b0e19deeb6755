"""Ideas: submission, visibility rules, and the hand-off to matching."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from flask_babel import gettext as _
from sqlalchemy.orm import selectinload

from mentorship.extensions import db
from mentorship.models import Idea, IdeaStatus, Match, User
from mentorship.services import audit
from mentorship.services.background import enqueue
from mentorship.services.errors import ConflictError, NotFoundError, PermissionDeniedError
from mentorship.services.programmes import check_idea_programme
from mentorship.vocab import NEEDS

MATCH_IDEA_TASK = "worker.tasks.match_idea"


def submit_idea(owner: User, data: dict[str, Any]) -> Idea:
    """Store the idea, commit, then start matching (never before the row is visible)."""
    if not owner.is_entrepreneur:
        raise PermissionDeniedError(_("Only entrepreneurs submit ideas."))
    check_idea_programme(owner, data.get("programme_id"), data.get("module_id"))
    idea = Idea(
        owner_id=owner.id,
        title=data["title"],
        description=data["description"],
        sector=data.get("sector")
        or (owner.entrepreneur_profile.sector if owner.entrepreneur_profile else None),
        stage=data.get("stage")
        or (owner.entrepreneur_profile.stage if owner.entrepreneur_profile else None),
        needs=list(data.get("needs") or ["mentor", "partner", "cluster"]),
        status=IdeaStatus.SUBMITTED.value,
        programme_id=data.get("programme_id"),
        module_id=data.get("module_id"),
    )
    db.session.add(idea)
    db.session.flush()
    audit.record(owner, "idea.submit", "idea", idea.id, after=idea.status)
    db.session.commit()
    enqueue(MATCH_IDEA_TASK, idea.id)
    db.session.refresh(idea)
    return idea


def visible_ideas(user: User) -> sa.Select:
    """Entrepreneurs see their own ideas, the lead sees all, mentors none through this list."""
    statement = (
        sa.select(Idea)
        .options(selectinload(Idea.owner), selectinload(Idea.programme))
        .order_by(Idea.created_at.desc(), Idea.id.desc())
    )
    if user.is_lead:
        return statement
    if user.is_entrepreneur:
        return statement.where(Idea.owner_id == user.id)
    return statement.where(sa.false())


def get_visible_idea(user: User, idea_id: int) -> Idea:
    """Another user's idea is indistinguishable from a missing one."""
    idea = db.session.get(Idea, idea_id)
    if idea is None or not (user.is_lead or idea.owner_id == user.id):
        raise NotFoundError(_("Idea not found."))
    return idea


def retry_matching(actor: User, idea: Idea) -> Idea:
    """Put an idea whose matching failed back in the queue."""
    if idea.status != IdeaStatus.FAILED.value:
        raise ConflictError(_("Only an idea whose matching failed can be retried."))
    before = idea.status
    idea.status = IdeaStatus.SUBMITTED.value
    idea.status_error = None
    audit.record(actor, "idea.retry_matching", "idea", idea.id, before=before, after=idea.status)
    db.session.commit()
    enqueue(MATCH_IDEA_TASK, idea.id)
    return idea


def idea_matches(idea: Idea) -> sa.Select:
    """The idea's matches, best first: mentors, then partners, then clusters, each by rank."""
    kind_order = sa.case({"mentor": 0, "partner": 1, "cluster": 2}, value=Match.kind, else_=3)
    return (
        sa.select(Match)
        .where(Match.idea_id == idea.id)
        .options(
            selectinload(Match.mentor).selectinload(User.mentor_profile),
            selectinload(Match.partner),
            selectinload(Match.cluster),
        )
        .order_by(kind_order, Match.rank, Match.id)
    )


def matches_by_kind(idea: Idea) -> dict[str, list[Match]]:
    """The idea's matches grouped per kind it asked for, best first, targets loaded."""
    grouped: dict[str, list[Match]] = {kind: [] for kind in NEEDS if kind in idea.needs}
    for match in db.session.scalars(idea_matches(idea)):
        grouped.setdefault(match.kind, []).append(match)
    return grouped


def match_count(idea: Idea) -> int:
    statement = sa.select(sa.func.count()).select_from(Match).where(Match.idea_id == idea.id)
    return db.session.scalar(statement) or 0
