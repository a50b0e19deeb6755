"""Redis stops mid-run: logins, pages and submissions go on, limits count in memory, never a 500.

No mocks: the test starts its own redis-server on a free port and stops it.
"""

from __future__ import annotations

import shutil
import socket
import subprocess

import pytest
import redis

from mentorship import create_app
from mentorship.extensions import db
from tests.conftest import AuthActions, _service_missing, app_config, empty_all_tables
from tests.factories import PASSWORD, EntrepreneurFactory
from tests.web.conftest import FormSubmitter
from tests.worker.conftest import wait_until

IDEA = {"title": "Pekmez od šljiva", "description": "Pekmez i ajvar za hotele u Nišu."}


class PrivateRedis:
    """A redis-server of the test's own, which it can stop and start again on the same port."""

    def __init__(self, server: str, workdir) -> None:
        self.server, self.workdir = server, workdir
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            [self.server, "--port", str(self.port), "--bind", "127.0.0.1"]
            + ["--save", "", "--appendonly", "no", "--dir", str(self.workdir)],
            stdout=subprocess.DEVNULL,
        )
        wait_until(self.answers, timeout=10)

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None
        assert not self.answers()

    def answers(self) -> bool:
        try:
            return bool(redis.Redis.from_url(self.url, socket_connect_timeout=0.5).ping())
        except redis.RedisError:
            return False

    def keys(self) -> list[bytes]:
        return redis.Redis.from_url(self.url).keys("*mentorship*")


@pytest.fixture
def private_redis(tmp_path):
    server = shutil.which("redis-server")
    if server is None:
        _service_missing("redis-server is not installed: a Redis outage cannot be staged")
    instance = PrivateRedis(server, tmp_path)
    instance.start()
    yield instance
    instance.stop()


@pytest.fixture
def redis_backed_app(_schema, tmp_path, private_redis):
    """The production shape: Celery broker and rate-limit counts in the private Redis."""
    url = private_redis.url
    app = create_app(app_config(_schema, tmp_path, REDIS_URL=url, RATELIMIT_STORAGE_URI=url))
    app.config["LOGIN_ACCOUNT_RATE_LIMIT"] = "3 per hour"
    with app.app_context():
        yield app
        db.session.remove()
        empty_all_tables()


def _readyz(app) -> tuple[int, dict]:
    response = app.test_client().get("/readyz")
    return response.status_code, response.get_json()


def _log_in(app, email: str, password: str = PASSWORD) -> int:
    with app.app_context():
        browser = FormSubmitter(app.test_client())
        data = {"email": email, "password": password}
        return browser("/login", data, follow_redirects=False).status_code


def test_limits_count_in_redis_while_it_answers(redis_backed_app, private_redis):
    assert _log_in(redis_backed_app, "nobody@example.org", "wrong") == 200
    assert private_redis.keys()
    assert _readyz(redis_backed_app)[1]["checks"]["rate_limits"] == "redis"


def test_logins_pages_and_submissions_go_on_while_redis_is_down(redis_backed_app, private_redis):
    app = redis_backed_app
    user = EntrepreneurFactory()
    assert _log_in(app, user.email) == 302
    private_redis.stop()

    assert _log_in(app, user.email) == 302
    with app.app_context():
        browser = app.test_client()
        AuthActions(browser).login(user.email)
        pages = [browser.get(path).status_code for path in ("/", "/ideas", "/profile")]
        form = {**IDEA, "sector": "food", "stage": "idea", "needs": ["mentor"]}
        submitted = FormSubmitter(browser)("/ideas/new", form, follow_redirects=False)
    assert pages == [200, 200, 200] and submitted.status_code == 302

    api = app.test_client()
    token = api.post("/api/v1/auth/token", json={"email": user.email, "password": PASSWORD})
    assert token.status_code == 200
    headers = {"Authorization": f"Bearer {token.get_json()['token']}"}
    assert api.post("/api/v1/ideas", json=IDEA, headers=headers).status_code == 201
    with app.app_context():
        reset = FormSubmitter(app.test_client())("/forgot-password", {"email": user.email})
    assert reset.status_code == 200


def test_limits_hold_in_memory_while_redis_is_down_and_readyz_says_so(
    redis_backed_app, private_redis
):
    app = redis_backed_app
    private_redis.stop()
    statuses = [_log_in(app, "target@example.org", "wrong") for _ in range(4)]
    assert statuses == [200, 200, 200, 429]

    status, body = _readyz(app)
    assert status == 503 and body["failed"] == ["broker"]
    assert body["checks"]["rate_limits"].startswith("degraded: redis unreachable")


def test_shared_counts_come_back_with_redis(redis_backed_app, private_redis):
    app = redis_backed_app
    private_redis.stop()
    assert _log_in(app, "nobody@example.org", "wrong") == 200
    private_redis.start()
    status, body = _readyz(app)
    assert status == 200 and body["checks"]["rate_limits"] == "redis"
    assert _log_in(app, "nobody@example.org", "wrong") == 200
    assert private_redis.keys()


def test_readyz_notices_the_outage_before_any_request_does(redis_backed_app, private_redis):
    assert _readyz(redis_backed_app)[1]["checks"]["rate_limits"] == "redis"
    private_redis.stop()
    assert _readyz(redis_backed_app)[1]["checks"]["rate_limits"].startswith("degraded")
