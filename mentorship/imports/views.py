"""Spreadsheet import: upload, dry-run report, background import with progress, templates."""

from __future__ import annotations

from flask import (
    Blueprint,
    Response,
    abort,
    flash,
    jsonify,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import format_decimal, gettext
from flask_login import current_user
from werkzeug.datastructures import ImmutableMultiDict

from mentorship.extensions import csrf
from mentorship.i18n import current_language
from mentorship.imports.forms import UploadForm
from mentorship.infrastructure.pagination import page_args, page_of, paginate
from mentorship.infrastructure.spreadsheets import FORMATS
from mentorship.main.helpers import ConfirmForm, option, role_required
from mentorship.main.ids import parse_id
from mentorship.services import imports as import_service
from mentorship.services import programmes
from mentorship.services.errors import ServiceError
from mentorship.services.imports.columns import KINDS
from mentorship.services.imports.templates import template_file

imports_bp = Blueprint("imports", __name__, url_prefix="/lead/imports")

# Room for the form fields and multipart boundaries around the largest accepted file.
UPLOAD_OVERHEAD = 64 * 1024
REPORT_PER_PAGE = 100
SHOWN_ACTIONS = ("rejected", "created", "updated", "unchanged")
LIMIT_MB = import_service.MAX_IMPORT_BYTES // 1024 // 1024


def _upload_form(read_request: bool = True) -> UploadForm:
    """`read_request=False` for a body too large to read: the form then starts empty."""
    form = UploadForm() if read_request else UploadForm(formdata=None)
    form.programme.choices = [
        option("", gettext("No programme")),
        *(option(str(programme.id), programme.name) for programme in programmes.all_programmes()),
    ]
    return form


def _index_page(
    form: UploadForm, problem: str | None = None, fields: list[str] | None = None, status: int = 200
):
    recent = paginate(import_service.recent_jobs(), 1, 10)
    return render_template(
        "imports/index.html",
        form=form,
        kinds=KINDS,
        problem=problem,
        problem_details=fields or [],
        recent=recent.items,
        limit_mb=LIMIT_MB,
        max_rows=import_service.MAX_ROWS,
    ), status


@imports_bp.route("", methods=["GET"])
@role_required("lead")
def index():
    return _index_page(_upload_form())


@imports_bp.route("", methods=["POST"])
@csrf.exempt
@role_required("lead")
def upload():
    """The global 1 MB body limit is raised for this route only, before anything reads the body."""
    limit = import_service.MAX_IMPORT_BYTES + UPLOAD_OVERHEAD
    if request.content_length is not None and request.content_length > limit:
        _discard_body()
        return _index_page(
            _upload_form(read_request=False), _too_large(request.content_length), status=413
        )
    request.max_content_length = limit
    csrf.protect()
    form = _upload_form()
    if not form.validate_on_submit():
        return _index_page(
            form, gettext("Please choose what the file contains and a file to upload."), status=400
        )
    upload_file = form.file.data
    if upload_file is None or not getattr(upload_file, "filename", ""):
        return _index_page(form, gettext("Please choose a file to upload."), status=400)
    content = upload_file.read(limit + 1)
    if len(content) > import_service.MAX_IMPORT_BYTES:
        return _index_page(form, _too_large(len(content)), status=413)
    programme_id = parse_id(form.programme.data)
    try:
        job = import_service.check_upload(
            current_user,
            form.kind.data,
            upload_file.filename,
            content,
            programme_id,
            current_language(),
        )
    except import_service.FileProblem as problem:
        details = (problem.fields or {}).get("header", [])
        return _index_page(form, f"{upload_file.filename}: {problem.message}", details, status=422)
    except ServiceError as error:
        return _index_page(form, error.message, status=error.status)
    return redirect(url_for("imports.show", job_id=job.id))


def _discard_body() -> None:
    """Too large to read: mark the form as parsed and empty, so nothing on the page reads the body."""
    request.__dict__.update(form=ImmutableMultiDict(), files=ImmutableMultiDict())


def _too_large(size: int) -> str:
    return gettext(
        "The file is too large (%(size)s MB). Imports take files up to %(limit)d MB; "
        "split it into smaller files.",
        size=format_decimal(size / 1024 / 1024, "0.0"),
        limit=LIMIT_MB,
    )


@imports_bp.route("/<int:job_id>")
@role_required("lead")
def show(job_id: int):
    job = import_service.get_job(job_id)
    show_action = request.args.get("show", "")
    show_action = show_action if show_action in SHOWN_ACTIONS else ""
    rows = (job.report or {}).get("rows", [])
    if show_action:
        rows = [row for row in rows if row["action"] == show_action]
    else:
        order = {action: index for index, action in enumerate(SHOWN_ACTIONS)}
        rows = sorted(rows, key=lambda row: (order.get(row["action"], 9), row["row"]))
    page, per_page = page_args(request.args, REPORT_PER_PAGE)
    report_page = page_of(rows, page, per_page)
    return render_template(
        "imports/show.html",
        job=job,
        spec=KINDS[job.kind],
        page=report_page,
        show=show_action,
        status=import_service.job_status(job),
        form=ConfirmForm(),
        programme=programmes.get_programme(job.programme_id) if job.programme_id else None,
    )


@imports_bp.route("/<int:job_id>/run", methods=["POST"])
@role_required("lead")
def run(job_id: int):
    job = import_service.get_job(job_id)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    try:
        import_service.start_import(current_user, job)
    except ServiceError as error:
        flash(error.message, "info")
    return redirect(url_for("imports.show", job_id=job.id))


@imports_bp.route("/<int:job_id>/status")
@role_required("lead")
def status(job_id: int):
    """Polled by the progress bar while the import runs."""
    response = jsonify(import_service.job_status(import_service.get_job(job_id)))
    response.headers["Cache-Control"] = "no-store"
    return response


@imports_bp.route(
    "/templates/<any(mentors, partners, clusters, entrepreneurs, ideas):kind>.<any(csv, xlsx):file_format>"
)
@role_required("lead")
def template(kind: str, file_format: str):
    return Response(
        template_file(kind, file_format),
        mimetype=FORMATS[file_format],
        headers={
            "Content-Disposition": f'attachment; filename="{kind}-template.{file_format}"',
        },
    )
