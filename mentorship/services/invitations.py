"""Invitation links for accounts made by an import: a random token, of which only a hash is kept."""

from __future__ import annotations

import hashlib
import secrets
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa
from flask_babel import LazyString, lazy_gettext
from flask_babel import gettext as _

from mentorship.extensions import db
from mentorship.models import AccountToken, User
from mentorship.models.base import as_aware
from mentorship.services import audit
from mentorship.services.errors import ServiceError
from mentorship.services.notifications import notify

PURPOSE = "invitation"
VALID_FOR = timedelta(days=7)


class InvitationError(ServiceError):
    status = 400
    code = "invalid_invitation"


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def invite(user: User, role_words: str | LazyString) -> str:
    """Add a token and the invitation e-mail to the session (the caller commits); returns the token."""
    token = secrets.token_urlsafe(32)
    db.session.add(
        AccountToken(
            user_id=user.id,
            purpose=PURPOSE,
            token_hash=_hash(token),
            expires_at=datetime.now(UTC) + VALID_FOR,
        )
    )
    notify(
        user,
        "invitation",
        lazy_gettext("You are invited to Mentorship Match"),
        lazy_gettext(
            "Hello %(name)s,\n\nthe programme lead has added you to Mentorship Match as "
            "%(role)s. Choose your password with the link below; it works once and for 7 days.",
            name=user.name,
            role=role_words,
        ),
        f"/invite/{token}",
    )
    return token


def token_for(token: str) -> AccountToken:
    """The usable invitation for `token`, or an InvitationError saying what is wrong with it."""
    found = db.session.scalar(
        sa.select(AccountToken).where(
            AccountToken.token_hash == _hash(token), AccountToken.purpose == PURPOSE
        )
    )
    if found is None:
        raise InvitationError(
            _(
                "This invitation link is not valid. Check that you copied all of "
                "it, or ask the programme lead for a new invitation."
            )
        )
    if found.used_at is not None:
        raise InvitationError(
            _("This invitation link has already been used. Log in with the password you chose.")
        )
    if as_aware(found.expires_at) <= datetime.now(UTC):
        raise InvitationError(
            _("This invitation link has expired. Ask the programme lead for a new one.")
        )
    return found


def invited_user(found: AccountToken) -> User:
    return db.session.get(User, found.user_id)


def accept(token: str, password: str) -> User:
    """Set the password and spend the token, in one commit."""
    found = token_for(token)
    # Spend the token with a conditional update, so two requests racing with one link cannot both win.
    spent = db.session.execute(
        sa.update(AccountToken)
        .where(AccountToken.id == found.id, AccountToken.used_at.is_(None))
        .values(used_at=datetime.now(UTC)),
        execution_options={"synchronize_session": False},
    )
    if spent.rowcount != 1:
        db.session.rollback()
        raise InvitationError(
            _("This invitation link has already been used. Log in with the password you chose.")
        )
    user = db.session.get(User, found.user_id)
    user.set_password(password)
    audit.record(user, "account.accept_invitation", "user", user.id)
    db.session.commit()
    return user
