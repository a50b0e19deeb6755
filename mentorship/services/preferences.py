"""A user's own settings that are not part of the profile: the interface language."""

from __future__ import annotations

from mentorship.extensions import db
from mentorship.models import User


def set_locale(user: User, locale: str) -> User:
    """Remember the language for this user's pages on any device and for the e-mails we send."""
    if user.locale != locale:
        user.locale = locale
        db.session.commit()
    return user
