"""Sign-up and log-in forms."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import EmailField, PasswordField, RadioField, StringField
from wtforms.validators import DataRequired, Email, EqualTo, InputRequired, Length

from mentorship.main.helpers import options, strip_text
from mentorship.schemas import NAME_MAX, PASSWORD_MIN

ROLE_CHOICES = options(
    [
        ("entrepreneur", _l("I am an entrepreneur with a business idea")),
        ("mentor", _l("I want to mentor entrepreneurs")),
    ]
)


class RegisterForm(FlaskForm):
    name = StringField(
        _l("Full name"),
        filters=[strip_text],
        validators=[DataRequired(_l("Please tell us your name.")), Length(max=NAME_MAX)],
    )
    email = EmailField(
        _l("E-mail"),
        filters=[strip_text],
        validators=[
            DataRequired(_l("Please enter your e-mail.")),
            Length(max=254),
            Email(_l("Please enter a valid e-mail address.")),
        ],
    )
    password = PasswordField(
        _l("Password"),
        validators=[
            DataRequired(_l("Please choose a password.")),
            Length(
                min=PASSWORD_MIN,
                max=200,
                message=_l("Use at least %(min)d characters.", min=PASSWORD_MIN),
            ),
        ],
        description=_l("At least %(min)d characters.", min=PASSWORD_MIN),
    )
    confirm = PasswordField(
        _l("Repeat the password"),
        validators=[
            DataRequired(_l("Please repeat the password.")),
            EqualTo("password", _l("The two passwords differ.")),
        ],
    )
    role = RadioField(
        _l("I am joining as"),
        choices=ROLE_CHOICES,
        default="entrepreneur",
        validators=[InputRequired(_l("Please choose one."))],
    )


class LoginForm(FlaskForm):
    email = EmailField(
        _l("E-mail"),
        filters=[strip_text],
        validators=[DataRequired(_l("Please enter your e-mail.")), Length(max=254)],
    )
    password = PasswordField(
        _l("Password"),
        validators=[DataRequired(_l("Please enter your password.")), Length(max=200)],
    )
