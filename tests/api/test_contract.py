"""The generated OpenAPI document is valid, and every operation's real answers fit it.

One scenario calls every operation of the document for real (test client, PostgreSQL) and checks
each answer, success or error, against the schema the document gives for that path, method and
status; a status the document does not list for the operation fails too. The answer models forbid
unknown keys, so a serializer that adds or drops a field fails here.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from jsonschema import Draft202012Validator, FormatChecker
from openapi_spec_validator import validate as validate_openapi

from mentorship.api.openapi import document_path, openapi_document
from mentorship.api.operations import OPERATIONS
from mentorship.api.serializers import idea_json, me_json
from mentorship.extensions import db
from tests.api import contract_scenarios, introduction_scenarios, partner_contact_scenarios
from tests.factories import (
    PASSWORD,
    EntrepreneurFactory,
    IdeaFactory,
    LeadFactory,
    MatchFactory,
    MentorFactory,
    PartnerFactory,
)


def _template_pattern(path: str) -> re.Pattern[str]:
    return re.compile("^" + re.sub(r"\\\{[^/]+?\\\}", "[^/]+", re.escape(path)) + "$")


class Contract:
    """Sends requests through the test client and checks each answer against the document."""

    def __init__(self, client) -> None:
        self.client = client
        self.document = openapi_document()
        self.patterns = [(_template_pattern(path), path) for path in self.document["paths"]]
        self.seen: set[tuple[str, str, int]] = set()

    def schema_of(self, name: str) -> Draft202012Validator:
        return self._validator({"$ref": f"#/components/schemas/{name}"})

    def _validator(self, schema: dict[str, Any]) -> Draft202012Validator:
        rooted = {**schema, "components": self.document["components"]}
        return Draft202012Validator(rooted, format_checker=FormatChecker())

    def path_of(self, url: str) -> str:
        bare = url.split("?", 1)[0]
        found = [path for pattern, path in self.patterns if pattern.match(bare)]
        assert found, f"{bare} is not in the document"
        return min(found, key=lambda path: path.count("{"))  # a literal segment wins

    def call(self, method: str, url: str, status: int, **kwargs: Any):
        response = self.client.open(url, method=method.upper(), **kwargs)
        body = response.get_json(silent=True)
        assert response.status_code == status, (method, url, response.status_code, body)
        path = self.path_of(url)
        operation = self.document["paths"][path].get(method)
        assert operation is not None, f"{method} {path} is not documented"
        answer = operation["responses"].get(str(status))
        assert answer is not None, f"{method} {path} answered {status}, which is not documented"
        content = answer.get("content", {}).get("application/json")
        if content is None:
            assert response.get_data() == b"", f"{method} {path} {status} has an undocumented body"
        else:
            errors = sorted(
                self._validator(content["schema"]).iter_errors(body), key=lambda e: e.path
            )
            assert not errors, (method, path, status, [error.message for error in errors])
        self.seen.add((method, path, status))
        return response


@pytest.fixture
def contract(client):
    return Contract(client)


def test_the_generated_document_is_valid_openapi_3_1():
    document = openapi_document()
    validate_openapi(document)
    assert document["openapi"] == "3.1.0"


def test_the_document_is_served_as_generated(client):
    assert client.get("/api/v1/openapi.json").get_json() == openapi_document()


def test_every_operation_has_one_entry(app):
    keys = [(operation.method, operation.path) for operation in OPERATIONS]
    assert len(keys) == len(set(keys))
    routes = {
        (method.lower(), re.sub(r"<[^>]*>", "{id}", rule.rule))
        for rule in app.url_map.iter_rules()
        if rule.rule.startswith("/api/v1")
        for method in rule.methods - {"HEAD", "OPTIONS"}
    }
    assert routes == {key for key in keys if key[1].startswith("/api/v1")}


def _token(contract: Contract, email: str, password: str = PASSWORD) -> dict[str, str]:
    body = {"email": email, "password": password}
    response = contract.call("post", "/api/v1/auth/token", 200, json=body)
    return {"Authorization": f"Bearer {response.get_json()['token']}"}


def _public_and_accounts(contract: Contract) -> None:
    contract.call("get", "/healthz", 200)
    contract.call("get", "/readyz", 200)
    contract.call("get", "/api/v1/openapi.json", 200)
    contract.call("get", "/api/v1/sectors?lang=sr", 200)
    account = {"email": "ana@example.org", "password": PASSWORD, "name": "Ana", "role": "mentor"}
    contract.call("post", "/api/v1/auth/register", 201, json=account)
    contract.call("post", "/api/v1/auth/register", 409, json=account)
    contract.call("post", "/api/v1/auth/register", 422, json={**account, "role": "lead"})
    contract.call("post", "/api/v1/auth/register", 400, data="{", content_type="application/json")
    contract.call("post", "/api/v1/auth/register", 415, data="email=a")
    contract.call("post", "/api/v1/auth/register", 413, json={"name": "x" * 1_100_000})
    wrong = {"email": "ana@example.org", "password": "not her password"}
    contract.call("post", "/api/v1/auth/token", 401, json=wrong)
    contract.call("post", "/api/v1/auth/token", 422, json={"email": ""})


def _me(contract: Contract, people: dict[str, dict[str, str]]) -> None:
    for headers in people.values():
        contract.call("get", "/api/v1/me", 200, headers=headers)
    contract.call("get", "/api/v1/me", 401)
    contract.call("get", "/api/v1/me", 401, headers={"Authorization": "Bearer nonsense"})
    change = {"name": "Jelena P.", "profile": {"city": "Niš", "languages": ["sr", "EN"]}}
    contract.call("put", "/api/v1/me", 200, json=change, headers=people["entrepreneur"])
    contract.call(
        "put", "/api/v1/me", 200, json={"profile": {"capacity": 4}}, headers=people["mentor"]
    )
    contract.call("put", "/api/v1/me", 200, json={"name": "Lead"}, headers=people["lead"])
    bad = {"profile": {"capacity": 99}}
    contract.call("put", "/api/v1/me", 422, json=bad, headers=people["mentor"])


def _ideas(contract: Contract, people: dict[str, dict[str, str]]) -> int:
    owner, lead = people["entrepreneur"], people["lead"]
    idea = {"title": "Plum jam", "description": "Jam from local plums.", "sector": "food"}
    created = contract.call("post", "/api/v1/ideas", 201, json=idea, headers=owner).get_json()
    keyed = {**owner, "Idempotency-Key": "contract-1"}
    contract.call("post", "/api/v1/ideas", 201, json=idea, headers=keyed)
    contract.call("post", "/api/v1/ideas", 409, json={**idea, "title": "Other"}, headers=keyed)
    contract.call("post", "/api/v1/ideas", 403, json=idea, headers=people["mentor"])
    contract.call("post", "/api/v1/ideas", 422, json={"title": " "}, headers=owner)
    one = f"/api/v1/ideas/{created['id']}"
    contract.call("get", "/api/v1/ideas", 200, headers=owner)
    contract.call("get", "/api/v1/ideas?status=matched&per_page=500", 200, headers=lead)
    contract.call("get", "/api/v1/ideas?status=unknown", 422, headers=lead)
    contract.call("get", one, 200, headers=lead)
    contract.call("get", "/api/v1/ideas/2147483000", 404, headers=owner)
    contract.call("put", one, 200, json={**idea, "seeks": "jars"}, headers=owner)
    contract.call("get", f"{one}/matches", 200, headers=owner)
    contract.call("post", f"{one}/withdraw", 204, headers=owner)
    contract.call("post", f"{one}/withdraw", 204, headers=owner)
    contract.call("get", one, 404, headers=owner)
    return created["id"]


def _reviews_and_decisions(contract: Contract, people, mentor, lead_user) -> None:
    mentor_headers, lead = people["mentor"], people["lead"]
    idea = IdeaFactory(status="matched")
    proposal = MatchFactory(idea=idea, mentor=mentor)
    partner_match = MatchFactory(
        idea=idea, kind="partner", mentor=None, partner=PartnerFactory(), status="proposed"
    )
    db.session.commit()
    contract.call("get", "/api/v1/reviews", 200, headers=mentor_headers)
    contract.call("get", "/api/v1/reviews?status=nope", 422, headers=mentor_headers)
    contract.call("get", "/api/v1/reviews", 403, headers=lead)
    review = f"/api/v1/matches/{proposal.id}/review"
    contract.call("get", review, 200, headers=mentor_headers)
    contract.call("post", review, 422, json={"decision": "maybe"}, headers=mentor_headers)
    accept = {"decision": "accept", "note": "Glad to help."}
    contract.call("post", review, 200, json=accept, headers=mentor_headers)
    contract.call("post", review, 409, json=accept, headers=mentor_headers)
    decision = f"/api/v1/matches/{proposal.id}/decision"
    contract.call("post", decision, 200, json={"decision": "approve"}, headers=lead)
    contract.call("post", decision, 409, json={"decision": "approve"}, headers=lead)
    contract.call("post", "/api/v1/matches/2147483000/decision", 404, json={"decision": "reject"},
                  headers=lead)  # fmt: skip
    partner_decision = f"/api/v1/matches/{partner_match.id}/decision"
    contract.call("post", partner_decision, 200, json={"decision": "approve"}, headers=lead)
    # The approved partner pairing ends when the partner leaves the directory.
    partner_url = f"/api/v1/partners/{partner_match.partner_id}"
    contract.call("delete", partner_url, 204, headers=lead)
    matches = contract.call("get", f"/api/v1/ideas/{idea.id}/matches", 200, headers=lead)
    assert any(item.get("ended_at") for item in matches.get_json()["items"])
    contract.call("get", "/api/v1/stats", 200, headers=lead)
    contract.call("get", "/api/v1/stats?programme_id=x", 422, headers=lead)


def _mentors(contract: Contract, lead: dict[str, str]) -> None:
    listed = contract.call("get", "/api/v1/mentors?status=pending", 200, headers=lead).get_json()
    pending = listed["items"][0]["id"]
    contract.call("post", f"/api/v1/mentors/{pending}/approve", 200, headers=lead)
    contract.call("get", "/api/v1/mentors?status=late", 422, headers=lead)


def _directory(contract: Contract, people: dict[str, dict[str, str]]) -> None:
    lead, reader = people["lead"], people["entrepreneur"]
    bodies = {
        "partners": {"name": "Hotel Niš", "description": "Buys local food.", "country": "rs"},
        "clusters": {"name": "Agro", "description": "Food startups.", "website": "https://a.rs"},
    }
    for resource, body in bodies.items():
        collection = f"/api/v1/{resource}"
        created = contract.call("post", collection, 201, json=body, headers=lead).get_json()
        contract.call("post", collection, 409, json=body, headers=lead)
        contract.call("post", collection, 403, json=body, headers=reader)
        contract.call("post", collection, 422, json={"name": "x"}, headers=lead)
        contract.call("get", f"{collection}?q=food&sector=food", 200, headers=reader)
        contract.call("get", f"{collection}?sector=space", 422, headers=reader)
        one = f"{collection}/{created['id']}"
        contract.call("get", one, 200, headers=reader)
        contract.call("put", one, 200, json={"description": "Changed."}, headers=lead)
        contract.call("delete", one, 204, headers=lead)
        contract.call("get", one, 404, headers=reader)


def test_every_operation_answers_as_the_document_says(app, contract):
    entrepreneur = EntrepreneurFactory(email="jelena@example.org")
    mentor = MentorFactory(email="milica@example.org")
    lead_user = LeadFactory(email="lead@example.org")
    db.session.commit()
    _public_and_accounts(contract)
    people = {
        "entrepreneur": _token(contract, entrepreneur.email),
        "mentor": _token(contract, mentor.email),
        "lead": _token(contract, lead_user.email),
        "new mentor": _token(contract, "ana@example.org"),
    }
    _me(contract, people)
    _ideas(contract, people)
    _reviews_and_decisions(contract, people, mentor, lead_user)
    _mentors(contract, people["lead"])
    _directory(contract, people)
    contract_scenarios.mentorships(
        contract, lambda email: _token(contract, email), lead_user, people["lead"]
    )
    contract_scenarios.events(contract, lambda email: _token(contract, email), people["lead"])
    introduction_scenarios.introductions(
        contract, lambda email: _token(contract, email), people["lead"]
    )
    contract_scenarios.cooperation(
        contract, lambda email: _token(contract, email), people["lead"], people["mentor"]
    )
    partner_contact_scenarios.partner_contacts(contract, people["lead"], people["mentor"])
    called = {(method, path) for method, path, status in contract.seen if status < 300}
    every = {(operation.method, document_path(operation.path)) for operation in OPERATIONS}
    assert every - called == set()


def test_a_serializer_that_adds_or_drops_a_field_fails_the_document(app, contract):
    idea = IdeaFactory()
    db.session.commit()
    schema = contract.schema_of("Idea")
    body = idea_json(idea)
    assert schema.is_valid(body)
    assert not schema.is_valid({**body, "score": 1})
    assert not schema.is_valid({key: value for key, value in body.items() if key != "status"})


@pytest.mark.parametrize("factory", [EntrepreneurFactory, MentorFactory, LeadFactory])
def test_me_fits_exactly_one_profile_shape(app, contract, factory):
    user = factory()
    db.session.commit()
    body = me_json(user)
    assert contract.schema_of("Me").is_valid(body)
    shapes = ("EntrepreneurProfile", "MentorProfile", "NoProfile")
    fitting = [name for name in shapes if contract.schema_of(name).is_valid(body["profile"])]
    assert len(fitting) == 1
    assert not contract.schema_of("Me").is_valid({**body, "profile": {**body["profile"], "x": 1}})


def test_every_model_the_document_names_is_one_class():
    """Components are keyed by class name: two models of one name would hide one of them."""
    models = {
        model
        for operation in OPERATIONS
        for model in (operation.body, operation.answer)
        if model is not None
    }
    names = [model.__name__ for model in models]
    assert len(names) == len(set(names))
    assert set(names) <= set(openapi_document()["components"]["schemas"])


def test_each_path_template_names_its_parameters_once_and_documents_each(app):
    """A generated client fills `{id}` once per name: two `{id}`s in one path would send the
    event's id as the meeting's."""
    for path, operations in openapi_document()["paths"].items():
        names = re.findall(r"\{([^}]+)\}", path)
        assert len(names) == len(set(names)), path
        for operation in operations.values():
            declared = [p["name"] for p in operation.get("parameters", []) if p["in"] == "path"]
            assert sorted(declared) == sorted(names), path
