"""Who has a mentorship and who may see it: created when a mentor pairing is approved.

Only its two members and the programme lead see a mentorship; to anybody else it does not exist
(NotFoundError, a 404), so ids reveal nothing.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import sqlalchemy as sa
from flask_babel import gettext as _
from sqlalchemy.orm import selectinload

from mentorship.extensions import db
from mentorship.models import Idea, Match, MatchKind, MatchStatus, Mentorship, User
from mentorship.services.errors import NotFoundError, PermissionDeniedError
from mentorship.services.mentorships.health import planned_end


def today() -> date:
    return datetime.now(UTC).date()


def start_mentorship(match: Match, started_on: date | None = None) -> Mentorship:
    """The mentorship of an approved mentor pairing; added to the caller's transaction."""
    existing = db.session.scalar(sa.select(Mentorship).where(Mentorship.match_id == match.id))
    if existing is not None:
        return existing
    started_on = started_on or today()
    idea = match.idea
    programme = idea.programme if idea.programme_id else None
    mentorship = Mentorship(
        match_id=match.id,
        entrepreneur_id=idea.owner_id,
        mentor_id=match.mentor_id,
        programme_id=idea.programme_id,
        started_on=started_on,
        planned_end_on=planned_end(started_on, programme.name if programme else None),
    )
    db.session.add(mentorship)
    return mentorship


def ensure_mentorships() -> int:
    """Approved mentor pairings from before mentorships existed get theirs, started when decided."""
    missing = db.session.scalars(
        sa.select(Match)
        .where(
            Match.kind == MatchKind.MENTOR.value,
            Match.status == MatchStatus.APPROVED.value,
            Match.ended_at.is_(None),
            Match.mentor_id.is_not(None),
            ~sa.exists().where(Mentorship.match_id == Match.id),
        )
        .options(selectinload(Match.idea).selectinload(Idea.programme))
        .order_by(Match.id)
    ).all()
    for match in missing:
        decided = match.decided_at or match.created_at
        start_mentorship(match, decided.date() if decided else None)
    if missing:
        db.session.commit()
    return len(missing)


def visible_mentorships(user: User) -> sa.Select:
    """The user's mentorships (both roles), or every one for the lead; newest first."""
    statement = sa.select(Mentorship).options(
        selectinload(Mentorship.entrepreneur),
        selectinload(Mentorship.mentor),
        selectinload(Mentorship.match).selectinload(Match.idea),
        selectinload(Mentorship.programme),
    )
    if not user.is_lead:
        statement = statement.where(
            sa.or_(Mentorship.entrepreneur_id == user.id, Mentorship.mentor_id == user.id)
        )
    return statement.order_by(Mentorship.started_on.desc(), Mentorship.id.desc())


def get_mentorship(user: User, mentorship_id: int, *, lock: bool = False) -> Mentorship:
    """One mentorship its member or the lead may see; anybody else gets NotFoundError."""
    statement = sa.select(Mentorship).where(Mentorship.id == mentorship_id)
    if lock:
        statement = statement.with_for_update()
    mentorship = db.session.scalar(statement)
    if mentorship is None or not (user.is_lead or user.id in mentorship.member_ids()):
        raise NotFoundError(_("Mentorship not found."))
    return mentorship


def get_member_mentorship(user: User, mentorship_id: int, *, lock: bool = True) -> Mentorship:
    """For changes only the pair makes: the lead watches but does not write in their name.
    Locked for the change unless the caller only shows a form."""
    mentorship = get_mentorship(user, mentorship_id, lock=lock)
    if user.id not in mentorship.member_ids():
        raise PermissionDeniedError(
            _("Only the entrepreneur and the mentor write in a mentorship.")
        )
    return mentorship


def other_member(mentorship: Mentorship, user: User) -> User | None:
    return mentorship.mentor if user.id == mentorship.entrepreneur_id else mentorship.entrepreneur
