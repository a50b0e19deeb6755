"""Spreadsheet imports of mentors, partners, clusters, entrepreneurs and ideas: a dry run, then an
all-or-nothing background import that can be run twice without changing anything the second time."""

from mentorship.services.imports.jobs import (
    check_import,
    check_upload,
    get_job,
    job_status,
    recent_jobs,
    run_import,
    start_import,
)
from mentorship.services.imports.reading import (
    MAX_CELLS,
    MAX_IMPORT_BYTES,
    MAX_ROWS,
    MAX_UNPACKED_BYTES,
    FileProblem,
)

__all__ = [
    "check_import",
    "MAX_CELLS",
    "MAX_IMPORT_BYTES",
    "MAX_UNPACKED_BYTES",
    "MAX_ROWS",
    "FileProblem",
    "check_upload",
    "get_job",
    "job_status",
    "recent_jobs",
    "run_import",
    "start_import",
]
