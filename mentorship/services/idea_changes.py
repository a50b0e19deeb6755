"""An idea's owner changes her mind: editing the idea, or withdrawing it.

Both are allowed only while none of the idea's matches is approved: once the lead paired it,
the pairing stands on what was written. Both lock the idea row first, the same lock a review
or a decision takes first (see infrastructure.locking), so neither races an approval.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from flask_babel import gettext as _
from sqlalchemy.orm import selectinload

from mentorship import task_names
from mentorship.extensions import db
from mentorship.infrastructure.background import enqueue
from mentorship.infrastructure.locking import begin_serialised
from mentorship.models import Idea, IdeaStatus, Match, MatchStatus, User, WithdrawalReason
from mentorship.services import audit
from mentorship.services.errors import ConflictError, NotFoundError
from mentorship.services.ideas import idea_content
from mentorship.services.notifications import send_pending_emails
from mentorship.services.programmes import check_idea_programme
from mentorship.services.withdrawals import withdraw_proposals

# What matching reads: changing only the programme or module does not re-queue the idea.
MATCHED_FIELDS = ("title", "description", "sector", "stage", "needs", "offers", "seeks", "city")
# Proposals nobody has decided yet: they wait on a mentor or on the lead.
UNDECIDED = (MatchStatus.PROPOSED.value, MatchStatus.ACCEPTED.value)


@dataclass(frozen=True)
class IdeaEdit:
    """The edited idea, the fields that changed, and whether it is being matched again."""

    idea: Idea
    changed: tuple[str, ...] = ()
    rematch: bool = False


def has_approved_match(idea: Idea) -> bool:
    statement = sa.select(
        sa.exists().where(Match.idea_id == idea.id, Match.status == MatchStatus.APPROVED.value)
    )
    return bool(db.session.scalar(statement))


def change_refusal(idea: Idea, approved: bool | None = None) -> str | None:
    """Why the owner may no longer edit or withdraw the idea, or None while she may.

    `approved`: whether the idea has an approved match, when the caller has its matches loaded
    already (None: asked here).
    """
    if idea.is_withdrawn:
        return _("This idea was withdrawn, so it can no longer be changed.")
    if has_approved_match(idea) if approved is None else approved:
        return _("This idea already has an approved pairing, so it can no longer be changed.")
    return None


def can_change(idea: Idea, approved: bool | None = None) -> bool:
    return change_refusal(idea, approved) is None


def undecided_count(idea: Idea) -> int:
    """Proposals that withdrawing the idea would withdraw too."""
    statement = (
        sa.select(sa.func.count())
        .select_from(Match)
        .where(Match.idea_id == idea.id, Match.status.in_(UNDECIDED))
    )
    return db.session.scalar(statement) or 0


def _lock_own_idea(owner: User, idea_id: int) -> Idea:
    """The owner's idea, re-read under its row lock; anyone else's is a 404."""
    begin_serialised()
    idea = db.session.get(Idea, idea_id, with_for_update=True, populate_existing=True)
    if idea is None or idea.owner_id != owner.id:
        raise NotFoundError(_("Idea not found."))
    return idea


def _check_changeable(idea: Idea) -> None:
    refusal = change_refusal(idea)
    if refusal is not None:
        raise ConflictError(refusal)


def edit_idea(owner: User, idea_id: int, data: dict[str, Any]) -> IdeaEdit:
    """Replace what the owner wrote; if matching reads any of it, match the idea again.

    Re-matching replaces only untouched proposals: matches a mentor or the lead acted on stay.
    """
    try:
        idea = _lock_own_idea(owner, idea_id)
        _check_changeable(idea)
        content = idea_content(owner, data)
        if (content["programme_id"], content["module_id"]) != (idea.programme_id, idea.module_id):
            check_idea_programme(owner, content["programme_id"], content["module_id"])
        changed = sorted(name for name, value in content.items() if getattr(idea, name) != value)
    except Exception:
        db.session.rollback()
        raise
    if not changed:
        db.session.rollback()
        return IdeaEdit(idea)
    before = idea.status
    for name in changed:
        setattr(idea, name, content[name])
    rematch = any(name in MATCHED_FIELDS for name in changed)
    if rematch:
        # Back to the start of the pipeline, so the stale sweep covers a lost hand-off too.
        idea.status = IdeaStatus.SUBMITTED.value
        idea.status_error = None
    audit.record(
        owner,
        "idea.edit",
        "idea",
        idea.id,
        before=before,
        after=idea.status,
        details={"changed": changed, "rematch": rematch},
    )
    db.session.commit()
    if rematch:
        enqueue(task_names.MATCH_IDEA, idea.id)
        db.session.refresh(idea)
    return IdeaEdit(idea, tuple(changed), rematch)


def withdraw_idea(owner: User, idea_id: int) -> Idea:
    """Take the idea out of matching; its undecided proposals are withdrawn with it.

    Proposals waiting on a mentor or on the lead are removed (the audit entry keeps what they
    were), so the idea leaves every queue and the pairing plan; each mentor who was asked is
    told once. Declined and rejected matches stay as history. Withdrawing twice changes nothing.
    """
    try:
        idea = _lock_own_idea(owner, idea_id)
        if idea.is_withdrawn:
            db.session.rollback()
            return idea
        _check_changeable(idea)
    except Exception:
        db.session.rollback()
        raise
    undecided = list(
        db.session.scalars(
            sa.select(Match)
            .where(Match.idea_id == idea.id, Match.status.in_(UNDECIDED))
            .options(selectinload(Match.mentor))
            .order_by(Match.id)
        )
    )
    before = idea.status
    idea.status = IdeaStatus.WITHDRAWN.value
    idea.status_error = None
    idea.withdrawn_at = datetime.now(UTC)
    audit.record(
        owner,
        "idea.withdraw",
        "idea",
        idea.id,
        before=before,
        after=idea.status,
        details={
            "withdrawn_matches": [
                {"id": m.id, "kind": m.kind, "target_id": m.target_id, "status": m.status}
                for m in undecided
            ]
        },
    )
    withdraw_proposals(undecided, WithdrawalReason.IDEA_WITHDRAWN.value)
    db.session.commit()
    send_pending_emails()
    return idea
