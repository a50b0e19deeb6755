"""Forms for programmes, their modules and enrolments."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import DateField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional, ValidationError

from mentorship.main.helpers import MultiCheckboxField, strip_text
from mentorship.schemas import DESCRIPTION_MAX, NAME_MAX


def not_before_start(form, field) -> None:
    if field.data and form.starts_on.data and field.data < form.starts_on.data:
        raise ValidationError("The end date is before the start date.")


class ProgrammeForm(FlaskForm):
    name = StringField("Name", filters=[strip_text],
                       validators=[DataRequired("Please give the programme a name."),
                                   Length(max=NAME_MAX)])
    funder = StringField("Funder and partners", filters=[strip_text], validators=[Length(max=NAME_MAX)],
                         description="Who funds or runs the programme with you.")
    description = TextAreaField("Description", filters=[strip_text],
                                validators=[Length(max=DESCRIPTION_MAX)])
    starts_on = DateField("Starts on", validators=[Optional()])
    ends_on = DateField("Ends on", validators=[Optional(), not_before_start])


class ModuleForm(FlaskForm):
    title = StringField("Title", filters=[strip_text],
                        validators=[DataRequired("Please give the module a title."),
                                    Length(max=NAME_MAX)],
                        description="E.g. “Module 1: from idea to business plan”.")
    starts_on = DateField("Starts on", validators=[Optional()])
    ends_on = DateField("Ends on", validators=[Optional(), not_before_start])
    venue = StringField("Venue", filters=[strip_text], validators=[Length(max=200)])
    address = StringField("Address", filters=[strip_text], validators=[Length(max=300)])


class EnrolForm(FlaskForm):
    """The entrepreneurs to enrol, ticked in the candidate list."""

    user_ids = MultiCheckboxField("Entrepreneurs", coerce=int, validate_choice=False)
