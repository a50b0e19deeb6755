"""Forgotten password (an e-mailed, single-use link), reset, and change while logged in."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, url_for
from flask_babel import gettext, lazy_gettext
from flask_login import current_user, login_required, logout_user

from mentorship import ratelimit
from mentorship.account.password_forms import (
    ChangePasswordForm,
    ForgotPasswordForm,
    ResetPasswordForm,
)
from mentorship.account.session_stamp import (
    end_sessions_of_a_changed_password,
    restamp_this_session,
)
from mentorship.main.helpers import show_service_error
from mentorship.services import account as account_service
from mentorship.services.account import ResetLinkError
from mentorship.services.errors import ServiceError

passwords_bp = Blueprint("passwords", __name__)

SENT_MESSAGE = lazy_gettext(
    "If an account exists for that address, we have sent a link to reset its password. "
    "The link works for one hour."
)
passwords_bp.before_app_request(end_sessions_of_a_changed_password)


@passwords_bp.route("/forgot-password", methods=["GET", "POST"])
def forgot():
    form = ForgotPasswordForm()
    if form.validate_on_submit():
        try:
            ratelimit.spend("PASSWORD_RESET_RATE_LIMIT", account=form.email.data)
        except ratelimit.RateLimited as refusal:
            form.form_errors.append(refusal.description)
            page = render_template("account/forgot_password.html", form=form)
            return page, 429, {"Retry-After": str(refusal.retry_after)}
        account_service.request_password_reset(form.email.data)
        return render_template("account/reset_sent.html", message=SENT_MESSAGE)
    return render_template("account/forgot_password.html", form=form)


@passwords_bp.route("/reset/<token>", methods=["GET", "POST"])
def reset(token: str):
    try:
        account_service.check_reset_token(token)
    except ResetLinkError as error:
        return render_template("account/reset_invalid.html", message=error.message), 410
    form = ResetPasswordForm()
    if form.validate_on_submit():
        try:
            account_service.reset_password(token, form.password.data)
        except ResetLinkError as error:
            return render_template("account/reset_invalid.html", message=error.message), 410
        if current_user.is_authenticated:
            logout_user()
        flash(gettext("Your password is changed. Please log in with the new one."), "success")
        return redirect(url_for("auth.login"))
    return render_template("account/reset_password.html", form=form, token=token)


@passwords_bp.route("/account/password", methods=["GET", "POST"])
@login_required
def change():
    form = ChangePasswordForm()
    if form.validate_on_submit():
        try:
            account_service.change_password(
                current_user, form.current_password.data, form.password.data
            )
        except ServiceError as error:
            show_service_error(form, error)
        else:
            restamp_this_session()
            flash(
                gettext(
                    "Your password is changed. Other sessions and API tokens now need the new one."
                ),
                "success",
            )
            return redirect(url_for("profiles.edit"))
    return render_template("account/change_password.html", form=form)
