"""Liveness and readiness probes for orchestrators and load balancers."""

from __future__ import annotations

import sqlalchemy as sa
from flask import Blueprint, current_app, jsonify

from mentorship.extensions import db
from mentorship.infrastructure import embeddings

health_bp = Blueprint("health", __name__)


@health_bp.get("/healthz")
def healthz():
    return jsonify({"status": "ok"})


@health_bp.get("/readyz")
def readyz():
    """Ready when the database answers and, outside embedded mode, the broker too."""
    checks: dict[str, str] = {}
    try:
        db.session.execute(sa.text("SELECT 1"))
        checks["database"] = "ok"
    except Exception as error:  # any driver error means "not ready", never a 500
        db.session.rollback()
        checks["database"] = f"failed: {type(error).__name__}"
    redis_url = current_app.config.get("REDIS_URL")
    if redis_url:
        checks["broker"] = _ping_redis(redis_url)
    else:
        checks["broker"] = "embedded"
    failed = [name for name, state in checks.items() if state.startswith("failed")]
    # Details that do not decide readiness: the app serves on without them, less well.
    checks["rate_limits"] = current_app.extensions["rate_limits"].status()
    checks["mail"] = "smtp" if current_app.config.get("MAIL_SERVER") else "files (no MAIL_SERVER)"
    checks["matching_meaning"] = embeddings.status()
    if failed:
        return jsonify({"status": "unavailable", "failed": failed, "checks": checks}), 503
    return jsonify({"status": "ok", "checks": checks})


def _ping_redis(url: str) -> str:
    import redis

    try:
        client = redis.Redis.from_url(url, socket_connect_timeout=1, socket_timeout=1)
        client.ping()
        return "ok"
    except Exception as error:
        return f"failed: {type(error).__name__}"
