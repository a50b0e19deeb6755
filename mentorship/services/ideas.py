"""Ideas: submission (once per submission key), visibility rules, and the hand-off to matching."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from flask_babel import gettext as _
from sqlalchemy.exc import IntegrityError, InterfaceError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import joinedload

from mentorship import task_names
from mentorship.extensions import db
from mentorship.infrastructure.background import enqueue
from mentorship.infrastructure.locking import begin_serialised
from mentorship.models import Idea, IdeaStatus, IdeaSubmission, Match, User
from mentorship.services import audit
from mentorship.services import idea_submissions as keys
from mentorship.services.errors import (
    ConflictError,
    NotFoundError,
    PermissionDeniedError,
    ServiceError,
)
from mentorship.services.programmes import check_idea_programme
from mentorship.vocab import NEEDS

log = logging.getLogger(__name__)
# Connection-level failures: the outcome of the transaction is unknown, a retry is the answer.
CONNECTION_ERRORS = (OperationalError, InterfaceError)


class DatabaseUnavailableError(ServiceError):
    status = 503
    code = "unavailable"


@dataclass(frozen=True)
class Submission:
    """The idea a submission answers with, and whether an earlier one with its key made it."""

    idea: Idea
    repeated: bool = False
    same_request: bool = True

    def require_same_request(self) -> Idea:
        """The API's rule: a key reused for other content, or for a withdrawn idea, is 409."""
        if not self.same_request:
            raise ConflictError(
                _(
                    "This Idempotency-Key was already used for a different idea. "
                    "Use a new key for a new idea."
                )
            )
        if self.idea.is_withdrawn:
            raise ConflictError(
                _("The idea submitted with this Idempotency-Key was withdrawn by its owner.")
            )
        return self.idea


def idea_content(owner: User, data: dict[str, Any]) -> dict[str, Any]:
    """The owner-written fields of an idea from validated input (sector and stage default to
    the profile's), the same for a new idea and an edit."""
    profile = owner.entrepreneur_profile
    return {
        "title": data["title"],
        "description": data["description"],
        "sector": data.get("sector") or (profile.sector if profile else None),
        "stage": data.get("stage") or (profile.stage if profile else None),
        "needs": list(data.get("needs") or NEEDS),
        "offers": data.get("offers") or "",
        "seeks": data.get("seeks") or "",
        "city": data.get("city") or "",
        "programme_id": data.get("programme_id"),
        "module_id": data.get("module_id"),
    }


def submit_idea(owner: User, data: dict[str, Any]) -> Idea:
    """Store a new idea, commit, then start matching (never before the row is visible)."""
    return submit_idea_once(owner, data, None).idea


def submit_idea_once(owner: User, data: dict[str, Any], key: str | None) -> Submission:
    """Like submit_idea, but a repeat with the same key within 24 h answers the first idea.

    Two submissions racing with one key both insert it; the unique (owner, key) pair lets
    only one commit, and the other answers with the idea that one made.
    """
    if not owner.is_entrepreneur:
        raise PermissionDeniedError(_("Only entrepreneurs submit ideas."))
    try:
        return _submit(owner, data, key)
    except ServiceError:
        db.session.rollback()  # also lets go of SQLite's write lock before the page renders
        raise
    except CONNECTION_ERRORS:
        log.exception("the database failed during an idea submission")
        _rollback_quietly()
        raise DatabaseUnavailableError(
            _(
                "The database did not answer, so we cannot tell whether the idea was saved. "
                "Please send it again (with the same Idempotency-Key if you used one): "
                "it will not be saved twice."
            )
        ) from None


def _submit(owner: User, data: dict[str, Any], key: str | None) -> Submission:
    fingerprint = keys.request_hash(data) if key else ""
    if key:
        begin_serialised()
        earlier = keys.find(owner.id, key)
        if earlier is None and key.startswith(keys.FORM_KEY_PREFIX):
            earlier = keys.find_same_form(owner.id, fingerprint)
        if earlier is not None:
            return _repeat(earlier, fingerprint)
    check_idea_programme(owner, data.get("programme_id"), data.get("module_id"))
    idea = Idea(owner_id=owner.id, status=IdeaStatus.SUBMITTED.value, **idea_content(owner, data))
    db.session.add(idea)
    db.session.flush()
    if key:
        try:
            keys.remember(owner.id, key, fingerprint, idea.id)
        except IntegrityError:
            db.session.rollback()
            earlier = keys.find(owner.id, key)
            if earlier is None:
                raise
            return _repeat(earlier, fingerprint)
    audit.record(owner, "idea.submit", "idea", idea.id, after=idea.status)
    return Submission(_commit_and_start_matching(idea, clean_up_keys=bool(key)))


