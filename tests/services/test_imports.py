"""Spreadsheet imports: reading files, the dry-run report, idempotent all-or-nothing imports."""

from __future__ import annotations

import io
import time

import pytest
import sqlalchemy as sa
from openpyxl import Workbook, load_workbook

from mentorship.extensions import db
from mentorship.infrastructure.spreadsheets import to_xlsx
from mentorship.models import (
    AccountToken,
    Cluster,
    Enrolment,
    Idea,
    ImportJob,
    MentorProfile,
    OutboxEmail,
    Partner,
    User,
)
from mentorship.services import imports
from mentorship.services.imports import FileProblem, handlers
from mentorship.services.imports.templates import template_file
from tests.factories import EntrepreneurFactory, LeadFactory, MentorFactory, PartnerFactory

ENTREPRENEUR_HEADER = "email,name,business_name,city,sector,stage,languages"


def csv_bytes(*lines: str, encoding: str = "utf-8") -> bytes:
    return ("\n".join(lines) + "\n").encode(encoding)


def xlsx_bytes(rows: list[list[object]]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def check(kind: str, content: bytes, lead=None, programme_id=None) -> ImportJob:
    """Upload and dry run (in-process here): a refused file raises as the page would show it."""
    job = imports.check_upload(lead or LeadFactory(), kind, f"{kind}.csv", content, programme_id)
    if job.status == "failed" and job.report.get("refused"):
        raise FileProblem(job.error, {"header": job.report["details"]})
    return job


def run(job: ImportJob) -> ImportJob:
    imports.start_import(db.session.get(User, job.created_by_id), job)
    db.session.expire_all()
    return db.session.get(ImportJob, job.id)


def actions(job: ImportJob) -> list[str]:
    return [row["action"] for row in job.report["rows"]]


def reasons(job: ImportJob) -> str:
    return " | ".join("; ".join(row.get("reasons", [])) for row in job.report["rows"])


def count(model) -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(model))


def test_dry_run_reports_each_row_and_writes_nothing(app):
    PartnerFactory(name="Hotel Sumatovac", description="A hotel.", city="Aleksinac")
    job = check(
        "partners",
        csv_bytes(
            "name,description,city",
            "Hotel Sumatovac,A hotel.,Aleksinac",
            "hotel sumatovac,A hotel.,Niš",
            "Pekara Niš,Bakery,Niš",
            ",No name,Niš",
        ),
    )
    assert actions(job) == ["unchanged", "rejected", "created", "rejected"]
    assert "duplicate of row 2" in job.report["rows"][1]["reasons"][0]
    assert "name: missing (required)" in job.report["rows"][3]["reasons"]
    assert count(Partner) == 1


def test_dry_run_names_the_changed_fields_of_an_existing_record(app):
    PartnerFactory(name="Hotel Sumatovac", description="A hotel.", city="Aleksinac")
    job = check("partners", csv_bytes("name,description,city", "HOTEL SUMATOVAC,A hotel.,Niš"))
    assert job.report["rows"][0]["action"] == "updated"
    assert job.report["rows"][0]["changes"] == ["name", "city"]


def test_bad_email_and_unknown_sector_are_rejected_with_reasons(app):
    job = check(
        "entrepreneurs",
        csv_bytes(
            ENTREPRENEUR_HEADER,
            "not-an-email,Jelena,,Niš,food,idea,sr",
            "ana@example.rs,Ana,,Niš,spaceships,idea,sr",
        ),
    )
    assert actions(job) == ["rejected", "rejected"]
    assert "email: Not a valid e-mail address" in reasons(job)
    assert "sector: unknown sector “spaceships”" in reasons(job)


@pytest.mark.parametrize("written", ["food", "Food and drink", "HRANA I PIĆE", "hrana i pice"])
def test_sector_accepts_slug_english_and_serbian_labels_without_case_or_diacritics(app, written):
    job = check(
        "clusters", csv_bytes("name,description,sector", f"Agro Niš,Food startups,{written}")
    )
    assert actions(job) == ["created"]
    run(job)
    assert db.session.scalar(sa.select(Cluster.sector)) == "food"


