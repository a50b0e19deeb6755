"""Background tasks: ids in, service calls out. Retries cover transient database errors.

The services are imported inside each task so that loading the web app does not load scikit-learn.
"""

from __future__ import annotations

from celery import shared_task
from sqlalchemy.exc import OperationalError

RETRY = {
    "autoretry_for": (OperationalError,),
    "retry_backoff": 2,
    "retry_backoff_max": 60,
    "retry_jitter": True,
    "max_retries": 5,
}


@shared_task(name="worker.tasks.match_idea", **RETRY)
def match_idea(idea_id: int) -> str:
    """Rank one idea and store its proposals; re-running replaces only untouched proposals."""
    from mentorship.services import matching

    return matching.match_idea(idea_id)


@shared_task(name="worker.tasks.rematch_open_ideas", **RETRY)
def rematch_open_ideas(programme_id: int | None = None) -> int:
    from mentorship.services import matching

    return matching.rematch_open_ideas(programme_id)


@shared_task(name="worker.tasks.rebuild_index", **RETRY)
def rebuild_index() -> int:
    from mentorship.services import matching

    return matching.rebuild_index()


@shared_task(name="worker.tasks.refresh_candidate", **RETRY)
def refresh_candidate(kind: str, candidate_id: int) -> int:
    """A candidate joined or changed: sync the index, then re-match the open ideas."""
    from mentorship.services import matching

    return matching.candidate_changed(kind, candidate_id)


@shared_task(name="worker.tasks.remove_candidate", **RETRY)
def remove_candidate(kind: str, candidate_id: int) -> int:
    from mentorship.services import matching

    return matching.candidate_changed(kind, candidate_id)


@shared_task(name="worker.tasks.sweep_stale_ideas", **RETRY)
def sweep_stale_ideas() -> int:
    """Re-enqueue ideas left waiting too long (a crashed worker or a broker outage)."""
    from mentorship.services import matching

    return matching.sweep_stale_ideas()


@shared_task(name="worker.tasks.send_outbox", **RETRY)
def send_outbox() -> int:
    """Deliver queued e-mails; failures stay on their rows and are retried by the next run."""
    from mentorship.services import notifications

    return notifications.deliver_outbox()


@shared_task(name="worker.tasks.send_digests", **RETRY)
def send_digests() -> int:
    """Queue the mentors' daily digests that are due; each mentor gets at most one a day."""
    from mentorship.services import digests

    return digests.send_digests()


@shared_task(name="worker.tasks.run_import", **RETRY)
def run_import(job_id: int) -> str:
    """Import a checked spreadsheet in one transaction; a failure rolls all of it back."""
    from mentorship.services.imports import run_import as run

    return run(job_id)
