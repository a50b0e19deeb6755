"""A finished B2B matchmaking day for the demo, from `data/event.json`, through the services.

Added once: an event with the same name is left alone. Entrepreneurs take part with their
first idea; partner contacts are demo accounts. The accepted meetings are scheduled by the real
scheduler and published as final, and the outcomes are recorded by each side.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import sqlalchemy as sa

from mentorship.extensions import db
from mentorship.models import (
    Event,
    EventMeeting,
    EventParticipant,
    EventSession,
    Idea,
    MeetingOutcome,
    MeetingStatus,
    Partner,
    PartnerContact,
    Role,
    User,
)
from mentorship.services.events import schedule

DATA = Path(__file__).resolve().parent / "data" / "event.json"


def add_demo_event(
    password_hash: str, lead_email: str, demo_email: Callable[[str], str], path: Path = DATA
) -> str:
    """Create the finished event if it is not there; says what happened. The loader passes its
    lead's e-mail and how demo e-mails are spelt (no import back into the loader)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    spec = data["event"]
    if db.session.scalar(sa.select(Event.id).where(Event.name == spec["name"])):
        return "The demo B2B event is already there."
    lead = db.session.scalar(sa.select(User).where(User.email == lead_email))
    event = Event(
        name=spec["name"],
        place=spec["place"],
        starts_on=date.fromisoformat(spec["starts_on"]),
        ends_on=date.fromisoformat(spec["ends_on"]),
        meeting_minutes=spec["meeting_minutes"],
        status="closed",  # finished once its schedule is published (a finished one is frozen)
        created_by_id=lead.id if lead else None,
    )
    db.session.add(event)
    sessions = {}
    for row in spec["sessions"]:
        sessions[row["name"]] = EventSession(
            event=event,
            name=row["name"],
            starts_at=datetime.fromisoformat(row["starts_at"].replace("Z", "+00:00")),
            ends_at=datetime.fromisoformat(row["ends_at"].replace("Z", "+00:00")),
            tables=row["tables"],
        )
        db.session.add(sessions[row["name"]])
    db.session.flush()
    contacts = _contacts(event, data["contacts"], sessions, password_hash, demo_email)
    women = _entrepreneurs(event, data["entrepreneurs"], sessions, demo_email)
    meetings = []
    for row in data["meetings"]:
        if row["entrepreneur"] not in women or row["partner"] not in contacts:
            continue
        meeting = EventMeeting(
            event=event,
            first_id=women[row["entrepreneur"]].id,
            second_id=contacts[row["partner"]].id,
            reason=row["reason"],
            status=MeetingStatus.ACCEPTED.value,
        )
        db.session.add(meeting)
        meetings.append((meeting, row.get("outcomes", {})))
    db.session.commit()
    db.session.refresh(event)
    if lead is None:
        event.status = "finished"
        db.session.commit()
        return "The demo B2B event is added without a schedule (no demo lead)."
    result = schedule.run(lead, event)
    schedule.publish(lead, event, "final")
    event.status = "finished"
    for meeting, said in meetings:
        for side, participant_id in (
            ("entrepreneur", meeting.first_id),
            ("partner", meeting.second_id),
        ):
            if side in said and meeting.session_id is not None:
                result_code, cooperation = said[side]
                db.session.add(
                    MeetingOutcome(
                        meeting_id=meeting.id,
                        participant_id=participant_id,
                        result=result_code,
                        cooperation_type=cooperation,
                    )
                )
    db.session.commit()
    return (
        f"Demo B2B event: {len(result.placements)} meetings scheduled in "
        f"{result.slots_used} slots, published, outcomes recorded."
    )


def _contacts(event, rows, sessions, password_hash, demo_email) -> dict[str, EventParticipant]:
    found = {}
    for row in rows:
        partner = db.session.scalar(sa.select(Partner).where(Partner.name == row["partner"]))
        if partner is None:
            continue
        email = demo_email(row["name"])
        user = db.session.scalar(sa.select(User).where(User.email == email))
        if user is None:
            user = User(email=email, name=row["name"], role=Role.PARTNER.value)
            user.password_hash = password_hash
            db.session.add(user)
            db.session.flush()
            db.session.add(PartnerContact(user_id=user.id, partner_id=partner.id))
        participant = EventParticipant(
            event=event,
            user_id=user.id,
            partner_id=partner.id,
            session_ids=[sessions[name].id for name in row["sessions"]],
        )
        db.session.add(participant)
        found[row["partner"]] = participant
    db.session.flush()
    return found


def _entrepreneurs(event, rows, sessions, demo_email) -> dict[str, EventParticipant]:
    found = {}
    for row in rows:
        user = db.session.scalar(sa.select(User).where(User.email == demo_email(row["name"])))
        idea = (
            db.session.scalar(
                sa.select(Idea).where(Idea.owner_id == user.id).order_by(Idea.id).limit(1)
            )
            if user
            else None
        )
        if idea is None:
            continue
        participant = EventParticipant(
            event=event,
            user_id=user.id,
            idea_id=idea.id,
            session_ids=[sessions[name].id for name in row["sessions"]],
        )
        db.session.add(participant)
        found[row["name"]] = participant
    db.session.flush()
    return found
