"""The lead's approval queue and audit trail, and what the entrepreneur sees as matches move."""

from __future__ import annotations

import csv
import io
import re

import pytest

from mentorship.extensions import db
from mentorship.models import Match, Programme
from mentorship.services import audit
from tests.conftest import csrf_token_from
from tests.factories import (
    ClusterFactory,
    EntrepreneurFactory,
    IdeaFactory,
    LeadFactory,
    MatchFactory,
    MentorFactory,
    PartnerFactory,
)


@pytest.fixture
def lead(app):
    return LeadFactory()


def status_of(match_id: int) -> str:
    db.session.expire_all()
    return db.session.get(Match, match_id).status


def test_the_queue_holds_accepted_mentor_matches_and_proposed_partners(client, auth, lead):
    MatchFactory(status="accepted", idea=IdeaFactory(title="Accepted by mentor"))
    MatchFactory(status="proposed", idea=IdeaFactory(title="Still with the mentor"))
    MatchFactory(
        kind="partner",
        mentor=None,
        partner=PartnerFactory(name="Hotel Niš"),
        idea=IdeaFactory(title="Jam for a hotel"),
    )
    auth.login(lead.email)
    html = client.get("/lead/approvals").get_data(as_text=True)
    assert "Accepted by mentor" in html and "Jam for a hotel" in html and "Hotel Niš" in html
    assert "Still with the mentor" not in html


def test_the_queue_filters_by_kind(client, auth, lead):
    MatchFactory(status="accepted", idea=IdeaFactory(title="Mentor row"))
    MatchFactory(
        kind="cluster", mentor=None, cluster=ClusterFactory(), idea=IdeaFactory(title="Cluster row")
    )
    auth.login(lead.email)
    html = client.get("/lead/approvals?kind=cluster").get_data(as_text=True)
    assert "Cluster row" in html and "Mentor row" not in html


def test_the_queue_filters_by_sector_and_minimum_score(client, auth, lead):
    MatchFactory(status="accepted", score=0.9, idea=IdeaFactory(title="Strong food", sector="food"))
    MatchFactory(status="accepted", score=0.2, idea=IdeaFactory(title="Weak food", sector="food"))
    MatchFactory(status="accepted", score=0.9, idea=IdeaFactory(title="Strong ict", sector="ict"))
    auth.login(lead.email)
    html = client.get("/lead/approvals?sector=food&min_score=50&sort=date").get_data(as_text=True)
    assert "Strong food" in html and "Weak food" not in html and "Strong ict" not in html


def test_the_minimum_fit_is_a_percentage_as_the_scores_are_shown(client, auth, lead):
    auth.login(lead.email)
    html = client.get("/lead/approvals").get_data(as_text=True)
    assert "Minimum fit (%)" in html and 'max="100"' in html


@pytest.mark.parametrize("value", ["150", "-5", "abc"])
def test_a_minimum_fit_outside_0_to_100_says_so_and_filters_nothing(client, auth, lead, value):
    MatchFactory(status="accepted", score=0.9, idea=IdeaFactory(title="Strong food"))
    MatchFactory(status="accepted", score=0.2, idea=IdeaFactory(title="Weak food"))
    auth.login(lead.email)
    html = client.get(f"/lead/approvals?min_score={value}").get_data(as_text=True)
    assert "is not a percentage from 0 to 100" in html
    assert "Strong food" in html and "Weak food" in html


def test_junk_filters_are_ignored_not_an_error(client, auth, lead):
    auth.login(lead.email)
    response = client.get("/lead/approvals?kind=x&sector=y&min_score=abc&sort=z&page=-3")
    assert response.status_code == 200


def test_an_empty_queue_says_so(client, auth, lead):
    auth.login(lead.email)
    assert "Nothing waits for your decision" in client.get("/lead/approvals").get_data(as_text=True)


def test_the_lead_approves_one_match_with_a_note(client, auth, submit, lead):
    match = MatchFactory(status="accepted")
    auth.login(lead.email)
    response = submit(
        f"/lead/approvals/{match.id}/decision",
        {"decision": "approve", "note": "Yes."},
        page="/lead/approvals",
    )
    assert "approved" in response.get_data(as_text=True)
    assert status_of(match.id) == "approved"


def test_approving_twice_shows_a_friendly_message(client, auth, submit, lead):
    match = MatchFactory(status="accepted")
    auth.login(lead.email)
    submit(f"/lead/approvals/{match.id}/decision", {"decision": "approve"}, page="/lead/approvals")
    response = submit(
        f"/lead/approvals/{match.id}/decision", {"decision": "approve"}, page="/lead/approvals"
    )
    assert (response.status_code, "already approved" in response.get_data(as_text=True)) == (
        200,
        True,
    )


