"""Settings from the environment: safe defaults, and no production start without secrets."""

from __future__ import annotations

from pathlib import Path

import pytest
from limits import parse

from mentorship.config import RATE_LIMIT_DEFAULTS, ConfigError, load_config, normalise_database_url

PRODUCTION = {
    "APP_ENV": "production",
    "SECRET_KEY": "s" * 40,
    "DATABASE_URL": "postgresql://db/x",
    "PUBLIC_BASE_URL": "https://match.example.org",
}


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    with pytest.raises(ConfigError, match="SECRET_KEY"):
        load_config(tmp_path, {"APP_ENV": "production", "DATABASE_URL": "postgresql://db/x"})


def test_production_refuses_to_start_without_a_database_url(tmp_path):
    with pytest.raises(ConfigError, match="DATABASE_URL"):
        load_config(tmp_path, {"APP_ENV": "production", "SECRET_KEY": "s" * 40})


def test_production_marks_cookies_secure(tmp_path):
    config = load_config(tmp_path, PRODUCTION)
    assert config["SESSION_COOKIE_SECURE"] and config["SESSION_COOKIE_HTTPONLY"]
    assert config["SESSION_COOKIE_SAMESITE"] == "Lax"


def test_development_generates_a_secret_once_and_keeps_it(tmp_path):
    first = load_config(tmp_path, {})["SECRET_KEY"]
    assert len(first) >= 32 and load_config(tmp_path, {})["SECRET_KEY"] == first


def test_the_embedded_default_is_sqlite_without_redis(tmp_path):
    config = load_config(tmp_path, {})
    assert (
        config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite:///") and config["REDIS_URL"] is None
    )


def test_postgres_urls_use_the_psycopg_driver():
    assert normalise_database_url("postgres://u@h/db") == "postgresql+psycopg://u@h/db"
    assert normalise_database_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"


def test_production_refuses_to_start_without_a_public_base_url(tmp_path):
    with pytest.raises(ConfigError, match="PUBLIC_BASE_URL"):
        load_config(tmp_path, {**PRODUCTION, "PUBLIC_BASE_URL": ""})


def test_production_refuses_a_plain_http_public_base_url_its_secure_cookies_cannot_use(tmp_path):
    with pytest.raises(ConfigError, match="https://"):
        load_config(tmp_path, {**PRODUCTION, "PUBLIC_BASE_URL": "http://match.example.org"})


@pytest.mark.parametrize(
    "url", ["match.example.org", "ftp://match.example.org", "https://", "https://x.org/?a=1"]
)
def test_a_public_base_url_that_is_not_a_site_address_is_refused(tmp_path, url):
    with pytest.raises(ConfigError, match="PUBLIC_BASE_URL"):
        load_config(tmp_path, {"PUBLIC_BASE_URL": url})


def test_the_public_base_url_loses_its_trailing_slash(tmp_path):
    config = load_config(tmp_path, {**PRODUCTION, "PUBLIC_BASE_URL": "https://match.example.org/"})
    assert config["PUBLIC_BASE_URL"] == "https://match.example.org"


def test_development_links_default_to_the_local_server_never_a_request_host(tmp_path):
    assert load_config(tmp_path, {})["PUBLIC_BASE_URL"] == "http://127.0.0.1:5000"
    assert load_config(tmp_path, {"PORT": "8080"})["PUBLIC_BASE_URL"] == "http://127.0.0.1:8080"


def test_proxy_headers_are_trusted_from_no_proxy_unless_told(tmp_path):
    assert load_config(tmp_path, {})["PROXY_HOPS"] == 0
    assert load_config(tmp_path, {"PROXY_HOPS": "1"})["PROXY_HOPS"] == 1


@pytest.mark.parametrize("value", ["one", "-1"])
def test_a_proxy_hop_count_that_is_not_a_whole_number_is_refused(tmp_path, value):
    with pytest.raises(ConfigError, match="PROXY_HOPS"):
        load_config(tmp_path, {"PROXY_HOPS": value})


def test_an_unreadable_rate_limit_is_refused_rather_than_ignored(tmp_path):
    with pytest.raises(ConfigError, match="REGISTER_RATE_LIMIT"):
        load_config(tmp_path, {"REGISTER_RATE_LIMIT": "lots"})


def test_rate_limits_are_settings(tmp_path):
    config = load_config(tmp_path, {"IDEA_SUBMIT_RATE_LIMIT": "500 per hour"})
    assert config["IDEA_SUBMIT_RATE_LIMIT"] == "500 per hour"


def _per_hour(setting: str) -> float:
    item = parse(RATE_LIMIT_DEFAULTS[setting])
    return item.amount * 3600 / item.get_expiry()


def test_the_default_limits_leave_the_room_the_contract_promises():
    assert _per_hour("REGISTER_RATE_LIMIT") >= 60
    assert _per_hour("IDEA_SUBMIT_RATE_LIMIT") >= 120
    assert 10 <= parse(RATE_LIMIT_DEFAULTS["LOGIN_ACCOUNT_RATE_LIMIT"]).amount < 60


ROOT = Path(__file__).resolve().parents[2]
# Set by docker-compose.yml itself, or meaningful only outside it.
SET_BY_COMPOSE = {"APP_ENV", "DATABASE_URL", "REDIS_URL", "MATCH_INDEX_PATH", "PROXY_HOPS"}
NOT_FOR_COMPOSE = {"FLASK_ENV", "PORT"}


class ReadRecorder(dict):
    """An environment that remembers every name the settings asked for."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.asked: set[str] = set()

    def get(self, name, default=None):
        self.asked.add(name)
        return super().get(name, default)


def _env_example() -> dict[str, str]:
    lines = (ROOT / ".env.example").read_text().splitlines()
    pairs = [line.split("=", 1) for line in lines if line and not line.startswith("#")]
    return {name: value for name, value in pairs}


def test_env_example_documents_every_setting_the_app_reads(tmp_path):
    env = ReadRecorder({**_env_example(), **PRODUCTION})
    load_config(tmp_path, env)
    undocumented = env.asked - set(_env_example()) - SET_BY_COMPOSE - NOT_FOR_COMPOSE
    assert undocumented == set()


def test_env_example_once_filled_in_starts_production(tmp_path):
    filled = {**_env_example(), "SECRET_KEY": "s" * 64, "POSTGRES_PASSWORD": "pw"}
    compose = {"APP_ENV": "production", "DATABASE_URL": "postgresql://mentorship:pw@db/mentorship"}
    config = load_config(tmp_path, {**filled, **compose})
    assert config["PUBLIC_BASE_URL"] == "https://match.example.org"
    assert config["LOGIN_ACCOUNT_RATE_LIMIT"] == RATE_LIMIT_DEFAULTS["LOGIN_ACCOUNT_RATE_LIMIT"]
    assert config["MAIL_SERVER"] is None and config["MAIL_PORT"] == 587


def test_env_example_holds_no_secret():
    example = _env_example()
    assert example["SECRET_KEY"] == "" and example["POSTGRES_PASSWORD"] == ""
