"""What the pair does: the agreement, goals, sessions and the private message thread.

Every change validates first (ValidationFailedError, 422) and checks state second (409), and
commits only when all is well, so bad input changes nothing.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from flask_babel import gettext as _

from mentorship.extensions import db
from mentorship.models import (
    Mentorship,
    MentorshipGoal,
    MentorshipMessage,
    MentorshipSession,
    User,
)
from mentorship.models.mentorships import MESSAGE_MAX, SESSION_MINUTES
from mentorship.services.errors import ConflictError, NotFoundError, ValidationFailedError
from mentorship.services.mentorships.access import get_member_mentorship, other_member, today
from mentorship.services.mentorships.calendar import invitation_ics, queue_invitation
from mentorship.services.mentorships.health import settings
from mentorship.services.mentorships.message_notices import tell_recipient
from mentorship.services.notifications import send_pending_emails

TEXT_MAX = 200
NOTES_MAX = 2000
TOPICS_MAX = 300


def _invalid(fields: dict[str, list[str]]) -> ValidationFailedError:
    return ValidationFailedError(_("Some fields are not valid."), fields)


def _text(value: object, name: str, limit: int, errors: dict, *, required: bool = False) -> str:
    if value is None:
        value = ""
    if not isinstance(value, str):
        errors[name] = [_("Must be text.")]
        return ""
    value = value.strip()
    if required and not value:
        errors[name] = [_("This field is required.")]
    elif len(value) > limit:
        errors[name] = [_("At most %(max)d characters.", max=limit)]
    return value


def _open(mentorship: Mentorship) -> None:
    if mentorship.is_closed:
        raise ConflictError(_("This mentorship is closed."))


def _lively(mentorship: Mentorship) -> None:
    """A session or a message: any warning that it will close for inactivity is void."""
    mentorship.inactivity_warned_at = None
    mentorship.inactive_close_on = None


def link(mentorship: Mentorship) -> str:
    return f"/mentorships/{mentorship.id}"


def save_agreement(user: User, mentorship_id: int, data: dict) -> Mentorship:
    errors: dict[str, list[str]] = {}
    frequency = _text(data.get("meeting_frequency"), "meeting_frequency", TEXT_MAX, errors)
    how = _text(data.get("meeting_format"), "meeting_format", TEXT_MAX, errors)
    success = _text(data.get("success_looks_like"), "success_looks_like", NOTES_MAX, errors)
    if errors:
        raise _invalid(errors)
    mentorship = get_member_mentorship(user, mentorship_id)
    _open(mentorship)
    mentorship.meeting_frequency = frequency
    mentorship.meeting_format = how
    mentorship.success_looks_like = success
    mentorship.agreement_updated_at = datetime.now(UTC)
    db.session.commit()
    return mentorship


def _date(value: object, name: str, errors: dict, *, required: bool = False) -> date | None:
    if value in (None, ""):
        if required:
            errors[name] = [_("This field is required.")]
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        errors[name] = [_("Give a date as YYYY-MM-DD.")]
        return None


def add_goal(user: User, mentorship_id: int, data: dict) -> MentorshipGoal:
    errors: dict[str, list[str]] = {}
    title = _text(data.get("title"), "title", TEXT_MAX, errors, required=True)
    due_on = _date(data.get("due_on"), "due_on", errors)
    if errors:
        raise _invalid(errors)
    mentorship = get_member_mentorship(user, mentorship_id)
    _open(mentorship)
    goal = MentorshipGoal(
        mentorship_id=mentorship.id, title=title, due_on=due_on, created_by_id=user.id
    )
    db.session.add(goal)
    db.session.commit()
    return goal


def set_goal_done(user: User, mentorship_id: int, goal_id: int, done: bool) -> MentorshipGoal:
    if not isinstance(done, bool):
        raise _invalid({"done": [_("Must be true or false.")]})
    mentorship = get_member_mentorship(user, mentorship_id)
    goal = db.session.get(MentorshipGoal, goal_id)
    if goal is None or goal.mentorship_id != mentorship.id:
        raise NotFoundError(_("Goal not found."))
    goal.done_at = (goal.done_at or datetime.now(UTC)) if done else None
    db.session.commit()
    return goal


def goals(mentorship: Mentorship) -> list[MentorshipGoal]:
    return list(
        db.session.scalars(
            sa.select(MentorshipGoal)
            .where(MentorshipGoal.mentorship_id == mentorship.id)
            .order_by(MentorshipGoal.due_on.is_(None), MentorshipGoal.due_on, MentorshipGoal.id)
        )
    )


def _duration(value: object, errors: dict) -> int:
    low, high = SESSION_MINUTES
    if isinstance(value, bool) or not isinstance(value, int | str):
        errors["duration_minutes"] = [_("Give the duration in whole minutes.")]
        return 0
    try:
        minutes = int(value)
    except ValueError:
        errors["duration_minutes"] = [_("Give the duration in whole minutes.")]
        return 0
    if not low <= minutes <= high:
        errors["duration_minutes"] = [
            _("A session lasts from %(low)d minutes to %(hours)d hours.", low=low, hours=high // 60)
        ]
    return minutes


def log_session(user: User, mentorship_id: int, data: dict) -> MentorshipSession:
    """A session the pair held: on a day that has come, 5 minutes to 8 hours long."""
    errors: dict[str, list[str]] = {}
    held_on = _date(data.get("held_on"), "held_on", errors, required=True)
    minutes = _duration(data.get("duration_minutes"), errors)
    topics = _text(data.get("topics"), "topics", TOPICS_MAX, errors)
    notes = _text(data.get("notes"), "notes", NOTES_MAX, errors)
    if held_on is not None and held_on > today():
        errors["held_on"] = [_("A held session cannot be in the future; plan it instead.")]
    if errors:
        raise _invalid(errors)
    mentorship = get_member_mentorship(user, mentorship_id)
    _open(mentorship)
    session = MentorshipSession(
        mentorship_id=mentorship.id,
        planned=False,
        starts_at=datetime.combine(held_on, datetime.min.time(), UTC),
        duration_minutes=minutes,
        topics=topics,
        notes=notes,
        logged_by_id=user.id,
    )
    _lively(mentorship)
    db.session.add(session)
    db.session.commit()
    return session


def _local_start(value: object, errors: dict) -> datetime | None:
    """A planned start in the programme's time zone (naive input is local time)."""
    if value in (None, ""):
        errors["starts_at"] = [_("This field is required.")]
        return None
    try:
        moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    except ValueError:
        errors["starts_at"] = [_("Give a date and time as YYYY-MM-DDTHH:MM.")]
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=ZoneInfo(settings()["time_zone"]))
    return moment.astimezone(UTC)


