"""Turns an uploaded file into a header and rows of text, or says in words why it cannot.

The type is decided by the content, never by the file name. Cells are only ever text: a formula
is kept as the text of the formula and never evaluated.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass
from datetime import date, datetime, time

from flask_babel import format_decimal, gettext

from mentorship.services.errors import ServiceError

MAX_IMPORT_BYTES = 10 * 1024 * 1024
MAX_ROWS = 50_000
# Cells read (50,000 rows of 20 columns): bounds a worker's memory and time, whatever the file.
MAX_CELLS = 1_000_000
# A small XLSX can unpack to gigabytes (a "zip bomb"): the sizes its directory declares are
# checked before openpyxl opens it, and zipfile never unpacks a member past its declared size.
MAX_UNPACKED_BYTES = 64 * 1024 * 1024
CSV_DELIMITERS = (",", ";", "\t")
# Lead byte plus continuation bytes: a well-formed UTF-8 multi-byte character.
UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
BINARY_SIGNATURES = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\xd0\xcf\x11\xe0": "an old Excel (.xls) or Word file; save it as .xlsx or CSV",
    b"\x1f\x8b": "a gzip archive",
    b"Rar!": "a RAR archive",
    b"7z\xbc\xaf": "a 7-Zip archive",
}
CONTROL_BYTES = set(range(9)) | {11, 12} | set(range(14, 32)) | {127}


class FileProblem(ServiceError):
    """The file as a whole cannot be imported; nothing was read into the database."""

    status = 422
    code = "bad_file"


@dataclass(frozen=True)
class Table:
    header: list[str]
    rows: list[tuple[int, list[str]]]  # (spreadsheet row number, header = row 1; cells)
    file_format: str  # "csv" or "xlsx"
    encoding: str | None = None
    delimiter: str | None = None


def check_file(content: bytes) -> None:
    """What can be told from the bytes alone, cheaply enough to answer the upload at once."""
    if not content or not content.strip():
        raise FileProblem(gettext("The file is empty."))
    if len(content) > MAX_IMPORT_BYTES:
        raise FileProblem(
            gettext(
                "The file is %(size)s MB; the limit is %(limit)d MB. Split it into smaller files.",
                size=format_decimal(round(len(content) / 1024 / 1024, 1)),
                limit=MAX_IMPORT_BYTES // 1024 // 1024,
            )
        )
    if content.startswith(b"PK\x03\x04"):
        _check_archive(content)
        return
    for signature, what in BINARY_SIGNATURES.items():
        if content.startswith(signature):
            raise FileProblem(
                gettext("This is %(what)s, not a CSV or XLSX spreadsheet.", what=what)
            )


def read_table(content: bytes) -> Table:
    """The whole file as text, or FileProblem; stops at the first limit it passes."""
    check_file(content)
    if content.startswith(b"PK\x03\x04"):
        return _read_xlsx(content)
    return _read_csv(_decode(content))


class _Budget:
    """Counts rows and cells as they are read, and stops the reading at either limit."""

    def __init__(self) -> None:
        self.rows = 0
        self.cells = 0

    def take(self, cells: int) -> None:
        self.rows += 1
        self.cells += cells
        if self.rows > MAX_ROWS:
            raise FileProblem(_too_many_rows())
        if self.cells > MAX_CELLS:
            raise FileProblem(
                gettext(
                    "The file has more than %(cells)s cells; an import reads at most that "
                    "many (for example %(rows)s rows of 20 columns). Remove unused columns or "
                    "split it into smaller files.",
                    cells=format_decimal(MAX_CELLS),
                    rows=format_decimal(MAX_CELLS // 20),
                )
            )


def _decode(content: bytes) -> tuple[str, str]:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1250; a mix is refused."""
    if content.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return content.decode("utf-16"), "UTF-16"
        except UnicodeDecodeError:
            raise FileProblem(
                gettext("The file says it is UTF-16 but is not readable as such.")
            ) from None
    sample = content[:65536]
    if b"\x00" in sample or sum(byte in CONTROL_BYTES for byte in sample) > len(sample) // 100:
        raise FileProblem(
            gettext("This is not a CSV or XLSX spreadsheet: it contains binary data.")
        )
    try:
        return content.decode("utf-8-sig"), "UTF-8"
    except UnicodeDecodeError as error:
        first_bad = error.start
    if UTF8_SEQUENCE.search(content):
        line = content.count(b"\n", 0, first_bad) + 1
        raise FileProblem(
            gettext(
                "The file mixes text encodings: some characters are UTF-8 and some are not "
                "(the first one that is not is on line %(line)d). Save the file again as "
                "“CSV UTF-8” and upload it once more.",
                line=line,
            )
        )
    try:
        return content.decode("cp1250"), "Windows-1250"
    except UnicodeDecodeError:
        raise FileProblem(
            gettext(
                "The text encoding of the file is not recognised. "
                "Save it as “CSV UTF-8” and upload it again."
            )
        ) from None


