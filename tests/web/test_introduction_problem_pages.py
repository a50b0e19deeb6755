"""Partner introductions on the pages: the lead's message-flow list (no text, paginated), a
member reporting a problem, the lead reading the reported thread only while a report is open
(404 in a thread never reported, a message once resolved) and resolving it; CSRF on each form,
bad input a form message, text escaped."""

from __future__ import annotations

import sqlalchemy as sa

from mentorship.extensions import db
from mentorship.models import AuditEntry, ProblemReport
from mentorship.services.partnerships import problem_reports as reports
from mentorship.services.partnerships import threads
from tests.event_factories import PartnerContactFactory
from tests.factories import (
    EntrepreneurFactory,
    IdeaFactory,
    LeadFactory,
    MatchFactory,
    PartnerFactory,
)


def count(model, **where) -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(model).filter_by(**where))


def partner_introduction(partner_name: str = "Hotel Sever"):
    match = MatchFactory(
        idea=IdeaFactory(),
        kind="partner",
        mentor=None,
        partner=PartnerFactory(name=partner_name),
        status="approved",
    )
    contact = PartnerContactFactory(partner=match.partner)
    db.session.commit()
    return match, match.idea.owner, contact


def test_a_member_reports_and_the_lead_reads_then_resolves(client, auth, submit):
    lead = LeadFactory()
    match, her, contact = partner_introduction()
    threads.send_message(contact, match.id, {"body": "Our <i>secret</i> prices"})
    page = f"/introductions/{match.id}"
    reading = f"{page}/reported-messages"

    auth.login(lead.email)
    assert client.get(reading).status_code == 404  # no report: the content stays private
    assert client.get(page).status_code == 404
    listed = client.get("/introductions").get_data(as_text=True)
    assert 'id="message-flow-link"' in listed
    flow = client.get("/introductions/message-flow").get_data(as_text=True)
    assert her.name in flow and "Hotel Sever" in flow
    assert "secret" not in flow
    row = flow[flow.index(f'id="introduction-{match.id}"') :]
    assert "<td>1</td>" in row
    assert count(AuditEntry, action=reports.READ_ACTION) == 0
    auth.logout()

    auth.login(her.email)
    shown = client.get(page).get_data(as_text=True)
    assert 'id="report-problem"' in shown and 'id="problem-open"' not in shown
    asked = client.get(f"{page}/problem-report").get_data(as_text=True)
    assert "the programme lead will be able to read this conversation" in asked
    html = submit(f"{page}/problem-report", {"reason": "They <b>insist</b> on cash."})
    html = html.get_data(as_text=True)
    assert "Your report is sent." in html
    assert 'id="problem-open"' in html and 'id="my-problem"' in html
    assert 'id="report-problem"' not in html
    auth.logout()

    auth.login(contact.email)
    shown = client.get(page).get_data(as_text=True)
    assert 'id="problem-open"' in shown and 'id="report-problem"' in shown
    auth.logout()

    auth.login(lead.email)
    overview = client.get("/mentorships/problem-reports").get_data(as_text=True)
    assert "They &lt;b&gt;insist&lt;/b&gt; on cash." in overview
    assert reading in overview
    flow = client.get("/introductions/message-flow").get_data(as_text=True)
    assert "1 open report" in flow and "secret" not in flow
    thread = client.get(reading).get_data(as_text=True)
    assert "Our &lt;i&gt;secret&lt;/i&gt; prices" in thread
    assert "recorded in the audit log" in thread
    assert 'name="body"' not in thread  # read-only
    assert count(AuditEntry, action=reports.READ_ACTION) == 1

    report = db.session.scalar(sa.select(ProblemReport))
    resolve = f"{page}/problem-reports/{report.id}/resolve"
    done = submit(resolve, {"note": "Settled."}, page=reading).get_data(as_text=True)
    assert "The report is resolved." in done
    resolved = client.get(reading, follow_redirects=True).get_data(as_text=True)
    assert "This report was resolved; the conversation is private again." in resolved
    assert "secret" not in resolved
    assert "No problems reported." in client.get("/mentorships/problem-reports").get_data(
        as_text=True
    )


def test_bad_reports_are_form_messages_and_change_nothing(client, auth, submit):
    match, her, _ = partner_introduction()
    form = f"/introductions/{match.id}/problem-report"
    auth.login(her.email)
    response = submit(form, {"reason": "   "})
    assert response.status_code == 422
    assert "Say in a few words what the problem is." in response.get_data(as_text=True)
    response = submit(form, {"reason": "y" * 1001})
    assert response.status_code == 422
    assert "At most 1000 characters." in response.get_data(as_text=True)
    assert client.post(form, data={"reason": "No token"}).status_code == 400
    assert count(ProblemReport) == 0
    submit(form, {"reason": "First"})
    again = submit(form, {"reason": "Second"}, page=f"/introductions/{match.id}")
    assert again.status_code == 422
    assert "You reported a problem on" in again.get_data(as_text=True)
    assert count(ProblemReport) == 1


def test_strangers_other_introductions_and_non_leads_get_nothing(client, auth, submit):
    lead = LeadFactory()
    match, her, contact = partner_introduction()
    other, _, _ = partner_introduction("Hotel Jug")
    report = reports.report_problem(her, match.id, {"reason": "Help"})
    page = f"/introductions/{match.id}"
    auth.login(EntrepreneurFactory().email)
    assert client.get(f"{page}/problem-report").status_code == 404
    assert client.get(f"{page}/reported-messages").status_code == 403
    assert client.get("/introductions/message-flow").status_code == 403
    auth.logout()

    auth.login(her.email)
    assert client.get(f"/introductions/{other.id}/problem-report").status_code == 404
    assert client.get(f"{page}/reported-messages").status_code == 403
    auth.logout()

    auth.login(contact.email)
    response = submit(
        f"{page}/problem-reports/{report.id}/resolve", {}, page=page, follow_redirects=False
    )
    assert response.status_code == 403
    auth.logout()

    auth.login(lead.email)
    assert client.get(f"{page}/problem-report").status_code == 404  # the lead does not report
    assert client.get(f"/introductions/{other.id}/reported-messages").status_code == 404
    response = submit(
        f"/introductions/{other.id}/problem-reports/{report.id}/resolve",
        {},
        page="/introductions/message-flow",
        follow_redirects=False,
    )
    assert response.status_code == 404
    html = submit(
        f"{page}/problem-reports/{report.id}/resolve",
        {"note": "z" * 1001},
        page=f"{page}/reported-messages",
    ).get_data(as_text=True)
    assert "At most 1000 characters." in html
    db.session.expire_all()
    assert db.session.get(ProblemReport, report.id).is_open


def test_the_flow_page_is_paginated_and_has_an_empty_state(client, auth):
    lead = LeadFactory()
    db.session.commit()
    auth.login(lead.email)
    empty = client.get("/introductions/message-flow").get_data(as_text=True)
    assert "No approved partner introductions yet." in empty
    for number in range(3):
        partner_introduction(f"Firma {number}")
    first = client.get("/introductions/message-flow?per_page=2").get_data(as_text=True)
    assert "Page 1 of 2" in first and first.count('id="introduction-') == 2
    past = client.get("/introductions/message-flow?per_page=2&page=9").get_data(as_text=True)
    assert "Page 2 of 2" in past and past.count('id="introduction-') == 1
