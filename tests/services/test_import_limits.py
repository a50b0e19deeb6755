"""A spreadsheet cannot take a worker's memory or time: sizes are checked before reading, and
reading stops at the row and cell limits. The lead gets a clear refusal, never a 500."""

from __future__ import annotations

import io
import time
import zipfile

import pytest
import sqlalchemy as sa
from openpyxl import Workbook

from mentorship.extensions import db
from mentorship.models import ImportJob, Partner
from mentorship.services import imports
from mentorship.services.imports import MAX_CELLS, MAX_IMPORT_BYTES, FileProblem
from mentorship.services.imports.reading import read_table
from tests.factories import LeadFactory
from tests.web.test_import_pages import upload

SHEET = "xl/worksheets/sheet1.xml"
SHEET_HEAD = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    b'<dimension ref="A1:C2"/><sheetData>'
)
SHEET_TAIL = b"</sheetData></worksheet>"


def _package(write_sheet) -> bytes:
    """A real XLSX package (written by openpyxl) whose first sheet is replaced by `write_sheet`."""
    book = Workbook()
    book.active.append(["name", "description"])
    original = io.BytesIO()
    book.save(original)
    result = io.BytesIO()
    with (
        zipfile.ZipFile(original) as source,
        zipfile.ZipFile(result, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for item in source.infolist():
            if item.filename == SHEET:
                with target.open(SHEET, "w", force_zip64=True) as sheet:
                    write_sheet(sheet)
            else:
                target.writestr(item, source.read(item.filename))
    return result.getvalue()


def wide_sheet(rows: int, columns: int):
    cells = b"".join(b"<c><v>1</v></c>" for _ in range(columns))

    def write(sheet) -> None:
        sheet.write(SHEET_HEAD)
        sheet.write(
            b'<row r="1"><c t="inlineStr"><is><t>name</t></is></c>'
            b'<c t="inlineStr"><is><t>description</t></is></c></row>'
        )
        for number in range(2, rows + 2):
            sheet.write(b'<row r="%d">%s</row>' % (number, cells))
        sheet.write(SHEET_TAIL)

    return write


@pytest.fixture(scope="module")
def incident_xlsx() -> bytes:
    """Like the file that took a web worker down: 49,000 rows of 100 cells, small when packed."""
    return _package(wide_sheet(49_000, 100))


def unpacked_size(content: bytes) -> int:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return sum(info.file_size for info in archive.infolist())


def test_a_zip_bomb_xlsx_is_refused_from_its_directory_before_any_reading(app, incident_xlsx):
    assert len(incident_xlsx) < 1024 * 1024 and unpacked_size(incident_xlsx) > 64 * 1024 * 1024
    started = time.perf_counter()
    with pytest.raises(FileProblem, match=r"unpacks to \d+ MB; the limit is 64 MB"):
        imports.check_upload(LeadFactory(), "partners", "bomb.xlsx", incident_xlsx)
    # Refused from the archive's directory alone, not by unpacking 70 MB.
    assert time.perf_counter() - started < 5
    assert db.session.scalar(sa.select(sa.func.count()).select_from(ImportJob)) == 0


def test_the_lead_sees_the_zip_bomb_refused_in_her_language(client, auth, incident_xlsx):
    lead = LeadFactory()
    auth.login(lead.email)
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "sr"
    response = upload(client, incident_xlsx, filename="bomb.xlsx")
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "bomb.xlsx" in html and "ograničenje je 64 MB" in html


def _lying_package() -> bytes:
    """A sheet that unpacks to far more than its archive directory says."""
    content = bytearray(_package(wide_sheet(20_000, 10)))
    with zipfile.ZipFile(io.BytesIO(bytes(content))) as archive:
        info = archive.getinfo(SHEET)
    real = info.file_size.to_bytes(4, "little")
    claimed = (1000).to_bytes(4, "little")
    assert content.count(real) >= 1
    return bytes(content).replace(real, claimed)


def test_a_member_larger_than_declared_is_never_unpacked_past_its_declared_size(app):
    with pytest.raises(FileProblem, match="damaged|cannot be read|empty"):
        read_table(_lying_package())


def test_reading_stops_at_the_cell_limit_in_a_worker_and_the_page_says_why(client, auth):
    lead = LeadFactory()
    auth.login(lead.email)
    columns = 100
    rows = MAX_CELLS // columns + 10
    wide = "name,description" + ",x" * (columns - 2) + "\n"
    wide += ("Pekara,Bread" + ",1" * (columns - 2) + "\n") * rows
    response = upload(client, wide.encode())
    assert response.status_code == 302
    html = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "The file was not imported." in html and "more than 1,000,000 cells" in html
    job = db.session.scalars(sa.select(ImportJob)).one()
    assert job.status == "failed" and job.total_rows == 0
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Partner)) == 0


def test_an_oversized_csv_is_refused_at_upload(app):
    content = b"name,description\n" + b"Pekara,Bread\n" * (MAX_IMPORT_BYTES // 13 + 10)
    with pytest.raises(FileProblem, match="the limit is 10 MB"):
        imports.check_upload(LeadFactory(), "partners", "big.csv", content)
    assert db.session.scalar(sa.select(sa.func.count()).select_from(ImportJob)) == 0


def test_a_sheet_that_declares_every_column_of_excel_is_read_as_it_is(app):
    def write(sheet) -> None:
        sheet.write(SHEET_HEAD.replace(b"A1:C2", b"A1:XFD1048576"))
        sheet.write(
            b'<row r="1"><c t="inlineStr"><is><t>name</t></is></c>'
            b'<c t="inlineStr"><is><t>description</t></is></c></row>'
            b'<row r="2"><c t="inlineStr"><is><t>Pekara</t></is></c>'
            b'<c t="inlineStr"><is><t>Bread</t></is></c></row>'
        )
        sheet.write(SHEET_TAIL)

    job = imports.check_upload(LeadFactory(), "partners", "ok.xlsx", _package(write))
    assert (job.status, job.total_rows) == ("checked", 1)
