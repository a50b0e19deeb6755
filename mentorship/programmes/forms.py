"""Forms for programmes, their modules and enrolments."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional, ValidationError

from mentorship.contract.fields import DESCRIPTION_MAX, NAME_MAX
from mentorship.main.helpers import MultiCheckboxField, strip_text


def not_before_start(form, field) -> None:
    if field.data and form.starts_on.data and field.data < form.starts_on.data:
        raise ValidationError(_l("The end date is before the start date."))


class ProgrammeForm(FlaskForm):
    name = StringField(
        _l("Name"),
        filters=[strip_text],
        validators=[DataRequired(_l("Please give the programme a name.")), Length(max=NAME_MAX)],
    )
    funder = StringField(
        _l("Funder and partners"),
        filters=[strip_text],
        validators=[Length(max=NAME_MAX)],
        description=_l("Who funds or runs the programme with you."),
    )
    description = TextAreaField(
        _l("Description"), filters=[strip_text], validators=[Length(max=DESCRIPTION_MAX)]
    )
    starts_on = DateField(_l("Starts on"), validators=[Optional()])
    ends_on = DateField(_l("Ends on"), validators=[Optional(), not_before_start])


class ModuleForm(FlaskForm):
    title = StringField(
        _l("Title"),
        filters=[strip_text],
        validators=[DataRequired(_l("Please give the module a title.")), Length(max=NAME_MAX)],
        description=_l("E.g. “Module 1: from idea to business plan”."),
    )
    starts_on = DateField(_l("Starts on"), validators=[Optional()])
    ends_on = DateField(_l("Ends on"), validators=[Optional(), not_before_start])
    venue = StringField(_l("Venue"), filters=[strip_text], validators=[Length(max=200)])
    address = StringField(_l("Address"), filters=[strip_text], validators=[Length(max=300)])


class EnrolForm(FlaskForm):
    """The entrepreneurs to enrol, ticked in the candidate list."""

    user_ids = MultiCheckboxField(_l("Entrepreneurs"), coerce=int, validate_choice=False)
