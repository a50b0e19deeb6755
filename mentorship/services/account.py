"""The rest of an account's life: password reset and change, a copy of one's data, and deletion."""

from __future__ import annotations

import hashlib
import secrets
from contextlib import nullcontext
from datetime import date, datetime, timedelta, timezone
from typing import Any

import sqlalchemy as sa
from flask import current_app, url_for
from flask_babel import gettext as _

from mentorship import task_names
from mentorship.config import DEVELOPMENT_BASE_URL
from mentorship.extensions import db
from mentorship.i18n import language_of
from mentorship.infrastructure.background import enqueue
from mentorship.infrastructure.locking import begin_serialised
from mentorship.models import (
    AccountToken,
    AuditEntry,
    Enrolment,
    Idea,
    Match,
    Notification,
    OutboxEmail,
    Role,
    User,
)
from mentorship.models.base import as_aware, isoformat_utc
from mentorship.services import accounts, audit
from mentorship.services.errors import ConflictError, ServiceError, ValidationFailedError
from mentorship.services.notifications import send_pending_emails
from mentorship.services.pairing_endings import end_pairings_with

RESET_PURPOSE = "password_reset"
RESET_TTL = timedelta(hours=1)
# More live links than this for one account and further requests send nothing (mailbox flooding).
MAX_LIVE_RESET_LINKS = 3
REMOVED = "[deleted user]"
PERSONAL_KEYS = frozenset({"email", "name", "to_email", "owner_name", "mentor_name", "user_name"})


class ResetLinkError(ServiceError):
    """The reset link is unknown, used or expired; the message says which."""


def _now() -> datetime:
    return datetime.now(timezone.utc)


def hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


def request_password_reset(email: str) -> None:
    """E-mail a one-hour, single-use reset link if the account exists.

    The caller learns nothing either way.
    """
    raw = secrets.token_urlsafe(32)
    token_hash = hash_token(raw)
    user = accounts.find_user_by_email(email) if email else None
    if user is not None and _live_reset_links(user) < MAX_LIVE_RESET_LINKS:
        db.session.add(
            AccountToken(
                user_id=user.id,
                purpose=RESET_PURPOSE,
                token_hash=token_hash,
                expires_at=_now() + RESET_TTL,
            )
        )
        # Not notify(): this answers the person's own request, so an e-mail opt-out does not apply.
        # In her account's language, or else the language she asked in.
        with language_of(user) if user.locale else nullcontext():
            subject = _("Reset your Mentorship Match password")
            body = _reset_email_body(user, _reset_link(raw))
        db.session.add(
            OutboxEmail(user_id=user.id, to_email=user.email, subject=subject, body=body)
        )
        audit.record(user, "account.password_reset_request", "user", user.id)
        db.session.commit()
    # Both paths drain the outbox, so a known address does not answer noticeably slower.
    send_pending_emails()


def _live_reset_links(user: User) -> int:
    return (
        db.session.scalar(
            sa.select(sa.func.count(AccountToken.id)).where(
                AccountToken.user_id == user.id,
                AccountToken.purpose == RESET_PURPOSE,
                AccountToken.used_at.is_(None),
                AccountToken.expires_at > _now(),
            )
        )
        or 0
    )


def _reset_link(raw: str) -> str:
    """An absolute link on the configured public address, never on the request's Host header."""
    base = current_app.config.get("PUBLIC_BASE_URL") or DEVELOPMENT_BASE_URL
    return base.rstrip("/") + url_for("passwords.reset", token=raw)


def _reset_email_body(user: User, link: str) -> str:
    return _(
        "Hello %(name)s,\n\n"
        "someone (we hope you) asked to reset the password of your Mentorship Match account.\n"
        "Open this link within one hour to choose a new password:\n\n%(link)s\n\n"
        "The link works once. If you did not ask for this, ignore this e-mail: "
        "your password stays as it is.\n",
        name=user.name,
        link=link,
    )


