"""API: ideas name a programme and module the entrepreneur is enrolled in; the lead filters by them."""

from __future__ import annotations

import pytest

from mentorship.extensions import db
from mentorship.models import Enrolment, Programme, ProgrammeModule
from tests.factories import EntrepreneurFactory, IdeaFactory, LeadFactory

IDEA = {"title": "Plum jam", "description": "Jam from plums for hotels in Niš."}


@pytest.fixture
def programme(app):
    programme = Programme(name="Start-up training")
    programme.modules = [ProgrammeModule(title="Module 1")]
    db.session.add(programme)
    db.session.commit()
    return programme


@pytest.fixture
def enrolled(programme):
    owner = EntrepreneurFactory()
    db.session.add(Enrolment(programme_id=programme.id, user_id=owner.id))
    db.session.commit()
    return owner


def test_idea_is_submitted_to_a_programme_module(client, api_headers, programme, enrolled):
    body = {**IDEA, "programme_id": programme.id, "module_id": programme.modules[0].id}
    response = client.post("/api/v1/ideas", json=body, headers=api_headers(enrolled))
    assert response.status_code == 201
    assert response.get_json()["programme_id"] == programme.id


def test_unknown_programme_is_422(client, api_headers, enrolled):
    response = client.post(
        "/api/v1/ideas", json={**IDEA, "programme_id": 999}, headers=api_headers(enrolled)
    )
    assert response.status_code == 422 and "programme_id" in response.get_json()["error"]["fields"]


def test_a_module_of_another_programme_is_422(client, api_headers, programme, enrolled):
    other = Programme(name="Other", modules=[ProgrammeModule(title="Elsewhere")])
    db.session.add(other)
    db.session.commit()
    body = {**IDEA, "programme_id": programme.id, "module_id": other.modules[0].id}
    response = client.post("/api/v1/ideas", json=body, headers=api_headers(enrolled))
    assert response.status_code == 422 and "module_id" in response.get_json()["error"]["fields"]


def test_a_programme_she_is_not_enrolled_in_is_422(client, api_headers, programme):
    response = client.post(
        "/api/v1/ideas",
        json={**IDEA, "programme_id": programme.id},
        headers=api_headers(EntrepreneurFactory()),
    )
    assert response.status_code == 422
    assert response.get_json()["error"]["fields"]["programme_id"] == [
        "You are not enrolled in this programme."
    ]


def test_a_module_without_its_programme_is_422(client, api_headers, programme, enrolled):
    response = client.post(
        "/api/v1/ideas",
        json={**IDEA, "module_id": programme.modules[0].id},
        headers=api_headers(enrolled),
    )
    assert response.status_code == 422


@pytest.mark.parametrize("value", ["one", -1, 1.5, True])
def test_a_programme_id_that_is_not_a_whole_number_is_422(client, api_headers, enrolled, value):
    response = client.post(
        "/api/v1/ideas", json={**IDEA, "programme_id": value}, headers=api_headers(enrolled)
    )
    assert response.status_code == 422


def test_lead_lists_ideas_of_one_programme(client, api_headers, programme):
    inside = IdeaFactory(programme_id=programme.id)
    IdeaFactory()
    response = client.get(
        f"/api/v1/ideas?programme_id={programme.id}", headers=api_headers(LeadFactory())
    )
    assert [item["id"] for item in response.get_json()["items"]] == [inside.id]


@pytest.mark.parametrize("value", ["abc", "0", "-3", "99999999999"])
def test_a_bad_programme_filter_is_422(client, api_headers, value):
    response = client.get(f"/api/v1/ideas?programme_id={value}", headers=api_headers(LeadFactory()))
    assert response.status_code == 422 and "programme_id" in response.get_json()["error"]["fields"]
