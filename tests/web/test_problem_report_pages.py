"""Reporting a problem from the mentorship page, and the lead reading the reported thread:
CSRF on each form, a 404 in a thread never reported, a message once its reports are resolved,
bad input a form message, user text escaped."""

from __future__ import annotations

import sqlalchemy as sa

from mentorship.extensions import db
from mentorship.models import AuditEntry, ProblemReport
from mentorship.services.mentorships import activity
from mentorship.services.mentorships import problem_reports as reports
from tests.factories import EntrepreneurFactory, LeadFactory
from tests.mentorship_pairs import approved_mentorship


def count(model, **where) -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(model).filter_by(**where))


def test_a_member_reports_and_the_lead_reads_then_resolves(client, auth, submit):
    lead = LeadFactory()
    mentorship = approved_mentorship(lead)
    activity.send_message(mentorship.mentor, mentorship.id, {"body": "A <i>secret</i> plan"})
    page = f"/mentorships/{mentorship.id}"
    form = f"{page}/problem-report"

    auth.login(lead.email)
    assert client.get(f"{page}/reported-messages").status_code == 404
    assert "secret" not in client.get(page).get_data(as_text=True)
    assert "No problems reported." in client.get("/mentorships/problem-reports").get_data(
        as_text=True
    )
    assert count(AuditEntry, action=reports.READ_ACTION) == 0
    auth.logout()

    auth.login(mentorship.entrepreneur.email)
    shown = client.get(page).get_data(as_text=True)
    assert 'id="report-problem"' in shown
    asked = client.get(form).get_data(as_text=True)
    assert "the programme lead will be able to read this conversation" in asked
    html = submit(form, {"reason": "He <b>shouts</b> at me."}).get_data(as_text=True)
    assert "Your report is sent." in html
    assert 'id="problem-open"' in html and 'id="my-problem"' in html
    assert 'id="report-problem"' not in html
    auth.logout()

    auth.login(lead.email)
    listed = client.get("/mentorships").get_data(as_text=True)
    assert "1 reported problem" in listed
    overview = client.get("/mentorships/problem-reports").get_data(as_text=True)
    assert "He &lt;b&gt;shouts&lt;/b&gt; at me." in overview
    shown = client.get(page).get_data(as_text=True)
    assert "Read the conversation" in shown and "secret" not in shown
    thread = client.get(f"{page}/reported-messages").get_data(as_text=True)
    assert "A &lt;i&gt;secret&lt;/i&gt; plan" in thread
    assert "recorded in the audit log" in thread
    assert 'name="body"' not in thread  # read-only: the lead writes nothing
    assert count(AuditEntry, action=reports.READ_ACTION) == 1

    report = db.session.scalar(sa.select(ProblemReport))
    resolve = f"{page}/problem-reports/{report.id}/resolve"
    html = submit(resolve, {"note": "Talked to both."}, page=f"{page}/reported-messages")
    assert "The report is resolved." in html.get_data(as_text=True)
    gone = client.get(f"{page}/reported-messages")
    assert gone.status_code == 302 and gone.headers["Location"].endswith("/problem-reports")
    assert count(AuditEntry, action=reports.READ_ACTION) == 2  # the form's page was a reading
    assert "No problems reported." in client.get("/mentorships/problem-reports").get_data(
        as_text=True
    )


def test_bad_reports_are_form_messages_and_change_nothing(client, auth, submit):
    mentorship = approved_mentorship()
    form = f"/mentorships/{mentorship.id}/problem-report"
    auth.login(mentorship.mentor.email)
    response = submit(form, {"reason": "   "})
    assert response.status_code == 422
    assert "Say in a few words what the problem is." in response.get_data(as_text=True)
    response = submit(form, {"reason": "y" * 1001})
    assert response.status_code == 422
    assert "At most 1000 characters." in response.get_data(as_text=True)
    assert client.post(form, data={"reason": "No token"}).status_code == 400
    assert count(ProblemReport) == 0
    submit(form, {"reason": "First"})
    again = submit(form, {"reason": "Second"}, page=f"/mentorships/{mentorship.id}")
    assert again.status_code == 422
    assert "You reported a problem on" in again.get_data(as_text=True)
    assert count(ProblemReport) == 1


def test_strangers_and_non_leads_get_nothing(client, auth, submit):
    lead = LeadFactory()
    mentorship = approved_mentorship(lead)
    report = reports.report_problem(mentorship.entrepreneur, mentorship.id, {"reason": "Help"})
    page = f"/mentorships/{mentorship.id}"
    stranger = EntrepreneurFactory()
    db.session.commit()
    auth.login(stranger.email)
    assert client.get(f"{page}/problem-report").status_code == 404
    assert client.get(f"{page}/reported-messages").status_code == 403
    auth.logout()

    auth.login(mentorship.mentor.email)
    assert client.get(f"{page}/reported-messages").status_code == 403
    assert client.get("/mentorships/problem-reports").status_code == 403
    response = submit(
        f"{page}/problem-reports/{report.id}/resolve",
        {"note": "Done"},
        page=page,
        follow_redirects=False,
    )
    assert response.status_code == 403
    db.session.expire_all()
    assert db.session.get(ProblemReport, report.id).is_open
    auth.logout()

    auth.login(lead.email)
    assert client.get(f"{page}/problem-report").status_code == 403  # the lead does not report
    other = approved_mentorship(lead)
    response = submit(
        f"/mentorships/{other.id}/problem-reports/{report.id}/resolve",
        {},
        page=page,
        follow_redirects=False,
    )
    assert response.status_code == 404
    html = submit(
        f"{page}/problem-reports/{report.id}/resolve", {"note": "z" * 1001}, page=page
    ).get_data(as_text=True)
    assert "At most 1000 characters." in html
    db.session.expire_all()
    assert db.session.get(ProblemReport, report.id).is_open


def test_the_leads_old_link_to_a_resolved_report_says_it_was_resolved(client, auth, submit):
    lead = LeadFactory()
    mentorship = approved_mentorship(lead)
    activity.send_message(mentorship.mentor, mentorship.id, {"body": "A private plan"})
    report = reports.report_problem(mentorship.entrepreneur, mentorship.id, {"reason": "Late."})
    reports.resolve_report(lead, mentorship.id, report.id, {})
    auth.login(lead.email)
    response = client.get(f"/mentorships/{mentorship.id}/reported-messages", follow_redirects=True)
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "This report was resolved; the conversation is private again." in page
    assert "A private plan" not in page


def test_a_mentorship_the_lead_cannot_see_is_still_a_404(client, auth):
    auth.login(LeadFactory().email)
    assert client.get("/mentorships/2147483000/reported-messages").status_code == 404
