"""Profile forms: the account part every role has, and the role's own profile fields."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, IntegerField, RadioField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, ValidationError

from mentorship.contract.fields import DESCRIPTION_MAX, NAME_MAX
from mentorship.main.helpers import (
    OPTIONAL_SECTOR_CHOICES,
    OPTIONAL_STAGE_CHOICES,
    SECTOR_CHOICES,
    MultiCheckboxField,
    options,
    strip_text,
)
from mentorship.models.accounts import MAX_CAPACITY
from mentorship.vocab import COUNTRIES

CITY_MAX = 120


def upper_text(value):
    return value.strip().upper() if isinstance(value, str) else value


def known_country(_form, field) -> None:
    if field.data and field.data not in COUNTRIES:
        raise ValidationError(_l("Use a two-letter country code such as RS, BA, ME or HR."))


class AccountForm(FlaskForm):
    name = StringField(
        _l("Your name"),
        filters=[strip_text],
        validators=[DataRequired(_l("Please tell us your name.")), Length(max=NAME_MAX)],
    )
    email_notifications = BooleanField(_l("Send me e-mail when something needs my attention"))


class MessageEmailsForm(AccountForm):
    """The account part of those who write in threads: entrepreneurs, partner contact people
    and the lead (introductions); mentors choose for messages with their proposals."""

    message_emails = RadioField(
        _l("E-mails about new messages"),
        choices=options(
            [
                ("daily", _l("Once a day: one e-mail listing the conversations with new messages")),
                ("instant", _l("Right away: an e-mail as soon as a message arrives")),
            ]
        ),
        default="daily",
        description=_l("Your notifications page always shows every change at once."),
    )


class EntrepreneurProfileForm(MessageEmailsForm):
    business_name = StringField(
        _l("Business name"), filters=[strip_text], validators=[Length(max=NAME_MAX)]
    )
    city = StringField(_l("City"), filters=[strip_text], validators=[Length(max=CITY_MAX)])
    country = StringField(
        _l("Country"),
        filters=[upper_text],
        default="RS",
        validators=[
            DataRequired(_l("Please give a country code.")),
            Length(min=2, max=2, message=_l("Use the two-letter code, e.g. RS.")),
            known_country,
        ],
        description=_l("Two-letter code: RS for Serbia, BA, ME, HR, MK ..."),
    )
    sector = SelectField(_l("Sector"), choices=OPTIONAL_SECTOR_CHOICES)
    stage = SelectField(_l("Stage"), choices=OPTIONAL_STAGE_CHOICES)
    bio = TextAreaField(
        _l("About you and your business"),
        filters=[strip_text],
        validators=[Length(max=DESCRIPTION_MAX)],
    )
    languages = MultiCheckboxField(_l("Languages you work in"))


class MentorProfileForm(AccountForm):
    headline = StringField(
        _l("Headline"),
        filters=[strip_text],
        validators=[Length(max=NAME_MAX)],
        description=_l("One line, e.g. “Food processing and export to the EU”."),
    )
    bio = TextAreaField(
        _l("About you"), filters=[strip_text], validators=[Length(max=DESCRIPTION_MAX)]
    )
    expertise = TextAreaField(
        _l("Expertise"),
        filters=[strip_text],
        validators=[Length(max=DESCRIPTION_MAX)],
        description=_l("Skills and topics, separated by commas. Matching reads this closely."),
    )
    city = StringField(_l("City"), filters=[strip_text], validators=[Length(max=CITY_MAX)])
    sectors = MultiCheckboxField(_l("Sectors you know well"), choices=SECTOR_CHOICES)
    languages = MultiCheckboxField(_l("Languages you mentor in"))
    proposal_emails = RadioField(
        _l("E-mails about proposals"),
        choices=options(
            [
                ("daily", _l("Once a day: one e-mail with the new and withdrawn proposals")),
                ("instant", _l("Right away: an e-mail for each new or withdrawn proposal")),
            ]
        ),
        default="daily",
        description=_l(
            "New messages in your mentorships follow the same choice. Your notifications page "
            "always shows every change at once."
        ),
    )
    capacity = IntegerField(
        _l("How many entrepreneurs can you mentor at once?"),
        validators=[
            InputRequired(_l("Please give a number from 0 to 50.")),
            NumberRange(
                0, MAX_CAPACITY, _l("Choose a number from 0 to %(max)d.", max=MAX_CAPACITY)
            ),
        ],
    )
