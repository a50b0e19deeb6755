"""Requests per second of the main pages, side by side with a bare Flask page (the platform's pace).

In one run it starts, each under gunicorn with 2 sync workers on PostgreSQL:

- the **reference**: bare Flask + Flask-SQLAlchemy, one query for 50 rows (idea titles, owners,
  sectors, dates copied from the demo), rendered with Jinja in a small layout;
- **the app** with the demo data (`flask demo load`: 186 ideas matched, half-way through reviews),

logs in as each role (a session cookie for pages, a bearer token for the API) and measures every
page with `wrk` (2 threads x 16 connections, `--duration` seconds per page). The page and the
reference take turns (`--rounds` of each), so that on a machine shared with other work both see
the same load; each page's ratio is its requests per second over the reference's in those turns.

Run from the repository root: ``python -m benchmarks.pages [--duration 10] [--rounds 5]
[--note "..."] [--output benchmarks/results/pages.md] [--only WORD ...]``. It drops and
recreates the schema of its own database (default ``bench_pages``, created if missing) and
empties its Redis database (default 8).
Needs the `wrk` program (Debian: ``apt-get install wrk``).
"""

from __future__ import annotations

import argparse
import html
import http.cookiejar
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REFERENCE_ROWS = 50
THREADS = 2
CONNECTIONS = 16
WORKERS = 2
# The floor every main page should reach, as a share of the reference's requests per second.
TARGET_RATIO = 0.40
TARGET_P99_MS = 50.0


@dataclass(frozen=True)
class Page:
    name: str
    login: str  # which session measures it: a key of `Logins.headers`
    path: str


PAGES = (
    Page("API idea list (lead, 20 per page)", "lead_api", "/api/v1/ideas"),
    Page("entrepreneur's idea list", "entrepreneur", "/ideas"),
    Page("idea with its matches", "entrepreneur", "/ideas/{idea_id}"),
    Page("mentor review queue", "mentor", "/reviews"),
    Page("lead dashboard", "lead", "/"),
    Page("lead approval queue", "lead", "/lead/approvals"),
    Page("lead approval queue, Serbian", "lead_sr", "/lead/approvals"),
    Page("lead's idea list", "lead", "/ideas"),
    Page("pairing plan", "lead", "/lead/plan"),
    Page("reports", "lead", "/lead/dashboard"),
    Page("partner directory", "lead", "/partners"),
)


# --- the reference page ---------------------------------------------------------------------

REFERENCE_TEMPLATE = """<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>{{ title }}</title>
<link rel="stylesheet" href="/static/app.css"></head>
<body>
<header><nav><a href="/">Home</a> <a href="/rows">Rows</a></nav></header>
<main>
<h1>{{ title }}</h1>
<table>
<thead><tr><th>Title</th><th>Owner</th><th>Sector</th><th>Status</th><th>Submitted</th></tr></thead>
<tbody>
{% for row in rows %}
<tr id="row-{{ row.id }}">
<td><a href="/rows/{{ row.id }}">{{ row.title }}</a></td>
<td>{{ row.owner }}</td><td>{{ row.sector }}</td><td>{{ row.status }}</td>
<td>{{ row.created_at.strftime('%d %b %Y') }}</td>
</tr>
{% endfor %}
</tbody>
</table>
</main>
</body>
</html>
"""


def reference_app():
    """The bare page: Flask, Flask-SQLAlchemy, one query, one Jinja template (gunicorn's target)."""
    from flask import Flask, render_template_string
    from flask_sqlalchemy import SQLAlchemy

    app = Flask(__name__)
    app.config["SQLALCHEMY_DATABASE_URI"] = _psycopg_url(os.environ["DATABASE_URL"])
    db = SQLAlchemy(app)

    class ReferenceRow(db.Model):
        __tablename__ = "reference_rows"
        id = db.Column(db.Integer, primary_key=True)
        title = db.Column(db.String(200), nullable=False)
        owner = db.Column(db.String(200), nullable=False)
        sector = db.Column(db.String(40), nullable=False)
        status = db.Column(db.String(20), nullable=False)
        created_at = db.Column(db.DateTime(timezone=True), nullable=False)

    @app.get("/rows")
    def rows():
        found = db.session.execute(
            db.select(ReferenceRow).order_by(ReferenceRow.id).limit(REFERENCE_ROWS)
        ).scalars()
        return render_template_string(REFERENCE_TEMPLATE, title="Rows", rows=list(found))

    return app


