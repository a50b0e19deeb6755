"""The health light of many mentorships at once, read in a few grouped queries."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

import sqlalchemy as sa

from mentorship.extensions import db
from mentorship.models import CheckIn, Mentorship, MentorshipMessage, MentorshipSession
from mentorship.models.base import as_aware
from mentorship.services.mentorships.access import today
from mentorship.services.mentorships.health import HealthSignals, health_light, unanswered_since


@dataclass(frozen=True)
class Health:
    light: str
    reasons: list[str] = field(default_factory=list)
    sessions_held: int = 0
    last_session_on: date | None = None
    unread: int = 0


def _day(moment: datetime) -> date:
    return as_aware(moment).astimezone(UTC).date()


def health_of(
    mentorships: list[Mentorship], on: date | None = None, viewer_id: int | None = None
) -> dict[int, Health]:
    """Each mentorship's light; `on` is the day to judge (today unless a test says otherwise).

    `unread` counts the messages still unread by their recipient, other than the viewer's own.
    """
    on = on or today()
    ids = [m.id for m in mentorships]
    if not ids:
        return {}
    held = {
        mentorship_id: (count, last)
        for mentorship_id, count, last in db.session.execute(
            sa.select(
                MentorshipSession.mentorship_id,
                sa.func.count(),
                sa.func.max(MentorshipSession.starts_at),
            )
            .where(MentorshipSession.mentorship_id.in_(ids), MentorshipSession.planned.is_(False))
            .group_by(MentorshipSession.mentorship_id)
        )
    }
    pulses: dict[int, dict[int, list[int]]] = defaultdict(lambda: defaultdict(list))
    for mentorship_id, round_number, pulse in db.session.execute(
        sa.select(CheckIn.mentorship_id, CheckIn.round, CheckIn.pulse).where(
            CheckIn.mentorship_id.in_(ids)
        )
    ):
        pulses[mentorship_id][round_number].append(pulse)
    threads: dict[int, list[tuple[int | None, date]]] = defaultdict(list)
    unread: dict[int, int] = defaultdict(int)
    for mentorship_id, sender_id, sent, read_at in db.session.execute(
        sa.select(
            MentorshipMessage.mentorship_id,
            MentorshipMessage.sender_id,
            MentorshipMessage.created_at,
            MentorshipMessage.read_at,
        )
        .where(MentorshipMessage.mentorship_id.in_(ids))
        .order_by(MentorshipMessage.created_at, MentorshipMessage.id)
    ):
        threads[mentorship_id].append((sender_id, _day(sent)))
        unread[mentorship_id] += read_at is None and sender_id != viewer_id
    result = {}
    for mentorship in mentorships:
        count, last = held.get(mentorship.id, (0, None))
        rounds = pulses.get(mentorship.id)
        lowest = min(rounds[max(rounds)]) if rounds else None
        light, reasons = health_light(
            HealthSignals(
                started_on=mentorship.started_on,
                today=on,
                closed=mentorship.is_closed,
                last_session_on=_day(last) if last else None,
                lowest_latest_pulse=lowest,
                unanswered_since=unanswered_since(threads.get(mentorship.id, [])),
            )
        )
        result[mentorship.id] = Health(
            light, reasons, count, _day(last) if last else None, unread.get(mentorship.id, 0)
        )
    return result
