"""Demo mentorships at every stage (new, active, needing a check-in, completed, ended early).

Applied once after the half-way decisions, from `data/mentorships.json`. The rows are written as
they would stand after the days the file names, since the services only accept today's changes.
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from mentorship.extensions import db
from mentorship.models import (
    AuditEntry,
    CheckIn,
    CloseOutSurvey,
    Idea,
    Match,
    MatchKind,
    MatchStatus,
    Mentorship,
    MentorshipGoal,
    MentorshipMessage,
    MentorshipSession,
    OutcomeAnswers,
    SessionRating,
    User,
)
from mentorship.services import audit
from mentorship.services.mentorships.access import ensure_mentorships
from mentorship.services.mentorships.health import planned_end
from mentorship.services.mentorships.inactivity import grace_days
from mentorship.services.mentorships.inactivity import warn as warn_inactive

DATA = Path(__file__).resolve().parent / "data" / "mentorships.json"
MARKER = "demo.mentorships"


def _moment(day: date, hour: int = 10) -> datetime:
    return datetime.combine(day, time(hour), UTC)


def apply_mentorship_stages(path: Path = DATA) -> Counter[str]:
    done: Counter[str] = Counter()
    if db.session.scalar(sa.select(AuditEntry.id).where(AuditEntry.action == MARKER).limit(1)):
        done["already applied"] += 1
        return done
    ensure_mentorships()
    for entry in json.loads(path.read_text(encoding="utf-8"))["mentorships"]:
        mentorship = _find(entry)
        if mentorship is None:
            done["skipped"] += 1
            continue
        _apply(mentorship, entry, datetime.now(UTC).date())
        done[entry["stage"]] += 1
    audit.record(None, MARKER, "mentorship", None, details={"counts": dict(sorted(done.items()))})
    db.session.commit()
    return done


def _find(entry: dict[str, Any]) -> Mentorship | None:
    return db.session.scalar(
        sa.select(Mentorship)
        .join(Match, Match.id == Mentorship.match_id)
        .join(Idea, Idea.id == Match.idea_id)
        .join(User, User.id == Idea.owner_id)
        .where(
            User.name == entry["owner"],
            Idea.title == entry["idea"],
            Match.kind == MatchKind.MENTOR.value,
            Match.status == MatchStatus.APPROVED.value,
        )
        .limit(1)
    )


def _apply(mentorship: Mentorship, entry: dict[str, Any], today: date) -> None:
    start = today - timedelta(days=entry["started_days_ago"])
    mentorship.started_on = start
    mentorship.planned_end_on = planned_end(start)
    members = {"entrepreneur": mentorship.entrepreneur_id, "mentor": mentorship.mentor_id}
    agreement = entry.get("agreement")
    if agreement:
        mentorship.meeting_frequency = agreement["meeting_frequency"]
        mentorship.meeting_format = agreement["meeting_format"]
        mentorship.success_looks_like = agreement["success_looks_like"]
        mentorship.agreement_updated_at = _moment(start + timedelta(days=1))
    for goal in entry.get("goals", []):
        due = today + timedelta(days=goal["due_in_days"])
        db.session.add(
            MentorshipGoal(
                mentorship_id=mentorship.id,
                title=goal["title"],
                due_on=due,
                done_at=_moment(min(due, today)) if goal["done"] else None,
                created_by_id=mentorship.entrepreneur_id,
                created_at=_moment(start),
            )
        )
    for held in entry.get("sessions", []):
        day = today - timedelta(days=held["days_ago"])
        session = MentorshipSession(
            mentorship_id=mentorship.id,
            planned=False,
            starts_at=_moment(day, 0),
            duration_minutes=held["minutes"],
            topics=held["topics"],
            notes=held["notes"],
            logged_by_id=mentorship.mentor_id,
            created_at=_moment(day, 18),
        )
        db.session.add(session)
        _rate(session, held.get("ratings", {}), members, _moment(day, 20))
    for plan in entry.get("planned", []):
        db.session.add(
            MentorshipSession(
                mentorship_id=mentorship.id,
                planned=True,
                starts_at=_moment(today + timedelta(days=plan["in_days"]), plan["hour"]),
                duration_minutes=plan["minutes"],
                topics=plan["topics"],
                logged_by_id=mentorship.entrepreneur_id,
            )
        )
    _apply_talk(mentorship, entry, today, members)


def _rate(session: MentorshipSession, ratings: dict, members: dict, at: datetime) -> None:
    if not ratings:
        return
    db.session.flush()
    for who, rating in ratings.items():
        db.session.add(
            SessionRating(
                session_id=session.id,
                user_id=members[who],
                rating=rating,
                created_at=at,
                updated_at=at,
            )
        )


def _answered_at(messages: list[dict], index: int, today: date) -> datetime | None:
    """When the other member next wrote after message `index`: she had read it by then. One
    she has not answered is still new to her (each member has read up to her own last message)."""
    sender = messages[index]["from"]
    for later in messages[index + 1 :]:
        if later["from"] != sender:
            return _moment(today - timedelta(days=later["days_ago"]), 9)
    return None


def _apply_talk(mentorship: Mentorship, entry: dict, today: date, members: dict) -> None:
    messages = entry.get("messages", [])
    for index, message in enumerate(messages):
        db.session.add(
            MentorshipMessage(
                mentorship_id=mentorship.id,
                sender_id=members[message["from"]],
                body=message["text"],
                created_at=_moment(today - timedelta(days=message["days_ago"]), 9),
                read_at=_answered_at(messages, index, today),
            )
        )
    for answer in entry.get("check_ins", []):
        db.session.add(
            CheckIn(
                mentorship_id=mentorship.id,
                user_id=members[answer["who"]],
                round=answer["round"],
                pulse=answer["pulse"],
                line=answer["line"],
            )
        )
    if entry.get("status"):
        mentorship.status = entry["status"]
        mentorship.end_reason = entry.get("end_reason")
        mentorship.closed_at = _moment(today - timedelta(days=entry["closed_days_ago"]), 16)
    for survey in entry.get("surveys", []):
        db.session.add(
            CloseOutSurvey(
                mentorship_id=mentorship.id,
                user_id=members[survey["who"]],
                nps=survey["nps"],
                comment=survey["comment"],
            )
        )
    if entry.get("inactivity_warning"):
        warned = _moment(today - timedelta(days=entry["inactivity_warning"]["warned_days_ago"]), 6)
        warn_inactive(mentorship, warned.date() + timedelta(days=grace_days()), warned)
    for phase in ("baseline", "endline"):
        if entry.get(phase):
            db.session.add(
                OutcomeAnswers(mentorship_id=mentorship.id, phase=phase, answers=entry[phase])
            )
