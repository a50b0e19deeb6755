"""Embedded mode's stand-in for Celery beat: one thread that sends the outbox and the digests.

Without REDIS_URL there is no worker and no beat, so e-mail used to leave only when someone acted,
fifty at a time. The served app (not the CLI, not the tests unless they ask) starts this thread
on its first request. It delivers the whole outbox and any due mentor digests every
EMBEDDED_RUNNER_INTERVAL seconds (default 60), and at once when a request queued mail: the
request only wakes it, so nobody waits for an SMTP server. It is meant for one process
(`./dev demo`); a deployment with several processes runs Celery.
"""

from __future__ import annotations

import logging
import threading

from flask import Flask

from mentorship.infrastructure.runner_wakeup import EXTENSION, wake_runner  # noqa: F401 (one place)

log = logging.getLogger(__name__)
DEFAULT_INTERVAL = 60.0


class EmbeddedRunner:
    def __init__(self, app: Flask, interval: float = DEFAULT_INTERVAL) -> None:
        self.app = app
        self.interval = interval
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> None:
        with self._lock:
            if self.running:
                return
            self._stop.clear()
            self._thread = threading.Thread(target=self._loop, name="embedded-runner", daemon=True)
            self._thread.start()

    def wake(self) -> None:
        self._wake.set()

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)

    def _loop(self) -> None:
        while not self._stop.is_set():
            self.run_once()
            self._wake.wait(self.interval)
            self._wake.clear()

    def run_once(self) -> int:
        """Queue due digests and mentorship nudges, then send everything pending.

        Answers how many e-mails left. Nudges are idempotent per period (a nudge remembers
        when it was sent), so running them every round is what beat's six-hourly run does.
        """
        from mentorship.extensions import db
        from mentorship.infrastructure.outbox import deliver_outbox
        from mentorship.services.digests import send_digests
        from mentorship.services.mentorships.nudges import send_nudges

        with self.app.app_context():
            try:
                send_digests()
                send_nudges()
                return deliver_outbox()
            except Exception:  # noqa: BLE001 -- the next round retries; the thread must live on
                log.exception("the embedded runner failed; it tries again in %s s", self.interval)
                db.session.rollback()
                return 0
            finally:
                db.session.remove()


def register_embedded_runner(app: Flask) -> None:
    """In embedded mode, start the runner with the first request the app serves."""
    enabled = app.config.get("EMBEDDED_RUNNER", not app.config.get("TESTING"))
    if app.config.get("REDIS_URL") or not enabled:
        return
    runner = EmbeddedRunner(
        app, float(app.config.get("EMBEDDED_RUNNER_INTERVAL", DEFAULT_INTERVAL))
    )
    app.extensions[EXTENSION] = runner

    @app.before_request
    def start_embedded_runner() -> None:
        if not runner.running:
            runner.start()
