"""Background jobs: the lead follows bulk re-matches (queued, running with progress, done, failed)."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext
from flask_login import current_user

from mentorship.infrastructure.pagination import page_args, paginate
from mentorship.main.helpers import ConfirmForm, role_required
from mentorship.services import jobs

jobs_bp = Blueprint("jobs", __name__, url_prefix="/lead/jobs")
PER_PAGE = 20
# While a job is queued or running, the page reloads itself this often (seconds).
REFRESH_SECONDS = 3


@jobs_bp.route("")
@role_required("lead")
def index():
    page, per_page = page_args(request.args, PER_PAGE)
    found = paginate(jobs.recent_jobs(), page, per_page)
    return render_template(
        "jobs/index.html",
        page=found,
        rows=[jobs.job_view(job) for job in found.items],
        refresh=REFRESH_SECONDS if jobs.any_open(found.items) else None,
        form=ConfirmForm(),
    )


@jobs_bp.route("/rematch", methods=["POST"])
@role_required("lead")
def rematch():
    if not ConfirmForm().validate_on_submit():
        abort(400)
    jobs.start_rematch(current_user)
    flash(gettext("The re-match of all open ideas has started; this page follows it."), "success")
    return redirect(url_for("jobs.index"))
