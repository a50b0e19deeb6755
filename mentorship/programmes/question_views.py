"""The lead edits a programme's outcome questions: rename, add, reorder, remove or retire."""

from __future__ import annotations

from collections.abc import Callable

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext
from flask_login import current_user

from mentorship.main.helpers import ConfirmForm, role_required
from mentorship.mentorships.labels import AREA_LABELS
from mentorship.programmes.views import programmes_bp
from mentorship.services import outcome_questions as questions
from mentorship.services import programmes
from mentorship.services.errors import NotFoundError, ServiceError
from mentorship.services.outcome_questions import Question

ACTIONS = "rename, up, down, retire, restore, remove"
DONE = {
    "add": lambda: gettext("Question added."),
    "rename": lambda: gettext("Question renamed."),
    "up": lambda: gettext("Order saved."),
    "down": lambda: gettext("Order saved."),
    "retire": lambda: gettext("Question retired: no longer asked, still in the reports."),
    "restore": lambda: gettext("Question asked again."),
    "remove": lambda: gettext("Question removed."),
}


def question_name(question: Question) -> str:
    """The lead's wording, else the default area's translated name."""
    return question.label or str(AREA_LABELS.get(question.key, question.key))


@programmes_bp.route("/<int:programme_id>/outcome-questions")
@role_required("lead")
def outcome_questions(programme_id: int):
    programme = programmes.get_programme(programme_id)
    return render_template(
        "programmes/outcome_questions.html",
        programme=programme,
        questions=questions.question_set(programme.id),
        answered=questions.answered_keys(programme.id),
        name_of=question_name,
        form=ConfirmForm(),
        label_max=questions.QUESTION_LABEL_MAX,
    )


def _run(programme_id: int, action: str, change: Callable[[], object]):
    if not ConfirmForm().validate_on_submit():
        flash(gettext("The form expired; please try again."), "error")
    else:
        try:
            change()
        except NotFoundError:
            abort(404)
        except ServiceError as error:
            texts = [" ".join(t) for t in (error.fields or {}).values()]
            flash(" ".join(texts) if texts else error.message, "error")
        else:
            flash(DONE[action](), "success")
    return redirect(url_for("programmes.outcome_questions", programme_id=programme_id))


@programmes_bp.post("/<int:programme_id>/outcome-questions")
@role_required("lead")
def add_outcome_question(programme_id: int):
    label = request.form.get("label")
    return _run(
        programme_id, "add", lambda: questions.add_question(current_user, programme_id, label)
    )


@programmes_bp.post(f"/<int:programme_id>/outcome-questions/<key>/<any({ACTIONS}):action>")
@role_required("lead")
def change_outcome_question(programme_id: int, key: str, action: str):
    def change() -> object:
        if action == "rename":
            label = request.form.get("label")
            return questions.rename_question(current_user, programme_id, key, label)
        if action in questions.MOVES:
            return questions.move_question(current_user, programme_id, key, action)
        if action == "remove":
            return questions.remove_question(current_user, programme_id, key)
        return questions.retire_question(current_user, programme_id, key, action == "retire")

    return _run(programme_id, action, change)
