"""Forms for forgetting, resetting and changing a password."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import EmailField, PasswordField
from wtforms.validators import DataRequired, EqualTo, Length

from mentorship.main.helpers import strip_text
from mentorship.schemas import PASSWORD_MIN


def _new_password_field(label: str = "New password") -> PasswordField:
    return PasswordField(
        label,
        validators=[
            DataRequired("Please choose a new password."),
            Length(min=PASSWORD_MIN, max=200, message=f"Use at least {PASSWORD_MIN} characters."),
        ],
        description=f"At least {PASSWORD_MIN} characters.",
    )


def _confirm_field() -> PasswordField:
    return PasswordField(
        "Repeat the new password",
        validators=[
            DataRequired("Please repeat the new password."),
            EqualTo("password", "The two passwords differ."),
        ],
    )


class ForgotPasswordForm(FlaskForm):
    email = EmailField(
        "E-mail",
        filters=[strip_text],
        validators=[DataRequired("Please enter your e-mail."), Length(max=254)],
    )


class ResetPasswordForm(FlaskForm):
    password = _new_password_field()
    confirm = _confirm_field()


class ChangePasswordForm(FlaskForm):
    current_password = PasswordField(
        "Current password",
        validators=[DataRequired("Please enter your current password."), Length(max=200)],
    )
    password = _new_password_field()
    confirm = _confirm_field()
