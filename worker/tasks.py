"""Background tasks: ids in, service calls out. Retries cover transient database errors.

Tasks never import the Flask app: the task class of `mentorship.tasks_runtime` runs each one in
its app's context. Services are imported inside each task so that loading the web app (which
registers these tasks by name) does not load scikit-learn.
"""

from __future__ import annotations

from celery import shared_task
from sqlalchemy.exc import OperationalError

from mentorship import task_names

RETRY = {
    "autoretry_for": (OperationalError,),
    "retry_backoff": 2,
    "retry_backoff_max": 60,
    "retry_jitter": True,
    "max_retries": 5,
}
# A spreadsheet import or its dry run stops here at the latest, and is reported as failed.
IMPORT_TIME_LIMIT = {"soft_time_limit": 300, "time_limit": 330}


@shared_task(name=task_names.MATCH_IDEA, **RETRY)
def match_idea(idea_id: int) -> str:
    """Rank one idea and store its proposals; re-running replaces only untouched proposals."""
    from mentorship.services import matching

    return matching.match_idea(idea_id)


@shared_task(name=task_names.REMATCH_OPEN_IDEAS, **RETRY)
def rematch_open_ideas(programme_id: int | None = None) -> int:
    from mentorship.services import matching

    return matching.rematch_open_ideas(programme_id)


@shared_task(name=task_names.EMBED_CANDIDATES, **RETRY)
def embed_candidates(kind: str | None = None) -> int:
    """Compute the meaning vectors imported or changed candidates lack, then re-match."""
    from mentorship.infrastructure import embeddings

    return embeddings.embed_pending(kind)


@shared_task(name=task_names.REBUILD_INDEX, **RETRY)
def rebuild_index() -> int:
    from mentorship.services import matching

    return matching.rebuild_index()


def candidate_changed(kind: str, candidate_id: int) -> int:
    """A candidate joined, changed or left: sync the index, then re-match the open ideas."""
    from mentorship.services import matching

    return matching.candidate_changed(kind, candidate_id)


for _name in (task_names.CANDIDATE_CHANGED, *task_names.CANDIDATE_CHANGED_ALIASES):
    shared_task(name=_name, **RETRY)(candidate_changed)


def recover_work() -> dict[str, int]:
    """Publish work the broker missed, re-run work of dead workers, re-queue waiting ideas."""
    from mentorship.infrastructure import recovery

    return recovery.recover_work()


for _name in (task_names.RECOVER_WORK, *task_names.RECOVER_WORK_ALIASES):
    shared_task(name=_name, **RETRY)(recover_work)


@shared_task(name=task_names.SEND_OUTBOX, **RETRY)
def send_outbox() -> int:
    """Deliver queued e-mails; failures stay on their rows and are retried by the next run."""
    from mentorship.services import notifications

    return notifications.deliver_outbox()


@shared_task(name=task_names.SEND_DIGESTS, **RETRY)
def send_digests() -> int:
    """Queue the mentors' daily digests that are due; each mentor gets at most one a day."""
    from mentorship.services import digests

    return digests.send_digests()


@shared_task(name=task_names.SEND_MENTORSHIP_NUDGES, **RETRY)
def send_mentorship_nudges() -> int:
    """Remind mentorship pairs of a missing session or a due check-in; each reminder once."""
    from mentorship.services.mentorships.nudges import send_nudges

    return send_nudges()


@shared_task(name=task_names.CHECK_IMPORT, **RETRY, **IMPORT_TIME_LIMIT)
def check_import(job_id: int, locale: str | None = None) -> str:
    """The dry run of an uploaded spreadsheet, within the limits on its size."""
    from mentorship.services.imports import check_import as check

    return check(job_id, locale)


@shared_task(name=task_names.RUN_IMPORT, **RETRY, **IMPORT_TIME_LIMIT)
def run_import(job_id: int) -> str:
    """Import a checked spreadsheet in one transaction; a failure rolls all of it back."""
    from mentorship.services.imports import run_import as run

    return run(job_id)
