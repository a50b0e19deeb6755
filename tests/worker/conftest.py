"""Real Celery worker processes against the suite's database and a real Redis."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from mentorship import create_app
from mentorship.extensions import db
from tests.conftest import _reset_match_index, app_config, empty_all_tables

ROOT = Path(__file__).resolve().parents[2]


WORKER_COMMAND = ["worker", "--loglevel=INFO", "--concurrency=1", "--without-gossip"]
WORKER_COMMAND += ["--without-mingle", "--without-heartbeat"]
# The broker's own redelivery as deployed (ten minutes): recovery must not wait for it.
DEPLOYED_BROKER = {"BROKER_VISIBILITY_TIMEOUT": "600", "BROKER_RESTORE_INTERVAL": "60"}


class WorkerProcess:
    """A `celery worker` (or `celery beat`) subprocess whose log we can wait on."""

    def __init__(
        self, env: dict[str, str], command: list[str] = WORKER_COMMAND, ready: str = "ready."
    ) -> None:
        self.log: list[str] = []
        self.process = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "worker.main", *command],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,
        )
        threading.Thread(target=self._read, daemon=True).start()
        self.wait_for_log(ready, timeout=60)

    def _read(self) -> None:
        for line in self.process.stdout:
            self.log.append(line)

    def wait_for_log(self, text: str, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if any(text in line for line in self.log):
                return
            if self.process.poll() is not None:
                break
            time.sleep(0.1)
        raise AssertionError(f"worker never logged {text!r}:\n{''.join(self.log[-40:])}")

    def count_log(self, text: str) -> int:
        return sum(text in line for line in self.log)

    def kill(self) -> None:
        """SIGKILL the whole process group, as a crashed machine would."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.kill()


def worker_environment(
    database_url: str, redis_url: str, tmp_path: Path, **extra: str
) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        {
            "DATABASE_URL": database_url,
            "REDIS_URL": redis_url,
            "SECRET_KEY": "test-secret-key",
            "MATCH_INDEX_PATH": str(tmp_path / "worker_index.joblib"),
            "BROKER_VISIBILITY_TIMEOUT": "3",
            "BROKER_RESTORE_INTERVAL": "1",
            "PYTHONPATH": str(ROOT),
        }
    )
    env.update(extra)
    return env


@pytest.fixture
def clean_redis(redis_url):
    import redis

    client = redis.Redis.from_url(redis_url)
    client.flushdb()
    yield redis_url
    client.flushdb()


@pytest.fixture
def redis_app(_schema, clean_redis, tmp_path):
    """The web app in its production shape: background work goes through Redis."""
    app = create_app(
        app_config(_schema, tmp_path, REDIS_URL=clean_redis, BROKER_VISIBILITY_TIMEOUT=3)
    )
    with app.app_context():
        _reset_match_index()
        yield app
        db.session.remove()
        empty_all_tables()
        _reset_match_index()


@pytest.fixture
def start_worker(_schema, tmp_path):
    """Starts real worker processes; all are stopped when the test ends."""
    started: list[WorkerProcess] = []

    def start(redis_url: str, **extra: str) -> WorkerProcess:
        worker = WorkerProcess(worker_environment(_schema, redis_url, tmp_path, **extra))
        started.append(worker)
        return worker

    yield start
    for worker in started:
        worker.stop()


@pytest.fixture
def start_beat(_schema, tmp_path):
    """Starts a real `celery beat`, which sends the recovery sweep on its schedule."""
    started: list[WorkerProcess] = []

    def start(redis_url: str, **extra: str) -> WorkerProcess:
        schedule = str(tmp_path / f"celerybeat-schedule-{len(started)}")
        command = ["beat", "--loglevel=INFO", f"--schedule={schedule}"]
        beat = WorkerProcess(
            worker_environment(_schema, redis_url, tmp_path, **extra), command, "beat: Starting"
        )
        started.append(beat)
        return beat

    yield start
    for beat in started:
        beat.stop()


def wait_until(predicate, timeout: float = 30.0, interval: float = 0.2):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"condition not met within {timeout} s")
