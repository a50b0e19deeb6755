"""Sign-up and log-in forms."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import EmailField, PasswordField, RadioField, StringField
from wtforms.validators import DataRequired, Email, EqualTo, InputRequired, Length

from mentorship.main.helpers import options, strip_text
from mentorship.schemas import NAME_MAX, PASSWORD_MIN

ROLE_CHOICES = options([
    ("entrepreneur", "I am an entrepreneur with a business idea"),
    ("mentor", "I want to mentor entrepreneurs"),
])


class RegisterForm(FlaskForm):
    name = StringField("Full name", filters=[strip_text],
                       validators=[DataRequired("Please tell us your name."), Length(max=NAME_MAX)])
    email = EmailField("E-mail", filters=[strip_text],
                       validators=[DataRequired("Please enter your e-mail."), Length(max=254),
                                   Email("Please enter a valid e-mail address.")])
    password = PasswordField(
        "Password",
        validators=[DataRequired("Please choose a password."),
                    Length(min=PASSWORD_MIN, max=200,
                           message=f"Use at least {PASSWORD_MIN} characters.")],
        description=f"At least {PASSWORD_MIN} characters.",
    )
    confirm = PasswordField("Repeat the password",
                            validators=[DataRequired("Please repeat the password."),
                                        EqualTo("password", "The two passwords differ.")])
    role = RadioField("I am joining as", choices=ROLE_CHOICES, default="entrepreneur",
                      validators=[InputRequired("Please choose one.")])


class LoginForm(FlaskForm):
    email = EmailField("E-mail", filters=[strip_text],
                       validators=[DataRequired("Please enter your e-mail."), Length(max=254)])
    password = PasswordField("Password",
                             validators=[DataRequired("Please enter your password."),
                                         Length(max=200)])
