"""The changes a member makes on the mentorship page: each form posts here and comes back.

The form checks the CSRF token; the service validates and either commits or changes nothing,
and its message is flashed next to the section the form belongs to.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask import abort, flash, redirect, request, url_for
from flask_babel import gettext
from flask_login import current_user

from mentorship.main.helpers import role_required
from mentorship.mentorships.forms import MentorshipActionForm
from mentorship.mentorships.labels import FIELD_LABELS
from mentorship.mentorships.views import mentorships_bp
from mentorship.services.errors import NotFoundError, ServiceError
from mentorship.services.mentorships import activity, checkins, ratings

ID = "int(max=2147483647)"
DONE = {
    "agreement": lambda: gettext("Agreement saved."),
    "goals": lambda: gettext("Goal saved."),
    "sessions": lambda: gettext("Session saved."),
    "messages": lambda: gettext("Message sent."),
    "rating": lambda: gettext("Thank you: your rating of the session is saved."),
    "check-in": lambda: gettext("Thank you for your check-in."),
    "status": lambda: gettext("Mentorship updated."),
    "close": lambda: gettext("Thank you: the mentorship is closed and your survey saved."),
    "survey": lambda: gettext("Thank you for your answers."),
    "outcomes": lambda: gettext("Thank you: your outcome answers are saved."),
}


def _run(
    mentorship_id: int,
    section: str,
    change: Callable[[dict[str, Any]], Any],
    anchor: str | None = None,
):
    form = MentorshipActionForm()
    if not form.validate_on_submit():
        flash(gettext("The form expired; please try again."), "error")
    else:
        try:
            change(request.form.to_dict())
            flash(DONE[section](), "success")
        except NotFoundError:
            abort(404)
        except ServiceError as error:
            problems = [
                f"{FIELD_LABELS.get(name, name)}: {' '.join(texts)}"
                for name, texts in (error.fields or {}).items()
            ]
            flash(" ".join(problems) if problems else error.message, "error")
    return redirect(
        url_for("mentorships.show", mentorship_id=mentorship_id, _anchor=anchor or section)
    )


@mentorships_bp.post(f"/<{ID}:mentorship_id>/agreement")
@role_required("entrepreneur", "mentor")
def agreement(mentorship_id: int):
    return _run(
        mentorship_id,
        "agreement",
        lambda data: activity.save_agreement(current_user, mentorship_id, data),
    )


@mentorships_bp.post(f"/<{ID}:mentorship_id>/goals")
@role_required("entrepreneur", "mentor")
def add_goal(mentorship_id: int):
    return _run(
        mentorship_id, "goals", lambda data: activity.add_goal(current_user, mentorship_id, data)
    )


@mentorships_bp.post(f"/<{ID}:mentorship_id>/goals/<{ID}:goal_id>")
@role_required("entrepreneur", "mentor")
def tick_goal(mentorship_id: int, goal_id: int):
    return _run(
        mentorship_id,
        "goals",
        lambda data: activity.set_goal_done(
            current_user, mentorship_id, goal_id, data.get("done") == "1"
        ),
    )


@mentorships_bp.post(f"/<{ID}:mentorship_id>/sessions")
@role_required("entrepreneur", "mentor")
def add_session(mentorship_id: int):
    def change(data: dict[str, Any]) -> Any:
        if data.get("kind") == "planned":
            return activity.plan_session(current_user, mentorship_id, data)
        return activity.log_session(current_user, mentorship_id, data)

    return _run(mentorship_id, "sessions", change)


@mentorships_bp.post(f"/<{ID}:mentorship_id>/sessions/<{ID}:session_id>/rating")
@role_required("entrepreneur", "mentor")
def rate_session(mentorship_id: int, session_id: int):
    return _run(
        mentorship_id,
        "rating",
        lambda data: ratings.rate_session(current_user, mentorship_id, session_id, data),
        anchor=f"session-{session_id}",
    )


@mentorships_bp.post(f"/<{ID}:mentorship_id>/messages")
@role_required("entrepreneur", "mentor")
def send_message(mentorship_id: int):
    return _run(
        mentorship_id,
        "messages",
        lambda data: activity.send_message(current_user, mentorship_id, data),
    )


@mentorships_bp.post(f"/<{ID}:mentorship_id>/check-ins")
@role_required("entrepreneur", "mentor")
def check_in(mentorship_id: int):
    return _run(
        mentorship_id,
        "check-in",
        lambda data: checkins.answer_check_in(current_user, mentorship_id, data),
    )


@mentorships_bp.post(f"/<{ID}:mentorship_id>/status")
@role_required("entrepreneur", "mentor")
def pause(mentorship_id: int):
    return _run(
        mentorship_id,
        "status",
        lambda data: checkins.set_paused(current_user, mentorship_id, data.get("paused") == "1"),
    )


@mentorships_bp.post(f"/<{ID}:mentorship_id>/close")
@role_required("entrepreneur", "mentor")
def close(mentorship_id: int):
    return _run(
        mentorship_id,
        "close",
        lambda data: checkins.close_mentorship(current_user, mentorship_id, data),
    )


@mentorships_bp.post(f"/<{ID}:mentorship_id>/survey")
@role_required("entrepreneur", "mentor")
def survey(mentorship_id: int):
    return _run(
        mentorship_id,
        "survey",
        lambda data: checkins.answer_survey(current_user, mentorship_id, data),
    )


@mentorships_bp.post(f"/<{ID}:mentorship_id>/outcomes/<any(baseline, endline):phase>")
@role_required("entrepreneur")
def outcomes(mentorship_id: int, phase: str):
    return _run(
        mentorship_id,
        "outcomes",
        lambda data: checkins.answer_outcomes(current_user, mentorship_id, phase, data),
    )
