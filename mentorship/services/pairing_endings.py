"""Approved pairings outlive their mentor, partner or cluster: they are ended and kept, never deleted.

Called inside the transaction that deletes the target, before the delete: each approved pairing
is marked ended (with why, and the target's name at the time), the entrepreneur and the
programme leads are told, and the target's other matches (proposals nobody settled, declines,
rejections) are removed. The target's row can then go; the ended rows lose only their foreign key.
"""

from __future__ import annotations

from datetime import datetime, timezone

import sqlalchemy as sa
from flask_babel import LazyString, lazy_gettext, lazy_ngettext
from sqlalchemy.orm import selectinload

from mentorship.extensions import db
from mentorship.models import EndReason, Idea, Match, MatchStatus, Role, User
from mentorship.services import audit
from mentorship.services.notifications import notify

TARGET_COLUMNS = {
    "mentor": Match.mentor_id,
    "partner": Match.partner_id,
    "cluster": Match.cluster_id,
}
REASON_OF_KIND = {
    "mentor": EndReason.MENTOR_DELETED.value,
    "partner": EndReason.PARTNER_DELETED.value,
    "cluster": EndReason.CLUSTER_DELETED.value,
}
# Why a pairing ended, as the entrepreneur, the lead, the idea page and the reports say it.
END_REASON_TEXT = {
    EndReason.MENTOR_DELETED.value: lazy_gettext("the mentor left the programme"),
    EndReason.PARTNER_DELETED.value: lazy_gettext(
        "the partner company was removed from the directory"
    ),
    EndReason.CLUSTER_DELETED.value: lazy_gettext("the cluster was removed from the directory"),
}


def end_reason_text(reason: str | None) -> str:
    return str(END_REASON_TEXT[reason]) if reason in END_REASON_TEXT else (reason or "")


def _live_approved(kind: str, target_id: int) -> sa.Select:
    return sa.select(Match).where(
        TARGET_COLUMNS[kind] == target_id,
        Match.status == MatchStatus.APPROVED.value,
        Match.ended_at.is_(None),
    )


def approved_pairings_count(kind: str, target_id: int) -> int:
    """How many approved pairings deleting this mentor, partner or cluster would end."""
    statement = sa.select(sa.func.count()).select_from(_live_approved(kind, target_id).subquery())
    return db.session.scalar(statement) or 0


def end_pairings_with(actor: User | None, kind: str, target_id: int) -> list[Match]:
    """End the target's approved pairings and remove its other matches; the caller commits."""
    reason = REASON_OF_KIND[kind]
    ended = list(
        db.session.scalars(
            _live_approved(kind, target_id)
            .options(selectinload(Match.idea).selectinload(Idea.owner))
            .order_by(Match.id)
            .with_for_update()
        )
    )
    now = datetime.now(timezone.utc)
    for match in ended:
        match.ended_target_name = match.target_name
        match.ended_at = now
        match.end_reason = reason
        audit.record(
            actor,
            "match.end",
            "match",
            match.id,
            before=MatchStatus.APPROVED.value,
            after=MatchStatus.APPROVED.value,
            details={"idea_id": match.idea_id, "kind": kind, "reason": reason},
        )
    db.session.flush()
    # Everything else with this target: proposals nobody settled, declines and rejections.
    db.session.execute(
        sa.delete(Match).where(TARGET_COLUMNS[kind] == target_id, Match.ended_at.is_(None)),
        execution_options={"synchronize_session": False},
    )
    _tell_entrepreneurs(ended)
    _tell_leads(ended)
    return ended


def _tell_entrepreneurs(ended: list[Match]) -> None:
    """One notification per pairing: each names her idea and whom she was paired with."""
    for match in ended:
        idea = match.idea
        notify(
            idea.owner,
            "match.ended",
            lazy_gettext("Your pairing for “%(title)s” has ended", title=idea.title),
            _ended_body(match),
            f"/ideas/{idea.id}",
        )


def _ended_body(match: Match) -> LazyString:
    title, name = match.idea.title, match.ended_target_name
    if match.end_reason == EndReason.MENTOR_DELETED.value:
        return lazy_gettext(
            "%(name)s, your mentor for “%(title)s”, has left the programme, so this pairing has "
            "ended. Your idea can be matched with another mentor; the programme team will help.",
            name=name,
            title=title,
        )
    return lazy_gettext(
        "%(name)s is no longer in the programme's directory, so the introduction for "
        "“%(title)s” has ended. The programme team can tell you more.",
        name=name,
        title=title,
    )


def _tell_leads(ended: list[Match]) -> None:
    """One notification per lead for everything one departure ended."""
    if not ended:
        return
    lines = "\n".join(
        f"- {match.idea.title} ({match.idea.owner.name}) — {match.ended_target_name}"
        for match in ended
    )
    reason = ended[0].end_reason
    subject = lazy_ngettext(
        "%(num)d approved pairing has ended",
        "%(num)d approved pairings have ended",
        len(ended),
    )
    body = lazy_ngettext(
        "This approved pairing has ended: %(reason)s. It is kept as ended in the reports and "
        "exports.\n%(pairings)s",
        "These approved pairings have ended: %(reason)s. They are kept as ended in the "
        "reports and exports.\n%(pairings)s",
        len(ended),
        reason=LazyString(end_reason_text, reason),
        pairings=lines,
    )
    link = f"/ideas/{ended[0].idea_id}" if len(ended) == 1 else "/lead/dashboard"
    for lead in db.session.scalars(sa.select(User).where(User.role == Role.LEAD.value)):
        notify(lead, "match.ended", subject, body, link)
