"""/api/v1/mentorships/{id}/problem-reports: a member reports, the lead reads the thread only
while a report is open (audited), resolves it; errors in the contract's shape, nothing changed."""

from __future__ import annotations

import sqlalchemy as sa

from mentorship.extensions import db
from mentorship.models import AuditEntry, ProblemReport
from mentorship.services.mentorships import activity
from mentorship.services.mentorships import problem_reports as reports
from tests.api.conftest import error_of
from tests.factories import EntrepreneurFactory, LeadFactory
from tests.mentorship_pairs import approved_mentorship


def count(model, **where) -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(model).filter_by(**where))


def test_the_lead_reads_messages_only_while_a_report_is_open(client, api_headers):
    lead = LeadFactory()
    mentorship = approved_mentorship(lead)
    activity.send_message(mentorship.entrepreneur, mentorship.id, {"body": "Just between us"})
    base = f"/api/v1/mentorships/{mentorship.id}"
    as_lead, as_her = api_headers(lead), api_headers(mentorship.entrepreneur)

    refused = client.get(f"{base}/messages", headers=as_lead)
    assert refused.status_code == 403
    assert "Just between us" not in refused.get_data(as_text=True)
    assert error_of(refused)["code"] == "forbidden"
    assert count(AuditEntry, action=reports.READ_ACTION) == 0

    made = client.post(f"{base}/problem-reports", json={"reason": " Rude. "}, headers=as_her)
    assert made.status_code == 201
    report = made.get_json()
    assert (report["reason"], report["status"]) == ("Rude.", "open")
    assert report["reporter_id"] == mentorship.entrepreneur_id
    assert report["resolved_at"] is None

    thread = client.get(f"{base}/messages", headers=as_lead)
    assert thread.status_code == 200
    assert [m["body"] for m in thread.get_json()["items"]] == ["Just between us"]
    entry = db.session.scalar(sa.select(AuditEntry).where(AuditEntry.action == reports.READ_ACTION))
    assert entry.actor_id == lead.id and entry.details["via"] == "api"

    listed = client.get("/api/v1/problem-reports", headers=as_lead).get_json()
    assert [item["id"] for item in listed["items"]] == [report["id"]]
    resolve = f"{base}/problem-reports/{report['id']}/resolve"
    done = client.post(resolve, json={"note": "We called them."}, headers=as_lead)
    assert done.status_code == 200
    assert (done.get_json()["status"], done.get_json()["resolution_note"]) == (
        "resolved",
        "We called them.",
    )
    assert client.get(f"{base}/messages", headers=as_lead).status_code == 403
    assert client.get("/api/v1/problem-reports", headers=as_lead).get_json()["total"] == 0
    again = client.post(resolve, json={}, headers=as_lead)
    assert again.status_code == 409 and error_of(again)["code"] == "conflict"


def test_only_the_two_members_report_and_only_once_at_a_time(client, api_headers):
    lead = LeadFactory()
    mentorship = approved_mentorship(lead)
    path = f"/api/v1/mentorships/{mentorship.id}/problem-reports"
    stranger = client.post(
        path, json={"reason": "Help"}, headers=api_headers(EntrepreneurFactory())
    )
    assert stranger.status_code == 404 and error_of(stranger)["code"] == "not_found"
    assert client.post(path, json={"reason": "Help"}, headers=api_headers(lead)).status_code == 403
    as_him = api_headers(mentorship.mentor)
    for body, field in (
        ({"reason": ""}, "reason"),
        ({"reason": "x" * 1001}, "reason"),
        ({}, "reason"),
        ({"reason": "Help", "urgent": True}, "urgent"),
    ):
        response = client.post(path, json=body, headers=as_him)
        assert response.status_code == 422, body
        assert field in error_of(response)["fields"]
    assert count(ProblemReport) == 0
    assert client.post(path, json={"reason": "Help"}, headers=as_him).status_code == 201
    twice = client.post(path, json={"reason": "Help again"}, headers=as_him)
    assert twice.status_code == 409 and "already reported" in error_of(twice)["message"]
    assert count(ProblemReport) == 1
    # Members see their own reports only; the reason is for the lead.
    as_her = api_headers(mentorship.entrepreneur)
    assert client.get(path, headers=as_her).get_json()["total"] == 0
    assert client.get(path, headers=as_him).get_json()["total"] == 1
    assert client.get(path, headers=api_headers(lead)).get_json()["total"] == 1


def test_resolving_as_a_non_lead_or_badly_changes_nothing(client, api_headers):
    lead = LeadFactory()
    mentorship = approved_mentorship(lead)
    report = reports.report_problem(mentorship.entrepreneur, mentorship.id, {"reason": "Help"})
    resolve = f"/api/v1/mentorships/{mentorship.id}/problem-reports/{report.id}/resolve"
    as_him = api_headers(mentorship.mentor)
    assert client.post(resolve, json={}, headers=as_him).status_code == 403
    as_lead = api_headers(lead)
    bad = client.post(resolve, json={"note": "n" * 1001}, headers=as_lead)
    assert bad.status_code == 422 and "note" in error_of(bad)["fields"]
    other = approved_mentorship(lead)
    elsewhere = f"/api/v1/mentorships/{other.id}/problem-reports/{report.id}/resolve"
    assert client.post(elsewhere, json={}, headers=as_lead).status_code == 404
    missing = f"/api/v1/mentorships/{mentorship.id}/problem-reports/999999/resolve"
    assert client.post(missing, json={}, headers=as_lead).status_code == 404
    db.session.expire_all()
    assert db.session.get(ProblemReport, report.id).is_open
    assert count(AuditEntry, action="mentorship.problem_resolve") == 0
