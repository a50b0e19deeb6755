"""CSV and XLSX downloads for the lead, each optionally narrowed to one programme."""

from __future__ import annotations

from datetime import date

from flask import Blueprint, Response, render_template, request
from flask_login import current_user

from mentorship.infrastructure.spreadsheets import FORMATS
from mentorship.main.helpers import role_required
from mentorship.main.programme_filter import programme_for_download, programme_for_page
from mentorship.queries.exports import EXPORTS, export_file
from mentorship.services import programmes

exports_bp = Blueprint("exports", __name__, url_prefix="/lead/exports")


def _id(programme) -> int | None:
    return programme.id if programme else None


@exports_bp.route("")
@role_required("lead")
def index():
    return render_template(
        "exports/index.html",
        exports=EXPORTS,
        programmes=programmes.all_programmes(),
        programme_id=_id(programme_for_page(request.args.get("programme"))),
    )


@exports_bp.route("/<any(pairings, ideas, 'mentor-load', audit):name>.<any(csv, xlsx):file_format>")
@role_required("lead")
def download(name: str, file_format: str):
    programme_id = _id(programme_for_download(request.args.get("programme")))
    content = export_file(current_user, name, file_format, programme_id)
    suffix = f"-programme-{programme_id}" if programme_id else ""
    filename = f"{name}{suffix}-{date.today().isoformat()}.{file_format}"
    return Response(
        content,
        # content_type, not mimetype: Flask would add a second charset to "text/csv; charset=utf-8".
        content_type=FORMATS[file_format],
        headers={
            "Content-Disposition": f'attachment; filename="{filename}"',
            "Cache-Control": "no-store",
        },
    )
