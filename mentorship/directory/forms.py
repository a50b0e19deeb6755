"""Forms for the lead's directory of partner companies and startup clusters."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Regexp

from mentorship.contract.fields import DESCRIPTION_MAX, NAME_MAX, URL_RE
from mentorship.main.helpers import OPTIONAL_SECTOR_CHOICES, strip_text
from mentorship.profiles.forms import CITY_MAX, known_country, upper_text


class OrganisationForm(FlaskForm):
    name = StringField(
        _l("Name"),
        filters=[strip_text],
        validators=[DataRequired(_l("Please give a name.")), Length(max=NAME_MAX)],
    )
    description = TextAreaField(
        _l("Description"),
        filters=[strip_text],
        validators=[DataRequired(_l("Please add a description.")), Length(max=DESCRIPTION_MAX)],
    )
    sector = SelectField(_l("Sector"), choices=OPTIONAL_SECTOR_CHOICES)


class PartnerForm(OrganisationForm):
    city = StringField(_l("City"), filters=[strip_text], validators=[Length(max=CITY_MAX)])
    country = StringField(
        _l("Country"),
        filters=[upper_text],
        default="RS",
        validators=[
            DataRequired(_l("Please give a country code.")),
            Length(min=2, max=2, message=_l("Use the two-letter code, e.g. RS.")),
            known_country,
        ],
    )
    offers = TextAreaField(
        _l("What they offer"),
        filters=[strip_text],
        validators=[Length(max=DESCRIPTION_MAX)],
        description=_l("Products, services or space they can give a new business."),
    )
    seeks = TextAreaField(
        _l("What they look for"),
        filters=[strip_text],
        validators=[Length(max=DESCRIPTION_MAX)],
        description=_l("What they would buy or source from a new business."),
    )
    export_oriented = BooleanField(_l("Export oriented"))


class ClusterForm(OrganisationForm):
    region = StringField(
        _l("Region"),
        filters=[strip_text],
        validators=[Length(max=CITY_MAX)],
        description=_l(
            "A town or a district, or several: “Nišava, Toplica”. Ideas from there get a "
            "same-region bonus."
        ),
    )
    website = StringField(
        _l("Website"),
        filters=[strip_text],
        validators=[
            Length(max=500),
            Regexp(
                f"^$|{URL_RE.pattern}",
                flags=URL_RE.flags,
                message=_l("Leave empty or give an http:// or https:// address."),
            ),
        ],
    )
    members = TextAreaField(
        _l("Member companies"),
        filters=[strip_text],
        validators=[Length(max=DESCRIPTION_MAX)],
        description=_l(
            "Optional: one company a line, with what it does (“Eko Voće: fruit growers”). "
            "Ideas are matched with these as well as with the description."
        ),
    )
