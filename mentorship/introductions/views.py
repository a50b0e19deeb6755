"""My approved introductions, and one introduction's private thread and agreement.

To anybody but its two sides an introduction is a 404. Each form carries a CSRF token; the
service validates and either commits or changes nothing, and its message is flashed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext
from flask_login import current_user

from mentorship.introductions.labels import COOPERATION_LABELS, FIELD_LABELS
from mentorship.main.helpers import ConfirmForm, role_required
from mentorship.services.errors import NotFoundError, ServiceError
from mentorship.services.mentorships.access import today
from mentorship.services.partnerships import access, agreements, threads
from mentorship.services.partnerships import problem_reports as reports

introductions_bp = Blueprint("introductions", __name__, url_prefix="/introductions")
SIDES = ("entrepreneur", "partner", "lead")
ID = "int(max=2147483647)"


@introductions_bp.route("")
@role_required(*SIDES)
def index():
    found = access.my_introductions(current_user)
    return render_template(
        "introductions/index.html",
        introductions=found,
        agreements={m.id: agreements.agreement_of(m) for m in found},
        unread_by_match=threads.unread_counts(current_user, found),
        cooperation=COOPERATION_LABELS,
    )


@introductions_bp.route(f"/<{ID}:match_id>")
@role_required(*SIDES)
def show(match_id: int):
    try:
        match = access.get_introduction(current_user, match_id)
    except NotFoundError:
        abort(404)
    thread = threads.open_thread(current_user, match)
    reported = match.kind == "partner"
    return render_template(
        "introductions/show.html",
        match=match,
        messages=thread.messages,
        read_up_to=thread.read_up_to,
        new_messages=thread.new,
        agreement=agreements.agreement_of(match),
        cooperation=COOPERATION_LABELS,
        today=today(),
        form=ConfirmForm(),
        problem_open=reported and bool(reports.open_reports(match)),
        my_problem=reports.my_open_report(current_user, match) if reported else None,
        can_report=reported,
    )


def _run(match_id: int, anchor: str, done: str, change: Callable[[dict[str, Any]], Any]):
    if not ConfirmForm().validate_on_submit():
        flash(gettext("The form expired; please try again."), "error")
    else:
        try:
            change(request.form.to_dict())
        except NotFoundError:
            abort(404)
        except ServiceError as error:
            problems = [
                f"{FIELD_LABELS.get(name, name)}: {' '.join(texts)}"
                for name, texts in (error.fields or {}).items()
            ]
            flash(" ".join(problems) if problems else error.message, "error")
        else:
            flash(done, "success")
    return redirect(url_for("introductions.show", match_id=match_id, _anchor=anchor))


@introductions_bp.post(f"/<{ID}:match_id>/messages")
@role_required(*SIDES)
def send_message(match_id: int):
    return _run(
        match_id,
        "thread",
        gettext("Message sent."),
        lambda data: threads.send_message(current_user, match_id, data),
    )


@introductions_bp.post(f"/<{ID}:match_id>/agreement")
@role_required(*SIDES)
def record_agreement(match_id: int):
    return _run(
        match_id,
        "agreement",
        gettext("Partnership agreement saved."),
        lambda data: agreements.record_agreement(current_user, match_id, data),
    )
