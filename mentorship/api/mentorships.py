"""Mentorships over JSON: /api/v1/mentorships and their goals, sessions, messages, check-ins.

Request and answer shapes are the contract's models (mentorship/contract/mentorships.py); a body
that does not fit is a 422 naming the fields, checked before any state (409). Only the two
members and the lead see a mentorship; to anybody else it is a 404. The lead reads everything
but the messages (unless a member reported a problem: api.problem_reports), and writes nothing.
"""

from __future__ import annotations

from typing import Any

from flask import jsonify

from mentorship.api.blueprint import api_bp
from mentorship.api.request import (
    ID,
    current_user,
    json_input,
    listed_page,
    requested_page,
    token_required,
)
from mentorship.contract.mentorships import (
    Agreement,
    AgreementInput,
    CheckInInput,
    CloseInput,
    GoalDone,
    GoalInput,
    MentorshipPerson,
    MentorshipSessionInput,
    MessageInput,
    OutcomeAnswers,
    OutcomesInput,
    SessionRatingInput,
    SurveyInput,
    SurveyRecorded,
)
from mentorship.contract.mentorships import CheckIn as CheckInAnswer
from mentorship.contract.mentorships import Goal as GoalAnswer
from mentorship.contract.mentorships import Mentorship as MentorshipAnswer
from mentorship.contract.mentorships import MentorshipSession as SessionAnswer
from mentorship.contract.mentorships import Message as MessageAnswer
from mentorship.contract.mentorships import SessionRating as RatingAnswer
from mentorship.infrastructure.pagination import paginate
from mentorship.models import (
    CheckIn,
    Mentorship,
    MentorshipGoal,
    MentorshipMessage,
    MentorshipSession,
    SessionRating,
)
from mentorship.services.mentorships import access, activity, checkins, problem_reports, ratings
from mentorship.services.mentorships.overview import Health, health_of

MEMBERS = ("entrepreneur", "mentor", "lead")
WRITERS = ("entrepreneur", "mentor")


def mentorship_out(mentorship: Mentorship, health: Health | None = None) -> dict[str, Any]:
    user = current_user()
    health = health or health_of([mentorship], viewer_id=user.id)[mentorship.id]
    shape = MentorshipAnswer(
        id=mentorship.id,
        idea_id=mentorship.match.idea_id,
        programme_id=mentorship.programme_id,
        entrepreneur=MentorshipPerson.model_validate(mentorship.entrepreneur),
        mentor=MentorshipPerson.model_validate(mentorship.mentor) if mentorship.mentor else None,
        status=mentorship.status,
        end_reason=mentorship.end_reason,
        started_on=mentorship.started_on,
        planned_end_on=mentorship.planned_end_on,
        closed_at=mentorship.closed_at,
        health=health.light,
        health_reasons=health.reasons,
        sessions_held=health.sessions_held,
        unread_messages=health.unread,
        agreement=Agreement(
            meeting_frequency=mentorship.meeting_frequency,
            meeting_format=mentorship.meeting_format,
            success_looks_like=mentorship.success_looks_like,
            updated_at=mentorship.agreement_updated_at,
        ),
        check_in_due_round=checkins.check_in_due(mentorship, user),
        average_session_rating=ratings.average_rating(mentorship),
        inactive_close_on=mentorship.inactive_close_on,
    )
    return shape.model_dump(mode="json")


def goal_out(goal: MentorshipGoal) -> dict[str, Any]:
    return GoalAnswer(
        id=goal.id,
        title=goal.title,
        due_on=goal.due_on,
        done=goal.done_at is not None,
        done_at=goal.done_at,
        created_at=goal.created_at,
    ).model_dump(mode="json")


def session_out(session: MentorshipSession, rated: dict[int, int] | None = None) -> dict[str, Any]:
    if rated is None:
        rated = ratings.ratings_by_session([session.id]).get(session.id, {})
    return SessionAnswer(
        id=session.id,
        kind="planned" if session.planned else "held",
        starts_at=session.starts_at,
        duration_minutes=session.duration_minutes,
        topics=session.topics,
        notes=session.notes,
        ics_url=(
            f"/mentorships/{session.mentorship_id}/sessions/{session.id}.ics"
            if session.planned
            else None
        ),
        my_rating=rated.get(current_user().id),
        average_rating=ratings.average(list(rated.values())),
        created_at=session.created_at,
    ).model_dump(mode="json")


def message_out(message: MentorshipMessage) -> dict[str, Any]:
    return MessageAnswer.model_validate(message).model_dump(mode="json")


def check_in_out(answer: CheckIn) -> dict[str, Any]:
    return CheckInAnswer.model_validate(answer).model_dump(mode="json")


@api_bp.get("/mentorships")
@token_required(roles=MEMBERS)
def list_mentorships():
    access.ensure_mentorships()
    page, per_page = requested_page()
    found = paginate(access.visible_mentorships(current_user()), page, per_page, keep_page=True)
    lights = health_of(found.items, viewer_id=current_user().id)
    return jsonify(
        {
            "items": [mentorship_out(m, lights[m.id]) for m in found.items],
            "page": found.page,
            "per_page": found.per_page,
            "total": found.total,
        }
    )


@api_bp.get(f"/mentorships/<{ID}:mentorship_id>")
@token_required(roles=MEMBERS)
def get_mentorship(mentorship_id: int):
    return jsonify(mentorship_out(access.get_mentorship(current_user(), mentorship_id)))