def _delimiter(first_line: str) -> str:
    counts = {delimiter: first_line.count(delimiter) for delimiter in CSV_DELIMITERS}
    best = max(counts, key=counts.get)
    return best if counts[best] else ","


def _read_csv(decoded: tuple[str, str]) -> Table:
    text, encoding = decoded
    if any(unicodedata.category(ch) == "Cc" and ch not in "\t\r\n" for ch in text[:65536]):
        raise FileProblem(
            gettext("This is not a CSV or XLSX spreadsheet: it contains binary data.")
        )
    delimiter = _delimiter(text.lstrip("\ufeff").split("\n", 1)[0])
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=""), delimiter=delimiter)
    rows: list[tuple[int, list[str]]] = []
    header: list[str] | None = None
    number = 0
    budget = _Budget()
    try:
        for cells in reader:
            number += 1
            if header is None:
                if not any(cell.strip() for cell in cells):
                    continue
                header = cells
                number = 1
                continue
            budget.take(len(cells))
            if any(cell.strip() for cell in cells):
                rows.append((number, cells))
    except csv.Error as error:
        raise FileProblem(
            gettext(
                "The CSV file cannot be read near row %(row)d: %(error)s.",
                row=number + 1,
                error=error,
            )
        ) from None
    if header is None:
        raise FileProblem(gettext("The file is empty."))
    return Table(header, rows, "csv", encoding, delimiter)


def _too_many_rows() -> str:
    return gettext(
        "The file has more than %(rows)s rows; split it into smaller files.",
        rows=format_decimal(MAX_ROWS),
    )


def _check_archive(content: bytes) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            names = set(archive.namelist())
            unpacked = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile:
        raise FileProblem(gettext("This looks like an XLSX file but it is damaged.")) from None
    if "xl/workbook.xml" not in names:
        raise FileProblem(gettext("This is a ZIP archive, not an XLSX spreadsheet."))
    if unpacked > MAX_UNPACKED_BYTES:
        raise FileProblem(
            gettext(
                "The spreadsheet unpacks to %(size)s MB; the limit is %(limit)d MB. Remove "
                "unused rows, columns and sheets, or split it into smaller files.",
                size=format_decimal(round(unpacked / 1024 / 1024)),
                limit=MAX_UNPACKED_BYTES // 1024 // 1024,
            )
        )


def _read_xlsx(content: bytes) -> Table:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=False)
    except Exception as error:  # noqa: BLE001 -- openpyxl raises many kinds for a broken file
        raise FileProblem(
            gettext("The XLSX file cannot be read (%(error)s).", error=type(error).__name__)
        ) from None
    try:
        sheet = workbook.worksheets[0]
        # A declared size of A1:XFD1048576 would pad every row to 16,384 cells: ignore it.
        sheet.reset_dimensions()
        header: list[str] | None = None
        rows: list[tuple[int, list[str]]] = []
        budget = _Budget()
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            budget.take(len(values))
            cells = [_cell_text(value) for value in values]
            if not any(cell.strip() for cell in cells):
                continue
            if header is None:
                header = cells
                header_number = number
                continue
            rows.append((number - header_number + 1, cells))
    except FileProblem:
        raise
    except zipfile.BadZipFile:
        # A member that unpacks to more than its declared size fails its check here.
        raise FileProblem(gettext("This looks like an XLSX file but it is damaged.")) from None
    except Exception as error:  # noqa: BLE001 -- a broken sheet fails in many ways
        raise FileProblem(
            gettext("The XLSX file cannot be read (%(error)s).", error=type(error).__name__)
        ) from None
    finally:
        workbook.close()
    if header is None:
        raise FileProblem(gettext("The file is empty."))
    return Table(header, rows, "xlsx")


def _cell_text(value: object) -> str:
    """Spreadsheet values as the text a person sees; formulas stay their own text."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(getattr(value, "text", value))
