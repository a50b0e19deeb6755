"""The cooperation profile form; the service checks the idea and who may publish."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import RadioField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, Optional

from mentorship.contract.fields import DESCRIPTION_MAX, NAME_MAX
from mentorship.events.forms import COOPERATION_LABELS
from mentorship.main.helpers import options, strip_text
from mentorship.models import PROFILE_AREAS, PROFILE_COOPERATION_TYPES

KIND_LABELS = {"offer": _l("We offer"), "request": _l("We are looking for")}
AREA_LABELS = {
    "business": _l("Business"),
    "technology": _l("Technology"),
    "research": _l("Research and development"),
}
TYPE_LABELS = {value: COOPERATION_LABELS[value] for value in PROFILE_COOPERATION_TYPES}


class ProfileForm(FlaskForm):
    kind = RadioField(
        _l("Offer or request"),
        choices=options(KIND_LABELS.items()),
        default="offer",
        validators=[InputRequired(_l("Please choose one."))],
    )
    area = SelectField(
        _l("Area"),
        choices=options((a, AREA_LABELS[a]) for a in PROFILE_AREAS),
        validators=[InputRequired(_l("Please choose one."))],
    )
    cooperation_type = SelectField(
        _l("Cooperation sought"),
        choices=options(TYPE_LABELS.items()),
        validators=[InputRequired(_l("Please choose one."))],
    )
    title = StringField(
        _l("Title"),
        filters=[strip_text],
        validators=[DataRequired(_l("Please give a title.")), Length(max=NAME_MAX)],
    )
    description = TextAreaField(
        _l("Description"), filters=[strip_text], validators=[Length(max=DESCRIPTION_MAX)]
    )
    idea_id = SelectField(_l("For your idea"), coerce=int, validators=[Optional()])
