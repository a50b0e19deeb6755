"""What an idea offers and seeks, and editing and withdrawing an idea, through /api/v1."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from mentorship.extensions import db
from mentorship.models import AuditEntry, Idea, Match
from tests.api.conftest import error_of
from tests.factories import EntrepreneurFactory, IdeaFactory, MatchFactory, MentorFactory

IDEA = {
    "title": "Pekmez od šljiva iz Merošine",
    "description": "Ajvar i pekmez za hotele u Nišu i Čačku.",
}
EDIT = {
    "title": "Ajvar for hotels in Niš",
    "description": "Roasted pepper ajvar and plum jam in glass jars for hotel breakfasts.",
    "sector": "food",
    "stage": "early",
    "needs": ["mentor", "partner"],
    "offers": "ajvar, plum jam",
    "seeks": "glass jars, labels",
}


@pytest.fixture
def own_idea(entrepreneur):
    return IdeaFactory(owner=entrepreneur, status="matched")


@pytest.fixture
def others_idea(app):
    return IdeaFactory(owner=EntrepreneurFactory(), status="matched")


def test_offers_and_seeks_are_kept_and_read_back(client, entrepreneur_headers):
    created = client.post(
        "/api/v1/ideas",
        json={**IDEA, "offers": "  plum jam, ajvar ", "seeks": "glass jars, a cold store"},
        headers=entrepreneur_headers,
    ).get_json()
    body = client.get(f"/api/v1/ideas/{created['id']}", headers=entrepreneur_headers).get_json()
    assert (body["offers"], body["seeks"]) == ("plum jam, ajvar", "glass jars, a cold store")


def test_offers_and_seeks_default_to_empty(client, entrepreneur_headers):
    body = client.post("/api/v1/ideas", json=IDEA, headers=entrepreneur_headers).get_json()
    assert (body["offers"], body["seeks"]) == ("", "")


def test_the_list_shows_offers_and_seeks(client, entrepreneur, entrepreneur_headers):
    IdeaFactory(owner=entrepreneur, offers="honey", seeks="jars")
    [item] = client.get("/api/v1/ideas", headers=entrepreneur_headers).get_json()["items"]
    assert (item["offers"], item["seeks"]) == ("honey", "jars")


@pytest.mark.parametrize("field", ["offers", "seeks"])
def test_offers_or_seeks_over_2000_characters_is_422_naming_it(client, entrepreneur_headers, field):
    response = client.post(
        "/api/v1/ideas", json={**IDEA, field: "x" * 2001}, headers=entrepreneur_headers
    )
    assert response.status_code == 422
    assert field in error_of(response)["fields"]
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Idea)) == 0


@pytest.mark.parametrize("field", ["offers", "seeks"])
def test_offers_or_seeks_of_exactly_2000_characters_is_accepted(
    client, entrepreneur_headers, field
):
    response = client.post(
        "/api/v1/ideas", json={**IDEA, field: "x" * 2000}, headers=entrepreneur_headers
    )
    assert response.status_code == 201


def test_offers_that_are_not_text_are_422(client, entrepreneur_headers):
    response = client.post(
        "/api/v1/ideas", json={**IDEA, "offers": ["jam"]}, headers=entrepreneur_headers
    )
    assert response.status_code == 422 and "offers" in error_of(response)["fields"]


def test_the_owner_edits_her_idea(client, own_idea, entrepreneur_headers):
    response = client.put(f"/api/v1/ideas/{own_idea.id}", json=EDIT, headers=entrepreneur_headers)
    assert response.status_code == 200
    body = response.get_json()
    assert {key: body[key] for key in EDIT} == EDIT


def test_an_edit_is_matched_again(client, own_idea, entrepreneur_headers):
    client.put(f"/api/v1/ideas/{own_idea.id}", json=EDIT, headers=entrepreneur_headers)
    db.session.refresh(own_idea)
    # In-process matching ran again after the commit; the sweep would cover a lost hand-off.
    assert own_idea.matching_started_at is not None and own_idea.status == "matched"


def test_an_edit_leaves_an_audit_entry_naming_the_changed_fields(
    client, own_idea, entrepreneur_headers
):
    client.put(
        f"/api/v1/ideas/{own_idea.id}",
        json={"title": own_idea.title, "description": own_idea.description, "offers": "jam"},
        headers=entrepreneur_headers,
    )
    entry = db.session.scalar(sa.select(AuditEntry).where(AuditEntry.action == "idea.edit"))
    assert (entry.object_id, entry.details["changed"]) == (own_idea.id, ["offers"])


def test_an_edit_is_validated_like_a_new_idea(client, own_idea, entrepreneur_headers):
    response = client.put(
        f"/api/v1/ideas/{own_idea.id}",
        json={**EDIT, "title": " ", "seeks": "x" * 2001},
        headers=entrepreneur_headers,
    )
    assert response.status_code == 422
    assert set(error_of(response)["fields"]) == {"title", "seeks"}
    db.session.refresh(own_idea)
    assert own_idea.title != EDIT["title"]


def test_editing_another_entrepreneurs_idea_is_404(client, others_idea, entrepreneur_headers):
    response = client.put(
        f"/api/v1/ideas/{others_idea.id}", json=EDIT, headers=entrepreneur_headers
    )
    assert response.status_code == 404
    db.session.refresh(others_idea)
    assert others_idea.title != EDIT["title"]


def test_editing_a_missing_idea_is_404(client, entrepreneur_headers):
    response = client.put("/api/v1/ideas/999999", json=EDIT, headers=entrepreneur_headers)
    assert response.status_code == 404


def test_the_lead_does_not_edit_ideas(client, own_idea, lead_headers):
    response = client.put(f"/api/v1/ideas/{own_idea.id}", json=EDIT, headers=lead_headers)
    assert response.status_code == 403


def test_an_idea_with_an_approved_pairing_cannot_be_edited(client, own_idea, entrepreneur_headers):
    MatchFactory(idea=own_idea, status="approved")
    response = client.put(f"/api/v1/ideas/{own_idea.id}", json=EDIT, headers=entrepreneur_headers)
    assert response.status_code == 409
    db.session.refresh(own_idea)
    assert own_idea.title != EDIT["title"]


def test_a_bad_edit_of_an_approved_idea_is_422_before_409(client, own_idea, entrepreneur_headers):
    MatchFactory(idea=own_idea, status="approved")
    response = client.put(
        f"/api/v1/ideas/{own_idea.id}",
        json={**EDIT, "sector": "mining"},
        headers=entrepreneur_headers,
    )
    assert response.status_code == 422


def test_an_idea_whose_mentor_only_accepted_can_still_be_edited(
    client, own_idea, entrepreneur_headers
):
    MatchFactory(idea=own_idea, status="accepted")
    response = client.put(f"/api/v1/ideas/{own_idea.id}", json=EDIT, headers=entrepreneur_headers)
    assert response.status_code == 200


def test_the_owner_withdraws_her_idea(client, own_idea, entrepreneur_headers):
    response = client.post(f"/api/v1/ideas/{own_idea.id}/withdraw", headers=entrepreneur_headers)
    assert (response.status_code, response.get_data()) == (204, b"")
    db.session.refresh(own_idea)
    assert own_idea.status == "withdrawn" and own_idea.withdrawn_at is not None


def test_withdrawing_twice_answers_204_again(client, own_idea, entrepreneur_headers):
    client.post(f"/api/v1/ideas/{own_idea.id}/withdraw", headers=entrepreneur_headers)
    again = client.post(f"/api/v1/ideas/{own_idea.id}/withdraw", headers=entrepreneur_headers)
    assert again.status_code == 204


def test_a_withdrawn_idea_is_not_listed_and_reads_as_404(client, own_idea, entrepreneur_headers):
    client.post(f"/api/v1/ideas/{own_idea.id}/withdraw", headers=entrepreneur_headers)
    listed = client.get("/api/v1/ideas", headers=entrepreneur_headers).get_json()
    assert listed["total"] == 0
    for path in (f"/api/v1/ideas/{own_idea.id}", f"/api/v1/ideas/{own_idea.id}/matches"):
        assert client.get(path, headers=entrepreneur_headers).status_code == 404


def test_a_withdrawn_idea_cannot_be_edited(client, own_idea, entrepreneur_headers):
    client.post(f"/api/v1/ideas/{own_idea.id}/withdraw", headers=entrepreneur_headers)
    response = client.put(f"/api/v1/ideas/{own_idea.id}", json=EDIT, headers=entrepreneur_headers)
    assert response.status_code == 404


def test_the_status_filter_keeps_the_contracts_values(client, entrepreneur_headers):
    response = client.get("/api/v1/ideas?status=withdrawn", headers=entrepreneur_headers)
    assert response.status_code == 422 and "status" in error_of(response)["fields"]


def test_withdrawing_another_entrepreneurs_idea_is_404(client, others_idea, entrepreneur_headers):
    response = client.post(f"/api/v1/ideas/{others_idea.id}/withdraw", headers=entrepreneur_headers)
    assert response.status_code == 404
    db.session.refresh(others_idea)
    assert others_idea.status == "matched"


def test_the_lead_does_not_withdraw_ideas(client, own_idea, lead_headers):
    response = client.post(f"/api/v1/ideas/{own_idea.id}/withdraw", headers=lead_headers)
    assert response.status_code == 403


def test_withdrawing_needs_a_token(client, own_idea):
    assert client.post(f"/api/v1/ideas/{own_idea.id}/withdraw").status_code == 401


def test_an_idea_with_an_approved_pairing_cannot_be_withdrawn(
    client, own_idea, entrepreneur_headers
):
    MatchFactory(idea=own_idea, status="approved")
    response = client.post(f"/api/v1/ideas/{own_idea.id}/withdraw", headers=entrepreneur_headers)
    assert response.status_code == 409
    assert "approved" in error_of(response)["message"]
    db.session.refresh(own_idea)
    assert own_idea.status == "matched"


def test_withdrawing_removes_the_unanswered_proposals(client, own_idea, entrepreneur_headers):
    waiting = MatchFactory(idea=own_idea, mentor=MentorFactory(), status="proposed")
    declined = MatchFactory(idea=own_idea, mentor=MentorFactory(), status="declined")
    waiting_id, declined_id = waiting.id, declined.id
    client.post(f"/api/v1/ideas/{own_idea.id}/withdraw", headers=entrepreneur_headers)
    left = set(db.session.scalars(sa.select(Match.id).where(Match.idea_id == own_idea.id)))
    assert waiting_id not in left and declined_id in left


def test_the_openapi_document_describes_edit_withdraw_and_the_key(client):
    document = client.get("/api/v1/openapi.json").get_json()
    ideas = document["paths"]["/api/v1/ideas"]["post"]
    assert [p["name"] for p in ideas["parameters"]] == ["Idempotency-Key"]
    assert "409" in ideas["responses"]
    item = document["paths"]["/api/v1/ideas/{id}"]
    assert {"409", "422", "404"} <= set(item["put"]["responses"])
    withdraw = document["paths"]["/api/v1/ideas/{id}/withdraw"]["post"]
    assert {"204", "404", "409"} <= set(withdraw["responses"])
    idea = document["components"]["schemas"]["Idea"]
    assert {"offers", "seeks"} <= set(idea["required"])
    assert "withdrawn" not in idea["properties"]["status"]["enum"]
    assert (
        document["components"]["schemas"]["IdeaInput"]["properties"]["offers"]["maxLength"] == 2000
    )


def test_the_openapi_document_says_sector_and_stage_default_to_the_profile(
    client, entrepreneur_headers
):
    document = client.get("/api/v1/openapi.json").get_json()
    fields = document["components"]["schemas"]["IdeaInput"]["properties"]
    for name in ("sector", "stage"):
        assert "owner's profile" in fields[name]["description"]
    # ... and that is what happens.
    created = client.post(
        "/api/v1/ideas",
        json={"title": "Plum jam", "description": "Jam from Aleksinac plums."},
        headers=entrepreneur_headers,
    ).get_json()
    profile = db.session.get(Idea, created["id"]).owner.entrepreneur_profile
    assert (
        (created["sector"], created["stage"]) == (profile.sector, profile.stage) == ("food", "idea")
    )
