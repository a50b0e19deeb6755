"""Profile forms: the account part every role has, and the role's own profile fields."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import BooleanField, IntegerField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, ValidationError

from mentorship.main.helpers import (
    OPTIONAL_SECTOR_CHOICES,
    OPTIONAL_STAGE_CHOICES,
    SECTOR_CHOICES,
    MultiCheckboxField,
    strip_text,
)
from mentorship.models.accounts import MAX_CAPACITY
from mentorship.schemas import DESCRIPTION_MAX, NAME_MAX
from mentorship.vocab import COUNTRIES

CITY_MAX = 120


def upper_text(value):
    return value.strip().upper() if isinstance(value, str) else value


def known_country(_form, field) -> None:
    if field.data and field.data not in COUNTRIES:
        raise ValidationError("Use a two-letter country code such as RS, BA, ME or HR.")


class AccountForm(FlaskForm):
    name = StringField("Your name", filters=[strip_text],
                       validators=[DataRequired("Please tell us your name."), Length(max=NAME_MAX)])
    email_notifications = BooleanField("Send me e-mail when something needs my attention")


class EntrepreneurProfileForm(AccountForm):
    business_name = StringField("Business name", filters=[strip_text],
                                validators=[Length(max=NAME_MAX)])
    city = StringField("City", filters=[strip_text], validators=[Length(max=CITY_MAX)])
    country = StringField("Country", filters=[upper_text], default="RS",
                          validators=[DataRequired("Please give a country code."), Length(min=2, max=2,
                                      message="Use the two-letter code, e.g. RS."), known_country],
                          description="Two-letter code: RS for Serbia, BA, ME, HR, MK ...")
    sector = SelectField("Sector", choices=OPTIONAL_SECTOR_CHOICES)
    stage = SelectField("Stage", choices=OPTIONAL_STAGE_CHOICES)
    bio = TextAreaField("About you and your business", filters=[strip_text],
                        validators=[Length(max=DESCRIPTION_MAX)])
    languages = MultiCheckboxField("Languages you work in")


class MentorProfileForm(AccountForm):
    headline = StringField("Headline", filters=[strip_text], validators=[Length(max=NAME_MAX)],
                           description="One line, e.g. “Food processing and export to the EU”.")
    bio = TextAreaField("About you", filters=[strip_text], validators=[Length(max=DESCRIPTION_MAX)])
    expertise = TextAreaField("Expertise", filters=[strip_text],
                              validators=[Length(max=DESCRIPTION_MAX)],
                              description="Skills and topics, separated by commas. "
                                          "Matching reads this closely.")
    city = StringField("City", filters=[strip_text], validators=[Length(max=CITY_MAX)])
    sectors = MultiCheckboxField("Sectors you know well", choices=SECTOR_CHOICES)
    languages = MultiCheckboxField("Languages you mentor in")
    capacity = IntegerField(
        "How many entrepreneurs can you mentor at once?",
        validators=[InputRequired("Please give a number from 0 to 50."),
                    NumberRange(0, MAX_CAPACITY, f"Choose a number from 0 to {MAX_CAPACITY}.")],
    )
