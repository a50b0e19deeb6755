"""Submission keys: what makes a retried or doubled idea submission find the idea it created.

A key is an API client's Idempotency-Key or the one-time token of the web form. It is stored
with the idea in the same transaction, unique per account, and honoured for KEY_VALIDITY;
expired keys are removed lazily by later keyed submissions.
"""

from __future__ import annotations

import hashlib
import json
import logging
from datetime import datetime, timedelta, timezone
from typing import Any

import sqlalchemy as sa
from sqlalchemy.exc import SQLAlchemyError

from mentorship.extensions import db
from mentorship.models import IdeaSubmission

log = logging.getLogger(__name__)
KEY_VALIDITY = timedelta(hours=24)
FORM_KEY_PREFIX = "form:"
"""Keeps web-form tokens apart from API Idempotency-Keys stored in the same column."""
FORM_REPEAT_WINDOW = timedelta(minutes=30)
"""How long an identical idea sent again through the form counts as the same submission."""
CLEANUP_BATCH = 100


def _cutoff() -> datetime:
    return datetime.now(timezone.utc) - KEY_VALIDITY


def request_hash(data: dict[str, Any]) -> str:
    """A fingerprint of the validated input, so a reused key with other content can be told apart."""
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def find(owner_id: int, key: str) -> IdeaSubmission | None:
    """The account's submission under `key` within its validity, if any."""
    return db.session.scalar(
        sa.select(IdeaSubmission).where(
            IdeaSubmission.owner_id == owner_id,
            IdeaSubmission.key == key,
            IdeaSubmission.created_at >= _cutoff(),
        )
    )


def find_same_form(owner_id: int, fingerprint: str) -> IdeaSubmission | None:
    """The account's web-form submission of exactly this content within FORM_REPEAT_WINDOW.

    Back after sending a form shows it again, filled in but with a new one-time token: sent
    again, it would make a second, identical idea. API clients say what is a repeat with
    their keys, so only form submissions are matched by content.
    """
    return db.session.scalar(
        sa.select(IdeaSubmission)
        .where(
            IdeaSubmission.owner_id == owner_id,
            IdeaSubmission.key.startswith(FORM_KEY_PREFIX),
            IdeaSubmission.request_hash == fingerprint,
            IdeaSubmission.created_at >= datetime.now(timezone.utc) - FORM_REPEAT_WINDOW,
        )
        .order_by(IdeaSubmission.id.desc())
        .limit(1)
    )


def remember(owner_id: int, key: str, fingerprint: str, idea_id: int) -> None:
    """Store the key with its idea in the caller's transaction.

    An expired row under the same key goes first, so the unique (owner, key) pair only ever
    stops a second idea within the validity. The flush raises IntegrityError when a concurrent
    submission with the same key committed first.
    """
    db.session.execute(
        sa.delete(IdeaSubmission).where(
            IdeaSubmission.owner_id == owner_id,
            IdeaSubmission.key == key,
            IdeaSubmission.created_at < _cutoff(),
        ),
        execution_options={"synchronize_session": False},
    )
    db.session.add(
        IdeaSubmission(owner_id=owner_id, key=key, request_hash=fingerprint, idea_id=idea_id)
    )
    db.session.flush()


def forget_expired() -> int:
    """Remove a batch of anyone's expired keys; best effort, after a submission committed.

    Oldest ids first, so concurrent clean-ups lock rows in the same order and never deadlock.
    """
    oldest = (
        sa.select(IdeaSubmission.id)
        .where(IdeaSubmission.created_at < _cutoff())
        .order_by(IdeaSubmission.id)
        .limit(CLEANUP_BATCH)
    )
    try:
        result = db.session.execute(
            sa.delete(IdeaSubmission).where(IdeaSubmission.id.in_(oldest)),
            execution_options={"synchronize_session": False},
        )
        db.session.commit()
    except SQLAlchemyError:
        log.warning("could not remove expired submission keys; a later submission will")
        db.session.rollback()
        return 0
    return result.rowcount or 0
