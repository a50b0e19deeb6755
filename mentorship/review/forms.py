"""The mentor's answer to a proposal: accept or decline, with an optional note."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import StringField, TextAreaField
from wtforms.validators import AnyOf, DataRequired, Length

from mentorship.contract.fields import NOTE_MAX
from mentorship.main.helpers import strip_text


class ReviewForm(FlaskForm):
    # Set by the button pressed, so one form carries both answers.
    decision = StringField(
        _l("Decision"),
        validators=[
            DataRequired(_l("Choose accept or decline.")),
            AnyOf(("accept", "decline"), _l("Choose accept or decline.")),
        ],
    )
    note = TextAreaField(
        _l("Note (optional)"),
        filters=[strip_text],
        validators=[Length(max=NOTE_MAX, message=_l("At most %(max)d characters.", max=NOTE_MAX))],
        description=_l("The programme lead sees it with your answer."),
    )
