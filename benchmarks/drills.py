"""Fault drills against the running service: PostgreSQL, gunicorn, one Celery worker and beat
on a Redis of the drill's own, with the deployed settings (the broker's own redelivery after ten
minutes; recovery comes from job leases and the sweep beat sends every ten seconds).

1. Worker killed: a lead's bulk re-match of the open ideas runs while ideas are being submitted;
   the worker is SIGKILLed mid-task and started again at once (as the container's restart
   policy does). Recovered = the re-match is done and every submitted idea is matched.
2. Redis outage: Redis stops for ~30 s while ideas are being submitted through the API, then
   comes back empty (no persistence). Recovered = every idea submitted is matched.

For each it prints ideas submitted (and accepted), matched, lost (not matched when the drill
gives up, 180 s after the fault ends), duplicated (an idea stored twice for one submission, or
a proposal stored twice for one idea) and seconds to recover, counted from the moment the fault
ends: the kill, or Redis answering again.

Run from the repository root: ``python -m benchmarks.drills [--candidates 2000]
[--open-ideas 1211] [--outage 30] [--output benchmarks/results/drills.md]``. It drops and
recreates the schema of its own database (default ``bench_drills``, created if missing) and
needs `redis-server` on the PATH.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
from dataclasses import dataclass, field
from pathlib import Path

import sqlalchemy as sa

from benchmarks.pipeline import ROOT, ensure_database, free_port, http, reset_schema, wait_http
from benchmarks.pipeline import seed_candidates as seed_directory

GIVE_UP_SECONDS = 180.0
SUBMIT_EVERY_SECONDS = 0.5


@dataclass
class Drill:
    name: str
    submitted: list[int] = field(default_factory=list)
    refused: int = 0
    recovered_s: float | None = None
    matched: int = 0
    lost: int = 0
    duplicated: int = 0


class Stack:
    """redis-server, gunicorn, a Celery worker and beat, each in its own process group."""

    def __init__(self, database_url: str, workdir: Path) -> None:
        self.workdir = workdir
        self.redis_port = free_port()
        self.redis_url = f"redis://127.0.0.1:{self.redis_port}/0"
        self.web_port = free_port()
        self.base = f"http://127.0.0.1:{self.web_port}"
        self.env = dict(
            os.environ,
            DATABASE_URL=database_url,
            REDIS_URL=self.redis_url,
            SECRET_KEY="drills",
            MATCH_INDEX_PATH=str(workdir / "index.joblib"),
            PYTHONPATH=str(ROOT),
            IDEA_SUBMIT_RATE_LIMIT="100000 per hour",
            LOGIN_ADDRESS_RATE_LIMIT="100000 per hour",
        )
        self.processes: dict[str, subprocess.Popen] = {}

    def _start(self, name: str, command: list[str]) -> None:
        log = open(self.workdir / f"{name}.log", "a")  # noqa: SIM115 -- closed with the process
        self.processes[name] = subprocess.Popen(
            command, cwd=ROOT, env=self.env, stdout=log, stderr=log, start_new_session=True
        )

    def start_redis(self) -> None:
        server = shutil.which("redis-server")
        if server is None:
            raise SystemExit("redis-server is not installed")
        self._start(
            "redis",
            [server, "--port", str(self.redis_port), "--bind", "127.0.0.1", "--save", ""]
            + ["--appendonly", "no", "--dir", str(self.workdir)],
        )
        wait_for(lambda: redis_answers(self.redis_url), 10, "redis-server")

    def start_worker(self) -> None:
        celery = [sys.executable, "-m", "celery", "-A", "worker.main"]
        self._start("worker", celery + ["worker", "--loglevel=INFO", "--concurrency=1"])

    def start_all(self) -> None:
        self.start_redis()
        celery = [sys.executable, "-m", "celery", "-A", "worker.main"]
        self._start("beat", celery + ["beat", f"--schedule={self.workdir / 'beat-schedule'}"])
        self.start_worker()
        self._start(
            "web",
            [sys.executable, "-m", "gunicorn", "--workers", "2", "--threads", "4"]
            + ["--bind", f"127.0.0.1:{self.web_port}", "mentorship:create_app()"],
        )
        wait_http(f"{self.base}/healthz")

    def kill(self, name: str) -> None:
        process = self.processes.pop(name)
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)

    def stop(self, name: str) -> None:
        process = self.processes.pop(name)
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)

    def stop_all(self) -> None:
        for name in list(self.processes):
            self.stop(name)


def redis_answers(url: str) -> bool:
    import redis

    try:
        return bool(redis.Redis.from_url(url, socket_connect_timeout=0.5).ping())
    except redis.RedisError:
        return False


def wait_for(predicate, timeout: float, what: str) -> float:
    """Seconds until `predicate()` held; raises if it never did."""
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        if predicate():
            return time.monotonic() - start
        time.sleep(0.2)
    raise RuntimeError(f"{what} did not happen within {timeout:.0f} s")


class Submitter:
    """Submits one idea every SUBMIT_EVERY_SECONDS through the API, as long as it runs."""

    def __init__(self, base: str, token: str, drill: Drill) -> None:
        self.base, self.token, self.drill = base, token, drill
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> Submitter:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(timeout=60)

    def _run(self) -> None:
        n = 0
        while not self._stop.is_set():
            n += 1
            body = {
                "title": f"{self.drill.name} idea {n}",
                "description": "Homemade jam, ajvar and dried fruit from local orchards, sold to "
                "hotels and shops; we need a mentor in food safety and export.",
            }
            try:
                self.drill.submitted.append(
                    http("POST", f"{self.base}/api/v1/ideas", body, self.token)["id"]
                )
            except (urllib.error.URLError, OSError):
                self.drill.refused += 1
            self._stop.wait(SUBMIT_EVERY_SECONDS)


def statuses(engine: sa.Engine, ids: list[int]) -> dict[int, str]:
    if not ids:
        return {}
    with engine.connect() as connection:
        rows = connection.execute(
            sa.text("SELECT id, status FROM ideas WHERE id = ANY(:ids)"), {"ids": ids}
        )
        return dict(rows.all())


def duplicates(engine: sa.Engine, title_prefix: str) -> int:
    with engine.connect() as connection:
        ideas = connection.execute(
            sa.text("SELECT count(*) - count(DISTINCT title) FROM ideas WHERE title LIKE :prefix"),
            {"prefix": f"{title_prefix}%"},
        ).scalar_one()
        proposals = connection.execute(
            sa.text(
                "SELECT count(*) FROM (SELECT idea_id, kind, mentor_id, partner_id, cluster_id"
                " FROM matches GROUP BY 1, 2, 3, 4, 5 HAVING count(*) > 1) AS twice"
            )
        ).scalar_one()
    return ideas + proposals


def settle(engine: sa.Engine, drill: Drill, fault_ended: float, done) -> None:
    """Wait until every submitted idea is matched and `done()` holds; count what was lost."""
    deadline = fault_ended + GIVE_UP_SECONDS
    while time.monotonic() < deadline:
        found = statuses(engine, drill.submitted)
        if all(status == "matched" for status in found.values()) and done():
            drill.recovered_s = time.monotonic() - fault_ended
            break
        time.sleep(0.2)
    found = statuses(engine, drill.submitted)
    drill.matched = sum(status == "matched" for status in found.values())
    drill.lost = len(drill.submitted) - drill.matched
    drill.duplicated = duplicates(engine, drill.name)


def seed_open_ideas(count: int) -> None:
    from mentorship.extensions import db
    from mentorship.models import Idea, User

    owner = db.session.scalar(sa.select(User).where(User.role == "entrepreneur"))
    db.session.execute(
        sa.insert(Idea),
        [
            {
                "owner_id": owner.id,
                "title": f"Open idea {n}",
                "description": "Plum jam, honey and cheese from the Niš region for hotels.",
                "needs": ["mentor", "partner", "cluster"],
                "status": "matched",
            }
            for n in range(count)
        ],
    )
    db.session.commit()


def drill_worker_kill(stack: Stack, engine: sa.Engine, app, token: str) -> Drill:
    from mentorship import task_names
    from mentorship.infrastructure.background import enqueue

    drill = Drill("worker-kill")
    with app.app_context():
        job_id = enqueue(task_names.REMATCH_OPEN_IDEAS, None).id

    def job() -> tuple[str, int]:
        with engine.connect() as connection:
            return connection.execute(
                sa.text("SELECT status, progress_done FROM background_jobs WHERE id = :id"),
                {"id": job_id},
            ).one()

    with Submitter(stack.base, token, drill):
        wait_for(lambda: job()[0] == "running", 120, "the bulk re-match to start")
        time.sleep(1.0)  # mid-task: ranking and storing the first chunk
        print(f"  killing the worker (bulk re-match {job()[0]}, {job()[1]} ideas done)")
        stack.kill("worker")
        killed = time.monotonic()
        stack.start_worker()
        time.sleep(10)  # ideas keep coming in while the new worker starts
    settle(engine, drill, killed, lambda: job()[0] == "done")
    return drill


def drill_redis_outage(stack: Stack, engine: sa.Engine, token: str, outage: float) -> Drill:
    drill = Drill("redis-outage")
    with Submitter(stack.base, token, drill):
        time.sleep(3)
        stack.stop("redis")
        time.sleep(outage)
        stack.start_redis()
        back = time.monotonic()
        time.sleep(3)
    settle(engine, drill, back, lambda: True)
    return drill


def report(drills: list[Drill], args: argparse.Namespace) -> str:
    command = (
        f"python -m benchmarks.drills --candidates {args.candidates} "
        f"--open-ideas {args.open_ideas} --outage {args.outage:g}"
    )
    rows = [
        f"| {d.name} | {len(d.submitted)} (+{d.refused} refused) | {d.matched} | {d.lost} "
        f"| {d.duplicated} | "
        + (f"{d.recovered_s:.1f} s" if d.recovered_s is not None else "not recovered")
        + " |"
        for d in drills
    ]
    return "\n".join(
        [
            "# Fault drills",
            "",
            f"Command: `{command}` (PostgreSQL, Redis, gunicorn with 2 processes, one Celery "
            "worker process and beat on this 2-core machine; deployed settings: broker "
            "redelivery after 600 s, job lease 20 s, recovery sweep every 10 s).",
            "",
            "| drill | ideas submitted | matched | lost | duplicated | seconds to recover |",
            "| --- | ---: | ---: | ---: | ---: | ---: |",
            *rows,
            "",
            "Seconds to recover count from the end of the fault (the SIGKILL, or Redis answering "
            "again) until every idea submitted during the drill is matched and, for the worker "
            f"drill, the bulk re-match of {args.open_ideas:,} open ideas that was running when "
            "the worker died is done.",
        ]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--database-url", default="postgresql+psycopg://postgres@127.0.0.1:5432/bench_drills"
    )
    parser.add_argument("--candidates", type=int, default=2000)
    parser.add_argument("--open-ideas", type=int, default=1211)
    parser.add_argument("--outage", type=float, default=30.0)
    parser.add_argument("--output", type=Path)
    args = parser.parse_args()
    ensure_database(args.database_url)
    engine = sa.create_engine(args.database_url)
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        stack = Stack(args.database_url, workdir)
        from mentorship import create_app
        from mentorship.infrastructure.index_holder import holder

        app = create_app(
            {
                "SQLALCHEMY_DATABASE_URI": args.database_url,
                "REDIS_URL": stack.redis_url,
                "MATCH_INDEX_PATH": stack.env["MATCH_INDEX_PATH"],
                "SECRET_KEY": "drills",
            }
        )
        with app.app_context():
            reset_schema()
            email, password = seed_directory(args.candidates)
            seed_open_ideas(args.open_ideas)
            holder.reset()
            holder.rebuild()
        try:
            stack.start_all()
            login = {"email": email, "password": password}
            token = http("POST", f"{stack.base}/api/v1/auth/token", login)["token"]
            print("drill 1: worker SIGKILLed mid-task")
            drills = [drill_worker_kill(stack, engine, app, token)]
            print(f"drill 2: Redis down for {args.outage:g} s")
            drills.append(drill_redis_outage(stack, engine, token, args.outage))
        finally:
            stack.stop_all()
            engine.dispose()
    text = report(drills, args) + "\n"
    print(text)
    if args.output:
        args.output.write_text(text)


if __name__ == "__main__":
    main()
