"""The upload form of an import."""

from __future__ import annotations

from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import SelectField

from mentorship.main.helpers import options
from mentorship.services.imports.columns import KINDS

KIND_CHOICES = options((kind, spec.title) for kind, spec in KINDS.items())


class UploadForm(FlaskForm):
    kind = SelectField("The file contains", choices=KIND_CHOICES)
    programme = SelectField("Programme", choices=[], validate_choice=False,
                            description="Imported entrepreneurs are enrolled in it; imported ideas "
                                        "belong to it (and their owners are enrolled).")
    file = FileField("Spreadsheet (CSV or XLSX)")
