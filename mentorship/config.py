"""Settings from the environment, with safe defaults for the embedded (SQLite, no Redis) mode."""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Any

PRODUCTION_NAMES = {"production", "prod"}


class ConfigError(RuntimeError):
    """The environment does not describe a runnable app (e.g. production without a secret)."""


def normalise_database_url(url: str) -> str:
    """Point plain postgres URLs at the psycopg 3 driver, the one we install."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def _development_secret(instance_path: Path) -> str:
    """Generate a secret once per checkout and keep it under instance/, never in the repo."""
    instance_path.mkdir(parents=True, exist_ok=True)
    key_file = instance_path / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_hex(32))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


def load_config(
    instance_path: Path, env: os._Environ[str] | dict[str, str] = os.environ
) -> dict[str, Any]:
    """Build the Flask config mapping from environment variables."""
    environment = env.get("APP_ENV") or env.get("FLASK_ENV") or "development"
    production = environment.lower() in PRODUCTION_NAMES

    secret_key = env.get("SECRET_KEY")
    database_url = env.get("DATABASE_URL")
    if production:
        missing = [
            name
            for name, value in (("SECRET_KEY", secret_key), ("DATABASE_URL", database_url))
            if not value
        ]
        if missing:
            raise ConfigError(f"production needs {', '.join(missing)} set in the environment")
    if not secret_key:
        secret_key = _development_secret(instance_path)
    if not database_url:
        database_url = f"sqlite:///{instance_path / 'mentorship.db'}"

    redis_url = env.get("REDIS_URL") or None
    return {
        "ENV_NAME": "production" if production else environment.lower(),
        "SECRET_KEY": secret_key,
        "SQLALCHEMY_DATABASE_URI": normalise_database_url(database_url),
        "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True},
        "REDIS_URL": redis_url,
        "MAX_CONTENT_LENGTH": 1024 * 1024,
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": production,
        "REMEMBER_COOKIE_HTTPONLY": True,
        "REMEMBER_COOKIE_SAMESITE": "Lax",
        "REMEMBER_COOKIE_SECURE": production,
        "WTF_CSRF_TIME_LIMIT": None,
        "API_TOKEN_TTL_SECONDS": int(env.get("API_TOKEN_TTL_SECONDS", 24 * 3600)),
        "LOGIN_RATE_LIMIT": env.get("LOGIN_RATE_LIMIT", "5 per minute"),
        "RATELIMIT_STORAGE_URI": env.get("RATELIMIT_STORAGE_URI") or redis_url or "memory://",
        "RATELIMIT_HEADERS_ENABLED": True,
        "MATCH_INDEX_PATH": env.get("MATCH_INDEX_PATH")
        or str(instance_path / "match_index.joblib"),
        # An unacknowledged task (its worker died) is handed out again after this many seconds.
        "BROKER_VISIBILITY_TIMEOUT": int(env.get("BROKER_VISIBILITY_TIMEOUT", 600)),
        "BROKER_RESTORE_INTERVAL": int(env.get("BROKER_RESTORE_INTERVAL", 60)),
        "STALE_IDEA_MINUTES": int(env.get("STALE_IDEA_MINUTES", 10)),
        "MAIL_OUTBOX_PATH": env.get("MAIL_OUTBOX_PATH") or str(instance_path / "outbox"),
        "MAIL_SERVER": env.get("MAIL_SERVER") or None,
        "MAIL_PORT": int(env.get("MAIL_PORT", 587)),
        "MAIL_USE_TLS": env.get("MAIL_USE_TLS", "true").lower() in {"1", "true", "yes"},
        "MAIL_USERNAME": env.get("MAIL_USERNAME") or None,
        "MAIL_PASSWORD": env.get("MAIL_PASSWORD") or None,
        "MAIL_DEFAULT_SENDER": env.get(
            "MAIL_DEFAULT_SENDER", "Mentorship Match <no-reply@localhost>"
        ),
        "PUBLIC_BASE_URL": env.get("PUBLIC_BASE_URL", ""),
        # Times are stored in UTC and shown in the programme's own time zone.
        "BABEL_DEFAULT_TIMEZONE": env.get("DISPLAY_TIMEZONE", "Europe/Belgrade"),
    }
