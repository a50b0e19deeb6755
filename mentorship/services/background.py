"""Starts background work by task name: Celery when REDIS_URL is set, in-process otherwise.

Services call `enqueue` only after their transaction committed, so a worker never looks for a
row that is not there yet. Tasks are looked up by name so the web never imports the worker.
"""

from __future__ import annotations

import logging
from typing import Any

from flask import current_app

log = logging.getLogger(__name__)


def enqueue(task_name: str, *args: Any) -> None:
    from worker.celery_app import celery_app

    task = celery_app.tasks[task_name]
    if current_app.config.get("REDIS_URL") and not current_app.config.get("RUN_TASKS_INLINE"):
        try:
            task.delay(*args)
        except Exception:
            # The periodic sweep re-enqueues ideas left waiting, so an outage loses nothing.
            log.exception("could not enqueue %s%r; the sweep will retry", task_name, args)
        return
    task.apply(args=args, throw=False)
