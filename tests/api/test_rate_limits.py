"""Rate limits on the API: tokens, registration and idea submission, per account and address."""

from __future__ import annotations

from tests.api.conftest import error_of
from tests.conftest import client_at
from tests.factories import PASSWORD, EntrepreneurFactory

TOKEN = "/api/v1/auth/token"
REGISTER = "/api/v1/auth/register"
IDEA = {"title": "Pekmez od šljiva", "description": "Pekmez i ajvar za hotele u Nišu."}


def _registration(n: int) -> dict:
    return {
        "email": f"ana{n}@example.org",
        "password": "dobar-dan-123",
        "name": "Ana",
        "role": "entrepreneur",
    }


def _token_status(client, email: str, password: str = "wrong-one") -> int:
    return client.post(TOKEN, json={"email": email, "password": password}).status_code


def test_twelve_accounts_tried_from_one_address_see_a_429_within_sixty_failures(app, client):
    statuses = [_token_status(client, f"user{n}@example.org") for _ in range(5) for n in range(12)]
    assert 429 in statuses
    assert statuses.index(429) < 60


def test_a_correct_token_request_succeeds_after_failures_on_other_accounts(client, entrepreneur):
    for n in range(30):
        assert _token_status(client, f"guess{n}@example.org") == 401
    assert _token_status(client, entrepreneur.email, PASSWORD) == 200


def test_an_account_gets_ten_failures_before_429_with_the_contracts_error(client, entrepreneur):
    assert [_token_status(client, entrepreneur.email) for _ in range(10)] == [401] * 10
    refused = client.post(TOKEN, json={"email": entrepreneur.email, "password": PASSWORD})
    assert refused.status_code == 429
    assert int(refused.headers["Retry-After"]) > 0
    assert error_of(refused)["code"] == "rate_limited"
    assert error_of(refused)["message"].startswith("Too many attempts.")


def test_a_locked_account_does_not_block_another_accounts_token(client, entrepreneur):
    for _ in range(60):
        _token_status(client, "locked@example.org")
    assert _token_status(client, entrepreneur.email, PASSWORD) == 200


def test_sixty_registrations_an_hour_from_one_address_are_welcome_then_429(app, client):
    assert [client.post(REGISTER, json=_registration(n)).status_code for n in range(60)] == [
        201
    ] * 60
    refused = client.post(REGISTER, json=_registration(60))
    assert refused.status_code == 429 and int(refused.headers["Retry-After"]) > 0
    assert error_of(refused)["code"] == "rate_limited"
    assert client_at(app, "10.0.0.2").post(REGISTER, json=_registration(61)).status_code == 201


def test_a_taken_email_counts_towards_the_registration_limit(app, client):
    app.config["REGISTER_RATE_LIMIT"] = "2 per hour"
    assert client.post(REGISTER, json=_registration(1)).status_code == 201
    assert client.post(REGISTER, json=_registration(1)).status_code == 409
    assert client.post(REGISTER, json=_registration(2)).status_code == 429


def test_invalid_registrations_cost_nothing(app, client):
    app.config["REGISTER_RATE_LIMIT"] = "1 per hour"
    assert client.post(REGISTER, json={**_registration(1), "role": "lead"}).status_code == 422
    assert client.post(REGISTER, json=_registration(1)).status_code == 201


def test_idea_submissions_are_limited_per_account(app, entrepreneur, api_headers):
    app.config["IDEA_SUBMIT_RATE_LIMIT"] = "2 per hour"
    headers = api_headers(entrepreneur)
    statuses = [
        client_at(app, f"10.0.0.{n}").post("/api/v1/ideas", json=IDEA, headers=headers).status_code
        for n in range(1, 4)
    ]
    assert statuses == [201, 201, 429]


def test_idea_submissions_are_limited_per_address(app, client, api_headers):
    app.config["IDEA_SUBMIT_RATE_LIMIT"] = "2 per hour"
    first, second = EntrepreneurFactory(), EntrepreneurFactory()
    for _ in range(2):
        client.post("/api/v1/ideas", json=IDEA, headers=api_headers(first))
    refused = client.post("/api/v1/ideas", json=IDEA, headers=api_headers(second))
    assert refused.status_code == 429 and error_of(refused)["code"] == "rate_limited"
    elsewhere = client_at(app, "10.0.0.9")
    assert (
        elsewhere.post("/api/v1/ideas", json=IDEA, headers=api_headers(second)).status_code == 201
    )


def test_refused_idea_submissions_cost_nothing(app, client, entrepreneur, api_headers):
    app.config["IDEA_SUBMIT_RATE_LIMIT"] = "1 per hour"
    headers = api_headers(entrepreneur)
    blank = client.post("/api/v1/ideas", json={**IDEA, "title": " "}, headers=headers)
    assert blank.status_code == 422
    assert client.post("/api/v1/ideas", json=IDEA, headers=headers).status_code == 201
