"""The container health checks docker-compose.yml runs for the worker and for beat, for real."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time

from tests.worker.conftest import ROOT, wait_until, worker_environment
from worker.healthcheck import beat_is_alive


def _ping_worker(env: dict[str, str]) -> int:
    """The worker's health check in docker-compose.yml (the node is celery@<container name>)."""
    command = [sys.executable, "-m", "celery", "-A", "worker.main", "inspect", "ping"]
    command += ["--destination", f"celery@{socket.gethostname()}", "--timeout", "5"]
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True).returncode


def test_the_worker_health_check_answers_while_the_worker_runs(
    _schema, clean_redis, tmp_path, start_worker
):
    env = worker_environment(_schema, clean_redis, tmp_path)
    worker = start_worker(clean_redis)
    assert _ping_worker(env) == 0
    worker.stop()
    assert _ping_worker(env) != 0


def test_the_beat_health_check_passes_while_beat_writes_its_schedule(
    _schema, clean_redis, tmp_path
):
    schedule = str(tmp_path / "celerybeat-schedule")
    env = worker_environment(_schema, clean_redis, tmp_path)
    assert not beat_is_alive(schedule)
    beat = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "worker.main", "beat", f"--schedule={schedule}"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_until(lambda: beat_is_alive(schedule), timeout=60)
        check = [sys.executable, "-m", "worker.healthcheck", schedule]
        assert subprocess.run(check, cwd=ROOT, env=env).returncode == 0
    finally:
        beat.terminate()
        beat.wait(timeout=20)


def test_a_schedule_file_beat_stopped_writing_fails_the_check(tmp_path):
    schedule = tmp_path / "celerybeat-schedule"
    schedule.write_bytes(b"")
    assert beat_is_alive(str(schedule), max_age=600)
    stale = time.time() - 3600
    os.utime(schedule, (stale, stale))
    assert not beat_is_alive(str(schedule), max_age=600)
