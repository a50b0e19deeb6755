"""Registration, bearer tokens and their checks, and the rate limit on failed logins."""

from __future__ import annotations

import time

from itsdangerous import TimestampSigner, URLSafeTimedSerializer

from mentorship.models import User
from mentorship.services.accounts import TOKEN_SALT
from tests.api.conftest import error_of
from tests.factories import PASSWORD, EntrepreneurFactory

REGISTRATION = {
    "email": "Ana.Ilic@Example.org",
    "password": "dobar-dan-123",
    "name": "Ana Ilić",
    "role": "entrepreneur",
}


def test_registering_an_entrepreneur_answers_201_with_the_account(client):
    response = client.post("/api/v1/auth/register", json=REGISTRATION)
    assert response.status_code == 201
    body = response.get_json()
    assert {k: body[k] for k in ("email", "name", "role", "status")} == {
        "email": "ana.ilic@example.org",
        "name": "Ana Ilić",
        "role": "entrepreneur",
        "status": "active",
    }
    assert isinstance(body["id"], int)


def test_a_registered_mentor_starts_pending(client):
    response = client.post("/api/v1/auth/register", json={**REGISTRATION, "role": "mentor"})
    assert response.status_code == 201
    assert response.get_json()["status"] == "pending"


def test_registering_a_taken_email_is_409(client, entrepreneur):
    response = client.post(
        "/api/v1/auth/register", json={**REGISTRATION, "email": entrepreneur.email}
    )
    assert response.status_code == 409
    assert error_of(response)["code"] == "conflict"


def test_a_taken_email_with_an_invalid_password_is_422_before_the_conflict(client, entrepreneur):
    response = client.post(
        "/api/v1/auth/register",
        json={**REGISTRATION, "email": entrepreneur.email, "password": "short"},
    )
    assert response.status_code == 422
    assert "password" in error_of(response)["fields"]


def test_registering_as_lead_is_422_naming_the_role(client):
    response = client.post("/api/v1/auth/register", json={**REGISTRATION, "role": "lead"})
    assert response.status_code == 422
    assert "role" in error_of(response)["fields"]


def test_registering_with_a_blank_name_and_a_bad_email_names_both_fields(client):
    response = client.post(
        "/api/v1/auth/register", json={**REGISTRATION, "name": "   ", "email": "not-mail"}
    )
    assert response.status_code == 422
    assert {"name", "email"} <= set(error_of(response)["fields"])


def test_registering_with_missing_fields_names_each_of_them(client):
    response = client.post("/api/v1/auth/register", json={})
    assert response.status_code == 422
    assert set(error_of(response)["fields"]) == {"email", "password", "name", "role"}


def test_a_correct_password_gets_a_token_with_its_expiry(client, entrepreneur):
    response = client.post(
        "/api/v1/auth/token", json={"email": entrepreneur.email, "password": PASSWORD}
    )
    assert response.status_code == 200
    body = response.get_json()
    assert body["token"] and body["expires_at"].endswith("Z")


def test_the_token_email_is_case_insensitive(client, entrepreneur):
    response = client.post(
        "/api/v1/auth/token",
        json={"email": f"  {entrepreneur.email.upper()} ", "password": PASSWORD},
    )
    assert response.status_code == 200


def test_a_wrong_password_and_an_unknown_email_get_the_same_401(client, entrepreneur):
    wrong = client.post(
        "/api/v1/auth/token", json={"email": entrepreneur.email, "password": "wrong-one"}
    )
    unknown = client.post(
        "/api/v1/auth/token", json={"email": "nobody@example.org", "password": "wrong-one"}
    )
    assert wrong.status_code == unknown.status_code == 401
    assert wrong.get_json() == unknown.get_json()


def test_a_token_request_without_a_password_is_422(client, entrepreneur):
    response = client.post("/api/v1/auth/token", json={"email": entrepreneur.email})
    assert response.status_code == 422
    assert "password" in error_of(response)["fields"]


def test_repeated_failed_token_requests_are_429_with_retry_after(app, client, entrepreneur):
    app.config["LOGIN_ACCOUNT_RATE_LIMIT"] = "3 per minute"
    attempt = {"email": entrepreneur.email, "password": "wrong-one"}
    statuses = [client.post("/api/v1/auth/token", json=attempt).status_code for _ in range(4)]
    assert statuses == [401, 401, 401, 429]
    limited = client.post("/api/v1/auth/token", json={**attempt, "password": PASSWORD})
    assert limited.status_code == 429
    assert int(limited.headers["Retry-After"]) > 0
    assert error_of(limited)["code"] == "rate_limited"


def test_successful_token_requests_do_not_count_towards_the_limit(app, client, entrepreneur):
    app.config["LOGIN_ACCOUNT_RATE_LIMIT"] = "2 per minute"
    login = {"email": entrepreneur.email, "password": PASSWORD}
    statuses = [client.post("/api/v1/auth/token", json=login).status_code for _ in range(5)]
    assert statuses == [200] * 5


def test_failures_for_one_email_do_not_lock_out_another(app, client, entrepreneur):
    app.config["LOGIN_ACCOUNT_RATE_LIMIT"] = "2 per minute"
    for _ in range(3):
        client.post(
            "/api/v1/auth/token", json={"email": "guess@example.org", "password": "wrong-one"}
        )
    response = client.post(
        "/api/v1/auth/token", json={"email": entrepreneur.email, "password": PASSWORD}
    )
    assert response.status_code == 200


def test_a_protected_path_without_a_token_is_401_with_a_bearer_challenge(client):
    response = client.get("/api/v1/me")
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"].startswith("Bearer")
    assert error_of(response)["code"] == "unauthorized"


def test_a_malformed_token_is_401(client):
    response = client.get("/api/v1/me", headers={"Authorization": "Bearer not-a-token"})
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"].startswith("Bearer")


def test_a_basic_authorization_header_is_401(client):
    response = client.get("/api/v1/me", headers={"Authorization": "Basic dXNlcjpwYXNz"})
    assert response.status_code == 401


def test_an_expired_token_is_401(app, client, entrepreneur):
    class IssuedTwoDaysAgo(TimestampSigner):
        def get_timestamp(self) -> int:
            return int(time.time()) - 2 * 24 * 3600

    signer = URLSafeTimedSerializer(
        app.config["SECRET_KEY"], salt=TOKEN_SALT, signer=IssuedTwoDaysAgo
    )
    token = signer.dumps({"uid": entrepreneur.id, "pw": entrepreneur.password_hash[-12:]})
    response = client.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 401
    assert "invalid_token" in response.headers["WWW-Authenticate"]


def test_a_token_for_a_deleted_user_is_401(app, client, api_headers):
    from mentorship.extensions import db

    user = EntrepreneurFactory()
    headers = api_headers(user)
    db.session.delete(db.session.get(User, user.id))
    db.session.commit()
    assert client.get("/api/v1/me", headers=headers).status_code == 401


def test_a_password_change_revokes_earlier_tokens(app, client, entrepreneur, entrepreneur_headers):
    from mentorship.extensions import db

    entrepreneur.set_password("a brand new password")
    db.session.commit()
    assert client.get("/api/v1/me", headers=entrepreneur_headers).status_code == 401