def test_a_full_mentor_shows_the_capacity_message(client, auth, submit, lead):
    mentor = MentorFactory(mentor_profile__capacity=1)
    MatchFactory(mentor=mentor, status="approved")
    match = MatchFactory(mentor=mentor, status="accepted")
    auth.login(lead.email)
    response = submit(
        f"/lead/approvals/{match.id}/decision", {"decision": "approve"}, page="/lead/approvals"
    )
    assert "capacity is full" in response.get_data(as_text=True)
    assert status_of(match.id) == "accepted"


def test_a_bulk_approval_reports_what_succeeded_and_what_did_not(client, auth, submit, lead):
    mentor = MentorFactory(mentor_profile__capacity=1)
    first = MatchFactory(mentor=mentor, status="accepted", idea=IdeaFactory(title="First idea"))
    second = MatchFactory(mentor=mentor, status="accepted", idea=IdeaFactory(title="Second idea"))
    auth.login(lead.email)
    response = submit(
        "/lead/approvals/bulk",
        {"decision": "approve", "match_ids": [first.id, second.id], "confirmed": "yes"},
        page="/lead/approvals",
    )
    html = response.get_data(as_text=True)
    # The pairing that failed is named as the queue names it, not by an internal number.
    assert "Approved 1: First idea" in html and "Match #" not in html
    assert f"Second idea — {mentor.name}: " in html and "capacity is full" in html
    assert "one per entrepreneur mentored" in html
    assert (status_of(first.id), status_of(second.id)) == ("approved", "accepted")


def test_a_bulk_rejection_decides_every_ticked_match(client, auth, submit, lead):
    matches = [
        MatchFactory(kind="partner", mentor=None, partner=PartnerFactory()) for _ in range(3)
    ]
    auth.login(lead.email)
    submit(
        "/lead/approvals/bulk",
        {"decision": "reject", "match_ids": [m.id for m in matches], "confirmed": "yes"},
        page="/lead/approvals",
    )
    assert [status_of(m.id) for m in matches] == ["rejected"] * 3


def test_a_bulk_decision_with_nothing_ticked_asks_to_tick(client, auth, submit, lead):
    auth.login(lead.email)
    response = submit("/lead/approvals/bulk", {"decision": "approve"}, page="/lead/approvals")
    assert "Tick at least one match" in response.get_data(as_text=True)


def test_an_unknown_decision_is_refused(client, auth, submit, lead):
    match = MatchFactory(status="accepted")
    auth.login(lead.email)
    response = submit(
        f"/lead/approvals/{match.id}/decision", {"decision": "maybe"}, page="/lead/approvals"
    )
    assert "Choose approve or reject" in response.get_data(as_text=True)
    assert status_of(match.id) == "accepted"


def test_a_decision_without_its_csrf_token_is_refused(client, auth, lead):
    match = MatchFactory(status="accepted")
    auth.login(lead.email)
    response = client.post(f"/lead/approvals/{match.id}/decision", data={"decision": "approve"})
    assert response.status_code == 400 and status_of(match.id) == "accepted"


def test_a_bulk_decision_without_its_csrf_token_is_refused(client, auth, lead):
    match = MatchFactory(status="accepted")
    auth.login(lead.email)
    response = client.post(
        "/lead/approvals/bulk", data={"decision": "approve", "match_ids": [match.id]}
    )
    assert response.status_code == 400 and status_of(match.id) == "accepted"


def test_the_back_link_never_leaves_the_approval_queue(client, auth, submit, lead):
    match = MatchFactory(status="accepted")
    auth.login(lead.email)
    response = submit(
        f"/lead/approvals/{match.id}/decision",
        {"decision": "reject", "back": "https://evil.example/"},
        page="/lead/approvals",
        follow_redirects=False,
    )
    assert response.headers["Location"].endswith("/lead/approvals")


@pytest.mark.parametrize("path", ["/lead/approvals", "/lead/audit", "/lead/audit.csv"])
@pytest.mark.parametrize("make_user", [EntrepreneurFactory, MentorFactory])
def test_only_the_lead_opens_the_lead_pages(client, auth, path, make_user):
    auth.login(make_user().email)
    assert client.get(path).status_code == 403


@pytest.mark.parametrize("path", ["/lead/approvals/1/decision", "/lead/approvals/bulk"])
def test_only_the_lead_decides_through_the_pages(client, auth, submit, path):
    match = MatchFactory(status="accepted")
    auth.login(match.mentor.email)
    response = submit(
        path.replace("/1/", f"/{match.id}/"),
        {"decision": "approve", "match_ids": [match.id]},
        page="/",
    )
    assert response.status_code == 403 and status_of(match.id) == "accepted"


