"""The mentor's answer to a proposal: accept or decline, with an optional note."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import StringField, TextAreaField
from wtforms.validators import AnyOf, DataRequired, Length

from mentorship.main.helpers import strip_text
from mentorship.schemas import NOTE_MAX


class ReviewForm(FlaskForm):
    # Set by the button pressed, so one form carries both answers.
    decision = StringField("Decision", validators=[DataRequired("Choose accept or decline."),
                                                   AnyOf(("accept", "decline"), "Choose accept or decline.")])
    note = TextAreaField("Note (optional)", filters=[strip_text],
                         validators=[Length(max=NOTE_MAX, message=f"At most {NOTE_MAX} characters.")],
                         description="The programme lead sees it with your answer.")
