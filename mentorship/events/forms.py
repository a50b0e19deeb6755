"""Forms of the events pages; the services check what depends on the event's state."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    DateField,
    DateTimeLocalField,
    EmailField,
    IntegerField,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Email, Length, NumberRange, Optional

from mentorship.contract.fields import NAME_MAX, NOTE_MAX
from mentorship.main.helpers import MultiCheckboxField, option, strip_text
from mentorship.main.once import OneTimeTokenMixin
from mentorship.models.events import COOPERATION_TYPES, OUTCOME_RESULTS

RESULT_LABELS = {
    "no_interest": _l("No interest"),
    "follow_up": _l("Follow-up agreed"),
    "agreement": _l("Agreement signed"),
}
COOPERATION_LABELS = {
    "supplier": _l("Supplier"),
    "buyer": _l("Buyer or distributor"),
    "subcontracting": _l("Subcontracting"),
    "joint_venture": _l("Joint venture"),
    "licensing": _l("Licensing"),
    "investment": _l("Investment"),
    "other": _l("Other cooperation"),
}


class EventForm(FlaskForm):
    name = StringField(
        _l("Name"),
        filters=[strip_text],
        validators=[DataRequired(_l("Please give a name.")), Length(max=NAME_MAX)],
    )
    place = StringField(_l("Place"), filters=[strip_text], validators=[Length(max=NAME_MAX)])
    starts_on = DateField(_l("First day"), validators=[DataRequired(_l("Give a date."))])
    ends_on = DateField(_l("Last day"), validators=[DataRequired(_l("Give a date."))])
    meeting_minutes = IntegerField(
        _l("Meeting length (minutes)"),
        default=30,
        validators=[
            DataRequired(_l("Give the length of one meeting.")),
            NumberRange(min=5, max=240, message=_l("Between 5 and 240 minutes.")),
        ],
    )


class NewEventForm(OneTimeTokenMixin, EventForm):
    """Carries a one-time token, so a double click or a re-sent form makes one event only."""


class SessionForm(FlaskForm):
    name = StringField(
        _l("Session name"),
        filters=[strip_text],
        validators=[DataRequired(_l("Please give a name.")), Length(max=NAME_MAX)],
    )
    starts_at = DateTimeLocalField(
        _l("Starts"), format="%Y-%m-%dT%H:%M", validators=[DataRequired(_l("Give a time."))]
    )
    ends_at = DateTimeLocalField(
        _l("Ends"), format="%Y-%m-%dT%H:%M", validators=[DataRequired(_l("Give a time."))]
    )
    tables = IntegerField(
        _l("Tables"),
        default=10,
        validators=[
            DataRequired(_l("Give at least one table.")),
            NumberRange(min=1, max=500, message=_l("Between 1 and 500 tables.")),
        ],
    )


class ContactForm(FlaskForm):
    partner_id = SelectField(_l("Partner company"), coerce=int)
    name = StringField(
        _l("Full name"),
        filters=[strip_text],
        validators=[DataRequired(_l("Please give a name.")), Length(max=NAME_MAX)],
    )
    email = EmailField(
        _l("E-mail"),
        filters=[strip_text],
        validators=[DataRequired(_l("Please give an e-mail address.")), Email(), Length(max=254)],
    )


class RegistrationForm(FlaskForm):
    session_ids = MultiCheckboxField(_l("Sessions you attend"), coerce=int)
    idea_id = SelectField(_l("The idea you take part with"), coerce=int, validate_choice=False)


class RequestForm(FlaskForm):
    other_id = SelectField(_l("Whom you would like to meet"), coerce=int)
    reason = TextAreaField(
        _l("Why"),
        filters=[strip_text],
        validators=[DataRequired(_l("Say why you would like to meet.")), Length(max=NOTE_MAX)],
    )


class MoveForm(FlaskForm):
    session_id = SelectField(_l("Session"), coerce=int)
    slot = IntegerField(_l("Slot"), validators=[NumberRange(min=1)])
    table = IntegerField(_l("Table"), validators=[NumberRange(min=1)])


class OutcomeForm(FlaskForm):
    result = SelectField(
        _l("Outcome"),
        # Nothing chosen until she says: "No interest" used to be shown, and saved, by default.
        choices=[
            option("", _l("Not reported yet")),
            *(option(key, RESULT_LABELS[key]) for key in OUTCOME_RESULTS),
        ],
        validators=[DataRequired()],
    )
    cooperation_type = SelectField(
        _l("Cooperation type"),
        choices=[
            option("", _l("Not specified")),
            *(option(key, COOPERATION_LABELS[key]) for key in COOPERATION_TYPES),
        ],
        validators=[Optional()],
    )
    note = TextAreaField(_l("Note"), filters=[strip_text], validators=[Length(max=NOTE_MAX)])
