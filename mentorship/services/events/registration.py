"""Taking part in an event: entrepreneurs with one of their ideas, partner contact people for
their company; each marks the sessions she attends."""

from __future__ import annotations

import sqlalchemy as sa
from flask_babel import gettext as _
from flask_babel import lazy_gettext

from mentorship.extensions import db
from mentorship.infrastructure.locking import lock_event
from mentorship.models import (
    Event,
    EventMeeting,
    EventParticipant,
    EventStatus,
    Idea,
    MeetingStatus,
    ScheduleStage,
    User,
)
from mentorship.services.errors import ConflictError, NotFoundError, ValidationFailedError
from mentorship.services.events.setup import contact_partner, require_lead
from mentorship.services.notifications import notify, send_pending_emails


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
    lock_event(event.id)
    participant = participant_for(user, event)
    if participant is None:
        participant = EventParticipant(event_id=event.id, user_id=user.id)
        db.session.add(participant)
    else:
        _leave_sessions(event, participant, set(participant.session_ids) - set(session_ids))
    participant.idea_id = idea.id if idea else None
    participant.partner_id = partner.id if partner else None
    participant.session_ids = session_ids
    db.session.commit()
    db.session.expire(event, ["participants"])
    return participant


def _leave_sessions(event: Event, participant: EventParticipant, left: set[int]) -> None:
    """Meetings placed in sessions she no longer attends go back to the unscheduled ones (the
    lead's next run places them again); once the final schedule is out they are kept and the
    change is refused, so a published agenda never silently loses a meeting."""
    placed = [m for m in meetings_of(participant) if m.session_id in left]
    if not placed:
        return
    if event.schedule_stage == ScheduleStage.FINAL:
        raise ConflictError(
            _(
                "The final schedule is published and you have meetings in a session you "
                "unticked: keep it, or ask the programme team to change your agenda."
            )
        )
    for meeting in placed:
        meeting.session_id = meeting.slot = meeting.table_number = None
        meeting.pinned = False


def meetings_of(participant: EventParticipant) -> list[EventMeeting]:
    return list(
        db.session.scalars(
            sa.select(EventMeeting)
            .where(
                sa.or_(
                    EventMeeting.first_id == participant.id,
                    EventMeeting.second_id == participant.id,
                )
            )
            .order_by(EventMeeting.id)
        )
    )


def _valid_sessions(event: Event, session_ids: list[int]) -> list[int]:
    known = {session.id for session in event.sessions}
    chosen = sorted(set(session_ids))
    if not chosen or not set(chosen) <= known:
        raise ValidationFailedError(
            _("Choose at least one session of this event."),
            {"session_ids": [_("Choose the sessions you attend.")]},
        )
    return chosen


def withdrawal_refusal(event: Event, participant: EventParticipant) -> str | None:
    """Why she can no longer withdraw herself (None: she can)."""
    if event.status == EventStatus.FINISHED:
        return _("The event is over: your meetings there stay on record.")
    live = {m.id for m in meetings_of(participant) if m.status == MeetingStatus.ACCEPTED}
    if event.schedule_stage == ScheduleStage.FINAL and any(
        entry["meeting_id"] in live for entry in event.published or []
    ):
        return _(
            "The final schedule is published with your meetings: if you cannot come, "
            "write to the programme team so they can tell the people you would meet."
        )
    return None


def withdraw(user: User, event: Event) -> int:
    """Leave the event; the people she had accepted meetings with are told. Returns how many
    accepted meetings were cancelled."""
    lock_event(event.id)
    participant = participant_for(user, event)
    if participant is None:
        raise NotFoundError(_("You are not registered for this event."))
    refusal = withdrawal_refusal(event, participant)
    if refusal:
        raise ConflictError(refusal)
    return _leave(event, participant)


def remove_participant(actor: User, event: Event, participant_id: int) -> int:
    """The lead takes someone off the event (she cannot come, or registered by mistake), even
    after the final schedule: her meetings leave every agenda, she and the people she would
    have met are told. The rest of the published schedule stays as it is until the lead
    publishes again. Returns how many accepted meetings were cancelled."""
    require_lead(actor)
    if event.status == EventStatus.FINISHED:
        raise ConflictError(_("The event is over: its participants stay on record."))
    lock_event(event.id)
    participant = db.session.get(EventParticipant, participant_id)
    if participant is None or participant.event_id != event.id:
        raise NotFoundError(_("Participant not found."))
    notify(
        participant.user,
        "event_meeting_answer",
        lazy_gettext("You no longer take part in %(event)s", event=event.name),
        lazy_gettext(
            "The programme team took you off the event. Write to them if this is a mistake."
        ),
        f"/events/{event.id}",
    )
    return _leave(event, participant)


def _leave(event: Event, participant: EventParticipant) -> int:
    name = participant.user.name
    cancelled = [m for m in meetings_of(participant) if m.status == MeetingStatus.ACCEPTED]
    for meeting in cancelled:
        notify(
            meeting.other(participant.id).user,
            "event_meeting_answer",
            lazy_gettext("%(name)s no longer takes part in %(event)s", name=name, event=event.name),
            lazy_gettext("Your meeting with %(name)s is cancelled.", name=name),
            f"/events/{event.id}/meetings",
        )
    db.session.delete(participant)
    db.session.commit()
    send_pending_emails()
    return len(cancelled)
