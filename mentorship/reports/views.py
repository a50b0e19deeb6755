"""The lead's dashboard page and the CSV download of each of its tables."""

from __future__ import annotations

from flask import Blueprint, Response, abort, render_template, request

from mentorship.main.helpers import role_required
from mentorship.main.programme_filter import programme_for_download, programme_for_page
from mentorship.reports import builders
from mentorship.reports.page import reports_html
from mentorship.services import programmes as programme_service

reports_bp = Blueprint("dashboard", __name__, url_prefix="/lead/dashboard")


@reports_bp.route("")
@role_required("lead")
def index():
    programme = programme_for_page(request.args.get("programme"))
    return render_template(
        "reports/index.html",
        reports_html=reports_html(programme),
        programmes=programme_service.all_programmes(),
        programme=programme,
    )


@reports_bp.route("/<slug>.csv")
@role_required("lead")
def download_csv(slug: str):
    build = builders.REPORTS.get(slug)
    if build is None:
        abort(404)
    programme = programme_for_download(request.args.get("programme"))
    report = build(programme.id if programme else None)
    filename = f"{slug}-programme-{programme.id}.csv" if programme else f"{slug}.csv"
    return Response(
        # The byte-order mark tells spreadsheet programs the file is UTF-8 (Serbian names).
        "\ufeff" + builders.table_csv(report.table),
        mimetype="text/csv",
        headers={
            "Content-Disposition": f'attachment; filename="{filename}"',
            "Cache-Control": "no-store",
        },
    )
