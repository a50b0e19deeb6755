"""Downloadable template files: each kind's columns and one example row."""

from __future__ import annotations

from mentorship.services.imports.columns import KINDS
from mentorship.services.spreadsheets import write


def template_file(kind: str, file_format: str) -> bytes:
    spec = KINDS[kind]
    return write(file_format, spec.names, [[column.example for column in spec.columns]], spec.title)
