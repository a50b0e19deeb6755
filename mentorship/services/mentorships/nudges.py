"""Reminders the beat schedule sends: no session logged for three weeks, a check-in due, the
same check-in still unanswered days later, and the warning before an inactive mentorship is
closed (services.mentorships.inactivity).

Safe to run as often as one likes: each reminder is remembered as the notification it wrote, so
a member hears of a silent mentorship at most once a week, of each check-in round once, and of
each round still unanswered once more. Members on the daily digest (the default) get these by
e-mail in it (services.digests); those who chose instant e-mails get each one at once.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import sqlalchemy as sa
from flask import current_app
from flask_babel import LazyString, lazy_gettext

from mentorship.extensions import db
from mentorship.models import Mentorship, MentorshipStatus, Notification, User
from mentorship.services.mentorships.access import ensure_mentorships, today
from mentorship.services.mentorships.checkins import answered_round
from mentorship.services.mentorships.health import check_in_round
from mentorship.services.mentorships.inactivity import handle_inactive
from mentorship.services.mentorships.overview import health_of
from mentorship.services.notifications import notify, send_pending_emails

NO_SESSION = "mentorship.nudge.no_session"
CHECK_IN = "mentorship.nudge.check_in"
CHECK_IN_PENDING = "mentorship.nudge.check_in_pending"
REMINDER_KINDS = (NO_SESSION, CHECK_IN, CHECK_IN_PENDING)
"""What the daily digest lists for members who take it (services.digests)."""
REPEAT_AFTER = timedelta(days=7)
CHECK_IN_REMINDER_DAYS = 7


def _told(user: User, kind: str, link: str, since: datetime | None) -> bool:
    statement = sa.select(sa.func.count()).where(
        Notification.user_id == user.id, Notification.kind == kind, Notification.link == link
    )
    if since is not None:
        statement = statement.where(Notification.created_at >= since)
    return (db.session.scalar(statement) or 0) > 0


def _first_told_on(user: User, kind: str, link: str) -> date | None:
    first = db.session.scalar(
        sa.select(Notification.created_at)
        .where(
            Notification.user_id == user.id, Notification.kind == kind, Notification.link == link
        )
        .order_by(Notification.created_at)
        .limit(1)
    )
    return first.date() if first is not None else None


def _remind(member: User, kind: str, subject: LazyString, body: LazyString, link: str) -> None:
    """The digest (the default) carries the e-mail; instant e-mails go now."""
    notify(member, kind, subject, body, link, email=not member.gets_message_digest)


def pending_after_days() -> int:
    """How long a due check-in waits unanswered before the second reminder (a setting)."""
    return current_app.config.get("CHECK_IN_REMINDER_DAYS") or CHECK_IN_REMINDER_DAYS


def send_nudges(on: date | None = None) -> int:
    """Queue the reminders due on `on` (today); answers how many were written."""
    on = on or today()
    now = datetime.now(UTC)
    ensure_mentorships()  # pairings approved before mentorships existed are reminded too
    sent = handle_inactive(on, now)  # warns the silent ones, closes those warned in vain
    # Locked like handle_inactive's: a second run at the same moment skips them, never repeats.
    active = db.session.scalars(
        sa.select(Mentorship)
        .where(Mentorship.status == MentorshipStatus.ACTIVE.value)
        .order_by(Mentorship.id)
        .with_for_update(skip_locked=True)
    ).all()
    lights = health_of(list(active), on)
    for mentorship in active:
        members = [m for m in (mentorship.entrepreneur, mentorship.mentor) if m is not None]
        if "no_session" in lights[mentorship.id].reasons:
            sent += _no_session(mentorship, members, now)
        round_number = check_in_round(mentorship.started_on, on)
        if round_number:
            sent += _check_in(mentorship, members, round_number, on)
    db.session.commit()
    if sent:
        send_pending_emails()
    return sent


def _no_session(mentorship: Mentorship, members: list[User], now: datetime) -> int:
    link = f"/mentorships/{mentorship.id}"
    sent = 0
    for member in members:
        if not _told(member, NO_SESSION, link, now - REPEAT_AFTER):
            _remind(
                member,
                NO_SESSION,
                lazy_gettext("No mentoring session logged for three weeks"),
                lazy_gettext(
                    "Your mentorship has no session logged for three weeks. "
                    "Plan the next one, or log the one you held."
                ),
                link,
            )
            sent += 1
    return sent


def _check_in(mentorship: Mentorship, members: list[User], round_number: int, on: date) -> int:
    """The round is due: tell each member who has not answered, then remind her once more
    `pending_after_days()` after she was first told, if it still waits."""
    link = f"/mentorships/{mentorship.id}#check-in-{round_number}"
    sent = 0
    for member in members:
        if answered_round(mentorship, member, round_number):
            continue
        told_on = _first_told_on(member, CHECK_IN, link)
        if told_on is None:
            _remind(
                member,
                CHECK_IN,
                lazy_gettext("How is your mentorship going?"),
                lazy_gettext(
                    "A short check-in is due: how is it going from 1 to 5, and one line. "
                    "It takes a minute."
                ),
                link,
            )
            sent += 1
        elif (on - told_on).days >= pending_after_days() and not _told(
            member, CHECK_IN_PENDING, link, None
        ):
            _remind(
                member,
                CHECK_IN_PENDING,
                lazy_gettext("Your mentorship check-in is still waiting"),
                lazy_gettext(
                    "Your check-in still waits for your answer: how is your mentorship going "
                    "from 1 to 5, and one line. It takes a minute."
                ),
                link,
            )
            sent += 1
    return sent