@api_bp.put(f"/mentorships/<{ID}:mentorship_id>/agreement")
@token_required(roles=WRITERS)
def put_agreement(mentorship_id: int):
    data = json_input(AgreementInput)
    return jsonify(mentorship_out(activity.save_agreement(current_user(), mentorship_id, data)))


@api_bp.get(f"/mentorships/<{ID}:mentorship_id>/goals")
@token_required(roles=MEMBERS)
def list_goals(mentorship_id: int):
    mentorship = access.get_mentorship(current_user(), mentorship_id)
    return jsonify(listed_page(activity.goals(mentorship), goal_out))


@api_bp.post(f"/mentorships/<{ID}:mentorship_id>/goals")
@token_required(roles=WRITERS)
def add_goal(mentorship_id: int):
    goal = activity.add_goal(current_user(), mentorship_id, json_input(GoalInput))
    return jsonify(goal_out(goal)), 201


@api_bp.patch(f"/mentorships/<{ID}:mentorship_id>/goals/<{ID}:goal_id>")
@token_required(roles=WRITERS)
def tick_goal(mentorship_id: int, goal_id: int):
    data = json_input(GoalDone)
    goal = activity.set_goal_done(current_user(), mentorship_id, goal_id, data["done"])
    return jsonify(goal_out(goal))


@api_bp.get(f"/mentorships/<{ID}:mentorship_id>/sessions")
@token_required(roles=MEMBERS)
def list_sessions(mentorship_id: int):
    mentorship = access.get_mentorship(current_user(), mentorship_id)
    held = activity.sessions(mentorship)
    rated = ratings.ratings_by_session([session.id for session in held])
    return jsonify(
        listed_page(held, lambda session: session_out(session, rated.get(session.id, {})))
    )


@api_bp.put(f"/mentorships/<{ID}:mentorship_id>/sessions/<{ID}:session_id>/rating")
@token_required(roles=WRITERS)
def rate_session(mentorship_id: int, session_id: int):
    data = json_input(SessionRatingInput)
    row: SessionRating = ratings.rate_session(current_user(), mentorship_id, session_id, data)
    answer = RatingAnswer(
        session_id=row.session_id, user_id=row.user_id, rating=row.rating, updated_at=row.updated_at
    )
    return jsonify(answer.model_dump(mode="json"))


@api_bp.post(f"/mentorships/<{ID}:mentorship_id>/sessions")
@token_required(roles=WRITERS)
def add_session(mentorship_id: int):
    data = json_input(MentorshipSessionInput)
    if data["kind"] == "planned":
        session = activity.plan_session(current_user(), mentorship_id, data)
    else:
        session = activity.log_session(current_user(), mentorship_id, data)
    return jsonify(session_out(session)), 201


@api_bp.get(f"/mentorships/<{ID}:mentorship_id>/messages")
@token_required(roles=MEMBERS)
def list_messages(mentorship_id: int):
    user = current_user()
    mentorship = access.get_mentorship(user, mentorship_id)
    if user.id not in mentorship.member_ids():
        # The lead only while a member's problem report is open; audited (403 otherwise).
        thread = problem_reports.read_reported_messages(user, mentorship_id, via="api")[2]
        return jsonify(listed_page(thread, message_out))
    listed = listed_page(activity.messages(mentorship), message_out)
    activity.mark_read(user, mentorship)
    return jsonify(listed)


@api_bp.post(f"/mentorships/<{ID}:mentorship_id>/messages")
@token_required(roles=WRITERS)
def send_message(mentorship_id: int):
    message = activity.send_message(current_user(), mentorship_id, json_input(MessageInput))
    return jsonify(message_out(message)), 201


@api_bp.get(f"/mentorships/<{ID}:mentorship_id>/check-ins")
@token_required(roles=MEMBERS)
def list_check_ins(mentorship_id: int):
    mentorship = access.get_mentorship(current_user(), mentorship_id)
    return jsonify(listed_page(checkins.check_ins(mentorship), check_in_out))


@api_bp.post(f"/mentorships/<{ID}:mentorship_id>/check-ins")
@token_required(roles=WRITERS)
def answer_check_in(mentorship_id: int):
    answer = checkins.answer_check_in(current_user(), mentorship_id, json_input(CheckInInput))
    return jsonify(check_in_out(answer)), 201


@api_bp.post(f"/mentorships/<{ID}:mentorship_id>/close")
@token_required(roles=WRITERS)
def close(mentorship_id: int):
    mentorship = checkins.close_mentorship(current_user(), mentorship_id, json_input(CloseInput))
    return jsonify(mentorship_out(mentorship))


@api_bp.post(f"/mentorships/<{ID}:mentorship_id>/survey")
@token_required(roles=WRITERS)
def survey(mentorship_id: int):
    checkins.answer_survey(current_user(), mentorship_id, json_input(SurveyInput))
    return jsonify(SurveyRecorded(status="recorded").model_dump(mode="json")), 201


@api_bp.post(f"/mentorships/<{ID}:mentorship_id>/outcomes/<any(baseline, endline):phase>")
@token_required(roles=("entrepreneur",))
def outcomes(mentorship_id: int, phase: str):
    row = checkins.answer_outcomes(current_user(), mentorship_id, phase, json_input(OutcomesInput))
    answer = OutcomeAnswers(phase=row.phase, answers=row.answers)
    return jsonify(answer.model_dump(mode="json")), 201
