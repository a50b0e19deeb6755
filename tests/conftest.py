"""Shared fixtures: an app on a real database (SQLite by default, PostgreSQL when configured).

TEST_DATABASE_URL points the suite at PostgreSQL, TEST_REDIS_URL at Redis. In CI (CI=true) a
configured service that does not answer fails the run; on a developer's machine tests that need
an unavailable service are skipped with the reason.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from pathlib import Path

import pytest
import sqlalchemy as sa

from mentorship import create_app
from mentorship.config import normalise_database_url
from mentorship.extensions import db
from tests.factories import PASSWORD

IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def _service_missing(reason: str) -> None:
    if IN_CI:
        pytest.fail(f"{reason} (required in CI)", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def database_url(tmp_path_factory) -> str:
    url = os.environ.get("TEST_DATABASE_URL")
    if not url:
        return f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.db'}"
    url = normalise_database_url(url)
    engine = sa.create_engine(url)
    try:
        with engine.connect() as connection:
            connection.execute(sa.text("SELECT 1"))
    except Exception as error:
        pytest.exit(f"TEST_DATABASE_URL does not answer: {error}", returncode=3)
    finally:
        engine.dispose()
    return url


@pytest.fixture(scope="session")
def redis_url() -> str:
    url = os.environ.get("TEST_REDIS_URL")
    if not url:
        _service_missing("Redis not configured: set TEST_REDIS_URL to run this test")
    import redis

    try:
        redis.Redis.from_url(url, socket_connect_timeout=2).ping()
    except Exception as error:
        _service_missing(f"Redis at {url} does not answer: {error}")
    return url


def app_config(database_url: str, tmp_path: Path, **extra) -> dict:
    config = {
        "TESTING": True,
        "SECRET_KEY": "test-secret-key",
        "SQLALCHEMY_DATABASE_URI": database_url,
        "REDIS_URL": None,
        "RATELIMIT_STORAGE_URI": "memory://",
        "PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000",
        "MATCH_INDEX_PATH": str(tmp_path / "match_index.joblib"),
        "MAIL_OUTBOX_PATH": str(tmp_path / "outbox"),
        "SERVER_NAME": None,
        # New words wait for the model: guesses would depend on which words earlier tests
        # taught this process, and on a background thread's timing.
        "MATCH_FAST_NEW_WORDS": False,
    }
    config.update(extra)
    return config


@pytest.fixture(scope="session")
def _schema(database_url):
    """Create the schema once per run; each test then empties the tables it touched."""
    app = create_app(app_config(database_url, Path("/tmp")))
    with app.app_context():
        db.drop_all()
        with db.engine.begin() as connection:
            connection.execute(sa.text("DROP TABLE IF EXISTS alembic_version"))
        db.create_all()
    return database_url


def empty_all_tables() -> None:
    tables = list(reversed(db.metadata.sorted_tables))
    if db.engine.dialect.name == "postgresql":
        names = ", ".join(table.name for table in tables)
        for attempt in range(3):
            try:
                with db.engine.begin() as connection:
                    connection.execute(sa.text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
                return
            except sa.exc.OperationalError as error:
                # A background thread of an earlier app (a job-lease renewal, say) can hold
                # one of the tables' locks at this moment; PostgreSQL may then pick this
                # clean-up as a deadlock's victim. Emptying the tables again is safe.
                if "deadlock detected" not in str(error) or attempt == 2:
                    raise
    else:
        with db.engine.begin() as connection:
            for table in tables:
                connection.execute(table.delete())


@pytest.fixture(autouse=True)
def no_leftover_runner() -> None:
    """No embedded runner of an earlier test may still be sending digests into this one's tables.

    A runner left running (the e2e server once started one for the whole session) wrote to users
    and mentor profiles every minute, and a test that fingerprints those tables failed by chance.
    A stopped runner may still be finishing its round, so it gets a few seconds to end.
    """
    deadline = time.monotonic() + 5
    while _runner_threads() and time.monotonic() < deadline:
        time.sleep(0.05)
    if _runner_threads():
        pytest.fail("an embedded runner of an earlier test is still running", pytrace=False)


def _runner_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "embedded-runner" and t.is_alive()]


@pytest.fixture
def app(_schema, tmp_path):
    app = create_app(app_config(_schema, tmp_path))
    with app.app_context():
        _reset_match_index()
        yield app
        db.session.remove()
        empty_all_tables()
        _reset_match_index()
        # Each app has its own engine: close its pooled connections now rather than at garbage
        # collection, so a long run never holds dozens of idle database connections.
        db.engine.dispose()


def _reset_match_index() -> None:
    """The per-process index must not carry candidates from one test into the next."""
    holders = sys.modules.get("mentorship.infrastructure.index_holder")
    if holders is not None:
        holders.holder.reset()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


class AuthActions:
    """Logs in through the real HTML form, CSRF token included."""

    def __init__(self, client) -> None:
        self._client = client

    def login(self, email: str, password: str = PASSWORD):
        page = self._client.get("/login")
        token = csrf_token_from(page.get_data(as_text=True))
        return self._client.post(
            "/login",
            data={"email": email, "password": password, "csrf_token": token},
            follow_redirects=True,
        )

    def logout(self):
        page = self._client.get("/")
        token = csrf_token_from(page.get_data(as_text=True))
        return self._client.post("/logout", data={"csrf_token": token}, follow_redirects=True)


def client_at(app, address: str, **environ):
    """A browser or API client seen by the app as coming from `address`."""
    client = app.test_client()
    client.environ_base.update(REMOTE_ADDR=address, **environ)
    return client


def csrf_token_from(html: str) -> str:
    import re

    found = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', html) or re.search(
        r'name="csrf-token" content="([^"]+)"', html
    )
    assert found, "page has no CSRF token"
    return found.group(1)


@pytest.fixture
def auth(client):
    return AuthActions(client)


@pytest.fixture
def api_headers(client):
    """Bearer headers for a user, obtained through POST /api/v1/auth/token."""

    def make(user, password: str = PASSWORD) -> dict[str, str]:
        response = client.post(
            "/api/v1/auth/token", json={"email": user.email, "password": password}
        )
        assert response.status_code == 200, response.get_json()
        return {"Authorization": f"Bearer {response.get_json()['token']}"}

    return make
