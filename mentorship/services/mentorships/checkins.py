"""Check-ins (pulse 1-5 and one line, once per member and round), pausing, closing out with the
survey (NPS 0-10), and the entrepreneur's outcome answers at the start and at the end."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from flask_babel import gettext as _
from sqlalchemy.exc import IntegrityError

from mentorship.extensions import db
from mentorship.models import (
    CheckIn,
    CloseOutSurvey,
    Mentorship,
    MentorshipStatus,
    OutcomeAnswers,
    User,
)
from mentorship.models.mentorships import OUTCOME_PHASES
from mentorship.services.errors import (
    ConflictError,
    PermissionDeniedError,
    ValidationFailedError,
)
from mentorship.services.mentorships.access import get_member_mentorship, today
from mentorship.services.mentorships.health import check_in_round, settings
from mentorship.services.outcome_questions import asked_keys, question_set

LINE_MAX = 200
COMMENT_MAX = 2000
CLOSINGS = (MentorshipStatus.COMPLETED.value, MentorshipStatus.ENDED_EARLY.value)


def _whole(value: object, name: str, low: int, high: int, errors: dict) -> int:
    if isinstance(value, bool) or value in (None, ""):
        errors[name] = [_("Choose a number from %(low)d to %(high)d.", low=low, high=high)]
        return 0
    try:
        number = int(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        number = low - 1
    if isinstance(value, float) or not low <= number <= high:
        errors[name] = [_("Choose a number from %(low)d to %(high)d.", low=low, high=high)]
    return number


def _line(value: object, name: str, limit: int, errors: dict) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        errors[name] = [_("Must be text.")]
        return ""
    if len(value.strip()) > limit:
        errors[name] = [_("At most %(max)d characters.", max=limit)]
    return value.strip()


def _commit_once(row: Any, message: str) -> None:
    """Insert a row a unique constraint allows once; a second (even a racing one) is a 409."""
    db.session.add(row)
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        raise ConflictError(message) from None


def answer_check_in(user: User, mentorship_id: int, data: dict) -> CheckIn:
    errors: dict[str, list[str]] = {}
    pulse = _whole(data.get("pulse"), "pulse", 1, 5, errors)
    line = _line(data.get("line"), "line", LINE_MAX, errors)
    if errors:
        raise ValidationFailedError(_("Some fields are not valid."), errors)
    mentorship = get_member_mentorship(user, mentorship_id)
    if mentorship.is_closed:
        raise ConflictError(_("This mentorship is closed."))
    round_number = check_in_round(mentorship.started_on, today())
    if round_number == 0:
        raise ConflictError(_("No check-in is due yet."))
    if answered_round(mentorship, user, round_number):
        raise ConflictError(_("You already answered this check-in."))
    row = CheckIn(
        mentorship_id=mentorship.id, user_id=user.id, round=round_number, pulse=pulse, line=line
    )
    _commit_once(row, _("You already answered this check-in."))
    return row


def answered_round(mentorship: Mentorship, user: User, round_number: int) -> bool:
    return (
        db.session.scalar(
            sa.select(sa.func.count()).where(
                CheckIn.mentorship_id == mentorship.id,
                CheckIn.user_id == user.id,
                CheckIn.round == round_number,
            )
        )
        > 0
    )


def check_ins(mentorship: Mentorship) -> list[CheckIn]:
    return list(
        db.session.scalars(
            sa.select(CheckIn)
            .where(CheckIn.mentorship_id == mentorship.id)
            .order_by(CheckIn.round, CheckIn.id)
        )
    )


def check_in_due(mentorship: Mentorship, user: User) -> int:
    """The round this member still has to answer, or 0."""
    if mentorship.is_closed or user.id not in mentorship.member_ids():
        return 0
    round_number = check_in_round(mentorship.started_on, today())
    if round_number and not answered_round(mentorship, user, round_number):
        return round_number
    return 0


def set_paused(user: User, mentorship_id: int, paused: bool) -> Mentorship:
    mentorship = get_member_mentorship(user, mentorship_id)
    if mentorship.is_closed:
        raise ConflictError(_("This mentorship is closed."))
    mentorship.status = (MentorshipStatus.PAUSED if paused else MentorshipStatus.ACTIVE).value
    db.session.commit()
    return mentorship


def _survey(data: dict, errors: dict) -> tuple[int, str]:
    nps = _whole(data.get("nps"), "nps", 0, 10, errors)
    return nps, _line(data.get("comment"), "comment", COMMENT_MAX, errors)


def close_mentorship(user: User, mentorship_id: int, data: dict) -> Mentorship:
    """Completed or ended early (with a reason), with the closing member's survey answer."""
    errors: dict[str, list[str]] = {}
    status = data.get("status")
    if status not in CLOSINGS:
        errors["status"] = [_("Choose completed or ended early.")]
    reason = _line(data.get("end_reason"), "end_reason", COMMENT_MAX, errors)
    if status == MentorshipStatus.ENDED_EARLY.value and not reason:
        errors["end_reason"] = [_("Say why the mentorship ended early.")]
    nps, comment = _survey(data, errors)
    if errors:
        raise ValidationFailedError(_("Some fields are not valid."), errors)
    mentorship = get_member_mentorship(user, mentorship_id)
    if mentorship.is_closed:
        raise ConflictError(_("This mentorship is already closed."))
    mentorship.status = status
    mentorship.end_reason = reason or None
    mentorship.closed_at = datetime.now(UTC)
    db.session.add(
        CloseOutSurvey(mentorship_id=mentorship.id, user_id=user.id, nps=nps, comment=comment)
    )
    db.session.commit()
    return mentorship


