"""The daily digest: one e-mail with the proposals made and withdrawn since the last one (mentors),
the mentorship threads with new unread messages and the mentorship reminders since (mentors and
entrepreneurs), and the introduction threads with new unread messages (entrepreneurs, partner
contact people, the lead).

Mentors get it by default instead of an e-mail per proposal (a demo load alone proposed hundreds),
and every member instead of an e-mail per message; those who chose instant e-mails are left
out. `send_digests` is safe to run as often as one likes (Celery beat, or the embedded runner):
each member gets at most one digest per day, the
first run after DIGEST_HOUR in the display time zone, and only when something changed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from flask import current_app
from flask_babel import format_datetime, gettext, ngettext

from mentorship.extensions import db
from mentorship.i18n import language_of
from mentorship.models import (
    Idea,
    Match,
    MatchKind,
    MatchStatus,
    Mentorship,
    MentorshipMessage,
    Notification,
    OutboxEmail,
    ProposalNotice,
    Role,
    User,
    WithdrawnProposal,
)
from mentorship.models.base import as_aware
from mentorship.services.mentorships.nudges import REMINDER_KINDS
from mentorship.services.notifications import absolute, send_pending_emails
from mentorship.services.partnerships.unread import unread_since
from mentorship.services.problem_reports.notices import NOTICE_KINDS

DIGEST_HOUR = 7
# The best fits are listed; the rest are counted and waiting in her queue.
LISTED = 20
REVIEW_LINK = "/reviews"
PROFILE_LINK = "/profile"
DIGEST_ROLES = tuple(r.value for r in (Role.MENTOR, Role.ENTREPRENEUR, Role.PARTNER, Role.LEAD))


@dataclass(frozen=True)
class DigestItem:
    title: str
    link: str
    score: float | None = None
    reason: str | None = None
    count: int = 0


@dataclass(frozen=True)
class Digest:
    proposed: list[DigestItem]
    withdrawn: list[DigestItem]
    messages: list[DigestItem] = field(default_factory=list)
    reminders: list[DigestItem] = field(default_factory=list)
    introductions: list[DigestItem] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.about_proposals or self.about_messages or self.reminders)

    @property
    def about_messages(self) -> bool:
        return bool(self.messages or self.introductions)

    @property
    def about_proposals(self) -> bool:
        return bool(self.proposed or self.withdrawn)


def _now() -> datetime:
    return datetime.now(timezone.utc)


def last_digest_moment(now: datetime) -> datetime:
    """Today's digest hour in the display time zone, or yesterday's if it has not come yet."""
    zone = ZoneInfo(current_app.config.get("BABEL_DEFAULT_TIMEZONE") or "UTC")
    hour = current_app.config.get("DIGEST_HOUR", DIGEST_HOUR)
    local = now.astimezone(zone)
    moment = local.replace(hour=hour, minute=0, second=0, microsecond=0)
    if moment > local:
        moment -= timedelta(days=1)
    return moment.astimezone(timezone.utc)


def send_digests(now: datetime | None = None) -> int:
    """Queue today's digest for every member due one; answers how many e-mails were queued."""
    now = now or _now()
    moment = last_digest_moment(now)
    due = db.session.scalars(
        sa.select(User)
        .where(
            User.role.in_(DIGEST_ROLES),
            User.email_notifications.is_(True),
            User.instant_emails.is_(False),
            sa.or_(User.last_digest_at.is_(None), User.last_digest_at < moment),
        )
        .order_by(User.id)
    ).all()
    queued = 0
    for recipient in due:
        since = (
            as_aware(recipient.last_digest_at)
            if recipient.last_digest_at
            else moment - timedelta(1)
        )
        digest = digest_for(recipient, since)
        recipient.last_digest_at = now
        if digest:
            _queue(recipient, digest, since)
            queued += 1
    db.session.commit()
    if queued:
        send_pending_emails()
    return queued