def check_reset_token(raw: str) -> AccountToken:
    token = db.session.scalar(
        sa.select(AccountToken).where(
            AccountToken.token_hash == hash_token(raw or ""), AccountToken.purpose == RESET_PURPOSE
        )
    )
    if token is None:
        raise ResetLinkError(_("This reset link is not valid. Please ask for a new one."))
    if token.used_at is not None:
        raise ResetLinkError(
            _("This reset link has already been used. Please ask for a new one if you need it.")
        )
    if as_aware(token.expires_at) <= _now():
        raise ResetLinkError(
            _("This reset link has expired: links work for one hour. Please ask for a new one.")
        )
    return token


def reset_password(raw: str, new_password: str) -> User:
    """Set the new password and spend the link; the new password hash also revokes API tokens."""
    token = check_reset_token(raw)
    now = _now()
    # A conditional UPDATE spends the link exactly once, even when two requests race.
    spent = db.session.execute(
        sa.update(AccountToken)
        .where(AccountToken.id == token.id, AccountToken.used_at.is_(None))
        .values(used_at=now)
        .execution_options(synchronize_session=False)
    )
    if spent.rowcount != 1:
        db.session.rollback()
        raise ResetLinkError(
            _("This reset link has already been used. Please ask for a new one if you need it.")
        )
    user = db.session.get(User, token.user_id)
    user.set_password(new_password)
    db.session.execute(
        sa.update(AccountToken)
        .where(
            AccountToken.user_id == user.id,
            AccountToken.purpose == RESET_PURPOSE,
            AccountToken.used_at.is_(None),
        )
        .values(used_at=now)
        .execution_options(synchronize_session=False)
    )
    audit.record(user, "account.password_reset", "user", user.id)
    db.session.commit()
    return user


def change_password(user: User, current_password: str, new_password: str) -> User:
    if not user.check_password(current_password or ""):
        raise ValidationFailedError(
            _("Your current password is not right."),
            {"current_password": [_("This is not your current password.")]},
        )
    user.set_password(new_password)
    audit.record(user, "account.password_change", "user", user.id)
    db.session.commit()
    return user


def delete_account(user: User, password: str) -> None:
    """Delete the user and, through the foreign keys, their profile, ideas and matches.

    A mentor's approved pairings are the exception: they end and stay, with her name, so the
    entrepreneur and the reports keep what was agreed (services.pairing_endings). Audit entries
    stay (the actor becomes NULL) with names and e-mail addresses scrubbed.
    """
    if not user.check_password(password or ""):
        raise ValidationFailedError(
            _("That password is not right."), {"password": [_("This is not your password.")]}
        )
    if user.is_lead and _other_leads(user) == 0:
        raise ConflictError(
            _(
                "You are the only programme lead, so this account cannot be deleted. "
                "Create another lead account first."
            )
        )
    user_id, role, was_mentor = user.id, user.role, user.is_mentor
    _scrub_audit_entries(user)
    # Her approved pairings end and are kept for the entrepreneurs and the reports, with her name.
    ended = end_pairings_with(None, "mentor", user_id) if was_mentor else []
    db.session.execute(
        sa.delete(OutboxEmail).where(
            sa.or_(OutboxEmail.user_id == user_id, OutboxEmail.to_email == user.email)
        )
    )
    audit.record(
        None,
        "account.delete",
        "user",
        user_id,
        before=user.status,
        details={"role": role, "ended_pairings": [match.id for match in ended]},
    )
    db.session.delete(user)
    db.session.commit()
    send_pending_emails()
    if was_mentor:
        enqueue(task_names.CANDIDATE_CHANGED, "mentor", user_id)


def _other_leads(user: User) -> int:
    """Lock every lead row, in id order, so two leads deleting themselves at once take turns.

    On SQLite the database write lock does the same (begin_serialised).
    """
    begin_serialised()
    leads = db.session.scalars(
        sa.select(User.id).where(User.role == Role.LEAD.value).order_by(User.id).with_for_update()
    ).all()
    return sum(1 for lead_id in leads if lead_id != user.id)


def _their_ideas(user_id: int) -> sa.Select:
    return sa.select(Idea.id).where(Idea.owner_id == user_id)


def _their_matches(user_id: int) -> sa.Select:
    return sa.select(Match.id).where(
        sa.or_(Match.mentor_id == user_id, Match.idea_id.in_(_their_ideas(user_id)))
    )


