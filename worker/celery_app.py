"""The Celery app, configured from the Flask config; tasks run inside the Flask app context."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from celery import Celery, Task
from flask import Flask, has_app_context


class FlaskTask(Task):
    """Runs every task inside an app context, building the Flask app once per worker process."""

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        if has_app_context():
            return self.run(*args, **kwargs)
        with flask_app().app_context():
            return self.run(*args, **kwargs)


celery_app = Celery("mentorship", task_cls=FlaskTask)
celery_app.conf.update(
    task_serializer="json",
    result_serializer="json",
    accept_content=["json"],
    task_acks_late=True,
    task_reject_on_worker_lost=True,
    worker_prefetch_multiplier=1,
    task_ignore_result=True,
    broker_connection_retry_on_startup=True,
    timezone="UTC",
    beat_schedule={
        "sweep-stale-ideas": {
            "task": "worker.tasks.sweep_stale_ideas",
            "schedule": timedelta(minutes=1),
        },
        "send-outbox": {"task": "worker.tasks.send_outbox", "schedule": timedelta(minutes=1)},
        "send-digests": {"task": "worker.tasks.send_digests", "schedule": timedelta(minutes=15)},
    },
)
_flask_app: Flask | None = None


def flask_app() -> Flask:
    global _flask_app
    if _flask_app is None:
        from mentorship import create_app

        _flask_app = create_app()
    return _flask_app


def celery_init_app(app: Flask) -> Celery:
    """Point the Celery app at this Flask app's Redis (or nothing, in embedded mode)."""
    global _flask_app
    _flask_app = app
    redis_url = app.config.get("REDIS_URL")
    if celery_app.conf.broker_url != (redis_url or "memory://"):
        _drop_connection_pools()
    celery_app.conf.update(
        broker_url=redis_url or "memory://",
        result_backend=redis_url or None,
        broker_transport_options={
            "visibility_timeout": app.config["BROKER_VISIBILITY_TIMEOUT"],
            # Sweep for tasks of dead workers about every BROKER_RESTORE_INTERVAL seconds.
            "unacked_restore_interval": app.config["BROKER_RESTORE_INTERVAL"],
            "unacked_restore_throttle": 1,
            "socket_connect_timeout": 2,
            "socket_timeout": 10,
        },
        broker_connection_timeout=2,
        task_publish_retry_policy={"max_retries": 2, "interval_start": 0, "interval_step": 0.5},
    )
    import worker.tasks  # noqa: F401  (registers the tasks by name)

    app.extensions["celery"] = celery_app
    return celery_app


def _drop_connection_pools() -> None:
    """Pools are built from the first broker URL; a reconfigured app must not publish to the old one."""
    if celery_app._pool is not None:
        celery_app._pool.force_close_all()
        celery_app._pool = None
    amqp = celery_app.__dict__.get("amqp")
    if amqp is not None:
        amqp._producer_pool = None
