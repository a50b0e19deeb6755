"""Forms for forgetting, resetting and changing a password."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import EmailField, PasswordField
from wtforms.validators import DataRequired, EqualTo, Length

from mentorship.main.helpers import strip_text
from mentorship.schemas import PASSWORD_MIN


def _new_password_field(label: str | None = None) -> PasswordField:
    return PasswordField(
        label or _l("New password"),
        validators=[
            DataRequired(_l("Please choose a new password.")),
            Length(
                min=PASSWORD_MIN,
                max=200,
                message=_l("Use at least %(min)d characters.", min=PASSWORD_MIN),
            ),
        ],
        description=_l("At least %(min)d characters.", min=PASSWORD_MIN),
    )


def _confirm_field() -> PasswordField:
    return PasswordField(
        _l("Repeat the new password"),
        validators=[
            DataRequired(_l("Please repeat the new password.")),
            EqualTo("password", _l("The two passwords differ.")),
        ],
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