def digest_for(recipient: User, since: datetime) -> Digest:
    """Proposals made since (and still waiting for her), and proposals withdrawn since.

    A proposal made and withdrawn between two digests is in neither: there is nothing left
    to tell her by e-mail (the in-app notifications said it at the time).
    """
    proposed = db.session.execute(
        sa.select(Idea.title, Match.id, Match.score)
        .join(ProposalNotice, ProposalNotice.idea_id == Match.idea_id)
        .join(Idea, Idea.id == Match.idea_id)
        .where(
            ProposalNotice.mentor_id == recipient.id,
            ProposalNotice.proposed_at > since,
            ProposalNotice.withdrawn_at.is_(None),
            Match.mentor_id == recipient.id,
            Match.kind == MatchKind.MENTOR.value,
            Match.status == MatchStatus.PROPOSED.value,
        )
        .order_by(Match.score.desc(), Match.id)
    ).all()
    withdrawn = db.session.execute(
        sa.select(
            # The title she was told of: the idea may have been renamed since.
            sa.func.coalesce(ProposalNotice.idea_title, Idea.title),
            ProposalNotice.withdrawal_reason,
            sa.func.max(WithdrawnProposal.match_id),
        )
        .join(Idea, Idea.id == ProposalNotice.idea_id)
        .outerjoin(
            WithdrawnProposal,
            sa.and_(
                WithdrawnProposal.idea_id == ProposalNotice.idea_id,
                WithdrawnProposal.mentor_id == ProposalNotice.mentor_id,
            ),
        )
        .where(
            ProposalNotice.mentor_id == recipient.id,
            ProposalNotice.withdrawn_at > since,
            ProposalNotice.proposed_at <= since,
        )
        .group_by(Idea.id, Idea.title, ProposalNotice.idea_title, ProposalNotice.withdrawal_reason)
        .order_by(Idea.id)
    ).all()
    return Digest(
        messages=unread_threads(recipient, since),
        introductions=unread_introductions(recipient, since),
        reminders=unseen_reminders(recipient, since),
        proposed=[
            DigestItem(title, f"{REVIEW_LINK}/{match_id}", score=score)
            for title, match_id, score in proposed
        ],
        withdrawn=[
            DigestItem(
                title, f"{REVIEW_LINK}/{match_id}" if match_id else REVIEW_LINK, reason=reason
            )
            for title, reason, match_id in withdrawn
        ],
    )


def unread_threads(user: User, since: datetime) -> list[DigestItem]:
    """The user's mentorships with messages to her since, still unread: one item per thread."""
    rows = db.session.execute(
        sa.select(Mentorship.id, User.name, sa.func.count(MentorshipMessage.id))
        .join(MentorshipMessage, MentorshipMessage.mentorship_id == Mentorship.id)
        .join(User, User.id == MentorshipMessage.sender_id)
        .where(
            sa.or_(Mentorship.entrepreneur_id == user.id, Mentorship.mentor_id == user.id),
            MentorshipMessage.sender_id != user.id,
            MentorshipMessage.read_at.is_(None),
            MentorshipMessage.created_at > since,
        )
        .group_by(Mentorship.id, User.name)
        .order_by(Mentorship.id)
    ).all()
    return [
        DigestItem(name, f"/mentorships/{mentorship_id}", count=count)
        for mentorship_id, name, count in rows
    ]


def unread_introductions(user: User, since: datetime) -> list[DigestItem]:
    """Her introduction threads with messages to her since, unread by her read mark."""
    return [
        DigestItem(
            f"{match.idea.title} – {(match.partner or match.cluster).name}",
            f"/introductions/{match.id}",
            count=count,
        )
        for match, count in unread_since(user, since)
    ]


def unseen_reminders(user: User, since: datetime) -> list[DigestItem]:
    """The mentorship reminders and problem-report notices written to her since, that she has
    not seen in the app."""
    rows = db.session.execute(
        sa.select(Notification.subject, Notification.link)
        .where(
            Notification.user_id == user.id,
            Notification.kind.in_((*REMINDER_KINDS, *NOTICE_KINDS)),
            Notification.read_at.is_(None),
            Notification.created_at > since,
        )
        .order_by(Notification.created_at, Notification.id)
    ).all()
    return [DigestItem(subject, link) for subject, link in rows]


def _queue(recipient: User, digest: Digest, since: datetime) -> None:
    with language_of(recipient):
        subject, body = _subject(digest), _body(recipient, digest, since)
    db.session.add(
        OutboxEmail(
            user_id=recipient.id, to_email=recipient.email, subject=subject[:200], body=body
        )
    )


