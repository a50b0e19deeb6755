"""How a request hands queued mail to embedded mode's runner thread, without importing the runner.

The runner (infrastructure.embedded_runner) sends digests, which send notifications; notifications
only need to wake it. Keeping the wake-up here is what keeps those imports from forming a cycle.
"""

from __future__ import annotations

from flask import current_app, has_request_context

EXTENSION = "embedded_runner"


def wake_runner() -> bool:
    """Hand the outbox to the running runner; False when it is not there (CLI, tests, Celery)."""
    runner = current_app.extensions.get(EXTENSION)
    if runner is None or not runner.running or not has_request_context():
        return False
    runner.wake()
    return True
