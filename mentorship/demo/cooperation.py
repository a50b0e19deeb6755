"""Demo cooperation profiles, a contact person waiting for approval and an upcoming B2B day
with suggested meetings, from `data/cooperation.json`, through the services where it matters.
Added once: when the upcoming event is there, nothing is added."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import sqlalchemy as sa

from mentorship.extensions import db
from mentorship.models import (
    ContactStatus,
    CooperationProfile,
    Event,
    EventParticipant,
    EventSession,
    Idea,
    Partner,
    PartnerContact,
    Role,
    User,
)
from mentorship.services.events.profile_meetings import suggest_all

DATA = Path(__file__).resolve().parent / "data" / "cooperation.json"


def add_demo_cooperation(
    password_hash: str, demo_email: Callable[[str], str], path: Path = DATA
) -> str:
    data = json.loads(path.read_text(encoding="utf-8"))
    spec = data["upcoming"]
    if db.session.scalar(sa.select(Event.id).where(Event.name == spec["name"])):
        return "The demo cooperation profiles and upcoming event are already there."
    contacts = {
        link.partner.name: link
        for link in db.session.scalars(
            sa.select(PartnerContact).where(PartnerContact.partner_id.is_not(None))
        )
    }
    added = 0
    for row in data["profiles"]:
        owner = _owner(row, contacts, demo_email)
        if owner is None:
            continue
        author_id, partner_id, idea_id = owner
        db.session.add(
            CooperationProfile(
                author_id=author_id,
                partner_id=partner_id,
                idea_id=idea_id,
                **{k: row[k] for k in ("kind", "area", "cooperation_type", "title")},
                description=row["description"],
            )
        )
        added += 1
    _pending_contact(data["pending_contact"], password_hash, demo_email)
    event = _upcoming(spec, contacts, demo_email)
    from_matches, from_profiles = suggest_all(event)
    return (
        f"Demo cooperation: {added} profiles; upcoming event with {from_matches + from_profiles} "
        f"suggested meetings ({from_profiles} from profiles); one contact person waits."
    )


def _first_idea(name: str, demo_email) -> Idea | None:
    user = db.session.scalar(sa.select(User).where(User.email == demo_email(name)))
    if user is None:
        return None
    return db.session.scalar(
        sa.select(Idea).where(Idea.owner_id == user.id).order_by(Idea.id).limit(1)
    )


def _owner(row, contacts, demo_email) -> tuple[int, int | None, int | None] | None:
    if "partner" in row:
        link = contacts.get(row["partner"])
        return (link.user_id, link.partner_id, None) if link else None
    idea = _first_idea(row["entrepreneur"], demo_email)
    return (idea.owner_id, None, idea.id) if idea else None


def _pending_contact(row, password_hash, demo_email) -> None:
    email = demo_email(row["name"])
    if db.session.scalar(sa.select(User.id).where(User.email == email)):
        return
    user = User(email=email, name=row["name"], role=Role.PARTNER.value)
    user.password_hash = password_hash
    db.session.add(user)
    db.session.flush()
    partner = db.session.scalar(sa.select(Partner).where(Partner.name == row["company"]))
    db.session.add(
        PartnerContact(
            user_id=user.id,
            partner_id=partner.id if partner else None,
            company_name="" if partner else row["company"],
            status=ContactStatus.PENDING.value,
        )
    )


def _upcoming(spec, contacts, demo_email) -> Event:
    event = Event(
        name=spec["name"],
        place=spec["place"],
        starts_on=date.fromisoformat(spec["starts_on"]),
        ends_on=date.fromisoformat(spec["ends_on"]),
        meeting_minutes=spec["meeting_minutes"],
        status="open",
    )
    db.session.add(event)
    for row in spec["sessions"]:
        db.session.add(
            EventSession(
                event=event,
                name=row["name"],
                starts_at=datetime.fromisoformat(row["starts_at"].replace("Z", "+00:00")),
                ends_at=datetime.fromisoformat(row["ends_at"].replace("Z", "+00:00")),
                tables=row["tables"],
            )
        )
    db.session.flush()
    sessions = [s.id for s in event.sessions]
    for link in contacts.values():
        db.session.add(
            EventParticipant(
                event=event, user_id=link.user_id, partner_id=link.partner_id, session_ids=sessions
            )
        )
    for name in spec["entrepreneurs"]:
        idea = _first_idea(name, demo_email)
        if idea is not None:
            db.session.add(
                EventParticipant(
                    event=event, user_id=idea.owner_id, idea_id=idea.id, session_ids=sessions
                )
            )
    db.session.commit()
    db.session.refresh(event)
    return event
