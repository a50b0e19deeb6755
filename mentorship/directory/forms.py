"""Forms for the lead's directory of partner companies and startup clusters."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import BooleanField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Regexp

from mentorship.main.helpers import OPTIONAL_SECTOR_CHOICES, strip_text
from mentorship.profiles.forms import CITY_MAX, known_country, upper_text
from mentorship.schemas import DESCRIPTION_MAX, NAME_MAX
from mentorship.validation import URL_RE


class OrganisationForm(FlaskForm):
    name = StringField("Name", filters=[strip_text],
                       validators=[DataRequired("Please give a name."), Length(max=NAME_MAX)])
    description = TextAreaField("Description", filters=[strip_text],
                                validators=[DataRequired("Please add a description."),
                                            Length(max=DESCRIPTION_MAX)])
    sector = SelectField("Sector", choices=OPTIONAL_SECTOR_CHOICES)


class PartnerForm(OrganisationForm):
    city = StringField("City", filters=[strip_text], validators=[Length(max=CITY_MAX)])
    country = StringField("Country", filters=[upper_text], default="RS",
                          validators=[DataRequired("Please give a country code."),
                                      Length(min=2, max=2, message="Use the two-letter code, e.g. RS."),
                                      known_country])
    offers = TextAreaField("What they offer", filters=[strip_text],
                           validators=[Length(max=DESCRIPTION_MAX)],
                           description="Products, services or space they can give a new business.")
    seeks = TextAreaField("What they look for", filters=[strip_text],
                          validators=[Length(max=DESCRIPTION_MAX)],
                          description="What they would buy or source from a new business.")
    export_oriented = BooleanField("Export oriented")


class ClusterForm(OrganisationForm):
    region = StringField("Region", filters=[strip_text], validators=[Length(max=CITY_MAX)])
    website = StringField("Website", filters=[strip_text],
                          validators=[Length(max=500),
                                      Regexp(f"^$|{URL_RE.pattern}", flags=URL_RE.flags,
                                             message="Leave empty or give an http:// or https:// address.")])
