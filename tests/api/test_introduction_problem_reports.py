"""/api/v1/introductions: the lead's message flow (counts, no text), a member's problem report,
the lead reading a partner introduction's thread only while a report is open (audited, 403
otherwise) and resolving it; errors in the contract's shape, nothing changed."""

from __future__ import annotations

import sqlalchemy as sa

from mentorship.extensions import db
from mentorship.models import AuditEntry, ProblemReport
from mentorship.services.partnerships import problem_reports as reports
from mentorship.services.partnerships import threads
from tests.api.conftest import error_of
from tests.event_factories import PartnerContactFactory
from tests.factories import (
    ClusterFactory,
    EntrepreneurFactory,
    IdeaFactory,
    LeadFactory,
    MatchFactory,
    PartnerFactory,
)


def count(model, **where) -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(model).filter_by(**where))


def partner_introduction():
    match = MatchFactory(
        idea=IdeaFactory(), kind="partner", mentor=None, partner=PartnerFactory(), status="approved"
    )
    contact = PartnerContactFactory(partner=match.partner)
    db.session.commit()
    return match, match.idea.owner, contact


def test_the_lead_reads_messages_only_while_a_report_is_open(client, api_headers):
    lead = LeadFactory()
    match, her, contact = partner_introduction()
    threads.send_message(contact, match.id, {"body": "Just between our companies"})
    base = f"/api/v1/introductions/{match.id}"
    as_lead, as_her = api_headers(lead), api_headers(her)

    refused = client.get(f"{base}/messages", headers=as_lead)
    assert refused.status_code == 403 and error_of(refused)["code"] == "forbidden"
    assert "Just between" not in refused.get_data(as_text=True)
    assert count(AuditEntry, action=reports.READ_ACTION) == 0

    flow = client.get("/api/v1/introductions/message-flow", headers=as_lead)
    assert flow.status_code == 200
    item = flow.get_json()["items"][0]
    assert (item["id"], item["message_count"], item["last_message_from"]) == (
        match.id,
        1,
        "partner",
    )
    assert item["entrepreneur"]["name"] == her.name and item["open_problem_reports"] == 0
    assert "Just between" not in flow.get_data(as_text=True)

    made = client.post(f"{base}/problem-reports", json={"reason": " Cash only. "}, headers=as_her)
    assert made.status_code == 201
    report = made.get_json()
    assert (report["reason"], report["status"]) == ("Cash only.", "open")
    assert (report["introduction_id"], report["mentorship_id"]) == (match.id, None)

    thread = client.get(f"{base}/messages", headers=as_lead)
    assert thread.status_code == 200
    assert [m["body"] for m in thread.get_json()["items"]] == ["Just between our companies"]
    entry = db.session.scalar(sa.select(AuditEntry).where(AuditEntry.action == reports.READ_ACTION))
    assert entry.actor_id == lead.id and entry.details["via"] == "api"
    flow = client.get("/api/v1/introductions/message-flow", headers=as_lead).get_json()
    assert flow["items"][0]["open_problem_reports"] == 1

    listed = client.get("/api/v1/problem-reports", headers=as_lead).get_json()
    assert [item["introduction_id"] for item in listed["items"]] == [match.id]
    resolve = f"{base}/problem-reports/{report['id']}/resolve"
    done = client.post(resolve, json={"note": "Settled."}, headers=as_lead)
    assert done.status_code == 200 and done.get_json()["status"] == "resolved"
    assert client.get(f"{base}/messages", headers=as_lead).status_code == 403
    again = client.post(resolve, json={}, headers=as_lead)
    assert again.status_code == 409 and error_of(again)["code"] == "conflict"
    assert count(AuditEntry, action=reports.READ_ACTION) == 1


def test_only_members_report_and_only_once_at_a_time(client, api_headers):
    lead = LeadFactory()
    match, her, contact = partner_introduction()
    other, _, _ = partner_introduction()
    path = f"/api/v1/introductions/{match.id}/problem-reports"
    stranger = client.post(
        path, json={"reason": "Help"}, headers=api_headers(EntrepreneurFactory())
    )
    assert stranger.status_code == 404 and error_of(stranger)["code"] == "not_found"
    foreign = client.post(
        f"/api/v1/introductions/{other.id}/problem-reports",
        json={"reason": "Help"},
        headers=api_headers(her),
    )
    assert foreign.status_code == 404
    assert client.post(path, json={"reason": "Help"}, headers=api_headers(lead)).status_code == 403
    as_them = api_headers(contact)
    for body, field in (
        ({"reason": ""}, "reason"),
        ({"reason": "x" * 1001}, "reason"),
        ({}, "reason"),
        ({"reason": "Help", "urgent": True}, "urgent"),
    ):
        response = client.post(path, json=body, headers=as_them)
        assert response.status_code == 422, body
        assert field in error_of(response)["fields"]
    assert count(ProblemReport) == 0
    assert client.post(path, json={"reason": "Help"}, headers=as_them).status_code == 201
    twice = client.post(path, json={"reason": "Help again"}, headers=as_them)
    assert twice.status_code == 409 and "already reported" in error_of(twice)["message"]
    assert count(ProblemReport) == 1
    as_her = api_headers(her)
    assert client.get(path, headers=as_her).get_json()["total"] == 0
    assert client.get(path, headers=as_them).get_json()["total"] == 1
    assert client.get(path, headers=api_headers(lead)).get_json()["total"] == 1


def test_strangers_clusters_and_missing_ids(client, api_headers):
    lead = LeadFactory()
    match, her, _ = partner_introduction()
    report = reports.report_problem(her, match.id, {"reason": "Help"})
    as_lead = api_headers(lead)
    assert client.get("/api/v1/introductions/2147483000/messages", headers=as_lead).status_code == (
        404
    )
    flow = client.get("/api/v1/introductions/message-flow", headers=api_headers(her))
    assert flow.status_code == 403
    cluster = MatchFactory(kind="cluster", mentor=None, cluster=ClusterFactory(), status="approved")
    db.session.commit()
    as_owner = api_headers(cluster.idea.owner)
    on_cluster = f"/api/v1/introductions/{cluster.id}/problem-reports"
    assert client.post(on_cluster, json={"reason": "x"}, headers=as_owner).status_code == 404
    # A cluster's thread is still the lead's own, as before.
    assert client.get(
        f"/api/v1/introductions/{cluster.id}/messages", headers=as_lead
    ).status_code == (200)
    resolve = f"/api/v1/introductions/{match.id}/problem-reports/{report.id}/resolve"
    assert client.post(resolve, json={}, headers=api_headers(her)).status_code == 403
    bad = client.post(resolve, json={"note": "n" * 1001}, headers=as_lead)
    assert bad.status_code == 422 and "note" in error_of(bad)["fields"]
    missing = f"/api/v1/introductions/{match.id}/problem-reports/999999/resolve"
    assert client.post(missing, json={}, headers=as_lead).status_code == 404
    db.session.expire_all()
    assert db.session.get(ProblemReport, report.id).is_open
