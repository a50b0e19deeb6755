"""Sign-up and log-in forms."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import EmailField, PasswordField, RadioField, SelectField, StringField
from wtforms.validators import DataRequired, Email, InputRequired, Length, Optional

from mentorship.auth.password_fields import new_password_field, repeat_password_field
from mentorship.contract.fields import NAME_MAX
from mentorship.main.helpers import options, strip_text

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
    password = new_password_field(_l("Password"), _l("Please choose a password."))
    confirm = repeat_password_field(
        _l("Repeat the password"),
        _l("Please repeat the password."),
        _l("The two passwords differ."),
    )
    role = RadioField(
        _l("I am joining as"),
        choices=ROLE_CHOICES,
        default="entrepreneur",
        validators=[InputRequired(_l("Please choose one."))],
    )


class PartnerRegisterForm(FlaskForm):
    """A partner company's contact person: her company from the directory, or a new one."""

    name = RegisterForm.name
    email = RegisterForm.email
    password = RegisterForm.password
    confirm = RegisterForm.confirm
    partner_id = SelectField(
        _l("Your company"), coerce=int, validators=[Optional()], validate_choice=True
    )
    company_name = StringField(
        _l("Not in the list? Your company's name"),
        filters=[strip_text],
        validators=[Length(max=NAME_MAX)],
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
