"""Settings from the environment: safe defaults, and no production start without secrets."""

from __future__ import annotations

import pytest

from mentorship.config import ConfigError, load_config, normalise_database_url


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    with pytest.raises(ConfigError, match="SECRET_KEY"):
        load_config(tmp_path, {"APP_ENV": "production", "DATABASE_URL": "postgresql://db/x"})


def test_production_refuses_to_start_without_a_database_url(tmp_path):
    with pytest.raises(ConfigError, match="DATABASE_URL"):
        load_config(tmp_path, {"APP_ENV": "production", "SECRET_KEY": "s" * 40})


def test_production_marks_cookies_secure(tmp_path):
    config = load_config(
        tmp_path,
        {"APP_ENV": "production", "SECRET_KEY": "s" * 40, "DATABASE_URL": "postgresql://db/x"},
    )
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
