"""Forms for forgetting, resetting and changing a password."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import EmailField, PasswordField
from wtforms.validators import DataRequired, Length

from mentorship.auth.password_fields import new_password_field, repeat_password_field
from mentorship.main.helpers import strip_text


def _new_password_field(label: str | None = None) -> PasswordField:
    return new_password_field(label or _l("New password"), _l("Please choose a new password."))


def _confirm_field() -> PasswordField:
    return repeat_password_field(
        _l("Repeat the new password"),
        _l("Please repeat the new password."),
        _l("The two passwords differ."),
    )


class ForgotPasswordForm(FlaskForm):
    email = EmailField(
        _l("E-mail"),
        filters=[strip_text],
        validators=[DataRequired(_l("Please enter your e-mail.")), Length(max=254)],
    )


class ResetPasswordForm(FlaskForm):
    password = _new_password_field()
    confirm = _confirm_field()


class ChangePasswordForm(FlaskForm):
    current_password = PasswordField(
        _l("Current password"),
        validators=[DataRequired(_l("Please enter your current password.")), Length(max=200)],
    )
    password = _new_password_field()
    confirm = _confirm_field()
