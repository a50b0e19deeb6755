"""A spreadsheet's dry run and its import run in a real worker; the page polls their progress."""

from __future__ import annotations

import sqlalchemy as sa

from mentorship.extensions import db
from mentorship.models import ImportJob, Partner
from mentorship.services import imports
from tests.factories import LeadFactory
from tests.worker.conftest import wait_until

PARTNERS = "name,description,city\nPekara Čačak,Bread and pastry,Čačak\nMlin Niš,Flour,Niš\n"


def _status(job_id: int) -> str:
    db.session.expire_all()
    return db.session.get(ImportJob, job_id).status


def test_the_dry_run_and_the_import_run_in_the_worker(redis_app, start_worker, clean_redis):
    lead = LeadFactory()
    job = imports.check_upload(lead, "partners", "partners.csv", PARTNERS.encode(), None, "en")
    assert job.status == "checking"  # the web only kept the file
    start_worker(clean_redis)
    wait_until(lambda: _status(job.id) == "checked", timeout=30)
    job = imports.get_job(job.id)
    assert job.total_rows == 2 and job.report["counts"]["created"] == 2
    imports.start_import(lead, job)
    wait_until(lambda: _status(job.id) == "done", timeout=30)
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Partner)) == 2


def test_a_file_past_the_cell_limit_is_refused_by_the_worker_in_serbian(
    redis_app, start_worker, clean_redis
):
    columns = 100
    rows = imports.MAX_CELLS // columns + 10
    wide = "name,description" + ",x" * (columns - 2) + "\n"
    wide += ("Pekara,Bread" + ",1" * (columns - 2) + "\n") * rows
    job = imports.check_upload(LeadFactory(), "partners", "wide.csv", wide.encode(), None, "sr")
    start_worker(clean_redis)
    wait_until(lambda: _status(job.id) == "failed", timeout=60)
    job = imports.get_job(job.id)
    assert "više od 1.000.000 ćelija" in job.error and job.report["refused"]
