"""The problem-report pages, once for every kind of reported thread.

Each blueprint keeps its own URLs and roles, and hands these views a `ReportPages`: its workflow
(services.problem_reports) and where each page leads. A member reports on a short form (CSRF
token); while a report is open the lead reads the thread read-only, each reading audited; once
every report is resolved that page says so on the list of reports, and in a thread never
reported it is a 404; she resolves a report with an optional note.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext
from flask_login import current_user

from mentorship.main.helpers import ConfirmForm
from mentorship.models.problem_reports import REASON_MAX, RESOLUTION_NOTE_MAX
from mentorship.services.errors import (
    NotFoundError,
    PermissionDeniedError,
    ServiceError,
    ValidationFailedError,
)
from mentorship.services.problem_reports.workflow import ProblemReports, ReportResolvedError


@dataclass(frozen=True)
class ReportPages:
    """What differs between the blueprints: the endpoints' blueprint and id, where the member's
    thread is on its page, and where the lead goes when she resolved a report (`done`) or must
    try again (`retry`: the report is still open)."""

    reports: ProblemReports
    blueprint: str
    id_name: str
    thread_anchor: str
    done: Callable[[int], str]
    retry: Callable[[int], str]

    def url(self, endpoint: str, subject_id: int, **values: Any) -> str:
        return url_for(f"{self.blueprint}.{endpoint}", **{self.id_name: subject_id}, **values)


def _texts(error: ServiceError) -> list[str]:
    return [text for texts in (error.fields or {}).values() for text in texts]


def report_problem(pages: ReportPages, subject_id: int):
    thread = pages.reports.thread
    try:
        subject = thread.get_reportable(current_user, subject_id)
    except (NotFoundError, PermissionDeniedError):
        abort(404)
    form = ConfirmForm()
    reason, errors = "", []
    if request.method == "POST":
        reason = request.form.get("reason", "")
        if not form.validate_on_submit():
            errors = [gettext("The form expired; please try again.")]
        else:
            try:
                pages.reports.report_problem(current_user, subject_id, request.form.to_dict())
            except NotFoundError:
                abort(404)
            except ServiceError as error:
                errors = _texts(error) or [error.message]
            else:
                flash(
                    gettext(
                        "Your report is sent. The programme lead can now read this conversation "
                        "until the problem is resolved."
                    ),
                    "success",
                )
                return redirect(pages.url("show", subject_id, _anchor=pages.thread_anchor))
    page = render_template(
        "problem_reports/report_problem.html",
        kind=thread.kind,
        subject=subject,
        others=[member for member in thread.members(subject) if member.id != current_user.id],
        back_url=pages.url("show", subject_id),
        action_url=pages.url("report_problem", subject_id),
        existing=pages.reports.my_open_report(current_user, subject),
        reason=reason,
        errors=errors,
        reason_max=REASON_MAX,
        form=form,
    )
    return page, 422 if errors else 200


def reported_messages(pages: ReportPages, subject_id: int):
    try:
        subject, open_reports, thread = pages.reports.read_reported_messages(
            current_user, subject_id, via="web"
        )
    except ReportResolvedError:
        # Her link (a notice, the list) outlived the report: say why, rather than "not found".
        flash(gettext("This report was resolved; the conversation is private again."), "info")
        return redirect(url_for("mentorships.problem_reports"))
    except (NotFoundError, PermissionDeniedError):
        abort(404)
    return render_template(
        "problem_reports/reported_messages.html",
        kind=pages.reports.thread.kind,
        subject=subject,
        label=pages.reports.thread.label(subject),
        reports=open_reports,
        messages=thread,
        resolve_url=lambda report: pages.url("resolve_problem", subject_id, report_id=report.id),
        note_max=RESOLUTION_NOTE_MAX,
        form=ConfirmForm(),
    )


def resolve_problem(pages: ReportPages, subject_id: int, report_id: int):
    if not ConfirmForm().validate_on_submit():
        flash(gettext("The form expired; please try again."), "error")
        return redirect(pages.retry(subject_id))
    try:
        pages.reports.resolve_report(current_user, subject_id, report_id, request.form.to_dict())
    except NotFoundError:
        abort(404)
    except ServiceError as error:
        flash(" ".join(_texts(error)) or error.message, "error")
        # A bad note leaves the report open: back to it. A conflict: it is done already.
        back = pages.retry if isinstance(error, ValidationFailedError) else pages.done
        return redirect(back(subject_id))
    flash(gettext("The report is resolved."), "success")
    return redirect(pages.done(subject_id))