def seed_reference_rows(database_url: str) -> None:
    """50 rows copied from the demo's ideas, so both sides render texts of the same lengths."""
    import sqlalchemy as sa

    engine = sa.create_engine(_psycopg_url(database_url))
    with engine.begin() as connection:
        connection.execute(sa.text("DROP TABLE IF EXISTS reference_rows"))
        connection.execute(
            sa.text(
                "CREATE TABLE reference_rows (id integer PRIMARY KEY, title varchar(200) NOT NULL,"
                " owner varchar(200) NOT NULL, sector varchar(40) NOT NULL,"
                " status varchar(20) NOT NULL, created_at timestamptz NOT NULL)"
            )
        )
        connection.execute(
            sa.text(
                "INSERT INTO reference_rows SELECT ideas.id, ideas.title, users.name,"
                " coalesce(ideas.sector, ''), ideas.status, ideas.created_at"
                " FROM ideas JOIN users ON users.id = ideas.owner_id ORDER BY ideas.id LIMIT :n"
            ),
            {"n": REFERENCE_ROWS},
        )
    engine.dispose()


def _psycopg_url(url: str) -> str:
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


# --- the real app with the demo data --------------------------------------------------------


def app_environment(database_url: str, redis_url: str) -> dict[str, str]:
    return dict(
        os.environ,
        DATABASE_URL=database_url,
        REDIS_URL=redis_url,
        SECRET_KEY="benchmark",
        FLASK_APP="mentorship",
        PYTHONPATH=str(ROOT),
    )


def load_demo(env: dict[str, str]) -> tuple[str, dict[str, str]]:
    """Fresh schema and `flask demo load`; the demo password and the login e-mail of each role."""
    import redis

    from benchmarks.pipeline import ensure_database

    ensure_database(_psycopg_url(env["DATABASE_URL"]))
    redis.Redis.from_url(env["REDIS_URL"]).flushdb()
    reset = (
        "import sqlalchemy as sa\n"
        "from mentorship import create_app\n"
        "from mentorship.extensions import db\n"
        "with create_app().app_context():\n"
        "    db.drop_all()\n"
        "    with db.engine.begin() as c:\n"
        "        c.execute(sa.text('DROP TABLE IF EXISTS alembic_version'))\n"
        "        c.execute(sa.text('DROP TABLE IF EXISTS reference_rows'))\n"
    )
    flask = [sys.executable, "-m", "flask"]
    subprocess.run([sys.executable, "-c", reset], cwd=ROOT, env=env, check=True)
    subprocess.run([*flask, "db", "upgrade"], cwd=ROOT, env=env, check=True, capture_output=True)
    loaded = subprocess.run(
        [*flask, "demo", "load"], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    )
    password = re.search(r"password '([^']+)'", loaded.stdout)
    logins = dict(re.findall(r"^\s+(\w+)\s+(\S+@\S+)$", loaded.stdout, re.MULTILINE))
    if not password or not {"lead", "mentor", "entrepreneur"} <= logins.keys():
        raise RuntimeError(f"`flask demo load` did not name the demo logins:\n{loaded.stdout}")
    return password.group(1), logins


