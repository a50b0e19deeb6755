"""Sign up, log in (rate limited on failures: mentorship.ratelimit) and log out."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext, lazy_gettext
from flask_login import current_user, login_user, logout_user

from mentorship import ratelimit
from mentorship.auth.forms import LoginForm, PartnerRegisterForm, RegisterForm
from mentorship.extensions import db
from mentorship.i18n import current_language
from mentorship.main.helpers import ConfirmForm, is_safe_next, option, show_service_error
from mentorship.models import Partner
from mentorship.services import accounts, partner_contacts
from mentorship.services.errors import ServiceError

auth_bp = Blueprint("auth", __name__)

BAD_CREDENTIALS = lazy_gettext("That e-mail and password do not match an account.")


@auth_bp.route("/register", methods=["GET", "POST"])
@ratelimit.rate_limited("REGISTER_RATE_LIMIT")
def register():
    if current_user.is_authenticated:
        return redirect(url_for("main.home"))
    form = RegisterForm()
    if form.validate_on_submit():
        try:
            user = accounts.register_user(
                form.email.data,
                form.password.data,
                form.name.data,
                form.role.data,
                locale=current_language(),
            )
        except ServiceError as error:
            show_service_error(form, error)
        else:
            login_user(user)
            if user.is_mentor:
                flash(
                    gettext(
                        "Welcome! Your mentor account waits for the programme lead's approval. "
                        "Meanwhile, please complete your profile."
                    ),
                    "info",
                )
            else:
                flash(
                    gettext(
                        "Welcome! Tell us a little about your business, then submit your first idea."
                    ),
                    "success",
                )
            return redirect(url_for("profiles.edit"))
    return render_template("auth/register.html", form=form)


@auth_bp.route("/register/partner", methods=["GET", "POST"])
@ratelimit.rate_limited("REGISTER_RATE_LIMIT")
def register_partner():
    """A partner company's contact person signs up; she waits for the lead's approval."""
    if current_user.is_authenticated:
        return redirect(url_for("main.home"))
    form = PartnerRegisterForm()
    partners = db.session.scalars(db.select(Partner).order_by(Partner.name))
    form.partner_id.choices = [option(0, gettext("— not in the list —"))] + [
        option(p.id, p.name) for p in partners
    ]
    if form.validate_on_submit():
        try:
            user = partner_contacts.register_contact(
                form.email.data,
                form.password.data,
                form.name.data,
                form.partner_id.data or None,
                form.company_name.data or "",
                locale=current_language(),
            )
        except ServiceError as error:
            show_service_error(form, error)
        else:
            login_user(user)
            flash(
                gettext(
                    "Welcome! Your account waits for the programme lead's approval. You will "
                    "get an e-mail once it is approved."
                ),
                "info",
            )
            return redirect(url_for("main.home"))
    return render_template("auth/register_partner.html", form=form)


@auth_bp.route("/login", methods=["GET", "POST"])
def login():
    next_url = request.values.get("next")
    if current_user.is_authenticated:
        return redirect(next_url if is_safe_next(next_url) else url_for("main.home"))
    form = LoginForm()
    status, headers = 200, {}
    if form.validate_on_submit():
        try:
            user = ratelimit.attempt_login(form.email.data, form.password.data)
        except ratelimit.RateLimited as refusal:
            form.form_errors.append(refusal.description)
            status, headers = 429, {"Retry-After": str(refusal.retry_after)}
        else:
            refusal = accounts.sign_in_refusal(user) if user is not None else None
            if refusal:
                form.form_errors.append(refusal)
                status = 403
            elif user is not None:
                login_user(user)
                flash(gettext("Welcome back, %(name)s.", name=user.name), "success")
                return redirect(next_url if is_safe_next(next_url) else url_for("main.home"))
            else:
                form.form_errors.append(BAD_CREDENTIALS)
    safe_next = next_url if is_safe_next(next_url) else None
    return render_template("auth/login.html", form=form, next_url=safe_next), status, headers


@auth_bp.before_app_request
def end_refused_sessions():
    """A session opened before the lead rejected its account ends at its next request."""
    if request.endpoint == "static" or not current_user.is_authenticated:
        return None
    refusal = accounts.sign_in_refusal(current_user)
    if refusal is None:
        return None
    logout_user()
    flash(refusal, "error")
    return redirect(url_for("auth.login"))


@auth_bp.route("/logout", methods=["POST"])
def logout():
    form = ConfirmForm()
    if form.validate_on_submit() and current_user.is_authenticated:
        logout_user()
        flash(gettext("You are logged out. See you soon."), "info")
    return redirect(url_for("main.home"))