def test_wrong_header_names_missing_and_unknown_columns(app):
    with pytest.raises(FileProblem) as problem:
        check("mentors", csv_bytes("mail,name,favourite colour", "a@example.rs,Ana,blue"))
    assert "missing required column: email" in problem.value.message
    assert "unknown columns: mail, favourite colour" in problem.value.message


def test_header_names_ignore_case_spaces_and_the_e_mail_spelling(app):
    job = check(
        "entrepreneurs", csv_bytes("E-mail,Name,Business name", "ana@example.rs,Ana,Radionica")
    )
    assert actions(job) == ["created"]


@pytest.mark.parametrize("content", [b"", b"   \n\n", b"\xef\xbb\xbf"])
def test_empty_file_is_refused(app, content):
    with pytest.raises(FileProblem, match="empty"):
        check("partners", content)


def test_header_without_rows_is_checked_with_nothing_to_do(app):
    job = check("partners", csv_bytes("name,description"))
    assert job.report["counts"] == {"created": 0, "updated": 0, "unchanged": 0, "rejected": 0}


@pytest.mark.parametrize(
    "content, words",
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "PNG image"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (bytes(range(256)) * 40, "binary data"),
        (b"PK\x03\x04" + b"\x00" * 200, "damaged"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500, "old Excel"),
    ],
)
def test_a_file_that_is_not_a_spreadsheet_is_refused_by_content(app, content, words):
    with pytest.raises(FileProblem, match=words):
        check("partners", content)


def test_zip_that_is_not_xlsx_is_refused(app):
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes.txt", "hello")
    with pytest.raises(FileProblem, match="ZIP archive, not an XLSX"):
        check("partners", buffer.getvalue())


def test_windows_1250_file_keeps_serbian_letters(app):
    content = csv_bytes(
        "name;description;region",
        "Klaster Čačak;Voće i prerada;Čačak",
        "Klaster Niš;Hrana;Niš",
        "Đurđevo Agro;Žitarice;Đurđevo",
        encoding="cp1250",
    )
    job = check("clusters", content)
    assert job.report["encoding"] == "Windows-1250" and job.report["delimiter"] == ";"
    run(job)
    assert set(db.session.scalars(sa.select(Cluster.region))) == {"Čačak", "Niš", "Đurđevo"}


def test_utf8_with_byte_order_mark_is_read(app):
    job = check("clusters", "\ufeffname,description\nKlaster Čačak,Voće\n".encode("utf-8"))
    assert job.report["encoding"] == "UTF-8" and actions(job) == ["created"]
    assert job.report["rows"][0]["key"] == "Klaster Čačak"


def test_mixed_encodings_are_refused_with_the_line(app):
    content = "name,description\nKlaster Čačak,Voće\n".encode() + "Klaster Niš,Žito\n".encode(
        "cp1250"
    )
    with pytest.raises(FileProblem, match="mixes text encodings.*line 3"):
        check("clusters", content)


def test_formulas_are_kept_as_text_and_never_evaluated(app):
    content = xlsx_bytes(
        [
            ["name", "description", "region"],
            ["=1+1", '=HYPERLINK("http://evil.example")', "=SUM(A1:A3)"],
        ]
    )
    job = check("clusters", content)
    assert actions(job) == ["created"]
    assert "kept as text" in job.report["rows"][0]["notes"][0]
    run(job)
    cluster = db.session.scalars(sa.select(Cluster)).one()
    assert (cluster.name, cluster.region) == ("=1+1", "=SUM(A1:A3)")


