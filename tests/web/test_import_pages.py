"""The import pages: upload, dry-run report, running the import, templates, invitations, limits."""

from __future__ import annotations

import io
import re
from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa

from mentorship.extensions import db
from mentorship.models import AccountToken, ImportJob, OutboxEmail, Partner, User
from mentorship.services.accounts import authenticate
from tests.conftest import csrf_token_from
from tests.factories import EntrepreneurFactory, LeadFactory, MentorFactory

PARTNERS_CSV = "name,description,city\nPekara Čačak,Bread and pastry,Čačak\nMlin Niš,Flour,Niš\n"


def upload(client, content: bytes, kind: str = "partners", filename: str = "file.csv", **extra):
    token = csrf_token_from(client.get("/lead/imports").get_data(as_text=True))
    data = {
        "csrf_token": token,
        "kind": kind,
        "programme": "",
        "file": (io.BytesIO(content), filename),
        **extra,
    }
    return client.post("/lead/imports", data=data, content_type="multipart/form-data")


def start(client, response):
    job_path = response.headers["Location"]
    token = csrf_token_from(client.get(job_path).get_data(as_text=True))
    client.post(f"{job_path}/run", data={"csrf_token": token})
    return job_path


@pytest.fixture
def lead(auth):
    user = LeadFactory()
    auth.login(user.email)
    return user


def test_upload_shows_the_dry_run_report(client, lead):
    response = upload(client, PARTNERS_CSV.encode())
    assert response.status_code == 302
    html = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "This was a dry run" in html and "Pekara Čačak" in html and "Import 2 rows" in html
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Partner)) == 0


def test_import_runs_and_the_page_shows_it_finished(client, lead):
    job_path = start(client, upload(client, PARTNERS_CSV.encode()))
    html = client.get(job_path).get_data(as_text=True)
    assert "The import is finished." in html
    status = client.get(f"{job_path}/status").get_json()
    assert status["status"] == "done" and status["percent"] == 100 and status["processed_rows"] == 2
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Partner)) == 2


def test_rejected_rows_are_listed_and_block_the_import(client, lead):
    response = upload(client, b"name,description\nPekara,\nPekara,Bread\nPEKARA,Bread\n")
    html = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "description: missing (required)" in html and "duplicate of row 3" in html
    assert "Upload a corrected file" in html and "Import 3 rows" not in html


def test_wrong_header_is_explained_on_the_page(client, lead):
    response = upload(client, b"company,about\nPekara,Bread\n")
    assert response.status_code == 302  # the dry run is a job; its page tells what it found
    html = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "The file was not imported." in html and "Upload a corrected file" in html
    assert (
        "missing required columns: name, description" in html
        and "unknown columns: company, about" in html
    )
    job = db.session.scalars(sa.select(ImportJob)).one()
    assert job.status == "failed" and "Import 1 row" not in html
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Partner)) == 0


def test_a_serbian_reader_gets_the_file_problem_in_serbian(client, lead):
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "sr"
    response = upload(client, b"company,about\nPekara,Bread\n")
    html = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "nedostaju obavezne kolone: name, description" in html
    assert "Red zaglavlja ne odgovara uvozu" in html


def test_not_a_spreadsheet_is_refused_even_with_a_csv_name(client, lead):
    response = upload(client, b"\x89PNG\r\n\x1a\n" + bytes(range(256)), filename="partners.csv")
    assert response.status_code == 422 and "not a CSV or XLSX" in response.get_data(as_text=True)


def test_empty_file_is_refused(client, lead):
    response = upload(client, b"", filename="empty.csv")
    assert response.status_code == 422 and "The file is empty." in response.get_data(as_text=True)


def test_a_fifty_megabyte_upload_gets_a_friendly_page(client, lead):
    response = upload(client, b"name,description\n" + b"x" * (50 * 1024 * 1024))
    html = response.get_data(as_text=True)
    assert response.status_code == 413
    assert "too large" in html and "up to 10 MB" in html
    assert db.session.scalar(sa.select(sa.func.count()).select_from(ImportJob)) == 0


def test_a_file_just_over_one_megabyte_is_accepted_on_this_route(client, lead):
    rows = "".join(f"Partner {n},{'Bread and pastry. ' * 10}\n" for n in range(6000))
    content = ("name,description\n" + rows).encode()
    assert len(content) > 1024 * 1024
    response = upload(client, content)
    assert response.status_code == 302