class Session:
    """A browser's cookies: log in through the form, choose a language, read the Cookie header."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def get(self, path: str) -> str:
        with self.opener.open(self.base + path, timeout=30) as response:
            return response.read().decode()

    def post_form(self, path: str, fields: dict[str, str]) -> str:
        token = re.search(r'name="csrf-token" content="([^"]+)"', self.get("/"))
        data = urllib.parse.urlencode({"csrf_token": html.unescape(token.group(1)), **fields})
        with self.opener.open(self.base + path, data.encode(), timeout=30) as response:
            return response.read().decode()

    def log_in(self, email: str, password: str, language: str) -> None:
        self.post_form("/login", {"email": email, "password": password})
        self.post_form("/language", {"locale": language, "next": "/"})

    def cookie_header(self) -> str:
        return "; ".join(f"{cookie.name}={cookie.value}" for cookie in self.jar)


def api_token(base: str, email: str, password: str) -> str:
    request = urllib.request.Request(
        f"{base}/api/v1/auth/token",
        json.dumps({"email": email, "password": password}).encode(),
        {"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())["token"]


def request_headers(base: str, password: str, logins: dict[str, str]) -> dict[str, str]:
    """The one header that makes each kind of request: a session cookie or a bearer token."""
    headers = {}
    for key, role, language in (
        ("lead", "lead", "en"),
        ("lead_sr", "lead", "sr"),
        ("mentor", "mentor", "en"),
        ("entrepreneur", "entrepreneur", "en"),
    ):
        session = Session(base)
        session.log_in(logins[role], password, language)
        headers[key] = f"Cookie: {session.cookie_header()}"
    headers["lead_api"] = f"Authorization: Bearer {api_token(base, logins['lead'], password)}"
    headers["entrepreneur_api"] = (
        f"Authorization: Bearer {api_token(base, logins['entrepreneur'], password)}"
    )
    return headers


def page_ids(base: str, headers: dict[str, str]) -> dict[str, int]:
    """The entrepreneur's idea that has the most matches (the page of an idea with its matches)."""
    ideas = fetch_json(base, "/api/v1/ideas", headers["entrepreneur_api"])["items"]
    best, most = None, -1
    for idea in ideas:
        matches = fetch_json(
            base, f"/api/v1/ideas/{idea['id']}/matches", headers["entrepreneur_api"]
        )
        found = len(matches["items"] if isinstance(matches, dict) else matches)
        if found > most:
            best, most = idea["id"], found
    if best is None:
        raise RuntimeError("the demo entrepreneur has no idea")
    return {"idea_id": best}


def fetch_json(base: str, path: str, header: str) -> dict:
    name, value = header.split(": ", 1)
    request = urllib.request.Request(base + path, headers={name: value})
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())


def check_page(base: str, path: str, header: str) -> int:
    """The page answers 200 itself (not a redirect to the log-in page); its size in bytes."""

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    name, value = header.split(": ", 1)
    opener = urllib.request.build_opener(NoRedirect)
    request = urllib.request.Request(base + path, headers={name: value})
    with opener.open(request, timeout=30) as response:
        if response.status != 200:
            raise RuntimeError(f"{path} answered {response.status}")
        return len(response.read())


# --- servers and wrk ------------------------------------------------------------------------


def start_gunicorn(target: str, port: int, env: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "--workers",
            str(WORKERS),
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
            target,
        ],
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )


@dataclass(frozen=True)
class Run:
    rps: float
    p99_ms: float
    errors: int


def wrk(url: str, header: str | None, duration: int) -> Run:
    # A generous timeout: a slow page's requests are measured, not dropped as socket errors.
    command = ["wrk", f"-t{THREADS}", f"-c{CONNECTIONS}", f"-d{duration}s", "--timeout", "10s"]
    command += ["--latency", url]
    if header:
        command[1:1] = ["-H", header]
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    p99 = re.search(r"^\s+99%\s+([\d.]+)(us|ms|s)\s*$", output, re.MULTILINE)
    scale = {"us": 0.001, "ms": 1.0, "s": 1000.0}[p99.group(2)]
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket_errors = re.search(r"Socket errors: (.*)", output)
    failed = int(errors.group(1)) if errors else 0
    if socket_errors:
        failed += sum(int(n) for n in re.findall(r"(?:read|write|timeout) (\d+)", socket_errors[1]))
    return Run(rps, float(p99.group(1)) * scale, failed)


def alternate(reference: str, url: str, header: str, args: argparse.Namespace) -> tuple[Run, Run]:
    """Reference and page in turn, `--rounds` times each, so both see the same machine load.

    Requests per second are totalled over the rounds; the p99 is the median round's.
    """
    slice_s = max(1, round(args.duration / args.rounds))
    references: list[Run] = []
    pages: list[Run] = []
    for _ in range(args.rounds):
        references.append(wrk(reference, None, slice_s))
        pages.append(wrk(url, header, slice_s))
    return _combined(references), _combined(pages)


