"""Settings from the environment, with safe defaults for the embedded (SQLite, no Redis) mode."""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Any, Mapping
from urllib.parse import urlsplit

from limits import parse as parse_rate_limit

PRODUCTION_NAMES = {"production", "prod"}
# Where links in e-mails point when PUBLIC_BASE_URL is unset outside production: the address
# `./dev demo` serves, never the Host header a request happened to carry.
DEVELOPMENT_PORT = "5000"
DEVELOPMENT_BASE_URL = f"http://127.0.0.1:{DEVELOPMENT_PORT}"
# The limits, as "N per period"; the contract's floors are in the README ("Rate limits").
RATE_LIMIT_DEFAULTS = {
    "LOGIN_ACCOUNT_RATE_LIMIT": "10 per 15 minutes",
    "LOGIN_ADDRESS_RATE_LIMIT": "50 per hour",
    "LOGIN_UNFAMILIAR_RATE_LIMIT": "10 per hour",
    "REGISTER_RATE_LIMIT": "60 per hour",
    "PASSWORD_RESET_RATE_LIMIT": "10 per hour",
    "IDEA_SUBMIT_RATE_LIMIT": "120 per hour",
}


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


def _public_base_url(env: Mapping[str, str], production: bool) -> str:
    """The site's own address for links in e-mails; production must name it, over HTTPS."""
    url = (env.get("PUBLIC_BASE_URL") or "").strip().rstrip("/")
    if not url:
        if production:
            raise ConfigError(
                "production needs PUBLIC_BASE_URL (e.g. https://match.example.org): "
                "links in e-mails are built from it"
            )
        return f"http://127.0.0.1:{env.get('PORT') or DEVELOPMENT_PORT}"
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.netloc or parts.query or parts.fragment:
        raise ConfigError(f"PUBLIC_BASE_URL must look like https://match.example.org, not {url!r}")
    if production and parts.scheme != "https":
        raise ConfigError(
            "production serves its session cookies over HTTPS only, so PUBLIC_BASE_URL must "
            "start with https:// (put the TLS proxy from docker-compose.yml in front)"
        )
    return url


def _whole_number(env: Mapping[str, str], name: str, default: int) -> int:
    raw = env.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ConfigError(f"{name} must be a whole number, not {raw!r}") from None
    if value < 0:
        raise ConfigError(f"{name} must not be negative")
    return value


def _hour_of_day(env: Mapping[str, str], name: str, default: int) -> int:
    value = _whole_number(env, name, default)
    if value > 23:
        raise ConfigError(f"{name} must be an hour from 0 to 23, not {value}")
    return value


def _rate_limits(env: Mapping[str, str]) -> dict[str, str]:
    limits = {name: env.get(name) or default for name, default in RATE_LIMIT_DEFAULTS.items()}
    for name, value in limits.items():
        check_rate_limit(name, value)
    return limits


def check_rate_limit(name: str, value: str) -> None:
    """A limit the limiter cannot read stops the start, rather than silently limiting nothing."""
    try:
        parse_rate_limit(value)
    except ValueError:
        raise ConfigError(f"{name} must read like '10 per hour', not {value!r}") from None


def load_config(instance_path: Path, env: Mapping[str, str] = os.environ) -> dict[str, Any]:
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
    public_base_url = _public_base_url(env, production)
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
        "PREFERRED_URL_SCHEME": "https" if production else "http",
        "API_TOKEN_TTL_SECONDS": _whole_number(env, "API_TOKEN_TTL_SECONDS", 24 * 3600),
        # How many reverse proxies in front of the app add X-Forwarded-For / -Proto; 0 trusts none.
        "PROXY_HOPS": _whole_number(env, "PROXY_HOPS", 0),
        "RATELIMIT_STORAGE_URI": env.get("RATELIMIT_STORAGE_URI") or redis_url or "memory://",
        **_rate_limits(env),
        "MATCH_INDEX_PATH": env.get("MATCH_INDEX_PATH")
        or str(instance_path / "match_index.joblib"),
        # Meaning-aware matching with the bundled sentence model; "off" matches on words alone.
        "MATCH_EMBEDDINGS": (env.get("MATCH_EMBEDDINGS") or "on").strip().lower()
        not in {"0", "off", "false", "no"},
        # A new idea's few never-seen words do not wait for the model (embedded just after).
        "MATCH_FAST_NEW_WORDS": (env.get("MATCH_FAST_NEW_WORDS") or "on").strip().lower()
        not in {"0", "off", "false", "no"},
        # Another packed e5 model file for it; empty means the one bundled in the package.
        "MATCH_EMBEDDING_MODEL": env.get("MATCH_EMBEDDING_MODEL") or None,
        # An unacknowledged task (its worker died) is handed out again after this many seconds.
        "BROKER_VISIBILITY_TIMEOUT": _whole_number(env, "BROKER_VISIBILITY_TIMEOUT", 600),
        "BROKER_RESTORE_INTERVAL": _whole_number(env, "BROKER_RESTORE_INTERVAL", 60),
        # The recovery sweep runs this often; a running job's lease is renewed while it runs.
        "RECOVERY_INTERVAL_SECONDS": _whole_number(env, "RECOVERY_INTERVAL_SECONDS", 10),
        "JOB_LEASE_SECONDS": _whole_number(env, "JOB_LEASE_SECONDS", 20),
        "JOB_QUEUE_PATIENCE_SECONDS": _whole_number(env, "JOB_QUEUE_PATIENCE_SECONDS", 300),
        "STALE_IDEA_SECONDS": _whole_number(env, "STALE_IDEA_SECONDS", 60),
        "DIGEST_HOUR": _hour_of_day(env, "DIGEST_HOUR", 7),
        # 0: the weeks and grace days of services/mentorships/settings.json (8 and 14).
        "MENTORSHIP_INACTIVE_WEEKS": _whole_number(env, "MENTORSHIP_INACTIVE_WEEKS", 0),
        "MENTORSHIP_INACTIVE_GRACE_DAYS": _whole_number(env, "MENTORSHIP_INACTIVE_GRACE_DAYS", 0),
        # A due check-in still unanswered this many days after the first reminder is reminded
        # once more (0: 7 days).
        "CHECK_IN_REMINDER_DAYS": _whole_number(env, "CHECK_IN_REMINDER_DAYS", 7),
        "MAIL_OUTBOX_PATH": env.get("MAIL_OUTBOX_PATH") or str(instance_path / "outbox"),
        "MAIL_SERVER": env.get("MAIL_SERVER") or None,
        "MAIL_PORT": _whole_number(env, "MAIL_PORT", 587),
        "MAIL_USE_TLS": (env.get("MAIL_USE_TLS") or "true").lower() in {"1", "true", "yes"},
        "MAIL_USERNAME": env.get("MAIL_USERNAME") or None,
        "MAIL_PASSWORD": env.get("MAIL_PASSWORD") or None,
        "MAIL_DEFAULT_SENDER": env.get("MAIL_DEFAULT_SENDER")
        or "Mentorship Match <no-reply@localhost>",
        "PUBLIC_BASE_URL": public_base_url,
        # Times are stored in UTC and shown in the programme's own time zone.
        "BABEL_DEFAULT_TIMEZONE": env.get("DISPLAY_TIMEZONE") or "Europe/Belgrade",
    }
