"""The lead's decision forms: one match, or many ticked at once."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import StringField, TextAreaField
from wtforms.validators import AnyOf, DataRequired, Length

from mentorship.main.helpers import strip_text
from mentorship.schemas import NOTE_MAX


class DecisionForm(FlaskForm):
    decision = StringField("Decision", validators=[DataRequired("Choose approve or reject."),
                                                   AnyOf(("approve", "reject"), "Choose approve or reject.")])
    note = TextAreaField("Note (optional)", filters=[strip_text],
                         validators=[Length(max=NOTE_MAX, message=f"At most {NOTE_MAX} characters.")])