def _combined(runs: list[Run]) -> Run:
    p99s = sorted(run.p99_ms for run in runs)
    return Run(
        sum(run.rps for run in runs) / len(runs),
        p99s[len(p99s) // 2],
        sum(run.errors for run in runs),
    )


def warm_up(url: str, header: str | None) -> None:
    """A few seconds of load first: each worker has imported, connected and compiled templates."""
    command = ["wrk", "-t1", "-c4", "-d2s", url]
    if header:
        command[1:1] = ["-H", header]
    subprocess.run(command, check=True, capture_output=True)


def measure(args: argparse.Namespace) -> list[tuple[Page, Run, Run]]:
    from benchmarks.pipeline import free_port, wait_http

    env = app_environment(args.database_url, args.redis_url)
    password, logins = load_demo(env)
    seed_reference_rows(args.database_url)
    app_port, reference_port = free_port(), free_port()
    servers = [
        start_gunicorn("mentorship:create_app()", app_port, env),
        start_gunicorn("benchmarks.pages:reference_app()", reference_port, env),
    ]
    base, reference = f"http://127.0.0.1:{app_port}", f"http://127.0.0.1:{reference_port}/rows"
    results = []
    try:
        wait_http(f"{base}/healthz")
        wait_http(reference)
        headers = request_headers(base, password, logins)
        ids = page_ids(base, headers)
        warm_up(reference, None)
        for page in PAGES:
            if args.only and not any(word.lower() in page.name.lower() for word in args.only):
                continue
            path = page.path.format(**ids)
            check_page(base, path, headers[page.login])
            warm_up(base + path, headers[page.login])
            before, run = alternate(reference, base + path, headers[page.login], args)
            results.append((page, before, run))
            print(_row(page, before, run), flush=True)
    finally:
        for server in servers:
            os.killpg(server.pid, signal.SIGTERM)
        for server in servers:
            server.wait(timeout=30)
    return results


def _row(page: Page, reference: Run, run: Run) -> str:
    ratio = run.rps / reference.rps
    verdict = "yes" if ratio >= TARGET_RATIO and run.p99_ms < TARGET_P99_MS else "**no**"
    errors = f" ({run.errors} failed)" if run.errors else ""
    return (
        f"| {page.name} | `{page.path}` | {run.rps:,.0f}{errors} | {run.p99_ms:.1f} | "
        f"{reference.rps:,.0f} | {reference.p99_ms:.1f} | {ratio:.2f} | {verdict} |"
    )


def report(results: list[tuple[Page, Run, Run]], args: argparse.Namespace) -> str:
    command = "python -m benchmarks.pages"
    command += f" --duration {args.duration}" if args.duration != 10 else ""
    command += f" --rounds {args.rounds}" if args.rounds != 5 else ""
    load = os.getloadavg()[0]
    lines = [
        "# Pages against the platform",
        "",
        f"Command: `{command}` (PostgreSQL; the app with the demo data and a bare Flask + "
        f"Flask-SQLAlchemy page rendering {REFERENCE_ROWS} rows with Jinja, each under gunicorn "
        f"with {WORKERS} sync workers; `wrk` with {THREADS} threads x {CONNECTIONS} connections, "
        f"{args.duration} s per page in {args.rounds} turns with the reference, on this "
        f"{os.cpu_count()}-core machine; {args.note or f'load average {load:.1f} at the end'}; "
        f"{datetime.now(UTC):%Y-%m-%d}).",
        "",
        f"A page passes at {TARGET_RATIO:.2f} of the reference's requests per second or more "
        f"with a p99 under {TARGET_P99_MS:.0f} ms.",
        "",
        "| page | path | requests/s | p99 ms | reference requests/s | reference p99 ms | ratio "
        "| passes |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |",
        *(_row(page, reference, run) for page, reference, run in results),
    ]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--database-url", default="postgresql+psycopg://postgres@127.0.0.1:5432/bench_pages"
    )
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/8")
    parser.add_argument("--duration", type=int, default=10, help="seconds of wrk per page")
    parser.add_argument(
        "--rounds", type=int, default=5, help="turns of reference and page within the duration"
    )
    parser.add_argument("--output", type=Path)
    parser.add_argument("--note", help="what else ran on the machine, for the results file")
    parser.add_argument(
        "--only",
        nargs="+",
        metavar="WORD",
        help="measure only the pages whose name contains one of these words (while iterating)",
    )
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        sys.exit("wrk is not installed (Debian and Ubuntu: apt-get install wrk)")
    started = time.perf_counter()
    results = measure(args)
    text = report(results, args)
    print(text)
    print(f"({time.perf_counter() - started:.0f} s in all)")
    if args.output:
        args.output.write_text(text)


if __name__ == "__main__":
    main()
