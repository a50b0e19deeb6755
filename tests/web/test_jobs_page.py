"""The lead's background jobs page: a bulk re-match is a job with a status and its progress."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import sqlalchemy as sa

from mentorship import task_names
from mentorship.extensions import db
from mentorship.models import BackgroundJob, Cluster, Idea
from mentorship.services.directory import create_organisation
from tests.factories import (
    ClusterFactory,
    EntrepreneurFactory,
    IdeaFactory,
    LeadFactory,
    MentorFactory,
)


@pytest.fixture
def lead(auth):
    user = LeadFactory()
    auth.login(user.email)
    return user


def test_the_lead_starts_a_rematch_and_sees_it_done_with_its_count(client, lead, submit):
    MentorFactory(mentor_profile__expertise="jam, fruit processing, food safety")
    ClusterFactory(name="Nis Region Agro Start Up Cluster")
    ideas = [IdeaFactory(status="submitted") for _ in range(3)]
    page = submit("/lead/jobs/rematch", page="/lead/jobs")
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and "The re-match of all open ideas has started" in html
    job = db.session.scalars(sa.select(BackgroundJob)).one()
    assert (job.task, job.status, job.created_by_id) == (
        task_names.REMATCH_OPEN_IDEAS,
        "done",
        lead.id,
    )
    assert "Done" in html and "3 of 3 ideas" in html and 'http-equiv="refresh"' not in html
    db.session.expire_all()
    assert {db.session.get(Idea, idea.id).status for idea in ideas} == {"matched"}


def test_a_running_job_shows_its_progress_and_the_page_follows_it(client, lead):
    db.session.add(
        BackgroundJob(
            task=task_names.CANDIDATE_CHANGED,
            args=["cluster", 7],
            status="running",
            attempts=2,
            progress_done=500,
            progress_total=1211,
            started_at=datetime.now(UTC),
        )
    )
    db.session.commit()
    html = client.get("/lead/jobs").get_data(as_text=True)
    assert "Re-match open ideas after a change of a startup cluster" in html
    assert "Running" in html and "500 of 1211 ideas" in html and 'value="41"' in html
    assert "resumed after 1 interruption" in html
    assert 'http-equiv="refresh"' in html


def test_a_failed_job_says_why(client, lead):
    db.session.add(
        BackgroundJob(
            task=task_names.REMATCH_OPEN_IDEAS,
            args=[None],
            status="failed",
            error="OperationalError: the database went away",
        )
    )
    db.session.commit()
    html = client.get("/lead/jobs").get_data(as_text=True)
    assert "Failed" in html and "the database went away" in html


def test_a_directory_change_becomes_a_job_on_the_page(client, lead):
    EntrepreneurFactory()
    create_organisation(lead, Cluster, {"name": "Agro Cluster", "description": "Food and farming"})
    job = db.session.scalars(sa.select(BackgroundJob)).one()
    assert (job.task, job.args[0], job.status) == (task_names.CANDIDATE_CHANGED, "cluster", "done")
    assert "after a change of a startup cluster" in client.get("/lead/jobs").get_data(as_text=True)


def test_a_serbian_lead_reads_the_page_in_serbian(client, lead):
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "sr"
    html = client.get("/lead/jobs").get_data(as_text=True)
    assert "Pozadinski poslovi" in html


def test_only_the_lead_sees_jobs(client, auth):
    user = EntrepreneurFactory()
    auth.login(user.email)
    assert client.get("/lead/jobs").status_code == 403
    assert client.post("/lead/jobs/rematch").status_code in (400, 403)
    assert db.session.scalar(sa.select(sa.func.count()).select_from(BackgroundJob)) == 0


def test_a_rematch_without_csrf_token_is_refused(client, lead):
    assert client.post("/lead/jobs/rematch").status_code == 400
    assert db.session.scalar(sa.select(sa.func.count()).select_from(BackgroundJob)) == 0
