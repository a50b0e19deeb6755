"""Reporting a problem in a mentorship, and the lead reading a reported conversation.

The pages are the shared ones (main.problem_pages); this blueprint gives them its URLs and
roles, and says where they lead: resolving takes the lead back to the mentorship's reports.
"""

from __future__ import annotations

from flask import render_template, url_for

from mentorship.main import problem_pages
from mentorship.main.helpers import role_required
from mentorship.mentorships.views import mentorships_bp
from mentorship.services.mentorships.problem_reports import REPORTS
from mentorship.services.problem_reports.overview import all_open_reports

ID = "int(max=2147483647)"


def _problems(mentorship_id: int) -> str:
    return url_for("mentorships.show", mentorship_id=mentorship_id, _anchor="problems")


PAGES = problem_pages.ReportPages(
    REPORTS, "mentorships", "mentorship_id", "messages", done=_problems, retry=_problems
)


@mentorships_bp.route(f"/<{ID}:mentorship_id>/problem-report", methods=["GET", "POST"])
@role_required("entrepreneur", "mentor")
def report_problem(mentorship_id: int):
    return problem_pages.report_problem(PAGES, mentorship_id)


@mentorships_bp.route(f"/<{ID}:mentorship_id>/reported-messages")
@role_required("lead")
def reported_messages(mentorship_id: int):
    return problem_pages.reported_messages(PAGES, mentorship_id)


@mentorships_bp.post(f"/<{ID}:mentorship_id>/problem-reports/<{ID}:report_id>/resolve")
@role_required("lead")
def resolve_problem(mentorship_id: int, report_id: int):
    return problem_pages.resolve_problem(PAGES, mentorship_id, report_id)


@mentorships_bp.route("/problem-reports")
@role_required("lead")
def problem_reports():
    """Every open report, of mentorships and partner introductions."""
    return render_template("mentorships/problem_reports.html", reports=all_open_reports())
