"""`./dev demo` checks its port before anything else and says which one is busy."""

from __future__ import annotations

import os
import socket
import subprocess
from pathlib import Path

DEV = Path(__file__).resolve().parents[2] / "dev"


def _run_demo(port: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PORT": port}
    return subprocess.run(
        [str(DEV), "demo"], env=env, capture_output=True, text=True, timeout=60, check=False
    )


def test_a_busy_port_stops_the_demo_with_the_port_named():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = _run_demo(str(port))
    assert result.returncode == 1
    assert f"Port {port} is busy" in result.stderr and "PORT=" in result.stderr
    assert "running at" not in result.stdout


def test_a_port_that_is_not_a_number_is_refused():
    result = _run_demo("http")
    assert result.returncode == 1 and "PORT must be a number" in result.stderr
