"""Lead forms: the mentor actions carry their CSRF token; a capacity change carries its number."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import IntegerField
from wtforms.validators import InputRequired, NumberRange

from mentorship.main.helpers import ConfirmForm
from mentorship.models.accounts import MAX_CAPACITY


class MentorActionForm(ConfirmForm):
    """Approve, reactivate or deactivate one mentor."""


class CapacityForm(FlaskForm):
    capacity = IntegerField(
        _l("Capacity"),
        validators=[
            InputRequired(_l("Please give a number from 0 to 50.")),
            NumberRange(
                0, MAX_CAPACITY, _l("Choose a number from 0 to %(max)d.", max=MAX_CAPACITY)
            ),
        ],
    )
