"""Import jobs: check an upload (the dry run), start the import, run it in the background."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from celery.exceptions import SoftTimeLimitExceeded
from flask_babel import force_locale, gettext, lazy_gettext
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import defer

from mentorship import task_names
from mentorship.extensions import db
from mentorship.i18n import BABEL_LOCALES, DEFAULT_LOCALE, supported
from mentorship.infrastructure.background import enqueue
from mentorship.models import Enrolment, ImportJob, ImportStatus, Programme, User
from mentorship.models.imports import IMPORT_KINDS
from mentorship.services import audit, invitations
from mentorship.services.errors import ConflictError, NotFoundError, PermissionDeniedError
from mentorship.services.imports.handlers import HANDLERS
from mentorship.services.imports.planning import Plan, plan_rows, report
from mentorship.services.imports.reading import FileProblem, check_file, read_table
from mentorship.services.notifications import send_pending_emails

log = logging.getLogger(__name__)
PROGRESS_EVERY = 500
CANDIDATE_KINDS = {"mentors": "mentor", "partners": "partner", "clusters": "cluster"}
TOO_SLOW = (
    "Checking the file took too long. Split it into smaller files and upload them one by one."
)
UNREADABLE = "The file could not be checked (%(error)s)."
ROLE_WORDS = {
    "mentors": lazy_gettext("a mentor"),
    "entrepreneurs": lazy_gettext("an entrepreneur in the programme"),
}


class ImportAborted(Exception):
    """The import stopped; everything it wrote is rolled back."""

    def __init__(self, message: str, rows: list[dict[str, Any]] | None = None) -> None:
        super().__init__(message)
        self.rows = rows


def _require_lead(actor: User) -> None:
    if not actor.is_lead:
        raise PermissionDeniedError("Only the programme lead imports data.")


def get_job(job_id: int) -> ImportJob:
    """The job without its file: pages poll this every second, only the import reads the upload."""
    job = db.session.get(ImportJob, job_id, options=[defer(ImportJob.content)])
    if job is None:
        raise NotFoundError("Import not found.")
    return job


def recent_jobs() -> sa.Select:
    return (
        sa.select(ImportJob)
        .options(defer(ImportJob.content))
        .order_by(ImportJob.created_at.desc(), ImportJob.id.desc())
    )


def check_upload(
    actor: User,
    kind: str,
    filename: str,
    content: bytes,
    programme_id: int | None = None,
    language: str | None = None,
) -> ImportJob:
    """Keep the file and have a worker check it (the dry run); only cheap checks run here.

    Reading a spreadsheet can take long (a small XLSX may hold millions of cells), so no web
    process does it: the page polls the job, and a refused file is explained in `language`.
    """
    _require_lead(actor)
    if kind not in IMPORT_KINDS:
        raise FileProblem("Choose what the file contains.", {"kind": ["Unknown kind."]})
    if programme_id and db.session.get(Programme, programme_id) is None:
        raise NotFoundError("Programme not found.")
    check_file(content)
    job = ImportJob(
        kind=kind,
        filename=(filename or "upload")[:255],
        content=content,
        programme_id=programme_id,
        created_by_id=actor.id,
        status=ImportStatus.CHECKING.value,
        total_rows=0,
        processed_rows=0,
        report={},
    )
    db.session.add(job)
    db.session.commit()
    enqueue(task_names.CHECK_IMPORT, job.id, language)
    db.session.refresh(job)
    return job


def check_import(job_id: int, language: str | None = None) -> str:
    """The dry run, in a worker: read the file within its limits and plan every row."""
    job = db.session.get(ImportJob, job_id)
    if job is None or job.status != ImportStatus.CHECKING.value:
        return job.status if job is not None else "missing"
    with force_locale(BABEL_LOCALES[supported(language) or DEFAULT_LOCALE]):
        try:
            table = read_table(job.content)
            programme = db.session.get(Programme, job.programme_id) if job.programme_id else None
            plan = plan_rows(job.kind, table, programme)
            checked = report(plan, table)
        except FileProblem as problem:
            db.session.rollback()
            _refuse(job_id, problem)
            return ImportStatus.FAILED.value
        except OperationalError:
            db.session.rollback()
            raise  # the database, not the file: the task retries
        except SoftTimeLimitExceeded:
            db.session.rollback()
            too_slow = gettext(
                "Checking the file took too long. Split it into smaller files and upload "
                "them one by one."
            )
            _refuse(job_id, FileProblem(too_slow))
            return ImportStatus.FAILED.value
        except Exception as error:
            # The lead must not watch "checking" forever: say it failed, keep the cause in the log.
            db.session.rollback()
            log.exception("checking import %s failed", job_id)
            unreadable = gettext(
                "The file could not be checked (%(error)s).", error=type(error).__name__
            )
            _refuse(job_id, FileProblem(unreadable))
            return ImportStatus.FAILED.value
    # The plan loaded records and may hold half-built ones; none of it may be written.
    db.session.rollback()
    job = db.session.get(ImportJob, job_id)
    job.status = ImportStatus.CHECKED.value
    job.total_rows = len(plan.rows)
    job.report = checked
    db.session.commit()
    return ImportStatus.CHECKED.value


def _refuse(job_id: int, problem: FileProblem) -> None:
    job = db.session.get(ImportJob, job_id)
    job.status = ImportStatus.FAILED.value
    job.error = problem.message[:4000]
    job.report = {"refused": True, "details": list((problem.fields or {}).get("header", []))}
    job.finished_at = datetime.now(UTC)
    db.session.commit()


def start_import(actor: User, job: ImportJob) -> ImportJob:
    _require_lead(actor)
    if job.status != ImportStatus.CHECKED.value:
        raise ConflictError("This import has already been started.")
    if job.report.get("counts", {}).get("rejected"):
        raise ConflictError(
            "Some rows are rejected. Correct them in the file and upload it again; "
            "a file is imported whole or not at all."
        )
    if not _move(job.id, ImportStatus.CHECKED, ImportStatus.QUEUED):
        raise ConflictError("This import has already been started.")
    db.session.commit()
    enqueue(task_names.RUN_IMPORT, job.id)
    db.session.refresh(job)
    return job


def _move(job_id: int, before: ImportStatus, after: ImportStatus) -> bool:
    """Change the status only if it still is `before`: of two racing requests, one wins."""
    moved = db.session.execute(
        sa.update(ImportJob)
        .where(ImportJob.id == job_id, ImportJob.status == before.value)
        .values(status=after.value),
        execution_options={"synchronize_session": False},
    )
    return moved.rowcount == 1


def job_status(job: ImportJob) -> dict[str, Any]:
    total = job.total_rows or 0
    done = total if job.status == ImportStatus.DONE.value else min(job.processed_rows or 0, total)
    return {
        "id": job.id,
        "status": job.status,
        "processed_rows": done,
        "total_rows": total,
        "percent": 100
        if total == 0 and job.status == ImportStatus.DONE.value
        else (round(100 * done / total) if total else 0),
        "error": job.error,
        "counts": (job.report or {}).get("counts", {}),
    }


def run_import(job_id: int) -> str:
    """Write the whole file in one transaction; any problem rolls all of it back and is reported."""
    job = db.session.get(ImportJob, job_id)
    if job is None:
        return "missing"
    if not _move(job_id, ImportStatus.QUEUED, ImportStatus.RUNNING):
        db.session.rollback()
        return job.status
    job.processed_rows = 0
    db.session.commit()
    kind, programme_id = job.kind, job.programme_id
    try:
        plan = _replan(job)
        _apply(job_id, plan)
        _finish(job_id, plan)
        db.session.commit()
    except Exception as error:
        db.session.rollback()
        if not isinstance(error, (ImportAborted, FileProblem)):
            log.exception("import %s failed", job_id)
        _fail(job_id, error)
        return ImportStatus.FAILED.value
    if plan.context.invited:
        send_pending_emails()
    if any(row.action in ("created", "updated") for row in plan.rows) and kind != "entrepreneurs":
        if kind in CANDIDATE_KINDS:
            # Imported candidates get their meaning vectors first (with progress on the jobs
            # page); that job then re-matches the open ideas.
            enqueue(task_names.EMBED_CANDIDATES, CANDIDATE_KINDS[kind])
        else:
            enqueue(task_names.REMATCH_OPEN_IDEAS, programme_id if kind == "ideas" else None)
    return ImportStatus.DONE.value


def _replan(job: ImportJob) -> Plan:
    """The database may have changed since the dry run, so the file is checked again."""
    programme = db.session.get(Programme, job.programme_id) if job.programme_id else None
    plan = plan_rows(job.kind, read_table(job.content), programme)
    if plan.rejected:
        rows = ", ".join(str(row.row) for row in plan.rows if row.action == "rejected")
        raise ImportAborted(
            f"Nothing was imported: the data changed since the check and these rows "
            f"are now rejected: {rows[:500]}.",
            [row.as_report() for row in plan.rows],
        )
    return plan


def _apply(job_id: int, plan: Plan) -> None:
    handler = HANDLERS[plan.kind]
    first = 1
    for index, row in enumerate(plan.rows, start=1):
        if row.action in ("created", "updated"):
            try:
                handler.apply(row.values, row.target, plan.context)
            except Exception as error:
                raise ImportAborted(
                    f"Nothing was imported: row {row.row} could not be written "
                    f"({type(error).__name__}: {error})."
                ) from error
        if index % PROGRESS_EVERY == 0 or index == len(plan.rows):
            _flush(plan, first, index)
            first = index + 1
            _progress(job_id, index)


def _flush(plan: Plan, first: int, last: int) -> None:
    try:
        db.session.flush()
    except Exception as error:
        rows = f"rows {plan.rows[first - 1].row}–{plan.rows[last - 1].row}"
        raise ImportAborted(
            f"Nothing was imported: {rows} could not be written "
            f"({type(error).__name__}: {str(error).splitlines()[0][:300]})."
        ) from error


def _progress(job_id: int, done: int) -> None:
    """Progress goes through its own connection so the page sees it before the import commits.
    SQLite allows one writer, so there it is reported only at the end."""
    if db.engine.dialect.name == "sqlite":
        return
    try:
        with db.engine.begin() as connection:
            connection.execute(
                sa.update(ImportJob.__table__)
                .where(ImportJob.__table__.c.id == job_id)
                .values(processed_rows=done)
            )
    except Exception:
        log.warning("could not record progress of import %s", job_id, exc_info=True)


def _finish(job_id: int, plan: Plan) -> None:
    context = plan.context
    if context.programme is not None:
        for user in {user.id: user for user in context.to_enrol}.values():
            db.session.add(Enrolment(programme_id=context.programme.id, user_id=user.id))
    for user in context.invited:
        invitations.invite(user, ROLE_WORDS[plan.kind])
    job = db.session.get(ImportJob, job_id)
    job.status = ImportStatus.DONE.value
    job.processed_rows = len(plan.rows)
    job.finished_at = datetime.now(UTC)
    job.error = None
    job.report = {
        **job.report,
        "rows": [row.as_report() for row in plan.rows],
        "counts": plan.counts,
    }
    actor = db.session.get(User, job.created_by_id) if job.created_by_id else None
    audit.record(
        actor,
        "import.run",
        "import",
        job_id,
        after=job.status,
        details={
            "kind": plan.kind,
            "filename": job.filename,
            "counts": plan.counts,
            "programme_id": job.programme_id,
        },
    )


def _fail(job_id: int, error: Exception) -> None:
    try:
        job = db.session.get(ImportJob, job_id)
        job.status = ImportStatus.FAILED.value
        job.error = (str(error) or type(error).__name__)[:4000]
        job.finished_at = datetime.now(UTC)
        rows = getattr(error, "rows", None)
        if rows is not None:
            counts = {
                action: sum(row["action"] == action for row in rows)
                for action in ("created", "updated", "unchanged", "rejected")
            }
            job.report = {**job.report, "rows": rows, "counts": counts}
        db.session.commit()
    except Exception:
        db.session.rollback()
        log.exception("could not record the failure of import %s", job_id)
