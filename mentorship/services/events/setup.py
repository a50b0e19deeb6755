"""The lead's side of an event: create it, add sessions, open and close registration, invite
partner companies' contact people."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from flask import current_app
from flask_babel import gettext as _
from flask_babel import lazy_gettext
from sqlalchemy.exc import IntegrityError

from mentorship.extensions import db
from mentorship.models import (
    Event,
    EventParticipant,
    EventSession,
    EventStatus,
    Partner,
    PartnerContact,
    Role,
    User,
)
from mentorship.models.base import as_aware
from mentorship.services.errors import (
    ConflictError,
    NotFoundError,
    PermissionDeniedError,
    ValidationFailedError,
)
from mentorship.services.idea_submissions import KEY_VALIDITY
from mentorship.services.invitations import invite
from mentorship.services.notifications import send_pending_emails

MAX_TABLES = 500


def require_lead(actor: User) -> None:
    if not actor.is_lead:
        raise PermissionDeniedError(_("Only the programme lead manages events."))


def get_event(actor: User, event_id: int) -> Event:
    """An event the user may see: the lead sees all, others every event past its draft."""
    event = db.session.get(Event, event_id)
    if event is None or (event.status == EventStatus.DRAFT and not actor.is_lead):
        raise NotFoundError(_("Event not found."))
    if actor.is_partner_contact and contact_partner(actor) is None:
        raise NotFoundError(_("Event not found."))  # waiting for the lead's approval
    return event


def list_events(actor: User) -> sa.Select:
    statement = sa.select(Event).order_by(Event.starts_on.desc(), Event.id.desc())
    if not actor.is_lead:
        statement = statement.where(Event.status != EventStatus.DRAFT.value)
    if actor.is_partner_contact and contact_partner(actor) is None:
        statement = statement.where(sa.false())  # waiting for the lead's approval
    return statement


def slot_count(event: Event, session: EventSession) -> int:
    return int((session.ends_at - session.starts_at) / timedelta(minutes=event.meeting_minutes))


def slot_start(event: Event, session: EventSession, slot: int) -> datetime:
    return session.starts_at + timedelta(minutes=event.meeting_minutes * slot)


MAX_EVENT_DAYS = 14
"""A B2B day runs a day or a few; a longer range is a typing mistake (and would make
agendas and reports span months)."""
YEARS_AROUND = 10
"""Events are recorded from ten years back (a finished event entered afterwards) to ten
years ahead; a year like 0001 or 9999 is a typing mistake."""
MAX_SESSION = timedelta(hours=24)
"""A session is a block of meetings within a day; a longer one would be thousands of slots."""

# The lead may move an event on, or back to an open registration while it is not over;
# a finished event is a record of what happened and stays finished.
STATUS_MOVES = {
    EventStatus.DRAFT: {EventStatus.OPEN, EventStatus.CLOSED},
    EventStatus.OPEN: {EventStatus.DRAFT, EventStatus.CLOSED},
    EventStatus.CLOSED: {EventStatus.OPEN, EventStatus.FINISHED},
    EventStatus.FINISHED: set(),
}


@dataclass
class EventCreation:
    event: Event
    repeated: bool
    """True when the key was already used: `event` is the one the first request made."""


def create_event_once(
    actor: User, data: dict, sessions: list[dict] = (), key: str | None = None
) -> EventCreation:
    """`create_event`, except that a repeat under the same key (a form sent twice, a retried
    API call) within KEY_VALIDITY answers the event the first one created."""
    if key is None:
        return EventCreation(create_event(actor, data, sessions), False)
    require_lead(actor)
    existing = _event_with_key(actor, key)
    if existing is not None:
        return EventCreation(existing, True)
    try:
        return EventCreation(create_event(actor, data, sessions, key), False)
    except IntegrityError:  # the same key committed by a concurrent request first
        db.session.rollback()
        existing = _event_with_key(actor, key)
        if existing is None:
            raise
        return EventCreation(existing, True)


def _event_with_key(actor: User, key: str) -> Event | None:
    return db.session.scalar(
        sa.select(Event).where(
            Event.created_by_id == actor.id,
            Event.submission_key == key,
            Event.created_at >= datetime.now(UTC) - KEY_VALIDITY,
        )
    )


def create_event(
    actor: User, data: dict, sessions: list[dict] = (), key: str | None = None
) -> Event:
    """An event and its first sessions, all checked before anything is saved."""
    require_lead(actor)
    _check_dates(data["starts_on"], data["ends_on"])
    if key is not None:  # an expired use of the key gives it up
        db.session.execute(
            sa.update(Event)
            .where(Event.created_by_id == actor.id, Event.submission_key == key)
            .values(submission_key=None)
        )
    event = Event(
        submission_key=key,
        name=data["name"],
        place=data.get("place") or "",
        starts_on=data["starts_on"],
        ends_on=data["ends_on"],
        meeting_minutes=data["meeting_minutes"],
        created_by_id=actor.id,
    )
    checked: list[EventSession] = []
    for position, session in enumerate(sessions):
        try:
            checked.append(_checked_session(event, session, checked))
        except ValidationFailedError as error:
            error.fields = {f"sessions.{position}.{k}": v for k, v in error.fields.items()}
            raise
    event.sessions.extend(checked)
    db.session.add(event)
    db.session.commit()
    return event


def _check_dates(starts_on: date, ends_on: date) -> None:
    if ends_on < starts_on:
        raise ValidationFailedError(
            _("The event ends before it starts."),
            {"ends_on": [_("Give a date on or after the first day.")]},
        )
    this_year = date.today().year
    if not this_year - YEARS_AROUND <= starts_on.year <= this_year + YEARS_AROUND:
        raise ValidationFailedError(
            _(
                "Give a date between %(first)d and %(last)d.",
                first=this_year - YEARS_AROUND,
                last=this_year + YEARS_AROUND,
            ),
            {"starts_on": [_("Check the year.")]},
        )
    if (ends_on - starts_on).days + 1 > MAX_EVENT_DAYS:
        raise ValidationFailedError(
            _("An event lasts at most %(days)d days.", days=MAX_EVENT_DAYS),
            {"ends_on": [_("Check the last day.")]},
        )


def add_session(actor: User, event: Event, data: dict) -> EventSession:
    require_lead(actor)
    if event.status == EventStatus.FINISHED:
        raise ConflictError(_("The event is over: its sessions can no longer change."))
    session = _checked_session(event, data, list(event.sessions))
    session.event = event
    db.session.add(session)
    db.session.commit()
    return session


def _local_day(moment: datetime) -> date:
    zone = ZoneInfo(current_app.config.get("BABEL_DEFAULT_TIMEZONE") or "UTC")
    return as_aware(moment).astimezone(zone).date()


def _checked_session(event: Event, data: dict, others: list[EventSession]) -> EventSession:
    """A new session of `event`, refused with a clear message if it cannot be scheduled: it
    must hold a meeting, lie within the event's days and not overlap another session (a
    participant in both would be at two tables at once)."""
    starts_at, ends_at, tables = data["starts_at"], data["ends_at"], data["tables"]
    if ends_at <= starts_at:
        raise ValidationFailedError(
            _("A session ends after it starts."), {"ends_at": [_("Give a later end time.")]}
        )
    if not 1 <= tables <= MAX_TABLES:
        raise ValidationFailedError(
            _("A session needs between 1 and %(max)d tables.", max=MAX_TABLES),
            {"tables": [_("Give at least one table.")]},
        )
    if ends_at - starts_at < timedelta(minutes=event.meeting_minutes):
        raise ValidationFailedError(
            _("The session is shorter than one meeting."),
            {"ends_at": [_("Leave room for at least one meeting.")]},
        )
    if ends_at - starts_at > MAX_SESSION:
        raise ValidationFailedError(
            _("A session lasts at most a day: split a longer one into several."),
            {"ends_at": [_("Give an earlier end time.")]},
        )
    if not event.starts_on <= _local_day(starts_at) <= event.ends_on:
        raise ValidationFailedError(
            _("The session is not within the event's days."),
            {"starts_at": [_("Give a time on one of the event's days.")]},
        )
    # It may end at midnight, not after: 22:00 to 12:00 the next day ran past the last day.
    if _local_day(ends_at - timedelta(microseconds=1)) > event.ends_on:
        raise ValidationFailedError(
            _("The session is not within the event's days."),
            {"ends_at": [_("End it on one of the event's days.")]},
        )
    for other in others:
        if starts_at < as_aware(other.ends_at) and as_aware(other.starts_at) < ends_at:
            raise ValidationFailedError(
                _(
                    "The session overlaps %(name)s: sessions of one event follow one another.",
                    name=other.name,
                ),
                {"starts_at": [_("Give a time outside the other sessions.")]},
            )
    return EventSession(name=data["name"], starts_at=starts_at, ends_at=ends_at, tables=tables)


def set_status(actor: User, event: Event, status: str) -> Event:
    require_lead(actor)
    if status not in {s.value for s in EventStatus}:
        raise ValidationFailedError(_("Unknown event status."), {"status": [_("Unknown value.")]})
    status = EventStatus(status)
    if status == event.status:
        return event
    if status not in STATUS_MOVES[EventStatus(event.status)]:
        if event.status == EventStatus.FINISHED:
            raise ConflictError(_("The event is over: it stays finished."))
        if status == EventStatus.FINISHED:
            raise ConflictError(_("Close registration before marking the event finished."))
        raise ConflictError(_("Registration is closed: open it again instead."))
    if status == EventStatus.OPEN and not event.sessions:
        raise ConflictError(_("Add at least one session before opening registration."))
    if status == EventStatus.DRAFT and (event.participants or event.published_at is not None):
        # A draft is hidden from everyone: registered people would lose the event unannounced.
        raise ConflictError(_("People have registered: close registration instead."))
    if status == EventStatus.FINISHED and _local_day(datetime.now(UTC)) < event.ends_on:
        raise ConflictError(
            _("The event is not over yet: mark it finished on or after its last day.")
        )
    event.status = status.value
    db.session.commit()
    return event


def invite_contact(actor: User, partner_id: int, name: str, email: str) -> User:
    """A contact person's account for a partner company; she chooses her password from the
    invitation e-mail."""
    require_lead(actor)
    partner = db.session.get(Partner, partner_id)
    if partner is None:
        raise NotFoundError(_("Partner not found."))
    email = email.strip().lower()
    if db.session.scalar(sa.select(User.id).where(sa.func.lower(User.email) == email)):
        raise ConflictError(
            _("An account with this e-mail already exists."),
            {"email": [_("Already registered.")]},
        )
    user = User(email=email, name=name, role=Role.PARTNER.value)
    user.set_password(secrets.token_urlsafe(24))
    db.session.add(user)
    db.session.flush()
    db.session.add(PartnerContact(user_id=user.id, partner_id=partner.id, status="active"))
    invite(user, lazy_gettext("a contact person for %(partner)s", partner=partner.name))
    db.session.commit()
    send_pending_emails()
    return user


def contact_partner(user: User) -> Partner | None:
    """The contact person's company, once the lead approved her (or invited her)."""
    link = db.session.get(PartnerContact, user.id)
    return link.partner if link is not None and link.is_active else None


def participants_of(event: Event) -> list[EventParticipant]:
    return list(event.participants)
