"""Capacity never goes below the entrepreneurs a mentor mentors; profile changes are audited."""

from __future__ import annotations

import csv
import html
import io

import pytest
import sqlalchemy as sa

from mentorship.extensions import db
from mentorship.models import AuditEntry, MentorProfile
from mentorship.services import audit
from mentorship.services.account import delete_account
from mentorship.services.accounts import update_account
from tests.conftest import csrf_token_from
from tests.factories import (
    PASSWORD,
    EntrepreneurFactory,
    IdeaFactory,
    LeadFactory,
    MatchFactory,
    MentorFactory,
)
from tests.web.test_profile_pages import MENTOR_PROFILE

SERBIAN = {"Accept-Language": "sr-RS,sr;q=0.9"}


def capacity_of(mentor) -> int:
    return db.session.scalar(
        sa.select(MentorProfile.capacity).where(MentorProfile.user_id == mentor.id)
    )


def entries(action: str) -> list[AuditEntry]:
    return list(
        db.session.scalars(
            sa.select(AuditEntry).where(AuditEntry.action == action).order_by(AuditEntry.id)
        )
    )


@pytest.fixture
def busy_mentor(app):
    """Capacity 3; mentors two entrepreneurs, one of them for two ideas (load 2)."""
    mentor = MentorFactory(name="Vesna Ilić")
    first, second = EntrepreneurFactory(), EntrepreneurFactory()
    for owner in (first, first, second):
        MatchFactory(mentor=mentor, idea=IdeaFactory(owner=owner), status="approved")
    return mentor


def test_a_mentor_cannot_set_her_capacity_below_her_entrepreneurs(
    client, auth, submit, busy_mentor
):
    auth.login(busy_mentor.email)
    page = submit("/profile", {**MENTOR_PROFILE, "capacity": "1"}).get_data(as_text=True)
    assert "You mentor 2 entrepreneurs now, so your capacity cannot be lower than 2." in page
    assert 'id="capacity-error"' in page
    db.session.expire_all()
    assert capacity_of(busy_mentor) == 3
    assert busy_mentor.mentor_profile.headline != MENTOR_PROFILE["headline"]


def test_the_refusal_speaks_serbian(client, auth, busy_mentor):
    auth.login(busy_mentor.email)
    form = client.get("/profile", headers=SERBIAN).get_data(as_text=True)
    response = client.post(
        "/profile",
        data={**MENTOR_PROFILE, "capacity": "0", "csrf_token": csrf_token_from(form)},
        headers=SERBIAN,
    )
    assert "Trenutno ste mentorka 2 preduzetnice" in html.unescape(response.get_data(as_text=True))


def test_capacity_can_go_down_to_the_number_of_entrepreneurs(client, auth, submit, busy_mentor):
    auth.login(busy_mentor.email)
    submit("/profile", {**MENTOR_PROFILE, "capacity": "2"})
    db.session.expire_all()
    assert capacity_of(busy_mentor) == 2


def test_the_api_refuses_it_with_422_naming_the_field(client, api_headers, busy_mentor):
    response = client.put(
        "/api/v1/me", json={"profile": {"capacity": 1}}, headers=api_headers(busy_mentor)
    )
    assert response.status_code == 422
    assert list(response.get_json()["error"]["fields"]) == ["profile.capacity"]
    assert capacity_of(busy_mentor) == 3


def test_a_capacity_change_is_audited_with_both_numbers(busy_mentor):
    update_account(busy_mentor, profile={"capacity": 5})
    [entry] = entries("mentor.capacity")
    assert (entry.actor_id, entry.before_status, entry.after_status) == (busy_mentor.id, "3", "5")


def test_a_profile_change_is_audited_with_its_values_before_and_after(app):
    owner = EntrepreneurFactory(entrepreneur_profile__city="Niš")
    update_account(owner, name=owner.name, profile={"city": "Pirot", "sector": "food"})
    [entry] = entries("profile.update")
    assert entry.details["changes"]["city"] == {"before": "Niš", "after": "Pirot"}
    assert "name" not in entry.details["changes"]


