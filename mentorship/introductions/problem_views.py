"""Partner introduction threads as the lead sees them, and reporting a problem in one.

The lead's message-flow page lists partner introductions with how many messages flow and when,
never their text. The problem-report pages are the shared ones (main.problem_pages); this
blueprint gives them its URLs and roles: resolving takes the lead back to the message flow, or
to the reported thread when the report is still open.
"""

from __future__ import annotations

from flask import render_template, request, url_for

from mentorship.infrastructure.pagination import page_args
from mentorship.introductions.views import ID, SIDES, introductions_bp
from mentorship.main import problem_pages
from mentorship.main.helpers import role_required
from mentorship.services.partnerships import flow
from mentorship.services.partnerships.problem_reports import REPORTS

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


PAGES = problem_pages.ReportPages(
    REPORTS,
    "introductions",
    "match_id",
    "thread",
    done=lambda match_id: url_for("introductions.message_flow"),
    retry=lambda match_id: url_for("introductions.reported_messages", match_id=match_id),
)


@introductions_bp.route(f"/<{ID}:match_id>/problem-report", methods=["GET", "POST"])
@role_required(*SIDES)
def report_problem(match_id: int):
    return problem_pages.report_problem(PAGES, match_id)


@introductions_bp.route(f"/<{ID}:match_id>/reported-messages")
@role_required("lead")
def reported_messages(match_id: int):
    return problem_pages.reported_messages(PAGES, match_id)


@introductions_bp.post(f"/<{ID}:match_id>/problem-reports/<{ID}:report_id>/resolve")
@role_required("lead")
def resolve_problem(match_id: int, report_id: int):
    return problem_pages.resolve_problem(PAGES, match_id, report_id)
