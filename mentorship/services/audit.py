"""Writes audit entries inside the caller's transaction, so a decision and its record commit together."""

from __future__ import annotations

from typing import Any

from mentorship.extensions import db
from mentorship.models import AuditEntry, User


def record(
    actor: User | None,
    action: str,
    object_type: str,
    object_id: int | None,
    *,
    before: str | None = None,
    after: str | None = None,
    note: str | None = None,
    details: dict[str, Any] | None = None,
) -> AuditEntry:
    entry = AuditEntry(
        actor_id=actor.id if actor is not None else None,
        action=action,
        object_type=object_type,
        object_id=object_id,
        before_status=before,
        after_status=after,
        note=note,
        details=details or {},
    )
    db.session.add(entry)
    return entry