def _subject(digest: Digest) -> str:
    if digest.reminders and not digest.about_proposals and not digest.about_messages:
        return ngettext(
            "%(num)d reminder about your mentorship",
            "%(num)d reminders about your mentorships",
            len(digest.reminders),
        )
    if digest.about_messages and not digest.about_proposals:
        return ngettext(
            "%(num)d new message waiting for you",
            "%(num)d new messages waiting for you",
            sum(item.count for item in digest.messages + digest.introductions),
        )
    if digest.proposed:
        return ngettext(
            "%(num)d new idea for you to review",
            "%(num)d new ideas for you to review",
            len(digest.proposed),
        )
    return ngettext(
        "%(num)d idea is no longer proposed to you",
        "%(num)d ideas are no longer proposed to you",
        len(digest.withdrawn),
    )


WITHDRAWAL_WORDS = {
    "mentor_approved": lambda: gettext("another mentor was approved for it"),
    "idea_withdrawn": lambda: gettext("the entrepreneur withdrew it"),
}


def _greeting(member: User, digest: Digest, since: datetime) -> str:
    name, when = member.name, format_datetime(since, "d MMM y, HH:mm")
    if digest.about_proposals:
        return gettext(
            "Hello %(name)s,\n\nhere is what changed in your proposals since %(since)s.",
            name=name,
            since=when,
        )
    if digest.introductions:
        return gettext(
            "Hello %(name)s,\n\nhere is what waits for you since %(since)s.", name=name, since=when
        )
    if digest.reminders:
        return gettext(
            "Hello %(name)s,\n\nhere is what waits for you in your mentorships since %(since)s.",
            name=name,
            since=when,
        )
    return gettext(
        "Hello %(name)s,\n\nhere are the new messages in your mentorships since %(since)s.",
        name=name,
        since=when,
    )


def _body(recipient: User, digest: Digest, since: datetime) -> str:
    parts = [_greeting(recipient, digest, since)]
    if digest.proposed:
        lines = [
            gettext(
                "- %(title)s (%(percent)s%% fit): %(link)s",
                title=item.title,
                percent=round((item.score or 0) * 100),
                link=absolute(item.link),
            )
            for item in digest.proposed[:LISTED]
        ]
        if len(digest.proposed) > LISTED:
            more = len(digest.proposed) - LISTED
            lines.append(
                ngettext("- and %(num)d more in your list", "- and %(num)d more in your list", more)
            )
        parts.append(
            gettext("New ideas for you to review, best fit first:") + "\n" + "\n".join(lines)
        )
    if digest.withdrawn:
        lines = [
            f"- {item.title}"
            + (f" ({WITHDRAWAL_WORDS[item.reason]()})" if item.reason in WITHDRAWAL_WORDS else "")
            for item in digest.withdrawn
        ]
        parts.append(
            gettext("No longer waiting for your answer (you do not need to do anything):")
            + "\n"
            + "\n".join(lines)
        )
    if digest.messages:
        parts.append(_messages_part(gettext("New messages in your mentorships:"), digest.messages))
    if digest.introductions:
        parts.append(
            _messages_part(gettext("New messages in your introductions:"), digest.introductions)
        )
    if digest.reminders:
        lines = [f"- {item.title}: {absolute(item.link)}" for item in digest.reminders]
        parts.append(gettext("Reminders about your mentorships:") + "\n" + "\n".join(lines))
    if not recipient.is_mentor:
        parts.append(_member_footer(digest))
        return "\n\n".join(parts) + "\n"
    parts.append(gettext("All the ideas waiting for you: %(link)s", link=absolute(REVIEW_LINK)))
    parts.append(
        gettext(
            "You get this e-mail once a day when something changed. To get an e-mail for each "
            "new proposal instead, change how often we write on your profile: %(link)s",
            link=absolute(PROFILE_LINK),
        )
    )
    return "\n\n".join(parts) + "\n"


def _member_footer(digest: Digest) -> str:
    if digest.reminders:
        return gettext(
            "You get this e-mail once a day when something waits for you in your mentorships. "
            "To get each message and reminder by e-mail as soon as it comes instead, change it "
            "on your profile: %(link)s",
            link=absolute(PROFILE_LINK),
        )
    return gettext(
        "You get this e-mail once a day when new messages wait for you. To get an e-mail "
        "as soon as a message arrives instead, change it on your profile: %(link)s",
        link=absolute(PROFILE_LINK),
    )


def _messages_part(heading: str, threads: list[DigestItem]) -> str:
    lines = [
        ngettext(
            "- %(name)s: %(num)d new message, %(link)s",
            "- %(name)s: %(num)d new messages, %(link)s",
            item.count,
            name=item.title,
            link=absolute(item.link),
        )
        for item in threads
    ]
    return heading + "\n" + "\n".join(lines)