def plan_session(user: User, mentorship_id: int, data: dict) -> MentorshipSession:
    """A future session: both members get an e-mail with a calendar invitation (.ics)."""
    errors: dict[str, list[str]] = {}
    starts_at = _local_start(data.get("starts_at"), errors)
    minutes = _duration(data.get("duration_minutes"), errors)
    topics = _text(data.get("topics"), "topics", TOPICS_MAX, errors)
    if starts_at is not None and starts_at <= datetime.now(UTC):
        errors["starts_at"] = [_("A planned session starts in the future; log a held one instead.")]
    elif starts_at is not None and starts_at > datetime.now(UTC) + timedelta(days=366):
        errors["starts_at"] = [_("Plan at most a year ahead.")]
    if errors:
        raise _invalid(errors)
    mentorship = get_member_mentorship(user, mentorship_id)
    _open(mentorship)
    session = MentorshipSession(
        mentorship_id=mentorship.id,
        planned=True,
        starts_at=starts_at,
        duration_minutes=minutes,
        topics=topics,
        logged_by_id=user.id,
    )
    _lively(mentorship)
    db.session.add(session)
    db.session.flush()
    ics = invitation_ics(mentorship, session)
    for member in (mentorship.entrepreneur, mentorship.mentor):
        if member is not None:
            queue_invitation(member, mentorship, session, ics)
    db.session.commit()
    send_pending_emails()
    return session


def sessions(mentorship: Mentorship) -> list[MentorshipSession]:
    return list(
        db.session.scalars(
            sa.select(MentorshipSession)
            .where(MentorshipSession.mentorship_id == mentorship.id)
            .order_by(MentorshipSession.starts_at.desc(), MentorshipSession.id.desc())
        )
    )


def get_session(mentorship: Mentorship, session_id: int) -> MentorshipSession:
    session = db.session.get(MentorshipSession, session_id)
    if session is None or session.mentorship_id != mentorship.id:
        raise NotFoundError(_("Session not found."))
    return session


def send_message(user: User, mentorship_id: int, data: dict) -> MentorshipMessage:
    """A message to the other member, who is told in her digest or at once (message_notices)."""
    errors: dict[str, list[str]] = {}
    body = _text(data.get("body"), "body", MESSAGE_MAX, errors, required=True)
    if errors:
        raise _invalid(errors)
    mentorship = get_member_mentorship(user, mentorship_id)
    _open(mentorship)
    recipient = other_member(mentorship, user)
    tell_recipient(mentorship, user, recipient, link(mentorship))
    message = MentorshipMessage(mentorship_id=mentorship.id, sender_id=user.id, body=body)
    _lively(mentorship)
    db.session.add(message)
    db.session.commit()
    send_pending_emails()
    return message


def messages(mentorship: Mentorship) -> list[MentorshipMessage]:
    return list(
        db.session.scalars(
            sa.select(MentorshipMessage)
            .where(MentorshipMessage.mentorship_id == mentorship.id)
            .order_by(MentorshipMessage.created_at, MentorshipMessage.id)
        )
    )


def mark_read(user: User, mentorship: Mentorship) -> int:
    """The member saw the thread: the other member's messages are read. The lead reads nothing."""
    if user.id not in mentorship.member_ids():
        return 0
    result = db.session.execute(
        sa.update(MentorshipMessage)
        .where(
            MentorshipMessage.mentorship_id == mentorship.id,
            MentorshipMessage.sender_id != user.id,
            MentorshipMessage.read_at.is_(None),
        )
        .values(read_at=datetime.now(UTC))
    )
    db.session.commit()
    return result.rowcount or 0