def test_other_forms_keep_the_one_megabyte_limit_with_a_friendly_page(client, lead):
    response = client.post("/lead/programmes/new", data={"name": "x" * (2 * 1024 * 1024)})
    assert (
        response.status_code == 413
        and "larger than this page accepts (1 MB)" in response.get_data(as_text=True)
    )


def test_upload_without_csrf_token_is_refused(client, lead):
    response = client.post(
        "/lead/imports",
        data={"kind": "partners", "file": (io.BytesIO(b"name"), "a.csv")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 400


@pytest.mark.parametrize(
    "path", ["/lead/imports", "/lead/imports/templates/mentors.csv", "/lead/exports"]
)
def test_only_the_lead_imports(client, auth, path):
    auth.login(MentorFactory().email)
    assert client.get(path).status_code == 403


def test_an_entrepreneur_cannot_upload(client, auth):
    auth.login(EntrepreneurFactory().email)
    token = csrf_token_from(client.get("/").get_data(as_text=True))
    response = client.post(
        "/lead/imports",
        data={
            "csrf_token": token,
            "kind": "partners",
            "file": (io.BytesIO(PARTNERS_CSV.encode()), "p.csv"),
        },
        content_type="multipart/form-data",
    )
    assert response.status_code == 403


def test_anonymous_visitor_is_sent_to_log_in(client):
    response = client.get("/lead/imports")
    assert response.status_code == 302 and "/login" in response.headers["Location"]


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_templates_download_for_each_kind(client, lead, file_format):
    response = client.get(f"/lead/imports/templates/ideas.{file_format}")
    assert response.status_code == 200 and "attachment" in response.headers["Content-Disposition"]
    if file_format == "csv":
        assert (
            response.get_data(as_text=True)
            .lstrip("\ufeff")
            .startswith("owner_email,title,description")
        )


def test_the_page_documents_every_column(client, lead):
    html = client.get("/lead/imports").get_data(as_text=True)
    for column in ("owner_email", "export_oriented", "business_name", "capacity", "website"):
        assert f"<code>{column}</code>" in html


def invitation_link(email: str) -> str:
    body = db.session.scalars(
        sa.select(OutboxEmail.body).where(OutboxEmail.to_email == email)
    ).one()
    return re.search(r"/invite/\S+", body).group(0)


def imported_mentor(client) -> str:
    start(client, upload(client, b"email,name\nvesna@example.rs,Vesna Ilic\n", kind="mentors"))
    return invitation_link("vesna@example.rs")


def test_invited_person_sets_her_password_and_logs_in(client, lead, auth, submit):
    link = imported_mentor(client)
    auth.logout()
    response = submit(link, {"password": "plum jam 2026", "confirm": "plum jam 2026"})
    assert "Your password is set" in response.get_data(as_text=True)
    assert authenticate("vesna@example.rs", "plum jam 2026") is not None


def test_an_invitation_link_works_only_once(client, lead, auth, submit):
    link = imported_mentor(client)
    auth.logout()
    submit(link, {"password": "plum jam 2026", "confirm": "plum jam 2026"})
    response = client.get(link)
    assert response.status_code == 404 and "already been used" in response.get_data(as_text=True)


def test_an_expired_invitation_link_is_refused(client, lead, auth):
    link = imported_mentor(client)
    token = db.session.scalars(sa.select(AccountToken)).one()
    token.expires_at = datetime.now(UTC) - timedelta(minutes=1)
    db.session.commit()
    auth.logout()
    response = client.get(link)
    assert response.status_code == 404 and "has expired" in response.get_data(as_text=True)


def test_an_unknown_invitation_link_is_refused(client):
    response = client.get("/invite/not-a-real-token")
    assert response.status_code == 404 and "not valid" in response.get_data(as_text=True)


def test_mismatched_passwords_leave_the_invitation_unused(client, lead, auth, submit):
    link = imported_mentor(client)
    auth.logout()
    response = submit(link, {"password": "plum jam 2026", "confirm": "other words"})
    assert "not the same" in response.get_data(as_text=True)
    assert db.session.scalars(sa.select(AccountToken.used_at)).one() is None
    assert (
        db.session.scalar(sa.select(User.password_hash).where(User.email == "vesna@example.rs"))
        == "!invited"
    )
