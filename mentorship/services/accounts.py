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
from mentorship.models import EntrepreneurProfile, MentorProfile, MentorStatus, Role, User
from mentorship.services import audit
from mentorship.services.background import enqueue
from mentorship.services.errors import ConflictError

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
) -> User:
    """Change only the fields given; a changed mentor profile refreshes the matching index."""
    if name is not None:
        user.name = name
    if email_notifications is not None:
        user.email_notifications = email_notifications
    profile_row = user.profile
    if profile and profile_row is not None:
        for key, value in profile.items():
            setattr(profile_row, key, "" if value is None and key in {"country", "city"} else value)
    db.session.commit()
    if profile and user.is_mentor and user.mentor_profile.is_active:
        enqueue(task_names.CANDIDATE_CHANGED, "mentor", user.id)
    return user


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
