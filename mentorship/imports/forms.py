"""The upload form of an import."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import SelectField

from mentorship.main.helpers import options
from mentorship.services.imports.columns import KINDS

KIND_TITLES = {
    "mentors": _l("Mentors"),
    "entrepreneurs": _l("Entrepreneurs"),
    "partners": _l("Partner companies"),
    "clusters": _l("Startup clusters"),
    "ideas": _l("Ideas"),
}
KIND_CHOICES = options((kind, KIND_TITLES.get(kind, spec.title)) for kind, spec in KINDS.items())


class UploadForm(FlaskForm):
    kind = SelectField(_l("The file contains"), choices=KIND_CHOICES)
    programme = SelectField(
        _l("Programme"),
        choices=[],
        validate_choice=False,
        description=_l(
            "Imported entrepreneurs are enrolled in it; imported ideas "
            "belong to it (and their owners are enrolled)."
        ),
    )
    file = FileField(_l("Spreadsheet (CSV or XLSX)"))
