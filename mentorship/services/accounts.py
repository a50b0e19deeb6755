"""Accounts: registration, authentication, API tokens and profile changes."""

from __future__ import annotations

import hashlib
import hmac
from datetime import datetime, timedelta, timezone
from typing import Any

import sqlalchemy as sa
from flask import current_app
from flask_babel import gettext as _
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer
from sqlalchemy.exc import IntegrityError

from mentorship import task_names
from mentorship.extensions import db
from mentorship.infrastructure.background import enqueue
from mentorship.models import EntrepreneurProfile, MentorProfile, MentorStatus, Role, User
from mentorship.models.directory import ContactStatus
from mentorship.services import audit
from mentorship.services.errors import ConflictError, ValidationFailedError
from mentorship.services.mentors import check_capacity, record_capacity_change

TOKEN_SALT = "api-token"
# A well-formed hash to compare against when the e-mail is unknown, so both paths cost the same.
_DUMMY_HASH: str | None = None


def find_user_by_email(email: str) -> User | None:
    return db.session.scalar(sa.select(User).where(User.email == email.strip().lower()))


def register_user(
    email: str, password: str, name: str, role: str, locale: str | None = None
) -> User:
    """Create an account with an empty profile; mentors wait for a lead's approval."""
    email = email.strip().lower()
    if find_user_by_email(email) is not None:
        raise ConflictError(
            _("An account with this e-mail already exists."), {"email": [_("Already registered.")]}
        )
    user = User(email=email, name=name.strip(), role=role, locale=locale)
    user.set_password(password)
    if role == Role.ENTREPRENEUR:
        user.entrepreneur_profile = EntrepreneurProfile(country="RS", languages=[])
    elif role == Role.MENTOR:
        user.mentor_profile = MentorProfile(
            status=MentorStatus.PENDING.value, sectors=[], languages=[]
        )
    db.session.add(user)
    try:
        db.session.flush()
        audit.record(
            user, "account.register", "user", user.id, after=user.status, details={"role": role}
        )
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        raise ConflictError(
            _("An account with this e-mail already exists."), {"email": [_("Already registered.")]}
        ) from None
    return user


def authenticate(email: str, password: str) -> User | None:
    """The same work and the same answer for an unknown e-mail and a wrong password."""
    global _DUMMY_HASH
    user = find_user_by_email(email) if email else None
    if user is None:
        if _DUMMY_HASH is None:
            probe = User()
            probe.set_password("not-a-real-password")
            _DUMMY_HASH = probe.password_hash
        User(password_hash=_DUMMY_HASH).check_password(password)
        return None
    return user if user.check_password(password) else None


def sign_in_refusal(user: User) -> str | None:
    """Why this account may not sign in or use the app, or None when it may.

    A partner company's contact person the lead rejected is refused (on the web, for an API
    token, and for a session or token she already had); one still waiting signs in and sees
    that she waits.
    """
    contact = user.partner_contact if user.is_partner_contact else None
    if contact is None or contact.status != ContactStatus.REJECTED.value:
        return None
    return _(
        "The programme lead did not approve your account, so you cannot sign in. Please write "
        "to the programme team if you think this is a mistake."
    )


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=TOKEN_SALT)


def password_stamp(user: User) -> str:
    """A short keyed digest of the password hash, carried by sessions and API tokens.

    It changes with the password, so a change or reset revokes them all; being keyed, it tells
    a reader of a token nothing about the hash itself.
    """
    key = current_app.config["SECRET_KEY"]
    key = key if isinstance(key, bytes) else key.encode()
    return hmac.new(key, user.password_hash.encode(), hashlib.sha256).hexdigest()[:20]


def issue_token(user: User) -> tuple[str, datetime]:
    """A signed token carrying the user id and a stamp of the password, so a new password revokes it."""
    token = _serializer().dumps({"uid": user.id, "pw": password_stamp(user)})
    ttl = current_app.config["API_TOKEN_TTL_SECONDS"]
    return token, datetime.now(timezone.utc) + timedelta(seconds=ttl)


def user_for_token(token: str) -> User | None:
    try:
        payload = _serializer().loads(token, max_age=current_app.config["API_TOKEN_TTL_SECONDS"])
    except (SignatureExpired, BadSignature):
        return None
    if not isinstance(payload, dict) or not isinstance(payload.get("uid"), int):
        return None
    user = db.session.get(User, payload["uid"])
    if user is None or password_stamp(user) != payload.get("pw"):
        return None
    return user


def update_account(
    user: User,
    name: str | None = None,
    profile: dict[str, Any] | None = None,
    email_notifications: bool | None = None,
    instant_emails: bool | None = None,
) -> User:
    """Change only the fields given; each change is audited with its value before and after.

    A mentor cannot set her capacity below the entrepreneurs she mentors now (422, nothing
    saved). A changed mentor profile refreshes the matching index.
    """
    profile_row = user.profile
    profile = {
        key: "" if value is None and key in {"country", "city"} else value
        for key, value in (profile or {}).items()
    }
    if profile_row is None:
        profile = {}
    try:
        if user.is_mentor and profile.get("capacity", profile_row.capacity) != profile_row.capacity:
            check_capacity(user, profile["capacity"], own=True)
    except ValidationFailedError:
        db.session.rollback()
        raise
    given = {
        "name": name,
        "email_notifications": email_notifications,
        "instant_emails": instant_emails,
    }
    changes = _apply_changes(
        user, {key: value for key, value in given.items() if value is not None}
    )
    if "instant_emails" in changes and not user.instant_emails:
        # Her first digest starts from now: what she was e-mailed one by one is not repeated.
        user.last_digest_at = datetime.now(timezone.utc)
    changes.update(_apply_changes(profile_row, profile) if profile else {})
    capacity = changes.pop("capacity", None)
    if capacity is not None:
        record_capacity_change(user, user, capacity["before"], capacity["after"])
    if changes:
        audit.record(user, "profile.update", "user", user.id, details={"changes": changes})
    db.session.commit()
    if profile and user.is_mentor and user.mentor_profile.is_active:
        enqueue(task_names.CANDIDATE_CHANGED, "mentor", user.id)
    return user


def _apply_changes(target: Any, values: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Set the values and say which changed, from what to what."""
    changes = {}
    for key, value in values.items():
        before = getattr(target, key)
        if value == before:
            continue
        changes[key] = {"before": _copy(before), "after": _copy(value)}
        setattr(target, key, value)
    return changes


def _copy(value: Any) -> Any:
    return list(value) if isinstance(value, list) else value


def create_lead(email: str, password: str, name: str) -> User:
    email = email.strip().lower()
    if find_user_by_email(email) is not None:
        raise ConflictError(_("An account with the e-mail %(email)s already exists.", email=email))
    user = User(email=email, name=name, role=Role.LEAD.value)
    user.set_password(password)
    db.session.add(user)
    db.session.flush()
    audit.record(None, "account.create_lead", "user", user.id, after="active")
    db.session.commit()
    return user
