"""Partner introduction threads as the lead sees them, and reporting a problem in one.

The lead's message-flow page lists partner introductions with how many messages flow and when,
never their text. A member reports a problem on a short form (CSRF token); while a report is
open the lead may read that thread, read-only, each reading recorded in the audit trail, and
without one that page is a 404. The lead resolves a report with an optional note.
"""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext
from flask_login import current_user

from mentorship.infrastructure.pagination import page_args
from mentorship.introductions.views import ID, SIDES, introductions_bp
from mentorship.main.helpers import ConfirmForm, role_required
from mentorship.models.problem_reports import REASON_MAX, RESOLUTION_NOTE_MAX
from mentorship.services.errors import (
    NotFoundError,
    PermissionDeniedError,
    ServiceError,
    ValidationFailedError,
)
from mentorship.services.partnerships import flow
from mentorship.services.partnerships import problem_reports as reports
from mentorship.services.partnerships.access import get_introduction

PER_PAGE = 25


@introductions_bp.route("/message-flow")
@role_required("lead")
def message_flow():
    page, per_page = page_args(request.args, PER_PAGE)
    return render_template(
        "introductions/message_flow.html",
        page=flow.partner_threads(page, per_page),
        unanswered_days=flow.unanswered_days(),
    )


def _reportable(match_id: int):
    """A partner introduction the current user is a member of; anything else is a 404."""
    try:
        match = get_introduction(current_user, match_id)
    except NotFoundError:
        abort(404)
    if match.kind != "partner":
        abort(404)
    return match


@introductions_bp.route(f"/<{ID}:match_id>/problem-report", methods=["GET", "POST"])
@role_required(*SIDES)
def report_problem(match_id: int):
    match = _reportable(match_id)
    form = ConfirmForm()
    reason, errors = "", []
    if request.method == "POST":
        reason = request.form.get("reason", "")
        if not form.validate_on_submit():
            errors = [gettext("The form expired; please try again.")]
        else:
            try:
                reports.report_problem(current_user, match_id, request.form.to_dict())
            except NotFoundError:
                abort(404)
            except ServiceError as error:
                errors = [t for texts in (error.fields or {}).values() for t in texts]
                errors = errors or [error.message]
            else:
                flash(
                    gettext(
                        "Your report is sent. The programme lead can now read this conversation "
                        "until the problem is resolved."
                    ),
                    "success",
                )
                return redirect(url_for("introductions.show", match_id=match_id, _anchor="thread"))
    page = render_template(
        "introductions/report_problem.html",
        match=match,
        existing=reports.my_open_report(current_user, match),
        reason=reason,
        errors=errors,
        reason_max=REASON_MAX,
        form=form,
    )
    return page, 422 if errors else 200


@introductions_bp.route(f"/<{ID}:match_id>/reported-messages")
@role_required("lead")
def reported_messages(match_id: int):
    try:
        match, open_reports, thread = reports.read_reported_messages(
            current_user, match_id, via="web"
        )
    except (NotFoundError, PermissionDeniedError):
        abort(404)
    return render_template(
        "introductions/reported_messages.html",
        match=match,
        reports=open_reports,
        messages=thread,
        note_max=RESOLUTION_NOTE_MAX,
        form=ConfirmForm(),
    )


@introductions_bp.post(f"/<{ID}:match_id>/problem-reports/<{ID}:report_id>/resolve")
@role_required("lead")
def resolve_problem(match_id: int, report_id: int):
    back = url_for("introductions.message_flow")
    if not ConfirmForm().validate_on_submit():
        flash(gettext("The form expired; please try again."), "error")
        return redirect(url_for("introductions.reported_messages", match_id=match_id))
    try:
        reports.resolve_report(current_user, match_id, report_id, request.form.to_dict())
    except NotFoundError:
        abort(404)
    except ValidationFailedError as error:  # the report is still open: back to it
        texts = [t for texts in (error.fields or {}).values() for t in texts]
        flash(" ".join(texts) or error.message, "error")
        return redirect(url_for("introductions.reported_messages", match_id=match_id))
    except ServiceError as error:
        flash(error.message, "error")
        return redirect(back)
    flash(gettext("The report is resolved."), "success")
    return redirect(back)
