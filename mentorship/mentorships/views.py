"""The pages of a mentorship: my list (the lead sees all), one mentorship, its .ics files."""

from __future__ import annotations

from flask import Blueprint, Response, abort, render_template, request
from flask_login import current_user

from mentorship.infrastructure.pagination import page_args, paginate
from mentorship.main.helpers import role_required
from mentorship.mentorships.forms import MentorshipActionForm
from mentorship.mentorships.labels import (
    AREA_LABELS,
    FIELD_LABELS,
    LIGHT_LABELS,
    REASON_LABELS,
    REVENUE_LABELS,
    STATUS_LABELS,
)
from mentorship.services.errors import NotFoundError
from mentorship.services.mentorships import access, activity, checkins, problem_reports, ratings
from mentorship.services.mentorships.calendar import invitation_ics
from mentorship.services.mentorships.health import round_due_on
from mentorship.services.mentorships.overview import health_of
from mentorship.services.problem_reports.overview import count_open

mentorships_bp = Blueprint("mentorships", __name__, url_prefix="/mentorships")
PER_PAGE = 30
LABELS = {
    "status": STATUS_LABELS,
    "light": LIGHT_LABELS,
    "reason": REASON_LABELS,
    "area": AREA_LABELS,
    "revenue": REVENUE_LABELS,
    "field": FIELD_LABELS,
}


def _found(mentorship_id: int):
    try:
        return access.get_mentorship(current_user, mentorship_id)
    except NotFoundError:
        abort(404)


@mentorships_bp.route("")
@role_required("entrepreneur", "mentor", "lead")
def index():
    access.ensure_mentorships()
    page, per_page = page_args(request.args, PER_PAGE)
    found = paginate(access.visible_mentorships(current_user), page, per_page)
    lights = health_of(found.items, viewer_id=current_user.id)
    return render_template(
        "mentorships/index.html",
        page=found,
        lights=lights,
        labels=LABELS,
        open_problems=count_open() if current_user.is_lead else 0,
    )


@mentorships_bp.route("/<int(max=2147483647):mentorship_id>")
@role_required("entrepreneur", "mentor", "lead")
def show(mentorship_id: int):
    mentorship = _found(mentorship_id)
    is_member = current_user.id in mentorship.member_ids()
    activity.mark_read(current_user, mentorship)
    health = health_of([mentorship], viewer_id=current_user.id)[mentorship.id]
    due_round = checkins.check_in_due(mentorship, current_user)
    outcomes = checkins.outcomes_of(mentorship)
    thread = activity.messages(mentorship)
    session_list = activity.sessions(mentorship)
    return render_template(
        "mentorships/show.html",
        mentorship=mentorship,
        is_member=is_member,
        is_entrepreneur=current_user.id == mentorship.entrepreneur_id,
        health=health,
        goals=activity.goals(mentorship),
        sessions=session_list,
        session_ratings=ratings.ratings_by_session([s.id for s in session_list]),
        average_rating=ratings.average_rating(mentorship),
        # The lead sees that messages flow, never what they say.
        messages=thread if is_member else [],
        message_count=len(thread),
        open_problems=problem_reports.open_reports(mentorship),
        my_problem=problem_reports.my_open_report(current_user, mentorship) if is_member else None,
        check_ins=checkins.check_ins(mentorship),
        due_round=due_round,
        due_on=round_due_on(mentorship.started_on, due_round) if due_round else None,
        my_survey=checkins.survey_of(mentorship, current_user) if is_member else None,
        outcomes=outcomes,
        questions=checkins.outcome_questions(mentorship.programme_id),
        today=access.today(),
        form=MentorshipActionForm(),
        labels=LABELS,
    )


@mentorships_bp.route(
    "/<int(max=2147483647):mentorship_id>/sessions/<int(max=2147483647):session_id>.ics"
)
@role_required("entrepreneur", "mentor", "lead")
def session_ics(mentorship_id: int, session_id: int):
    mentorship = _found(mentorship_id)
    try:
        session = activity.get_session(mentorship, session_id)
    except NotFoundError:
        abort(404)
    return Response(
        invitation_ics(mentorship, session),
        mimetype="text/calendar",
        headers={"Content-Disposition": f'attachment; filename="session-{session.id}.ics"'},
    )
