"""Reporting a problem in a mentorship, and the lead reading a reported conversation.

A member reports on her own page (a short form with its CSRF token). While a report is open the
lead may read the pair's thread, read-only, each reading recorded in the audit trail; without an
open report that page is a 404. The lead resolves a report with an optional note.
"""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext
from flask_login import current_user

from mentorship.main.helpers import role_required
from mentorship.mentorships.forms import MentorshipActionForm
from mentorship.mentorships.views import mentorships_bp
from mentorship.models.problem_reports import REASON_MAX, RESOLUTION_NOTE_MAX
from mentorship.services.errors import NotFoundError, PermissionDeniedError, ServiceError
from mentorship.services.mentorships import access
from mentorship.services.mentorships import problem_reports as reports

ID = "int(max=2147483647)"


def _member_mentorship(mentorship_id: int):
    try:
        mentorship = access.get_mentorship(current_user, mentorship_id)
    except NotFoundError:
        abort(404)
    if current_user.id not in mentorship.member_ids():
        abort(404)
    return mentorship


@mentorships_bp.route(f"/<{ID}:mentorship_id>/problem-report", methods=["GET", "POST"])
@role_required("entrepreneur", "mentor")
def report_problem(mentorship_id: int):
    mentorship = _member_mentorship(mentorship_id)
    form = MentorshipActionForm()
    reason, errors = "", []
    if request.method == "POST":
        reason = request.form.get("reason", "")
        if not form.validate_on_submit():
            errors = [gettext("The form expired; please try again.")]
        else:
            try:
                reports.report_problem(current_user, mentorship_id, request.form.to_dict())
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
                return redirect(
                    url_for("mentorships.show", mentorship_id=mentorship_id, _anchor="messages")
                )
    page = render_template(
        "mentorships/report_problem.html",
        mentorship=mentorship,
        other=access.other_member(mentorship, current_user),
        existing=reports.my_open_report(current_user, mentorship),
        reason=reason,
        errors=errors,
        reason_max=REASON_MAX,
        form=form,
    )
    return page, 422 if errors else 200


@mentorships_bp.route(f"/<{ID}:mentorship_id>/reported-messages")
@role_required("lead")
def reported_messages(mentorship_id: int):
    try:
        mentorship, open_reports, thread = reports.read_reported_messages(
            current_user, mentorship_id, via="web"
        )
    except (NotFoundError, PermissionDeniedError):
        abort(404)
    return render_template(
        "mentorships/reported_messages.html",
        mentorship=mentorship,
        reports=open_reports,
        messages=thread,
        note_max=RESOLUTION_NOTE_MAX,
        form=MentorshipActionForm(),
    )


@mentorships_bp.post(f"/<{ID}:mentorship_id>/problem-reports/<{ID}:report_id>/resolve")
@role_required("lead")
def resolve_problem(mentorship_id: int, report_id: int):
    back = url_for("mentorships.show", mentorship_id=mentorship_id, _anchor="problems")
    if not MentorshipActionForm().validate_on_submit():
        flash(gettext("The form expired; please try again."), "error")
        return redirect(back)
    try:
        reports.resolve_report(current_user, mentorship_id, report_id, request.form.to_dict())
    except NotFoundError:
        abort(404)
    except ServiceError as error:
        texts = [t for texts in (error.fields or {}).values() for t in texts]
        flash(" ".join(texts) or error.message, "error")
        return redirect(back)
    flash(gettext("The report is resolved."), "success")
    return redirect(back)


@mentorships_bp.route("/problem-reports")
@role_required("lead")
def problem_reports():
    return render_template("mentorships/problem_reports.html", reports=reports.all_open_reports())
