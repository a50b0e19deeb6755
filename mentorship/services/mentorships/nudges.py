"""Reminders the beat schedule sends: no session logged for three weeks, a check-in due, and
the warning before an inactive mentorship is closed (services.mentorships.inactivity).

Safe to run as often as one likes: each reminder is remembered as the notification it wrote, so
a member hears of a silent mentorship at most once a week and of each check-in round once.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import sqlalchemy as sa
from flask_babel import lazy_gettext

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
REPEAT_AFTER = timedelta(days=7)


def _told(user: User, kind: str, link: str, since: datetime | None) -> bool:
    statement = sa.select(sa.func.count()).where(
        Notification.user_id == user.id, Notification.kind == kind, Notification.link == link
    )
    if since is not None:
        statement = statement.where(Notification.created_at >= since)
    return (db.session.scalar(statement) or 0) > 0


def send_nudges(on: date | None = None) -> int:
    """Queue the reminders due on `on` (today); answers how many were written."""
    on = on or today()
    now = datetime.now(UTC)
    ensure_mentorships()  # pairings approved before mentorships existed are reminded too
    sent = handle_inactive(on, now)  # warns the silent ones, closes those warned in vain
    active = db.session.scalars(
        sa.select(Mentorship)
        .where(Mentorship.status == MentorshipStatus.ACTIVE.value)
        .order_by(Mentorship.id)
    ).all()
    lights = health_of(list(active), on)
    for mentorship in active:
        members = [m for m in (mentorship.entrepreneur, mentorship.mentor) if m is not None]
        base = f"/mentorships/{mentorship.id}"
        if "no_session" in lights[mentorship.id].reasons:
            for member in members:
                if not _told(member, NO_SESSION, base, now - REPEAT_AFTER):
                    notify(
                        member,
                        NO_SESSION,
                        lazy_gettext("No mentoring session logged for three weeks"),
                        lazy_gettext(
                            "Your mentorship has no session logged for three weeks. "
                            "Plan the next one, or log the one you held:"
                        ),
                        base,
                        digest=True,
                    )
                    sent += 1
        round_number = check_in_round(mentorship.started_on, on)
        if round_number:
            link = f"{base}#check-in-{round_number}"
            for member in members:
                if not answered_round(mentorship, member, round_number) and not _told(
                    member, CHECK_IN, link, None
                ):
                    notify(
                        member,
                        CHECK_IN,
                        lazy_gettext("How is your mentorship going?"),
                        lazy_gettext(
                            "A short check-in is due: how is it going from 1 to 5, and one line. "
                            "It takes a minute:"
                        ),
                        link,
                        digest=True,
                    )
                    sent += 1
    db.session.commit()
    if sent:
        send_pending_emails()
    return sent
