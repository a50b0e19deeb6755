"""Meetings at an event: suggested from the engine's idea ↔ partner matches, or requested
with a reason; the other side accepts or declines."""

from __future__ import annotations

import sqlalchemy as sa
from flask_babel import gettext as _
from flask_babel import lazy_gettext
from sqlalchemy.exc import IntegrityError

from mentorship.contract.fields import NOTE_MAX
from mentorship.extensions import db
from mentorship.infrastructure.locking import lock_event
from mentorship.models import (
    Event,
    EventMeeting,
    EventParticipant,
    EventStatus,
    Match,
    MatchKind,
    MatchStatus,
    MeetingOrigin,
    MeetingStatus,
    ScheduleStage,
    User,
)
from mentorship.models.base import utcnow
from mentorship.services.errors import ConflictError, NotFoundError, ValidationFailedError
from mentorship.services.events.registration import meetings_of, participant_for
from mentorship.services.notifications import notify, send_pending_emails

LIVE_MATCHES = (MatchStatus.PROPOSED.value, MatchStatus.APPROVED.value)


def get_meeting(user: User, event: Event, meeting_id: int) -> EventMeeting:
    """A meeting of this event that the user is part of (the lead sees all); else 404."""
    meeting = db.session.get(EventMeeting, meeting_id)
    if meeting is None or meeting.event_id != event.id:
        raise NotFoundError(_("Meeting not found."))
    if not user.is_lead and user.id not in (meeting.first.user_id, meeting.second.user_id):
        raise NotFoundError(_("Meeting not found."))
    return meeting


def meeting_between(event: Event, one: int, two: int) -> EventMeeting | None:
    return db.session.scalar(
        sa.select(EventMeeting).where(
            EventMeeting.event_id == event.id,
            sa.or_(
                sa.and_(EventMeeting.first_id == one, EventMeeting.second_id == two),
                sa.and_(EventMeeting.first_id == two, EventMeeting.second_id == one),
            ),
        )
    )


def people_to_ask(event: Event, me: EventParticipant) -> list[EventParticipant]:
    """Whom she may ask for a meeting: the others who attend a session with her and with whom
    she has no meeting yet (asked, accepted, declined or cancelled), in the order they came."""
    met = {meeting.other(me.id).id for meeting in meetings_of(me)}
    return [
        p
        for p in event.participants
        if p.id != me.id and p.id not in met and share_a_session(me, p)
    ]


def _already_asked(meeting: EventMeeting, other: EventParticipant) -> str:
    """Why a second meeting with the same person is refused, by where the first one stands."""
    if meeting.status == MeetingStatus.ACCEPTED:
        return _("You already have a meeting with %(name)s.", name=other.display_name)
    if meeting.status == MeetingStatus.DECLINED:
        return _(
            "A meeting between you and %(name)s was declined or cancelled at this event; it "
            "cannot be asked for again.",
            name=other.display_name,
        )
    return _("A meeting between you two is already asked for.")


def suggest_meetings(event: Event) -> int:
    """Offer a meeting for every live idea ↔ partner match whose two sides take part."""
    people = list(event.participants)
    by_idea = {p.idea_id: p for p in people if p.idea_id}
    by_partner: dict[int, list[EventParticipant]] = {}
    for person in people:
        if person.partner_id:
            by_partner.setdefault(person.partner_id, []).append(person)
    if not by_idea or not by_partner:
        return 0
    matches = db.session.scalars(
        sa.select(Match).where(
            Match.kind == MatchKind.PARTNER.value,
            Match.idea_id.in_(by_idea),
            Match.partner_id.in_(by_partner),
            Match.status.in_(LIVE_MATCHES),
        )
    )
    added = 0
    for match in matches:
        entrepreneur = by_idea[match.idea_id]
        for contact in by_partner[match.partner_id]:
            if not share_a_session(entrepreneur, contact):
                continue  # they could never meet: both would accept a meeting that never comes
            if meeting_between(event, entrepreneur.id, contact.id) is not None:
                continue
            db.session.add(
                EventMeeting(
                    event=event,
                    first_id=entrepreneur.id,
                    second_id=contact.id,
                    match_id=match.id,
                    origin=MeetingOrigin.MATCH.value,
                    reason="; ".join(match.reasons or []),
                    status=MeetingStatus.SUGGESTED.value,
                )
            )
            db.session.flush()
            added += 1
    db.session.commit()
    return added


def _not_over(event: Event) -> None:
    if event.status == EventStatus.FINISHED:
        raise ConflictError(_("The event is over: its meetings can no longer change."))


def share_a_session(first: EventParticipant, second: EventParticipant) -> bool:
    """Whether two participants attend a session in common: only then can they meet."""
    return bool(set(first.session_ids or ()) & set(second.session_ids or ()))