def _repeat(earlier: IdeaSubmission, fingerprint: str) -> Submission:
    same = earlier.request_hash == fingerprint
    idea_id = earlier.idea_id
    db.session.rollback()  # ends the serialised read; nothing was written
    return Submission(db.session.get(Idea, idea_id), repeated=True, same_request=same)


def _commit_and_start_matching(idea: Idea, *, clean_up_keys: bool) -> Idea:
    """Commit, enqueue matching, and answer with the stored idea.

    Once the commit returned the idea is saved: if the database goes away after it, the caller
    still gets the idea as it was written (a retry with its key finds it), never an error.
    """
    written = {column.key: getattr(idea, column.key) for column in sa.inspect(Idea).column_attrs}
    db.session.commit()
    try:
        enqueue(task_names.MATCH_IDEA, written["id"])
        if clean_up_keys:
            keys.forget_expired()
        db.session.refresh(idea)
    except SQLAlchemyError:
        log.warning(
            "idea %s was saved, then the database failed; answering from memory", written["id"]
        )
        _rollback_quietly()
        return Idea(**written)
    return idea


def _rollback_quietly() -> None:
    try:
        db.session.rollback()
    except SQLAlchemyError:
        log.warning("rollback failed after a database error")


def visible_ideas(user: User, *, withdrawn: bool = False) -> sa.Select:
    """Entrepreneurs see their own ideas, the lead sees all, mentors none through this list.

    Withdrawn ideas are listed apart: `withdrawn=True` gives only those, else only the others.
    """
    statement = (
        sa.select(Idea)
        .options(joinedload(Idea.owner), joinedload(Idea.programme))  # one query, many-to-one
        .order_by(Idea.created_at.desc(), Idea.id.desc())
    )
    if withdrawn:
        statement = statement.where(Idea.status == IdeaStatus.WITHDRAWN.value)
    else:
        statement = statement.where(Idea.status != IdeaStatus.WITHDRAWN.value)
    if user.is_lead:
        return statement
    if user.is_entrepreneur:
        return statement.where(Idea.owner_id == user.id)
    return statement.where(sa.false())


def get_visible_idea(user: User, idea_id: int) -> Idea:
    """Another user's idea is indistinguishable from a missing one."""
    # The owner and her profile come with the idea: its page shows her name and city.
    owner = joinedload(Idea.owner).joinedload(User.entrepreneur_profile)
    idea = db.session.get(Idea, idea_id, options=[owner])
    if idea is None or not (user.is_lead or idea.owner_id == user.id):
        raise NotFoundError(_("Idea not found."))
    return idea


def get_own_idea(owner: User, idea_id: int) -> Idea:
    """Only the owner changes an idea; to anyone else, the lead included, it is not there."""
    idea = db.session.get(Idea, idea_id)
    if idea is None or idea.owner_id != owner.id:
        raise NotFoundError(_("Idea not found."))
    return idea


def get_active_idea(user: User, idea_id: int) -> Idea:
    """As get_visible_idea, and a withdrawn idea counts as gone (the API's view of it)."""
    idea = get_visible_idea(user, idea_id)
    if idea.is_withdrawn:
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
    enqueue(task_names.MATCH_IDEA, idea.id)
    return idea


def idea_matches(idea: Idea) -> sa.Select:
    """The idea's matches, best first: mentors, then partners, then clusters, each by rank."""
    kind_order = sa.case({"mentor": 0, "partner": 1, "cluster": 2}, value=Match.kind, else_=3)
    return (
        sa.select(Match)
        .where(Match.idea_id == idea.id)
        .options(  # many-to-one each: joined into the one query
            joinedload(Match.mentor).joinedload(User.mentor_profile),
            joinedload(Match.partner),
            joinedload(Match.cluster),
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