def test_xlsx_numbers_become_plain_text(app):
    content = xlsx_bytes(
        [["email", "name", "capacity", "status"], ["vesna@example.rs", "Vesna", 4, "Active"]]
    )
    job = run(check("mentors", content))
    assert job.status == "done"
    profile = db.session.scalars(sa.select(MentorProfile)).one()
    assert (profile.capacity, profile.status) == (4, "active") and profile.activated_at is not None


def test_file_over_the_limit_is_refused(app):
    with pytest.raises(FileProblem, match="limit is 10 MB"):
        check("partners", b"name,description\n" + b"x" * (imports.MAX_IMPORT_BYTES + 1))


def test_imported_mentors_wait_for_approval_unless_the_file_says_active(app):
    run(check("mentors", csv_bytes("email,name,sectors", "ana@example.rs,Ana,food; Poljoprivreda")))
    profile = db.session.scalars(sa.select(MentorProfile)).one()
    assert profile.status == "pending" and profile.sectors == ["food", "agriculture"]


def test_second_import_of_the_same_file_changes_nothing(app):
    content = csv_bytes(
        ENTREPRENEUR_HEADER,
        "ana@example.rs,Ana Ilić,Radionica,Čačak,food,idea,sr; en",
        "mila@example.rs,Mila Jović,,Niš,Hrana i piće,early,Serbian",
    )
    lead = LeadFactory()
    first = run(check("entrepreneurs", content, lead))
    assert first.status == "done" and actions(first) == ["created", "created"]
    users_before = [
        (u.email, u.name, u.updated_at)
        for u in db.session.scalars(sa.select(User).order_by(User.id))
    ]
    second = check("entrepreneurs", content, lead)
    assert actions(second) == ["unchanged", "unchanged"]
    run(second)
    users_after = [
        (u.email, u.name, u.updated_at)
        for u in db.session.scalars(sa.select(User).order_by(User.id))
    ]
    assert users_after == users_before
    assert count(AccountToken) == 2


def test_import_into_a_programme_enrols_entrepreneurs(app):
    from mentorship.models import Programme

    programme = Programme(name="Start-up training")
    db.session.add(programme)
    db.session.commit()
    job = run(
        check(
            "entrepreneurs",
            csv_bytes("email,name", "ana@example.rs,Ana"),
            programme_id=programme.id,
        )
    )
    assert job.status == "done" and count(Enrolment) == 1


def test_ideas_need_a_known_owner(app):
    owner = EntrepreneurFactory(email="ana@example.rs")
    job = check(
        "ideas",
        csv_bytes(
            "owner_email,title,description",
            f"{owner.email},Plum jam,Jam from plums",
            "nobody@example.rs,Honey,Honey from Kopaonik",
        ),
    )
    assert actions(job) == ["created", "rejected"]
    assert "no account with this e-mail" in reasons(job)


def test_ideas_are_upserted_by_owner_and_title(app):
    owner = EntrepreneurFactory(email="ana@example.rs")
    run(
        check(
            "ideas",
            csv_bytes("owner_email,title,description", "ana@example.rs,Plum jam,Jam from plums"),
        )
    )
    again = check(
        "ideas",
        csv_bytes("owner_email,title,description", "ANA@example.rs,plum jam,Jam from plums"),
    )
    assert again.report["rows"][0]["action"] == "updated" and again.report["rows"][0][
        "changes"
    ] == ["title"]
    assert db.session.scalars(sa.select(Idea)).one().owner_id == owner.id


def test_an_email_of_another_role_is_rejected(app):
    MentorFactory(email="vesna@example.rs")
    job = check("entrepreneurs", csv_bytes("email,name", "vesna@example.rs,Vesna"))
    assert "belongs to an existing mentor account" in reasons(job)


def test_a_file_with_rejected_rows_cannot_be_started(app):
    job = check("partners", csv_bytes("name,description", "Pekara,", "Mlin,Flour"))
    with pytest.raises(imports.jobs.ConflictError):
        imports.start_import(db.session.get(User, job.created_by_id), job)
    assert count(Partner) == 0