def request_meeting(user: User, event: Event, other_id: int, reason: str) -> EventMeeting:
    _not_over(event)
    lock_event(event.id)
    me = participant_for(user, event)
    if me is None:
        raise ConflictError(_("Register for the event before asking for meetings."))
    reason = (reason or "").strip()
    if not reason or len(reason) > NOTE_MAX:
        raise ValidationFailedError(
            _("Say in a sentence why you would like to meet."),
            {"reason": [_("Give a reason of up to %(max)d characters.", max=NOTE_MAX)]},
        )
    other = db.session.get(EventParticipant, other_id)
    if other is None or other.event_id != event.id or other.id == me.id:
        raise NotFoundError(_("Participant not found."))
    earlier = meeting_between(event, me.id, other.id)
    if earlier is not None:
        raise ConflictError(_already_asked(earlier, other))
    if not share_a_session(me, other):
        raise ConflictError(
            _(
                "You and %(name)s attend no session in common: choose one of theirs too, or "
                "someone who attends yours.",
                name=other.display_name,
            )
        )
    meeting = EventMeeting(event=event, first_id=me.id, second_id=other.id, reason=reason)
    db.session.add(meeting)
    try:
        db.session.flush()
    except IntegrityError as error:  # the same request sent twice at once
        db.session.rollback()
        raise ConflictError(_("A meeting between you two is already asked for.")) from error
    notify(
        other.user,
        "event_meeting_request",
        lazy_gettext("%(name)s asks to meet you at %(event)s", name=user.name, event=event.name),
        lazy_gettext("Reason: %(reason)s", reason=reason),
        f"/events/{event.id}/meetings",
    )
    db.session.commit()
    send_pending_emails()
    return meeting


def answer(user: User, meeting: EventMeeting, accept: bool) -> EventMeeting:
    """The asked side answers a request; either side answers a suggestion."""
    _not_over(meeting.event)
    lock_event(meeting.event_id)
    db.session.refresh(meeting)
    me = participant_for(user, meeting.event)
    if me is None or me.id not in (meeting.first_id, meeting.second_id):
        raise NotFoundError(_("Meeting not found."))
    if meeting.status == MeetingStatus.REQUESTED and me.id != meeting.second_id:
        raise ConflictError(_("The person you asked answers this request."))
    if meeting.status not in (MeetingStatus.REQUESTED, MeetingStatus.SUGGESTED):
        raise ConflictError(_("This meeting is already answered."))
    meeting.status = (MeetingStatus.ACCEPTED if accept else MeetingStatus.DECLINED).value
    meeting.answered_at = utcnow()
    other = meeting.other(me.id)
    subject = (
        lazy_gettext(
            "%(name)s accepted your meeting at %(event)s", name=user.name, event=meeting.event.name
        )
        if accept
        else lazy_gettext(
            "%(name)s declined a meeting at %(event)s", name=user.name, event=meeting.event.name
        )
    )
    notify(other.user, "event_meeting_answer", subject, "", f"/events/{meeting.event_id}/meetings")
    db.session.commit()
    send_pending_emails()
    return meeting


def cancel_refusal(user: User, meeting: EventMeeting) -> str | None:
    """Why `user` may not cancel this meeting now (None: she may), asked before the page offers
    the button as well as when she presses it."""
    if meeting.event.status == EventStatus.FINISHED:
        return _("The event is over: its meetings can no longer change.")
    if meeting.status != MeetingStatus.ACCEPTED:
        return _("Only an accepted meeting can be cancelled.")
    if meeting.event.schedule_stage == ScheduleStage.FINAL and not user.is_lead:
        return _("The final schedule is published: ask the programme team to cancel this meeting.")
    return None


def cancel(user: User, meeting: EventMeeting) -> EventMeeting:
    """Either side (or the lead) calls off an accepted meeting before the event: it leaves the
    schedule and the other side is told. Once the final schedule is out, only the lead can,
    so that nobody's printed agenda changes without the programme team knowing."""
    event = lock_event(meeting.event_id)
    db.session.refresh(meeting)
    me = participant_for(user, event)
    mine = me is not None and me.id in (meeting.first_id, meeting.second_id)
    if not (mine or user.is_lead):
        raise NotFoundError(_("Meeting not found."))
    refusal = cancel_refusal(user, meeting)
    if refusal is not None:
        raise ConflictError(refusal)
    meeting.status = MeetingStatus.DECLINED.value
    meeting.session_id = meeting.slot = meeting.table_number = None
    meeting.pinned = False
    meeting.answered_at = utcnow()
    told = [meeting.other(me.id)] if mine else [meeting.first, meeting.second]
    for side in told:
        notify(
            side.user,
            "event_meeting_answer",
            lazy_gettext("A meeting at %(event)s is cancelled", event=event.name),
            lazy_gettext("%(name)s cancelled your meeting.", name=user.name),
            f"/events/{event.id}/meetings",
        )
    db.session.commit()
    send_pending_emails()
    return meeting