def test_saving_an_unchanged_profile_records_nothing(busy_mentor):
    update_account(busy_mentor, profile={"capacity": 3, "city": busy_mentor.mentor_profile.city})
    assert entries("profile.update") == entries("mentor.capacity") == []


def test_the_audit_trail_page_shows_the_change(client, auth, busy_mentor):
    update_account(busy_mentor, profile={"capacity": 4, "city": "Pirot"})
    auth.login(LeadFactory().email)
    page = html.unescape(client.get("/lead/audit").get_data(as_text=True))
    assert "City: Niš → Pirot" in page and "Capacity: 3 → 4" in page


def test_the_lead_cannot_set_a_capacity_below_the_load_either(client, auth, submit, busy_mentor):
    auth.login(LeadFactory().email)
    page = submit(
        f"/lead/mentors/{busy_mentor.id}/capacity", {"capacity": "1"}, page="/lead/mentors"
    ).get_data(as_text=True)
    assert "Vesna Ilić mentors 2 entrepreneurs now" in html.unescape(page)
    assert capacity_of(busy_mentor) == 3


def test_the_lead_changes_a_capacity_and_it_is_audited_as_hers(client, auth, submit, busy_mentor):
    lead = LeadFactory()
    auth.login(lead.email)
    submit(f"/lead/mentors/{busy_mentor.id}/capacity", {"capacity": "6"}, page="/lead/mentors")
    assert capacity_of(busy_mentor) == 6
    [entry] = entries("mentor.capacity")
    assert (entry.actor_id, entry.object_id, entry.after_status) == (lead.id, busy_mentor.id, "6")


def test_an_import_cannot_lower_a_capacity_below_the_load(busy_mentor):
    from tests.services.test_imports import check, csv_bytes, reasons

    job = check("mentors", csv_bytes("email,name,capacity", f"{busy_mentor.email},Vesna Ilić,1"))
    assert "capacity: 1 is below the 2 entrepreneurs she mentors now" in reasons(job)


def test_deleting_the_account_keeps_which_fields_changed_but_not_the_values(app):
    owner = EntrepreneurFactory(entrepreneur_profile__city="Niš")
    update_account(owner, profile={"bio": "My private story"})
    delete_account(owner, PASSWORD)
    [entry] = entries("profile.update")
    assert entry.details["changes"] == {
        "bio": {"before": "[deleted user]", "after": "[deleted user]"}
    }


def test_the_audit_csv_carries_the_values_before_and_after(client, auth, busy_mentor):
    update_account(busy_mentor, profile={"city": "Pirot"})
    auth.login(LeadFactory().email)
    text = client.get("/lead/audit.csv?action=profile.update").get_data(as_text=True)
    assert '""before"": ""Niš""' in text and '""after"": ""Pirot""' in text


def test_the_audit_csv_says_actions_and_statuses_in_words_after_the_codes(client, auth):
    lead = LeadFactory()
    audit.record(lead, "mentor.approve", "user", 7, before="pending", after="active")
    db.session.commit()
    auth.login(lead.email)
    rows = list(csv.reader(io.StringIO(client.get("/lead/audit.csv").get_data(as_text=True))))
    header, entry = rows[0], rows[1]
    assert header[-3:] == ["action_label", "before_label", "after_label"]
    assert entry[3] == "mentor.approve" and entry[6:8] == ["pending", "active"]
    assert entry[-2:] == ["Waiting for approval", "Active"]
    serbian = client.get("/lead/audit.csv", headers={"Accept-Language": "sr"})
    assert list(csv.reader(io.StringIO(serbian.get_data(as_text=True))))[1][-2:] == [
        "Čeka odobrenje",
        "Aktivan",
    ]
