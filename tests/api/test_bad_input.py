"""Bad request bodies in /api/v1: malformed, not JSON, too large, not an object, unstorable."""

from __future__ import annotations

import io

from tests.api.conftest import error_of

ONE_MB = 1024 * 1024


def test_malformed_json_is_400(client):
    response = client.post(
        "/api/v1/auth/register", data='{"email": ', content_type="application/json"
    )
    assert response.status_code == 400
    assert error_of(response)["code"] == "malformed_json"


def test_an_empty_json_body_is_400(client):
    response = client.post("/api/v1/auth/register", data="", content_type="application/json")
    assert response.status_code == 400


def test_a_body_that_is_not_utf8_is_400(client):
    response = client.post(
        "/api/v1/auth/register", data=b'{"name": "\xff"}', content_type="application/json"
    )
    assert response.status_code == 400


def test_nan_is_not_json_and_is_400(client):
    response = client.post(
        "/api/v1/auth/register", data='{"name": NaN}', content_type="application/json"
    )
    assert response.status_code == 400


def test_a_form_body_is_415(client):
    response = client.post("/api/v1/auth/register", data={"email": "a@example.org"})
    assert response.status_code == 415
    assert error_of(response)["code"] == "unsupported_media_type"


def test_a_body_without_content_type_is_415(client, entrepreneur_headers):
    response = client.post("/api/v1/ideas", data='{"title": "x"}', headers=entrepreneur_headers)
    assert response.status_code == 415


def test_json_with_a_charset_parameter_is_accepted(client):
    response = client.post(
        "/api/v1/auth/register",
        data='{"email": "x"}',
        content_type="application/json; charset=utf-8",
    )
    assert response.status_code == 422


def test_a_body_over_one_megabyte_is_413_with_a_json_error(client):
    body = '{"name": "' + "a" * ONE_MB + '"}'
    response = client.post("/api/v1/auth/register", data=body, content_type="application/json")
    assert response.status_code == 413
    assert error_of(response)["code"] == "payload_too_large"


def test_a_chunked_body_over_one_megabyte_is_413_with_a_json_error(client):
    body = b'{"name": "' + b"a" * ONE_MB + b'"}'
    response = client.post(
        "/api/v1/auth/register",
        input_stream=io.BytesIO(body),
        headers={"Content-Type": "application/json", "Transfer-Encoding": "chunked"},
        environ_overrides={"wsgi.input_terminated": True},
    )
    assert response.status_code == 413
    assert error_of(response)["code"] == "payload_too_large"


def test_a_chunked_body_under_the_limit_is_read(client):
    response = client.post(
        "/api/v1/auth/register",
        input_stream=io.BytesIO(b'{"email": "x"}'),
        headers={"Content-Type": "application/json", "Transfer-Encoding": "chunked"},
        environ_overrides={"wsgi.input_terminated": True},
    )
    assert response.status_code == 422
    assert "email" in error_of(response)["fields"]


def test_a_token_request_over_one_megabyte_is_413(client):
    body = '{"email": "' + "a" * ONE_MB + '", "password": "x"}'
    response = client.post("/api/v1/auth/token", data=body, content_type="application/json")
    assert response.status_code == 413


def test_a_json_array_body_is_422_saying_it_must_be_an_object(client):
    response = client.post("/api/v1/auth/register", json=["email", "password"])
    assert response.status_code == 422
    assert "object" in error_of(response)["message"]


def test_a_json_string_body_for_profile_update_is_422(client, entrepreneur_headers):
    response = client.put("/api/v1/me", json="Jelena", headers=entrepreneur_headers)
    assert response.status_code == 422


def test_a_nul_character_is_422_naming_the_field(client, entrepreneur_headers):
    response = client.post(
        "/api/v1/ideas",
        json={"title": "Jam\u0000", "description": "Plums."},
        headers=entrepreneur_headers,
    )
    assert response.status_code == 422
    assert "title" in error_of(response)["fields"]


def test_an_unpaired_surrogate_is_422(client):
    body = (
        '{"email": "a@example.org", "password": "long enough", "name": "\\ud800", "role": "mentor"}'
    )
    response = client.post("/api/v1/auth/register", data=body, content_type="application/json")
    assert response.status_code == 422
    assert "name" in error_of(response)["fields"]


def test_deeply_nested_json_is_400_not_a_server_error(client):
    body = "[" * 100_000 + "]" * 100_000
    response = client.post("/api/v1/auth/register", data=body, content_type="application/json")
    assert response.status_code == 400


def test_an_unknown_api_path_is_a_json_404(client):
    response = client.get("/api/v1/nothing-here")
    assert response.status_code == 404
    assert error_of(response)["code"] == "not_found"


def test_a_wrong_method_is_a_json_405(client):
    response = client.delete("/api/v1/sectors")
    assert response.status_code == 405
    assert error_of(response)["code"] == "method_not_allowed"


def test_an_id_beyond_any_row_is_404_not_an_overflow(client, lead_headers):
    response = client.get("/api/v1/partners/99999999999999999999999", headers=lead_headers)
    assert response.status_code == 404
