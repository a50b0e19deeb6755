"""Inactive mentorships: warned once, then closed as ended early if nothing happens.

An active mentorship with no session logged or planned and no message for `inactive_weeks`
(settings.json, a programme may name its own in `programme_inactive_weeks`; the app config
MENTORSHIP_INACTIVE_WEEKS overrides both) gets one warning to both members naming the day it
will close. A session or a message after the warning voids it (and a later silence is a new
period, warned again). If the day comes with still no activity, the mentorship is closed as
ended early for inactivity, and both members and the leads are told once. Paused mentorships
are left alone: the pair said they are resting.

Runs inside the nudges task (nudges.send_nudges), as often as the beat likes: the warning is
remembered on the mentorship (inactivity_warned_at), the closing is its status.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import sqlalchemy as sa
from flask import current_app
from flask_babel import format_date, lazy_gettext

from mentorship.extensions import db
from mentorship.i18n import language_of
from mentorship.models import (
    Mentorship,
    MentorshipMessage,
    MentorshipSession,
    MentorshipStatus,
    Role,
    User,
)
from mentorship.models.base import as_aware
from mentorship.services.mentorships.health import settings
from mentorship.services.notifications import notify

WARNING = "mentorship.inactive.warning"
CLOSED = "mentorship.inactive.closed"
INACTIVE_REASON = "inactive"
"""end_reason of a mentorship closed for inactivity (the page shows it translated)."""


def inactive_weeks(mentorship: Mentorship) -> int:
    configured = current_app.config.get("MENTORSHIP_INACTIVE_WEEKS")
    if configured:
        return int(configured)
    rules = settings()
    name = mentorship.programme.name if mentorship.programme else ""
    return int(rules["programme_inactive_weeks"].get(name, rules["inactive_weeks"]))


def grace_days() -> int:
    return int(
        current_app.config.get("MENTORSHIP_INACTIVE_GRACE_DAYS")
        or settings()["inactive_grace_days"]
    )


def last_activity(mentorships: list[Mentorship]) -> dict[int, datetime]:
    """When each mentorship last saw a session logged or planned, or a message (or its start)."""
    found = {m.id: datetime.combine(m.started_on, time.min, UTC) for m in mentorships}
    ids = list(found)
    if not ids:
        return found
    for model in (MentorshipSession, MentorshipMessage):
        for mentorship_id, latest in db.session.execute(
            sa.select(model.mentorship_id, sa.func.max(model.created_at))
            .where(model.mentorship_id.in_(ids))
            .group_by(model.mentorship_id)
        ):
            if latest is not None:
                found[mentorship_id] = max(found[mentorship_id], as_aware(latest))
    return found


def handle_inactive(on: date, now: datetime | None = None) -> int:
    """Warn the newly inactive, close the warned ones whose day came; answers notices written."""
    now = now or datetime.now(UTC)
    active = db.session.scalars(
        sa.select(Mentorship)
        .where(Mentorship.status == MentorshipStatus.ACTIVE.value)
        .order_by(Mentorship.id)
        .with_for_update(skip_locked=True)
    ).all()
    latest = last_activity(list(active))
    sent = 0
    for mentorship in active:
        last = latest[mentorship.id]
        warned = mentorship.inactivity_warned_at and as_aware(mentorship.inactivity_warned_at)
        if warned is not None and last > warned:
            mentorship.inactivity_warned_at = mentorship.inactive_close_on = None
            warned = None
        if warned is None:
            if (on - last.date()).days >= 7 * inactive_weeks(mentorship):
                sent += warn(mentorship, on + timedelta(days=grace_days()), now)
        elif mentorship.inactive_close_on is not None and on >= mentorship.inactive_close_on:
            sent += _close(mentorship, now)
    return sent


def _members(mentorship: Mentorship) -> list[User]:
    return [m for m in (mentorship.entrepreneur, mentorship.mentor) if m is not None]


def warn(mentorship: Mentorship, close_on: date, now: datetime) -> int:
    """Tell both members it closes on `close_on` unless they act; answers notices written."""
    mentorship.inactivity_warned_at = now
    mentorship.inactive_close_on = close_on
    weeks = inactive_weeks(mentorship)
    for member in _members(mentorship):
        with language_of(member):
            day = format_date(close_on, "long")
        notify(
            member,
            WARNING,
            lazy_gettext("Your mentorship will be closed on %(date)s", date=day),
            lazy_gettext(
                "Nothing has happened in your mentorship for %(weeks)d weeks. It will be closed "
                "on %(date)s unless you log a session or send a message before then:",
                weeks=weeks,
                date=day,
            ),
            f"/mentorships/{mentorship.id}",
        )
    return len(_members(mentorship))


def _close(mentorship: Mentorship, now: datetime) -> int:
    mentorship.status = MentorshipStatus.ENDED_EARLY.value
    mentorship.end_reason = INACTIVE_REASON
    mentorship.closed_at = now
    link = f"/mentorships/{mentorship.id}"
    for member in _members(mentorship):
        notify(
            member,
            CLOSED,
            lazy_gettext("Your mentorship was closed for inactivity"),
            lazy_gettext(
                "Your mentorship had no session and no message since the warning, so it is "
                "closed as ended early. Please tell us how it went in the short survey:"
            ),
            link,
        )
    leads = db.session.scalars(
        sa.select(User).where(User.role == Role.LEAD.value).order_by(User.id)
    ).all()
    names = " · ".join(m.name for m in _members(mentorship))
    for lead in leads:
        notify(
            lead,
            CLOSED,
            lazy_gettext("A mentorship was closed for inactivity: %(names)s", names=names),
            lazy_gettext(
                "The mentorship of %(names)s had no session and no message after its warning, "
                "so it was closed as ended early (inactive).",
                names=names,
            ),
            link,
            digest=True,
        )
    return len(_members(mentorship)) + len(leads)
