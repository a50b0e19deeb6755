"""Browser tests: the real app served on localhost, driven by Debian's Chromium through Playwright.

The server runs in a background thread against the suite's test database, with CSRF on and no
Redis, so background work runs in-process. Every step's screenshot is kept in test-artifacts/e2e/.
Without /usr/bin/chromium the tests are skipped, except in CI, where they fail.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from flask import Flask
from werkzeug.serving import make_server

from mentorship import create_app, task_names
from mentorship.extensions import db
from tests.conftest import IN_CI, app_config, empty_all_tables

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
VIEWPORT = {"width": 1280, "height": 800}
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "e2e"
STEP_TIMEOUT_MS = 10_000
WORKER_DELAY_SECONDS = 1.5


@dataclass
class LiveServer:
    app: Flask
    url: str

    @contextmanager
    def db(self) -> Iterator[None]:
        """An app context of the served app, for arranging data with factories and checking it."""
        with self.app.app_context():
            try:
                yield
            finally:
                db.session.remove()


@pytest.fixture(scope="session")
def chromium() -> Path:
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} is not installed (apt-get install chromium) so the browser tests cannot run"
        if IN_CI:
            pytest.fail(f"{message}; required in CI", pytrace=False)
        pytest.skip(message)
    return CHROMIUM


@pytest.fixture(scope="session")
def live_server(_schema, tmp_path_factory) -> Iterator[LiveServer]:
    app = create_app(
        app_config(
            _schema,
            tmp_path_factory.mktemp("e2e"),
            TESTING=False,
            REDIS_URL=None,
            WTF_CSRF_ENABLED=True,
            # The served app would start its mail and digest thread; it would outlive the journeys
            # and write to the tables later tests read (the runner has tests of its own).
            EMBEDDED_RUNNER=False,
        )
    )
    server = make_server("127.0.0.1", 0, app, threaded=True)
    # One access-log line per request would bury a failing step's message.
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    thread = threading.Thread(target=server.serve_forever, name="e2e-server", daemon=True)
    thread.start()
    try:
        yield LiveServer(app, f"http://127.0.0.1:{server.server_port}")
    finally:
        server.shutdown()
        thread.join(timeout=10)


@pytest.fixture(scope="session")
def browser(chromium):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(chromium), args=CHROMIUM_ARGS, headless=True
        )
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture(autouse=True)
def clean_state(live_server) -> Iterator[None]:
    """Each journey starts from empty tables and a fresh in-process match index."""
    _reset(live_server)
    yield
    _reset(live_server)


def _reset(live_server: LiveServer) -> None:
    from mentorship.infrastructure.index_holder import holder

    with live_server.db():
        empty_all_tables()
        holder.reset()


class Shots:
    """Numbered screenshots of one test's steps, kept as test artefacts."""

    def __init__(self, test_name: str) -> None:
        self.folder = ARTIFACTS / re.sub(r"[^A-Za-z0-9_.-]+", "_", test_name)
        self.folder.mkdir(parents=True, exist_ok=True)
        for old in self.folder.glob("*.png"):
            old.unlink()
        self.count = 0

    def __call__(self, page, step: str) -> Path:
        self.count += 1
        path = self.folder / f"{self.count:02d}-{step}.png"
        page.screenshot(path=str(path), full_page=True)
        return path


@pytest.fixture
def shots(request) -> Shots:
    return Shots(request.node.name)


@pytest.fixture
def new_page(browser, live_server) -> Iterator[Callable]:
    """Opens a page in a browser context of its own: one per person, with her own cookies."""
    contexts = []

    def open_page():
        context = browser.new_context(base_url=live_server.url, viewport=VIEWPORT, locale="en-GB")
        context.set_default_timeout(STEP_TIMEOUT_MS)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


def log_in(page, email: str, password: str) -> None:
    page.goto("/login")
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("button", name="Log out", include_hidden=True).wait_for(state="attached")


@pytest.fixture
def matching_in_a_worker(live_server) -> Iterator[None]:
    """Matching runs a moment after the request, in another thread, as a Celery worker would.

    In-process matching would finish before the idea page first loads; this lets the page show
    the idea waiting and then follow it live to `matched`.
    """
    from mentorship.infrastructure.background import task_named

    with live_server.app.app_context():
        task = task_named(task_names.MATCH_IDEA)
    inline_apply = task.apply

    def apply_later(args=None, kwargs=None, **options):
        def run() -> None:
            with live_server.app.app_context():
                inline_apply(args=args, kwargs=kwargs, **options)
                db.session.remove()

        threading.Timer(WORKER_DELAY_SECONDS, run).start()

    task.apply = apply_later
    try:
        yield
    finally:
        del task.apply