def test_the_audit_trail_lists_decisions_and_filters_by_action(client, auth, submit, lead):
    match = MatchFactory(status="accepted")
    audit.record(lead, "mentor.approve", "user", match.mentor_id, before="pending", after="active")
    db.session.commit()
    auth.login(lead.email)
    submit(
        f"/lead/approvals/{match.id}/decision",
        {"decision": "approve", "note": "Fits."},
        page="/lead/approvals",
    )
    html = client.get("/lead/audit?action=match.approve").get_data(as_text=True)
    assert "Pairing approved" in html and "Fits." in html and 'title="mentor.approve"' not in html


def test_the_audit_trail_filters_by_actor_and_date(client, auth, lead):
    other = LeadFactory(name="Second Lead")
    audit.record(lead, "match.reject", "match", 1, note="by the first lead")
    audit.record(other, "match.reject", "match", 2, note="by the second lead")
    db.session.commit()
    auth.login(lead.email)
    html = client.get(f"/lead/audit?actor={other.id}&since=2000-01-01&until=2999-12-31").get_data(
        as_text=True
    )
    assert "by the second lead" in html and "by the first lead" not in html
    assert "by the second lead" not in client.get("/lead/audit?until=2001-01-01").get_data(
        as_text=True
    )


def test_the_audit_trail_filters_by_programme(client, auth, lead):
    programme = Programme(name="Start-up training")
    db.session.add(programme)
    db.session.commit()
    inside = MatchFactory(idea=IdeaFactory(programme_id=programme.id))
    outside = MatchFactory()
    audit.record(lead, "match.reject", "match", inside.id, note="inside the programme")
    audit.record(lead, "match.reject", "match", outside.id, note="outside the programme")
    db.session.commit()
    auth.login(lead.email)
    html = client.get(f"/lead/audit?programme={programme.id}").get_data(as_text=True)
    assert "inside the programme" in html and "outside the programme" not in html


def test_the_audit_csv_neutralises_formulas(client, auth, lead):
    audit.record(lead, "match.reject", "match", 1, note='=HYPERLINK("http://evil")')
    audit.record(lead, "match.reject", "match", 2, note="-2+3")
    audit.record(lead, "match.reject", "match", 3, note="@SUM(A1)")
    db.session.commit()
    auth.login(lead.email)
    response = client.get("/lead/audit.csv")
    text = response.get_data(as_text=True)
    assert text.startswith("\ufeff")  # Excel reads it as UTF-8
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert response.mimetype == "text/csv"
    assert rows[0][:4] == ["at", "actor", "actor_email", "action"]
    note = rows[0].index("note")
    assert sorted(row[note] for row in rows[1:]) == [
        "'-2+3",
        '\'=HYPERLINK("http://evil")',
        "'@SUM(A1)",
    ]


def test_the_lead_nav_links_the_approval_queue(client, auth, lead):
    auth.login(lead.email)
    assert 'href="/lead/approvals"' in client.get("/").get_data(as_text=True)


# The entrepreneur's idea page


def test_before_approval_the_entrepreneur_sees_the_stage_but_no_contact(client, auth):
    match = MatchFactory(status="accepted", idea=IdeaFactory(status="matched"))
    auth.login(match.idea.owner.email)
    html = client.get(f"/ideas/{match.idea_id}").get_data(as_text=True)
    assert "Accepted by the mentor" in html and match.mentor.email not in html


def test_after_approval_the_entrepreneur_sees_the_mentors_contact(client, auth):
    match = MatchFactory(status="approved", idea=IdeaFactory(status="matched"))
    auth.login(match.idea.owner.email)
    html = client.get(f"/ideas/{match.idea_id}").get_data(as_text=True)
    assert match.mentor.email in html and "Food processing and export" in html and "Meet " in html


def test_after_approval_the_entrepreneur_sees_the_partners_details(client, auth):
    partner = PartnerFactory(name="Hotel Aleksinac", city="Aleksinac")
    match = MatchFactory(
        kind="partner",
        mentor=None,
        partner=partner,
        status="approved",
        idea=IdeaFactory(status="matched"),
    )
    auth.login(match.idea.owner.email)
    html = client.get(f"/ideas/{match.idea_id}").get_data(as_text=True)
    assert "A hotel with a restaurant" in html and "Aleksinac, RS" in html


def test_after_approval_the_entrepreneur_sees_the_clusters_website(client, auth):
    match = MatchFactory(
        kind="cluster",
        mentor=None,
        cluster=ClusterFactory(website="https://klaster.example.rs"),
        status="approved",
        idea=IdeaFactory(status="matched"),
    )
    auth.login(match.idea.owner.email)
    assert "https://klaster.example.rs" in client.get(f"/ideas/{match.idea_id}").get_data(
        as_text=True
    )


