"""Taking part in an event: entrepreneurs with one of their ideas, partner contact people for
their company; each marks the sessions she attends."""

from __future__ import annotations

import sqlalchemy as sa
from flask_babel import gettext as _

from mentorship.extensions import db
from mentorship.models import Event, EventParticipant, EventStatus, Idea, User
from mentorship.services.errors import ConflictError, NotFoundError, ValidationFailedError
from mentorship.services.events.setup import contact_partner


def participant_for(user: User, event: Event) -> EventParticipant | None:
    return db.session.scalar(
        sa.select(EventParticipant).where(
            EventParticipant.event_id == event.id, EventParticipant.user_id == user.id
        )
    )


def own_participant(user: User, event: Event, participant_id: int) -> EventParticipant:
    """A participant row the user may act for: her own (the lead may act for anyone)."""
    participant = db.session.get(EventParticipant, participant_id)
    if (
        participant is None
        or participant.event_id != event.id
        or (participant.user_id != user.id and not user.is_lead)
    ):
        raise NotFoundError(_("Participant not found."))
    return participant


def register(
    user: User, event: Event, session_ids: list[int], idea_id: int | None
) -> EventParticipant:
    if event.status != EventStatus.OPEN:
        raise ConflictError(_("Registration for this event is not open."))
    if not (user.is_entrepreneur or user.is_partner_contact):
        raise ConflictError(_("Entrepreneurs and partner companies take part in events."))
    session_ids = _valid_sessions(event, session_ids)
    idea = partner = None
    if user.is_entrepreneur:
        idea = db.session.get(Idea, idea_id) if idea_id else None
        if idea is None or idea.owner_id != user.id:
            raise ValidationFailedError(
                _("Choose the idea you take part with."),
                {"idea_id": [_("Choose one of your ideas.")]},
            )
    else:
        partner = contact_partner(user)
        if partner is None:
            raise ConflictError(_("Your account is not linked to a partner company."))
    participant = participant_for(user, event)
    if participant is None:
        participant = EventParticipant(event_id=event.id, user_id=user.id)
        db.session.add(participant)
    participant.idea_id = idea.id if idea else None
    participant.partner_id = partner.id if partner else None
    participant.session_ids = session_ids
    db.session.commit()
    db.session.expire(event, ["participants"])
    return participant


def _valid_sessions(event: Event, session_ids: list[int]) -> list[int]:
    known = {session.id for session in event.sessions}
    chosen = sorted(set(session_ids))
    if not chosen or not set(chosen) <= known:
        raise ValidationFailedError(
            _("Choose at least one session of this event."),
            {"session_ids": [_("Choose the sessions you attend.")]},
        )
    return chosen


def withdraw(user: User, event: Event) -> None:
    participant = participant_for(user, event)
    if participant is None:
        raise NotFoundError(_("You are not registered for this event."))
    db.session.delete(participant)
    db.session.commit()