def answer_survey(user: User, mentorship_id: int, data: dict) -> CloseOutSurvey:
    """The other member's close-out survey, once the mentorship is closed; once per member."""
    errors: dict[str, list[str]] = {}
    nps, comment = _survey(data, errors)
    if errors:
        raise ValidationFailedError(_("Some fields are not valid."), errors)
    mentorship = get_member_mentorship(user, mentorship_id)
    if not mentorship.is_closed:
        raise ConflictError(_("The survey opens when the mentorship is closed."))
    if survey_of(mentorship, user) is not None:
        raise ConflictError(_("You already answered the survey."))
    row = CloseOutSurvey(mentorship_id=mentorship.id, user_id=user.id, nps=nps, comment=comment)
    _commit_once(row, _("You already answered the survey."))
    return row


def survey_of(mentorship: Mentorship, user: User) -> CloseOutSurvey | None:
    return db.session.scalar(
        sa.select(CloseOutSurvey).where(
            CloseOutSurvey.mentorship_id == mentorship.id, CloseOutSurvey.user_id == user.id
        )
    )


def outcome_questions(programme_id: int | None = None) -> dict[str, Any]:
    """What the baseline and endline ask: the programme's current 1-5 questions and the rest."""
    rules = settings()
    return {
        "areas": asked_keys(programme_id),
        "labels": {q.key: q.label for q in question_set(programme_id) if q.label},
        "revenue_bands": rules["revenue_bands"],
        "employees_max": rules["employees_max"],
        "partnerships_max": rules["partnerships_max"],
    }


def answer_outcomes(user: User, mentorship_id: int, phase: str, data: dict) -> OutcomeAnswers:
    """The entrepreneur's answers: baseline while open, endline once closed; each once.

    The 1-5 questions are the programme's set as asked now (a retired one is not asked)."""
    mentorship = get_member_mentorship(user, mentorship_id)
    questions = outcome_questions(mentorship.programme_id)
    errors: dict[str, list[str]] = {}
    if phase not in OUTCOME_PHASES:
        errors["phase"] = [_("Choose baseline or endline.")]
    answers: dict[str, Any] = {
        area: _whole(data.get(area), area, 1, 5, errors) for area in questions["areas"]
    }
    band = data.get("revenue_band")
    if band not in questions["revenue_bands"]:
        errors["revenue_band"] = [_("Choose a revenue band.")]
    answers["revenue_band"] = band
    answers["employees"] = _whole(
        data.get("employees"), "employees", 0, questions["employees_max"], errors
    )
    answers["new_partnerships"] = _whole(
        data.get("new_partnerships"), "new_partnerships", 0, questions["partnerships_max"], errors
    )
    if errors:
        raise ValidationFailedError(_("Some fields are not valid."), errors)
    if user.id != mentorship.entrepreneur_id:
        raise PermissionDeniedError(_("Only the entrepreneur answers the outcome questions."))
    if phase == "endline" and not mentorship.is_closed:
        raise ConflictError(_("The endline opens when the mentorship is closed."))
    if phase == "baseline" and mentorship.is_closed:
        raise ConflictError(_("This mentorship is closed."))
    if outcomes_of(mentorship).get(phase) is not None:
        raise ConflictError(_("These outcome questions are already answered."))
    row = OutcomeAnswers(mentorship_id=mentorship.id, phase=phase, answers=answers)
    _commit_once(row, _("These outcome questions are already answered."))
    return row


def outcomes_of(mentorship: Mentorship) -> dict[str, OutcomeAnswers]:
    return {
        row.phase: row
        for row in db.session.scalars(
            sa.select(OutcomeAnswers).where(OutcomeAnswers.mentorship_id == mentorship.id)
        )
    }