def test_a_decision_without_approve_or_reject_is_a_message_not_an_error(client, auth, submit, lead):
    match = MatchFactory(status="accepted")
    auth.login(lead.email)
    for path, form in (
        (f"/lead/approvals/{match.id}/decision", {"note": "Hm."}),
        ("/lead/approvals/bulk", {"match_ids": [str(match.id)]}),
    ):
        response = submit(path, form, page="/lead/approvals")
        assert response.status_code == 200
        assert "Choose approve or reject." in response.get_data(as_text=True)
    assert status_of(match.id) == "accepted"


def test_a_bulk_decision_asks_for_confirmation_and_decides_nothing_before(
    client, auth, submit, lead
):
    first = MatchFactory(status="accepted", idea=IdeaFactory(title="Felt slippers"))
    second = MatchFactory(status="accepted", idea=IdeaFactory(title="Goat cheese"))
    auth.login(lead.email)
    response = submit(
        "/lead/approvals/bulk",
        {"decision": "approve", "match_ids": [first.id, second.id], "note": "Good fit"},
        page="/lead/approvals",
    )
    html = response.get_data(as_text=True)
    assert "Approve 2 pairings?" in html and "Yes, approve 2 pairings" in html
    assert "Approving introduces both sides" in html and "Rejecting" not in html
    assert "Felt slippers" in html and "Goat cheese" in html
    assert 'name="csrf_token"' in html and 'name="confirmed" value="yes"' in html
    assert (status_of(first.id), status_of(second.id)) == ("accepted", "accepted")
    confirmed = client.post(
        "/lead/approvals/bulk",
        data={
            "csrf_token": csrf_token_from(html),
            "decision": "approve",
            "match_ids": [first.id, second.id],
            "note": "Good fit",
            "confirmed": "yes",
        },
        follow_redirects=True,
    )
    assert "Approved 2:" in confirmed.get_data(as_text=True)
    assert (status_of(first.id), status_of(second.id)) == ("approved", "approved")


def test_a_bulk_rejection_is_confirmed_too(client, auth, submit, lead):
    match = MatchFactory(kind="partner", mentor=None, partner=PartnerFactory())
    auth.login(lead.email)
    response = submit(
        "/lead/approvals/bulk",
        {"decision": "reject", "match_ids": [match.id]},
        page="/lead/approvals",
    )
    html = response.get_data(as_text=True)
    assert "Reject 1 pairing?" in html
    assert "Rejecting tells the entrepreneur." in html and "Approving" not in html
    assert status_of(match.id) == "proposed"


def test_a_bulk_confirmation_with_nothing_left_says_so(client, auth, submit, lead):
    auth.login(lead.email)
    response = submit(
        "/lead/approvals/bulk",
        {"decision": "approve", "match_ids": [424242]},
        page="/lead/approvals",
    )
    html = response.get_data(as_text=True)
    assert "Nothing left to decide" in html and "Approve 0" not in html
    assert "None of the ticked matches is still in the queue." in html


def test_cancelling_a_bulk_confirmation_keeps_the_ticks_and_the_note(client, auth, submit, lead):
    first = MatchFactory(status="accepted", idea=IdeaFactory(title="Felt slippers"))
    second = MatchFactory(status="accepted", idea=IdeaFactory(title="Goat cheese"))
    untouched = MatchFactory(status="accepted", idea=IdeaFactory(title="Plum jam"))
    auth.login(lead.email)
    response = submit(
        "/lead/approvals/bulk",
        {
            "decision": "reject",
            "match_ids": [first.id, second.id],
            "note": "Not <this> round & later",
            "back": "/lead/approvals?sort=date",
        },
        page="/lead/approvals",
    )
    html = response.get_data(as_text=True)
    cancel = re.search(r'<a href="([^"]+)">Cancel</a>', html).group(1)
    queue = client.get(cancel.replace("&amp;", "&"))
    page = queue.get_data(as_text=True)
    assert queue.status_code == 200
    assert re.search(rf'value="{first.id}"[^>]*id="tick-{first.id}" checked', page)
    assert re.search(rf'value="{second.id}"[^>]*id="tick-{second.id}" checked', page)
    assert not re.search(rf'id="tick-{untouched.id}" checked', page)
    assert ">Not &lt;this&gt; round &amp; later</textarea>" in page
    assert 'value="date" selected' in page
    # The kept ticks do not travel on: the next decision returns to the plain queue.
    assert 'name="back" value="/lead/approvals?sort=date"' in page
    assert (status_of(first.id), status_of(second.id)) == ("accepted", "accepted")
