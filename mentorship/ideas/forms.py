"""The idea forms: a new idea (with its one-time submission token) and an edit."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, ValidationError

from mentorship.contract.fields import DESCRIPTION_MAX, NAME_MAX
from mentorship.main.helpers import (
    OPTIONAL_SECTOR_CHOICES,
    OPTIONAL_STAGE_CHOICES,
    MultiCheckboxField,
    options,
    strip_text,
)
from mentorship.main.once import OneTimeTokenMixin
from mentorship.models.ideas import CITY_MAX, OFFERS_MAX

NEED_VALUES = [
    ("mentor", _l("A mentor who has done this before")),
    ("partner", _l("Partner companies to buy from or sell to")),
    ("cluster", _l("A startup cluster or association to join")),
]
NEED_CHOICES = options(NEED_VALUES)


def at_least_one(_form, field) -> None:
    if not field.data:
        raise ValidationError(_l("Choose at least one kind of support."))


class IdeaForm(FlaskForm):
    title = StringField(
        _l("Title"),
        filters=[strip_text],
        validators=[DataRequired(_l("Please give your idea a title.")), Length(max=NAME_MAX)],
        description=_l("A short name, e.g. “Plum jam and ajvar for hotels in Niš”."),
    )
    description = TextAreaField(
        _l("Description"),
        filters=[strip_text],
        validators=[DataRequired(_l("Please describe your idea.")), Length(max=DESCRIPTION_MAX)],
        description=_l(
            "What you make or offer, for whom, and what you need to get going. "
            "Concrete words (products, places, skills) help us find the right people."
        ),
    )
    offers = TextAreaField(
        _l("What will you sell?"),
        filters=[strip_text],
        validators=[Length(max=OFFERS_MAX)],
        description=_l(
            "Your products or services in a few words, e.g. plum jam, ajvar, gift boxes. "
            "We show them to companies that want to buy such things. You can leave it empty."
        ),
    )
    seeks = TextAreaField(
        _l("What do you need to buy or find?"),
        filters=[strip_text],
        validators=[Length(max=OFFERS_MAX)],
        description=_l(
            "Supplies, equipment or services, e.g. glass jars, a cold store, a web shop. "
            "We look for companies that sell them. You can leave it empty."
        ),
    )
    city = StringField(
        _l("City"),
        filters=[strip_text],
        validators=[Length(max=CITY_MAX)],
        description=_l(
            "Where the business is or will be. Leave it empty if that is the city on your "
            "profile. Matching prefers mentors and companies nearby."
        ),
    )
    sector = SelectField(_l("Sector"), choices=OPTIONAL_SECTOR_CHOICES)
    stage = SelectField(_l("Stage"), choices=OPTIONAL_STAGE_CHOICES)
    programme = SelectField(
        _l("Programme"),
        choices=[],
        validate_choice=False,
        description=_l("If you bring this idea to a programme you are enrolled in."),
    )
    needs = MultiCheckboxField(
        _l("What support are you looking for?"),
        choices=NEED_CHOICES,
        default=[value for value, _label in NEED_VALUES],
        validators=[at_least_one],
    )


class NewIdeaForm(OneTimeTokenMixin, IdeaForm):
    """Carries a one-time token, so a double click or a re-sent form makes one idea only."""
