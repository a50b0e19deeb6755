"""After the event: each side says what came of a meeting; the lead's report counts it."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime

from flask_babel import gettext as _

from mentorship.contract.fields import NOTE_MAX
from mentorship.extensions import db
from mentorship.models import (
    Event,
    EventMeeting,
    MeetingOutcome,
    MeetingStatus,
    OutcomeResult,
    User,
)
from mentorship.models.events import COOPERATION_TYPES, OUTCOME_RESULTS
from mentorship.services.errors import ConflictError, NotFoundError, ValidationFailedError
from mentorship.services.events.registration import participant_for
from mentorship.services.events.setup import slot_start


def record(
    user: User, meeting: EventMeeting, result: str, cooperation_type: str | None, note: str = ""
) -> MeetingOutcome:
    me = participant_for(user, meeting.event)
    if me is None or me.id not in (meeting.first_id, meeting.second_id):
        raise NotFoundError(_("Meeting not found."))
    errors: dict[str, list[str]] = {}
    if result not in OUTCOME_RESULTS:
        errors["result"] = [_("Choose what came of the meeting.")]
    if cooperation_type and cooperation_type not in COOPERATION_TYPES:
        errors["cooperation_type"] = [_("Unknown cooperation type.")]
    if result == OutcomeResult.AGREEMENT and not cooperation_type:
        errors["cooperation_type"] = [_("Say what kind of agreement was signed.")]
    if len(note or "") > NOTE_MAX:
        errors["note"] = [_("At most %(max)d characters.", max=NOTE_MAX)]
    if errors:
        raise ValidationFailedError(_("Please correct the marked fields."), errors)
    entry = next((e for e in meeting.event.published or [] if e["meeting_id"] == meeting.id), None)
    if meeting.status != MeetingStatus.ACCEPTED or entry is None:
        raise ConflictError(_("Outcomes are recorded for meetings on the published schedule."))
    if not has_taken_place(meeting.event, entry):
        raise ConflictError(_("What came of a meeting is recorded once it has taken place."))
    outcome = next((o for o in meeting.outcomes if o.participant_id == me.id), None)
    if outcome is None:
        outcome = MeetingOutcome(meeting=meeting, participant_id=me.id)
        db.session.add(outcome)
    outcome.result = result
    # "No interest" has no kind of cooperation, whatever the form or the client sent with it.
    outcome.cooperation_type = None if result == OutcomeResult.NO_INTEREST else cooperation_type
    outcome.note = (note or "").strip()
    db.session.commit()
    return outcome


def has_taken_place(event: Event, entry: dict) -> bool:
    """Whether a published meeting's slot has begun: outcomes come after, never before."""
    session = next((s for s in event.sessions if s.id == entry["session_id"]), None)
    if session is None:
        return False
    return slot_start(event, session, entry["slot"]) <= datetime.now(UTC)


NOT_SPECIFIED = "not_specified"
"""An outcome whose side did not say the cooperation type: not the same as "other"."""


@dataclass
class EventReport:
    meetings_scheduled: int = 0
    meetings_reported: int = 0
    results: Counter = field(default_factory=Counter)
    agreements_by_type: Counter = field(default_factory=Counter)
    follow_ups_by_type: Counter = field(default_factory=Counter)


def report(event: Event) -> EventReport:
    """A meeting counts once, at the best outcome either side reported; meetings cancelled or
    whose participant left since publishing are not counted as scheduled."""
    rank = {result: i for i, result in enumerate(OUTCOME_RESULTS)}
    published = {entry["meeting_id"] for entry in event.published or []}
    held = [m for m in event.meetings if m.id in published and m.status == MeetingStatus.ACCEPTED]
    summary = EventReport(meetings_scheduled=len(held))
    for meeting in held:
        if not meeting.outcomes:
            continue
        best = max(meeting.outcomes, key=lambda o: rank[o.result])
        summary.meetings_reported += 1
        summary.results[best.result] += 1
        if best.result == OutcomeResult.AGREEMENT:
            summary.agreements_by_type[best.cooperation_type or NOT_SPECIFIED] += 1
        elif best.result == OutcomeResult.FOLLOW_UP:
            summary.follow_ups_by_type[best.cooperation_type or NOT_SPECIFIED] += 1
    return summary
