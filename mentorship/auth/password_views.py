"""Forgotten password (an e-mailed, single-use link), reset, and change while logged in."""

from __future__ import annotations

from flask import (
    Blueprint,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import gettext, lazy_gettext
from flask_login import current_user, login_required, logout_user

from mentorship.auth.password_forms import ChangePasswordForm, ForgotPasswordForm, ResetPasswordForm
from mentorship.extensions import limiter
from mentorship.main.helpers import show_service_error
from mentorship.services import account_lifecycle, accounts
from mentorship.services.account_lifecycle import ResetLinkError
from mentorship.services.errors import ServiceError

passwords_bp = Blueprint("passwords", __name__)

SENT_MESSAGE = lazy_gettext(
    "If an account exists for that address, we have sent a link to reset its password. "
    "The link works for one hour."
)
STAMP_KEY = "password_stamp"


def _reset_rate_limit() -> str:
    return current_app.config.get("PASSWORD_RESET_RATE_LIMIT", "5 per 15 minutes")


@passwords_bp.before_app_request
def end_sessions_of_a_changed_password():
    """A password changed elsewhere (a reset, another browser) ends this older session."""
    if request.endpoint == "static" or not current_user.is_authenticated:
        return None
    stamp = accounts.password_stamp(current_user)
    if session.get(STAMP_KEY) is None:
        session[STAMP_KEY] = stamp
    elif session[STAMP_KEY] != stamp:
        logout_user()
        session.pop(STAMP_KEY, None)
        flash(gettext("Your password was changed, so please log in again."), "info")
        return redirect(url_for("auth.login"))
    return None


@passwords_bp.route("/forgot-password", methods=["GET", "POST"])
@limiter.limit(_reset_rate_limit, methods=["POST"])
def forgot():
    form = ForgotPasswordForm()
    if form.validate_on_submit():
        account_lifecycle.request_password_reset(form.email.data)
        return render_template("auth/reset_sent.html", message=SENT_MESSAGE)
    return render_template("auth/forgot_password.html", form=form)


@passwords_bp.route("/reset/<token>", methods=["GET", "POST"])
def reset(token: str):
    try:
        account_lifecycle.check_reset_token(token)
    except ResetLinkError as error:
        return render_template("auth/reset_invalid.html", message=error.message), 410
    form = ResetPasswordForm()
    if form.validate_on_submit():
        try:
            account_lifecycle.reset_password(token, form.password.data)
        except ResetLinkError as error:
            return render_template("auth/reset_invalid.html", message=error.message), 410
        if current_user.is_authenticated:
            logout_user()
        flash(gettext("Your password is changed. Please log in with the new one."), "success")
        return redirect(url_for("auth.login"))
    return render_template("auth/reset_password.html", form=form, token=token)


@passwords_bp.route("/account/password", methods=["GET", "POST"])
@login_required
def change():
    form = ChangePasswordForm()
    if form.validate_on_submit():
        try:
            account_lifecycle.change_password(
                current_user, form.current_password.data, form.password.data
            )
        except ServiceError as error:
            show_service_error(form, error)
        else:
            session[STAMP_KEY] = accounts.password_stamp(current_user)
            flash(
                gettext(
                    "Your password is changed. Other sessions and API tokens now need the new one."
                ),
                "success",
            )
            return redirect(url_for("profiles.edit"))
    return render_template("auth/change_password.html", form=form)
