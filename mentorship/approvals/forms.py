"""The lead's decision forms: one match, or many ticked at once."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import StringField, TextAreaField
from wtforms.validators import AnyOf, DataRequired, Length

from mentorship.contract.fields import NOTE_MAX
from mentorship.main.helpers import strip_text


class DecisionForm(FlaskForm):
    decision = StringField(
        _l("Decision"),
        validators=[
            DataRequired(_l("Choose approve or reject.")),
            AnyOf(("approve", "reject"), _l("Choose approve or reject.")),
        ],
    )
    note = TextAreaField(
        _l("Note (optional)"),
        filters=[strip_text],
        validators=[Length(max=NOTE_MAX, message=_l("At most %(max)d characters.", max=NOTE_MAX))],
    )
