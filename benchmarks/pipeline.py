"""End-to-end figures of the running service, on PostgreSQL and Redis.

1. The 186-idea demo programme fully re-matched (`rematch_open_ideas`), cold (index fitted
   inside the timing) and warm.
2. Submit-to-matched latency: `POST /api/v1/ideas` on gunicorn, through Redis, to a real Celery
   worker, until `GET /api/v1/ideas/{id}` says `matched`, against N candidates, one idea at a time.
3. Throughput: 20 clients submitting at once, 200 ideas in all, until every one is matched.
Candidates and ideas have realistic lengths (`benchmarks/realistic.py`: 60-120 words). Word
vectors already known to the benchmark cache are put in the database first, as a deployment that
has been running has them; candidate vectors are computed inside the timed index fit.

Run from the repository root: ``python -m benchmarks.pipeline [--candidates 10000]
[--submissions 200] [--output benchmarks/results/pipeline.md]``. It drops and recreates the
schema of its own database (default ``bench_pipeline``, created if missing).
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import sqlalchemy as sa

from benchmarks.realistic import RealisticTexts

ROOT = Path(__file__).resolve().parent.parent
SECTORS = (
    "agriculture",
    "food",
    "textiles",
    "furniture",
    "construction",
    "tourism",
    "services",
    "health",
    "ict",
    "manufacturing",
)


def ensure_database(url: str) -> None:
    base, name = url.rsplit("/", 1)
    admin = sa.create_engine(f"{base}/postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        exists = connection.execute(
            sa.text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}
        ).scalar()
        if not exists:
            connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
    admin.dispose()


def make_app(database_url: str, index_path: Path):
    from mentorship import create_app

    return create_app(
        {
            "SQLALCHEMY_DATABASE_URI": database_url,
            "REDIS_URL": None,
            "MATCH_INDEX_PATH": str(index_path),
            "SECRET_KEY": "benchmark",
        }
    )


def reset_schema() -> None:
    from mentorship.extensions import db

    db.drop_all()
    with db.engine.begin() as connection:
        connection.execute(sa.text("DROP TABLE IF EXISTS alembic_version"))
    db.create_all()


def measure_demo_rematch(database_url: str, workdir: Path) -> dict[str, float]:
    from mentorship.demo.loader import load_demo
    from mentorship.infrastructure.index_holder import holder
    from mentorship.services.matching import rematch_open_ideas

    app = make_app(database_url, workdir / "demo_index.joblib")
    with app.app_context():
        reset_schema()
        load_demo()
        holder.reset()
        start = time.perf_counter()
        count = rematch_open_ideas()
        cold = time.perf_counter() - start
        start = time.perf_counter()
        rematch_open_ideas()
        warm = time.perf_counter() - start
    return {"ideas": count, "cold_s": cold, "warm_s": warm}


def seed_word_vectors() -> int:
    """Copy the benchmark's cached word vectors into the database (a warm deployment's state)."""
    from benchmarks.wordcache import FileWordStore
    from matching import Teacher
    from mentorship.infrastructure.embeddings import save_words

    store = FileWordStore(Teacher().version)
    save_words(Teacher().version, store.vectors)
    return len(store.vectors)


def seed_candidates(total: int) -> tuple[str, str]:
    """total candidates: 60% mentors, 30% partners, 10% clusters, with realistic text."""
    from benchmarks.realistic import RealisticTexts
    from mentorship.extensions import db
    from mentorship.models import Cluster, EntrepreneurProfile, MentorProfile, Partner, User

    sampler = RealisticTexts(seed=11)
    n_mentors, n_partners = int(total * 0.6), int(total * 0.3)
    n_clusters = total - n_mentors - n_partners
    password = "benchmark-password"
    probe = User()
    probe.set_password(password)
    mentors = sampler.mentors(n_mentors)
    db.session.execute(
        sa.insert(User),
        [
            {
                "id": 1000 + m.id,
                "email": f"mentor{m.id}@bench.example",
                "password_hash": probe.password_hash,
                "name": m.name,
                "role": "mentor",
                "email_notifications": False,
            }
            for m in mentors
        ],
    )
    db.session.execute(
        sa.insert(MentorProfile),
        [
            {
                "user_id": 1000 + m.id,
                "headline": m.headline[:200],
                "bio": m.bio,
                "expertise": m.expertise,
                "city": "Niš",
                "sectors": [SECTORS[m.id % len(SECTORS)]],
                "languages": ["sr", "en"],
                "capacity": 3,
                "status": "active",
            }
            for m in mentors
        ],
    )
    db.session.execute(
        sa.insert(Partner),
        [
            {
                "name": f"Partner {i}",
                "description": sampler.text(),
                "sector": SECTORS[i % len(SECTORS)],
                "city": "Niš",
                "country": "RS",
                "offers": sampler.text(8, 15),
                "seeks": sampler.text(8, 15),
                "export_oriented": i % 4 == 0,
            }
            for i in range(n_partners)
        ],
    )
    db.session.execute(
        sa.insert(Cluster),
        [
            {
                "name": f"Cluster {i}",
                "description": sampler.text(),
                "sector": SECTORS[i % len(SECTORS)],
                "region": "Niš",
                "website": "",
            }
            for i in range(n_clusters)
        ],
    )
    owner = User(
        email="owner@bench.example",
        name="Bench Owner",
        role="entrepreneur",
        password_hash=probe.password_hash,
    )
    owner.entrepreneur_profile = EntrepreneurProfile(
        city="Niš", country="RS", languages=["sr", "en"]
    )
    db.session.add(owner)
    db.session.commit()
    return owner.email, password


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def http(method: str, url: str, body: dict | None = None, token: str | None = None) -> dict:
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, method=method)
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())


def wait_http(url: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not come up")


def measure_submit_latency(
    database_url: str, redis_url: str, candidates: int, submissions: int, workdir: Path
) -> dict[str, float]:
    import redis

    from mentorship.infrastructure.index_holder import holder

    index_path = workdir / "pipeline_index.joblib"
    app = make_app(database_url, index_path)
    with app.app_context():
        reset_schema()
        seed_word_vectors()
        email, password = seed_candidates(candidates)
        start = time.perf_counter()
        holder.reset()
        holder.rebuild()
        fit_s = time.perf_counter() - start
    redis.Redis.from_url(redis_url).flushdb()
    env = dict(
        os.environ,
        DATABASE_URL=database_url,
        REDIS_URL=redis_url,
        SECRET_KEY="benchmark",
        MATCH_INDEX_PATH=str(index_path),
        PYTHONPATH=str(ROOT),
        # One client submits every idea of the run: more than an honest hour's worth.
        IDEA_SUBMIT_RATE_LIMIT="100000 per hour",
    )
    port = free_port()
    processes = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "worker.main",
                "worker",
                "--loglevel=WARNING",
                "--concurrency=2",
                "--without-gossip",
                "--without-mingle",
            ],
            cwd=ROOT,
            env=env,
            start_new_session=True,
        ),
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "--workers",
                "2",
                "--threads",
                "4",
                "--bind",
                f"127.0.0.1:{port}",
                "--log-level",
                "warning",
                "mentorship:create_app()",
            ],
            cwd=ROOT,
            env=env,
            start_new_session=True,
        ),
    ]
    base = f"http://127.0.0.1:{port}"
    try:
        wait_http(f"{base}/healthz")
        token = http("POST", f"{base}/api/v1/auth/token", {"email": email, "password": password})[
            "token"
        ]
        ideas = RealisticTexts(seed=13).ideas(submissions + 5 + CONCURRENT_IDEAS)
        bodies = [{"title": idea.title, "description": idea.description} for idea in ideas]
        latencies = []
        for n, body in enumerate(bodies[: submissions + 5]):
            start = time.perf_counter()
            idea = http("POST", f"{base}/api/v1/ideas", body, token)
            while http("GET", f"{base}/api/v1/ideas/{idea['id']}", token=token)["status"] not in {
                "matched",
                "failed",
            }:
                time.sleep(0.005)
            if n >= 5:  # the first few warm up the worker processes (they load the saved index)
                latencies.append(time.perf_counter() - start)
        burst = measure_burst(base, token, bodies[submissions + 5 :])
    finally:
        for process in processes:
            os.killpg(process.pid, signal.SIGTERM)
        for process in processes:
            process.wait(timeout=30)
    latencies.sort()
    return {
        "candidates": candidates,
        "submissions": len(latencies),
        "fit_s": fit_s,
        "p50_ms": 1000 * statistics.median(latencies),
        "p95_ms": 1000 * latencies[int(0.95 * (len(latencies) - 1))],
        "max_ms": 1000 * latencies[-1],
        **burst,
    }


CONCURRENT_CLIENTS = 20
CONCURRENT_IDEAS = 200


def measure_burst(base: str, token: str, bodies: list[dict]) -> dict[str, float]:
    """20 clients submit 200 ideas at once; seconds until the last one is matched."""
    from concurrent.futures import ThreadPoolExecutor

    def submit(chunk: list[dict]) -> list[int]:
        return [http("POST", f"{base}/api/v1/ideas", body, token)["id"] for body in chunk]

    chunks = [bodies[i::CONCURRENT_CLIENTS] for i in range(CONCURRENT_CLIENTS)]
    start = time.perf_counter()
    with ThreadPoolExecutor(CONCURRENT_CLIENTS) as pool:
        ids = [idea_id for found in pool.map(submit, chunks) for idea_id in found]
    submitted = time.perf_counter() - start
    waiting = set(ids)
    while waiting and time.perf_counter() - start < 300:
        # One list request a tenth of a second: polling each idea would load the web workers.
        pending = set()
        for status in ("submitted", "matching"):
            page = http("GET", f"{base}/api/v1/ideas?per_page=200&status={status}", token=token)
            pending |= {item["id"] for item in page["items"]}
        waiting &= pending
        if waiting:
            time.sleep(0.1)
    elapsed = time.perf_counter() - start
    return {
        "burst_ideas": len(ids),
        "burst_submitted_s": submitted,
        "burst_all_matched_s": elapsed,
        "burst_unmatched": len(waiting),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--database-url", default="postgresql+psycopg://postgres@127.0.0.1:5432/bench_pipeline"
    )
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/12")
    parser.add_argument("--candidates", type=int, default=10_000)
    parser.add_argument("--submissions", type=int, default=200)
    parser.add_argument("--output", type=Path)
    args = parser.parse_args()
    ensure_database(args.database_url)
    with tempfile.TemporaryDirectory() as tmp:
        demo = measure_demo_rematch(args.database_url, Path(tmp))
        latency = measure_submit_latency(
            args.database_url, args.redis_url, args.candidates, args.submissions, Path(tmp)
        )
    runs = f"{latency['submissions']} submissions, {latency['candidates']:,} candidates"
    rows = [
        (
            f"demo programme re-match, {demo['ideas']} ideas, cold (index fitted inside)",
            f"{demo['cold_s']:.2f} s",
        ),
        (f"demo programme re-match, {demo['ideas']} ideas, warm", f"{demo['warm_s']:.2f} s"),
        (f"index fit, {latency['candidates']:,} candidates", f"{latency['fit_s']:.2f} s"),
        (f"submit-to-matched p50 ({runs})", f"{latency['p50_ms']:.0f} ms"),
        ("submit-to-matched p95", f"{latency['p95_ms']:.0f} ms"),
        ("submit-to-matched max", f"{latency['max_ms']:.0f} ms"),
        (
            f"{CONCURRENT_CLIENTS} clients at once: {latency['burst_ideas']} ideas submitted in",
            f"{latency['burst_submitted_s']:.1f} s",
        ),
        (
            f"… all {latency['burst_ideas']} matched "
            f"({latency['burst_unmatched']} left unmatched) after",
            f"{latency['burst_all_matched_s']:.1f} s",
        ),
    ]
    command = (
        f"python -m benchmarks.pipeline --candidates {args.candidates} "
        f"--submissions {args.submissions}"
    )
    lines = [
        "# Service pipeline",
        "",
        f"Command: `{command}` (PostgreSQL, Redis, gunicorn with 2 workers and a Celery worker "
        "with 2 processes on this 2-core machine; texts of realistic length).",
        "",
        "| measure | figure |",
        "| --- | ---: |",
        *(f"| {name} | {figure} |" for name, figure in rows),
    ]
    report = "\n".join(lines) + "\n"
    print(report)
    if args.output:
        args.output.write_text(report)


if __name__ == "__main__":
    main()
