"""The Celery app of one Flask app, made the way Flask's own `examples/celery` makes it.

`celery_init_app` builds a fresh Celery app for every Flask app (so a reconfigured test app never
publishes to an old broker) and keeps it in `app.extensions["celery"]`. Tasks are declared with
`@shared_task` in the modules named in `include` and never import the Flask app: the task class
enters this app's context, and runs the task under its background job's lease when it has one.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from celery import Celery, Task
from flask import Flask, current_app, has_app_context

from mentorship import task_names

# The modules that declare the tasks; Celery loads them (the worker on start, the embedded app
# before it runs its first task), so no module of the web app imports them.
TASK_MODULES = ["worker.tasks"]
# The keyword argument that carries a task's background job id; the task itself never sees it.
JOB_KWARG = "_job"


def celery_init_app(app: Flask) -> Celery:
    class FlaskTask(Task):
        def __call__(self, *args: Any, **kwargs: Any) -> Any:
            job_id = kwargs.pop(JOB_KWARG, None)
            if has_app_context() and current_app._get_current_object() is app:
                # Embedded mode runs the task inside the request's app context.
                return self.run(*args, **kwargs)
            with app.app_context():
                if job_id is None:
                    return self.run(*args, **kwargs)
                from mentorship.infrastructure.job_runs import run_claimed

                return run_claimed(job_id, self.run, args, kwargs)

    celery_app = Celery(app.import_name, task_cls=FlaskTask, include=TASK_MODULES)
    celery_app.config_from_object(celery_config(app))
    celery_app.set_default()
    app.extensions["celery"] = celery_app
    return celery_app


def celery_config(app: Flask) -> dict[str, Any]:
    redis_url = app.config.get("REDIS_URL")
    return {
        "broker_url": redis_url or "memory://",
        # No result store: nothing waits for a task's return value (jobs keep their own status),
        # and a result listener that gave up reconnecting after an outage would stop publishing.
        "result_backend": None,
        "task_serializer": "json",
        "result_serializer": "json",
        "accept_content": ["json"],
        "task_acks_late": True,
        "task_reject_on_worker_lost": True,
        "worker_prefetch_multiplier": 1,
        "task_ignore_result": True,
        "timezone": "UTC",
        "broker_connection_retry_on_startup": True,
        # A worker reconnects after a broker outage of any length, never gives up and exits.
        "broker_connection_max_retries": None,
        "broker_connection_timeout": 2,
        "broker_transport_options": {
            "visibility_timeout": app.config["BROKER_VISIBILITY_TIMEOUT"],
            "unacked_restore_interval": app.config["BROKER_RESTORE_INTERVAL"],
            "unacked_restore_throttle": 1,
            "socket_connect_timeout": 2,
            "socket_timeout": 10,
        },
        "task_publish_retry_policy": {"max_retries": 1, "interval_start": 0, "interval_step": 0.5},
        "beat_schedule": beat_schedule(app),
    }


def beat_schedule(app: Flask) -> dict[str, dict[str, Any]]:
    every = app.config["RECOVERY_INTERVAL_SECONDS"]
    return {
        "recover-work": {
            "task": task_names.RECOVER_WORK,
            "schedule": timedelta(seconds=every),
            # A sweep nobody ran in time is dropped: the next one does the same work.
            "options": {"expires": every},
        },
        "send-outbox": {"task": task_names.SEND_OUTBOX, "schedule": timedelta(minutes=1)},
        "send-digests": {"task": task_names.SEND_DIGESTS, "schedule": timedelta(minutes=15)},
        "send-mentorship-nudges": {
            "task": task_names.SEND_MENTORSHIP_NUDGES,
            "schedule": timedelta(hours=6),
        },
    }
