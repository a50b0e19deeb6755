"""A session remembers the password it was opened with, so a new password ends older sessions.

The stamp is written when the session logs in (Flask-Login's `user_logged_in` signal), not on
its first later request: a cookie replayed after a password change would otherwise adopt the
new stamp and live on. A signed-in session without a stamp is treated as stale.
"""

from __future__ import annotations

from flask import Flask, flash, redirect, request, session, url_for
from flask_babel import gettext
from flask_login import current_user, logout_user, user_logged_in

from mentorship.services.accounts import password_stamp

STAMP_KEY = "password_stamp"


@user_logged_in.connect
def _stamp_the_new_session(_app: Flask, user, **_extra) -> None:
    session[STAMP_KEY] = password_stamp(user)


def restamp_this_session() -> None:
    """After the user changed her own password here: this session stays, the others end."""
    session[STAMP_KEY] = password_stamp(current_user)


def end_sessions_of_a_changed_password():
    """A before-request hook: a session from before a password change (or reset) is logged out."""
    if request.endpoint == "static" or not current_user.is_authenticated:
        return None
    if session.get(STAMP_KEY) == password_stamp(current_user):
        return None
    logout_user()
    session.pop(STAMP_KEY, None)
    flash(gettext("Your password was changed, so please log in again."), "info")
    return redirect(url_for("auth.login"))
