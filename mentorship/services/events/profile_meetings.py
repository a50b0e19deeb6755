"""Meetings suggested from complementary cooperation profiles: a participant's offer meets
another's request of the same cooperation type (partner ↔ partner too, which the engine's
idea ↔ partner matches never propose). Ranked by ``matching.cooperation``."""

from __future__ import annotations

import re

import sqlalchemy as sa
from flask_babel import force_locale
from flask_babel import gettext as _

from matching.cooperation import ProfileRecord, complementary
from mentorship.extensions import db
from mentorship.models import (
    CooperationProfile,
    Event,
    EventMeeting,
    EventParticipant,
    MeetingOrigin,
    MeetingStatus,
)
from mentorship.services.events.meetings import (
    meeting_between,
    share_a_session,
    suggest_meetings,
)

PER_PARTICIPANT = 5
_STORED_REASONS = (  # as stored: in English, and in Serbian before reasons were kept in English
    re.compile(r"Complementary profiles: “(?P<offer>.*)” meets “(?P<request>.*)”\.", re.S),
    re.compile(r"Komplementarni profili: „(?P<offer>.*)“ odgovara na „(?P<request>.*)“\.", re.S),
)


def _profile_reason(offer: str, request: str) -> str:
    return _(
        "Complementary profiles: “%(offer)s” meets “%(request)s”.", offer=offer, request=request
    )


def profile_reason(stored: str) -> str:
    """A profile-suggested meeting's reason in the reader's language: it is stored in English
    (whoever asked for the suggestions) and rebuilt from the two titles it names."""
    for pattern in _STORED_REASONS:
        found = pattern.fullmatch(stored or "")
        if found:
            return _profile_reason(found["offer"], found["request"])
    return stored


def _owner(participant: EventParticipant) -> str | None:
    if participant.partner_id:
        return f"partner:{participant.partner_id}"
    if participant.idea_id:
        return f"idea:{participant.idea_id}"
    return None


def _profiles(by_owner: dict[str, list[EventParticipant]]) -> list[CooperationProfile]:
    partners = [int(key.split(":")[1]) for key in by_owner if key.startswith("partner:")]
    ideas = [int(key.split(":")[1]) for key in by_owner if key.startswith("idea:")]
    return list(
        db.session.scalars(
            sa.select(CooperationProfile)
            .where(
                sa.or_(
                    CooperationProfile.partner_id.in_(partners),
                    CooperationProfile.idea_id.in_(ideas),
                )
            )
            .order_by(CooperationProfile.id)
        )
    )


def suggest_from_profiles(event: Event, per_participant: int = PER_PARTICIPANT) -> int:
    """Offer a meeting for the best complementary profiles of each pair of participants."""
    by_owner: dict[str, list[EventParticipant]] = {}
    for person in event.participants:
        owner = _owner(person)
        if owner:
            by_owner.setdefault(owner, []).append(person)
    profiles = {str(p.id): p for p in _profiles(by_owner)}
    records = [
        ProfileRecord(
            key,
            f"partner:{p.partner_id}" if p.partner_id else f"idea:{p.idea_id}",
            p.kind,
            p.area,
            p.cooperation_type,
            f"{p.title}\n{p.description}",
        )
        for key, p in profiles.items()
    ]
    added = 0
    for match in complementary(records, per_participant):
        offer, request = profiles[match.offer_id], profiles[match.request_id]
        with force_locale("en"):
            reason = _profile_reason(offer.title, request.title)
        for seeker in by_owner[match.request_owner]:
            for supplier in by_owner[match.offer_owner]:
                if (
                    seeker.user_id == supplier.user_id
                    or not share_a_session(seeker, supplier)
                    or meeting_between(event, seeker.id, supplier.id)
                ):
                    continue
                db.session.add(
                    EventMeeting(
                        event=event,
                        first_id=seeker.id,
                        second_id=supplier.id,
                        reason=reason,
                        status=MeetingStatus.SUGGESTED.value,
                        origin=MeetingOrigin.PROFILE.value,
                    )
                )
                db.session.flush()
                added += 1
    db.session.commit()
    return added


def suggest_all(event: Event) -> tuple[int, int]:
    """Meetings suggested from the engine's matches, then from cooperation profiles."""
    return suggest_meetings(event), suggest_from_profiles(event)
