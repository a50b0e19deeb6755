"""The mentor's side of a match: her queue of proposals, and accepting or declining one."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import sqlalchemy as sa
from flask_babel import gettext as _
from flask_babel import lazy_gettext
from sqlalchemy.orm import contains_eager, joinedload

from mentorship.extensions import db
from mentorship.infrastructure.locking import MISSING, lock_match
from mentorship.models import (
    Idea,
    Match,
    MatchKind,
    MatchStatus,
    MentorStatus,
    Programme,
    ProposalNotice,
    Role,
    User,
    WithdrawalReason,
    WithdrawnProposal,
)
from mentorship.services import audit
from mentorship.services.errors import ConflictError, NotFoundError, ServiceError
from mentorship.services.notifications import notify, send_pending_emails

REVIEW_DECISIONS = {"accept": MatchStatus.ACCEPTED.value, "decline": MatchStatus.DECLINED.value}
APPROVALS_LINK = "/lead/approvals"

ALREADY = {
    "accepted": lazy_gettext("This proposal was already accepted."),
    "declined": lazy_gettext("This proposal was already declined."),
    "approved": lazy_gettext("This proposal was already approved."),
    "rejected": lazy_gettext("This proposal was already rejected."),
}


QUEUE_SORTS = ("fit", "newest", "programme")


@dataclass(frozen=True)
class QueueFilters:
    """How a mentor narrows and orders her queue; the defaults show everything, best fit first."""

    sort: str = "fit"
    sector: str | None = None
    programme_id: int | None = None
    min_score: float | None = None


def mentor_matches(
    mentor: User,
    status: str | None = MatchStatus.PROPOSED.value,
    filters: QueueFilters | None = None,
) -> sa.Select:
    """The mentor's own matches; `status=None` means all of them.

    Without filters, newest proposals first (the API's order); the review page passes its own.
    """
    filters = filters or QueueFilters(sort="newest")
    statement = (
        sa.select(Match)
        .join(Idea, Idea.id == Match.idea_id)
        .outerjoin(Programme, Programme.id == Idea.programme_id)
        .where(Match.kind == MatchKind.MENTOR.value, Match.mentor_id == mentor.id)
        # All many-to-one: loaded with the page's one query rather than a query per relation.
        .options(
            contains_eager(Match.idea).joinedload(Idea.owner).joinedload(User.entrepreneur_profile),
            contains_eager(Match.idea).contains_eager(Idea.programme),
            joinedload(Match.mentor),
        )
    )
    if status:
        statement = statement.where(Match.status == status)
    if filters.sector:
        statement = statement.where(Idea.sector == filters.sector)
    if filters.programme_id:
        statement = statement.where(Idea.programme_id == filters.programme_id)
    if filters.min_score is not None:
        statement = statement.where(Match.score >= filters.min_score)
    newest = (Match.created_at.desc(), Match.id.desc())
    if filters.sort == "fit":
        return statement.order_by(Match.score.desc(), *newest)
    if filters.sort == "programme":
        return statement.order_by(
            Programme.name.is_(None), Programme.name, Match.score.desc(), *newest
        )
    return statement.order_by(*newest)


def queue_programmes(mentor: User) -> list[Programme]:
    """The programmes of the ideas proposed to her, for the queue's programme filter."""
    ideas = sa.select(Match.idea_id).where(
        Match.kind == MatchKind.MENTOR.value, Match.mentor_id == mentor.id
    )
    return list(
        db.session.scalars(
            sa.select(Programme)
            .join(Idea, Idea.programme_id == Programme.id)
            .where(Idea.id.in_(ideas))
            .distinct()
            .order_by(Programme.name)
        )
    )


class ProposalWithdrawnError(ConflictError):
    """The match was a proposal to this mentor that was withdrawn; others get a 404."""

    code = "proposal_withdrawn"

    def __init__(
        self,
        title: str,
        current_match_id: int | None,
        reason: str = WithdrawalReason.REMATCH.value,
    ) -> None:
        if current_match_id is None:
            super().__init__(WITHDRAWN.get(reason, WITHDRAWN[WithdrawalReason.REMATCH.value]))
        else:
            super().__init__(PROPOSED_AGAIN % {"id": current_match_id})
        self.title = title
        """The idea's title as she was told of it (it may have been renamed since)."""
        self.reason = reason
        # Her match for the same idea now, if matching has proposed it to her again since.
        self.current_match_id = current_match_id


WITHDRAWN = {
    WithdrawalReason.REMATCH.value: lazy_gettext(
        "This idea is no longer proposed to you: matching ran again after mentors' places or "
        "profiles changed. There is nothing for you to answer."
    ),
    WithdrawalReason.MENTOR_APPROVED.value: lazy_gettext(
        "This idea is no longer proposed to you: the programme lead approved another mentor "
        "for it. There is nothing for you to answer."
    ),
    WithdrawalReason.IDEA_WITHDRAWN.value: lazy_gettext(
        "This idea is no longer proposed to you: the entrepreneur withdrew it. "
        "There is nothing for you to answer."
    ),
}
PROPOSED_AGAIN = lazy_gettext(
    "This proposal was replaced: the idea is proposed to you again as match %(id)s."
)


def _withdrawn_or_missing(mentor: User, match_id: int) -> ServiceError:
    """Her own withdrawn proposal is a conflict she is told about; anything else is not found."""
    withdrawn = db.session.get(WithdrawnProposal, match_id)
    if withdrawn is None or withdrawn.mentor_id != mentor.id:
        return NotFoundError(MISSING)
    current = db.session.scalar(
        sa.select(Match.id).where(
            Match.idea_id == withdrawn.idea_id,
            Match.kind == MatchKind.MENTOR.value,
            Match.mentor_id == mentor.id,
        )
    )
    notice = db.session.get(ProposalNotice, (mentor.id, withdrawn.idea_id))
    told = notice.idea_title if notice is not None else None
    title = told or db.session.get(Idea, withdrawn.idea_id).title
    return ProposalWithdrawnError(title, current, withdrawn.reason)


def _is_hers(match: Match | None, mentor: User) -> bool:
    return (
        match is not None and match.kind == MatchKind.MENTOR.value and match.mentor_id == mentor.id
    )


def get_mentor_match(mentor: User, match_id: int) -> Match:
    """Another mentor's match, or any match of another kind, is indistinguishable from none."""
    match = db.session.get(Match, match_id)
    if not _is_hers(match, mentor):
        raise _withdrawn_or_missing(mentor, match_id)
    return match


def review_match(mentor: User, match_id: int, decision: str, note: str | None = None) -> Match:
    """proposed -> accepted or declined, by the match's own (active) mentor."""
    if decision not in REVIEW_DECISIONS:
        raise ValueError(f"unknown review decision {decision!r}")
    if not mentor.is_mentor:
        raise NotFoundError(MISSING)
    try:
        match = lock_match(match_id)
    except NotFoundError:
        raise _withdrawn_or_missing(mentor, match_id) from None
    if not _is_hers(match, mentor):
        raise _withdrawn_or_missing(mentor, match_id)
    profile = mentor.mentor_profile
    db.session.refresh(profile)
    if profile.status != MentorStatus.ACTIVE.value:
        raise ConflictError(
            _("Your mentor account is not active, so you cannot review proposals now.")
        )
    if match.status != MatchStatus.PROPOSED.value:
        raise ConflictError(ALREADY.get(match.status, _("This proposal was already answered.")))
    before = match.status
    match.status = REVIEW_DECISIONS[decision]
    match.review_note = note or None
    match.reviewed_at = datetime.now(UTC)
    audit.record(
        mentor,
        f"match.{decision}",
        "match",
        match.id,
        before=before,
        after=match.status,
        note=note or None,
        details={"idea_id": match.idea_id, "kind": match.kind},
    )
    if match.status == MatchStatus.ACCEPTED.value:
        _tell_leads(mentor, match)
    db.session.commit()
    send_pending_emails()
    return match


def _tell_leads(mentor: User, match: Match) -> None:
    leads = db.session.scalars(sa.select(User).where(User.role == Role.LEAD.value))
    subject = lazy_gettext(
        "%(mentor)s accepted “%(title)s”", mentor=mentor.name, title=match.idea.title
    )
    body = lazy_gettext(
        "%(mentor)s accepted the proposal to mentor the idea “%(title)s”. "
        "It is waiting for your approval.",
        mentor=mentor.name,
        title=match.idea.title,
    )
    for lead in leads:
        notify(lead, "match.accepted", subject, body, APPROVALS_LINK)