def _scrub_audit_entries(user: User) -> None:
    entries = db.session.scalars(
        sa.select(AuditEntry).where(
            sa.or_(
                AuditEntry.actor_id == user.id,
                sa.and_(AuditEntry.object_type == "user", AuditEntry.object_id == user.id),
                sa.and_(
                    AuditEntry.object_type == "idea",
                    AuditEntry.object_id.in_(_their_ideas(user.id)),
                ),
                sa.and_(
                    AuditEntry.object_type == "match",
                    AuditEntry.object_id.in_(_their_matches(user.id)),
                ),
            )
        )
    )
    personal = [value for value in (user.email, user.name) if value]
    for entry in entries:
        if entry.note:
            entry.note = _scrub_text(entry.note, personal)
        if entry.details:
            entry.details = _scrub_value(entry.details, personal)
        if entry.object_type == "user" and entry.object_id == user.id:
            entry.details = _without_profile_values(entry.details)


def _without_profile_values(details: dict[str, Any]) -> dict[str, Any]:
    """Her audited profile changes keep which fields changed, not what she had written."""
    changes = details.get("changes")
    if not isinstance(changes, dict):
        return details
    return {
        **details,
        "changes": {field: {"before": REMOVED, "after": REMOVED} for field in changes},
    }


def _scrub_text(text: str, personal: list[str]) -> str:
    for value in personal:
        text = text.replace(value, REMOVED)
    return text


def _scrub_value(value: Any, personal: list[str]) -> Any:
    """A new structure (so the JSON column sees the change) with personal strings removed."""
    if isinstance(value, dict):
        return {
            key: (
                REMOVED
                if key in PERSONAL_KEYS and isinstance(item, str)
                else _scrub_value(item, personal)
            )
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [_scrub_value(item, personal) for item in value]
    if isinstance(value, str):
        return _scrub_text(value, personal)
    return value


def export_user_data(user: User) -> dict[str, Any]:
    """Everything held about the user, as JSON-ready data."""
    matches = db.session.scalars(
        sa.select(Match)
        .where(sa.or_(Match.id.in_(_their_matches(user.id)), Match.decided_by_id == user.id))
        .order_by(Match.id)
    )
    return {
        "exported_at": isoformat_utc(_now()),
        "account": {
            "id": user.id,
            "email": user.email,
            "name": user.name,
            "role": user.role,
            "status": user.status,
            "email_notifications": user.email_notifications,
            "locale": user.locale,
            "created_at": isoformat_utc(user.created_at),
            "updated_at": isoformat_utc(user.updated_at),
        },
        "profile": _row(user.profile, exclude={"user_id"}) if user.profile is not None else None,
        "ideas": [
            _row(idea)
            for idea in db.session.scalars(
                sa.select(Idea).where(Idea.owner_id == user.id).order_by(Idea.id)
            )
        ],
        "matches": [_row(match) | {"target_name": match.target_name} for match in matches],
        "notifications": [
            _row(note)
            for note in db.session.scalars(
                sa.select(Notification)
                .where(Notification.user_id == user.id)
                .order_by(Notification.id)
            )
        ],
        "emails": [
            _row(email, exclude={"body", "last_error"})
            for email in db.session.scalars(
                sa.select(OutboxEmail)
                .where(OutboxEmail.user_id == user.id)
                .order_by(OutboxEmail.id)
            )
        ],
        "enrolments": [
            _row(enrolment)
            for enrolment in db.session.scalars(
                sa.select(Enrolment).where(Enrolment.user_id == user.id)
            )
        ],
        "audit_entries": [
            _row(entry)
            for entry in db.session.scalars(
                sa.select(AuditEntry).where(AuditEntry.actor_id == user.id).order_by(AuditEntry.id)
            )
        ],
    }


def _row(obj: Any, exclude: set[str] = frozenset()) -> dict[str, Any]:
    return {
        attribute.key: _plain(getattr(obj, attribute.key))
        for attribute in sa.inspect(obj).mapper.column_attrs
        if attribute.key not in exclude
    }


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return isoformat_utc(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bytes):
        return None
    return value
