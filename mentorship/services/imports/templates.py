"""Downloadable template files: each kind's columns and one example row."""

from __future__ import annotations

from mentorship.infrastructure.spreadsheets import write
from mentorship.services.imports.columns import KINDS


def template_file(kind: str, file_format: str) -> bytes:
    spec = KINDS[kind]
    return write(file_format, spec.names, [[column.example for column in spec.columns]], spec.title)
