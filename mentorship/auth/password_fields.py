"""The password fields every form that sets a password shares: one length rule, one confirmation."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import PasswordField
from wtforms.validators import DataRequired, EqualTo, Length

from mentorship.contract.fields import PASSWORD_MIN


def new_password_field(label: str, required_message: str) -> PasswordField:
    return PasswordField(
        label,
        validators=[
            DataRequired(required_message),
            Length(
                min=PASSWORD_MIN,
                max=200,
                message=_l("Use at least %(min)d characters.", min=PASSWORD_MIN),
            ),
        ],
        description=_l("At least %(min)d characters.", min=PASSWORD_MIN),
    )


def repeat_password_field(
    label: str, required_message: str, mismatch_message: str
) -> PasswordField:
    """Must equal the form's `password` field."""
    return PasswordField(
        label,
        validators=[DataRequired(required_message), EqualTo("password", mismatch_message)],
    )
