"""Row locks that serialise decisions on one match, one idea and one mentor's capacity.

PostgreSQL takes row locks (SELECT ... FOR UPDATE). SQLite has no row locks, so a decision
there starts with BEGIN IMMEDIATE: the database write lock is held from the first read, and a
second writer waits (busy_timeout) until the first commits, then reads fresh rows.
Lock order is always idea, then match, then mentor profile, the order the re-match also uses
(it locks the idea first), so two transactions never wait on each other in a circle.
"""

from __future__ import annotations

import sqlalchemy as sa
from flask_babel import lazy_gettext

from mentorship.extensions import db
from mentorship.models import Event, Idea, Match, MentorProfile
from mentorship.services.errors import NotFoundError

GONE = lazy_gettext(
    "This proposal is no longer there: matching was run again for the idea. Reload the page."
)
MISSING = lazy_gettext(
    "Match not found. If you had the page open for a while, matching may have "
    "refreshed it: reload the page."
)


def begin_serialised() -> None:
    """On SQLite take the write lock now; on PostgreSQL the row locks below do the work."""
    if db.engine.dialect.name != "sqlite":
        return
    connection = db.session.connection()
    raw = connection.connection.dbapi_connection
    # pysqlite opens a transaction only before a write; if one is open we already hold the lock.
    if not getattr(raw, "in_transaction", False):
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def lock_match(match_id: int) -> Match:
    """The match, re-read under lock together with its idea; gone (or replaced) is a 404."""
    begin_serialised()
    idea_id = db.session.scalar(sa.select(Match.idea_id).where(Match.id == match_id))
    if idea_id is None:
        raise NotFoundError(MISSING)
    db.session.get(Idea, idea_id, with_for_update=True, populate_existing=True)
    match = db.session.scalar(
        sa.select(Match)
        .where(Match.id == match_id)
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    if match is None:
        raise NotFoundError(GONE)
    return match


def lock_mentor_profile(mentor_id: int) -> MentorProfile | None:
    return db.session.get(MentorProfile, mentor_id, with_for_update=True, populate_existing=True)


def lock_event(event_id: int) -> Event | None:
    """The event re-read under lock: meeting requests, answers and withdrawals of one event
    take turns, so two people asking each other at once make one meeting, not a clash."""
    begin_serialised()
    return db.session.get(Event, event_id, with_for_update=True, populate_existing=True)