def test_a_failure_while_writing_rolls_back_the_whole_file(app, monkeypatch):
    job = check(
        "partners", csv_bytes("name,description", "Pekara,Bread", "Mlin,Flour", "Sirana,Cheese")
    )
    original = handlers.OrganisationHandler.apply

    def fail_on_cheese(self, cleaned, target, context):
        if cleaned["name"] == "Sirana":
            raise RuntimeError("disk full")
        return original(self, cleaned, target, context)

    monkeypatch.setattr(handlers.OrganisationHandler, "apply", fail_on_cheese)
    done = run(job)
    assert done.status == "failed" and "row 4" in done.error and "disk full" in done.error
    assert count(Partner) == 0


def test_rows_rejected_by_a_change_since_the_dry_run_stop_the_import(app):
    job = check(
        "entrepreneurs", csv_bytes("email,name", "ana@example.rs,Ana", "mila@example.rs,Mila")
    )
    MentorFactory(email="mila@example.rs")
    done = run(job)
    assert done.status == "failed" and "rows are now rejected: 3" in done.error
    assert db.session.scalar(sa.select(User).where(User.email == "ana@example.rs")) is None
    assert done.report["counts"]["rejected"] == 1


def test_imported_people_get_an_invitation_email(app):
    run(check("mentors", csv_bytes("email,name", "vesna@example.rs,Vesna Ilić")))
    email = db.session.scalars(sa.select(OutboxEmail)).one()
    assert email.to_email == "vesna@example.rs" and "/invite/" in email.body
    token = db.session.scalars(sa.select(AccountToken)).one()
    assert token.purpose == "invitation" and len(token.token_hash) == 64
    assert token.token_hash not in email.body


def test_imported_people_cannot_log_in_before_choosing_a_password(app):
    from mentorship.services.accounts import authenticate

    run(check("entrepreneurs", csv_bytes("email,name", "ana@example.rs,Ana")))
    assert authenticate("ana@example.rs", "!invited") is None


def test_twenty_thousand_rows_are_checked_in_seconds_and_imported(app):
    lines = [ENTREPRENEUR_HEADER] + [
        f"person{n}@example.rs,Preduzetnica {n},Radionica {n},Čačak,food,idea,sr"
        for n in range(20_000)
    ]
    content = csv_bytes(*lines)
    started = time.perf_counter()
    job = check("entrepreneurs", content)
    checked_in = time.perf_counter() - started
    assert job.report["counts"]["created"] == 20_000
    assert checked_in < 15, f"dry run took {checked_in:.1f} s"
    done = run(job)
    assert done.status == "done" and done.processed_rows == 20_000
    assert count(User) == 20_001


@pytest.mark.parametrize("kind", ["mentors", "partners", "clusters", "entrepreneurs", "ideas"])
@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_each_template_passes_its_own_header_check(app, kind, file_format):
    from mentorship.services.imports.planning import check_header
    from mentorship.services.imports.reading import read_table

    table = read_table(template_file(kind, file_format))
    assert check_header(kind, table.header)


def test_xlsx_writer_round_trips_serbian_text(app):
    content = to_xlsx(["name"], [["Đurđevo"]])
    assert load_workbook(io.BytesIO(content)).active["A2"].value == "Đurđevo"


def test_clusters_import_their_member_companies_one_a_line_in_the_cell(app):
    workbook = xlsx_bytes(
        [
            ["name", "description", "members"],
            ["Drvo klaster", "Furniture makers", "Drvopromet: oak boards\nOkov Centar: hinges"],
            ["Agro klaster", "Food startups", None],
        ]
    )
    job = imports.check_upload(LeadFactory(), "clusters", "clusters.xlsx", workbook, None)
    run(job)
    members = dict(db.session.execute(sa.select(Cluster.name, Cluster.members)).all())
    assert members == {
        "Drvo klaster": "Drvopromet: oak boards\nOkov Centar: hinges",
        "Agro klaster": "",
    }
