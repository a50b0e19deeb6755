"""GET and PUT /api/v1/me: the account with its role's profile, partial updates."""

from __future__ import annotations

from tests.api.conftest import error_of


def test_an_entrepreneur_sees_her_account_and_profile(client, entrepreneur, entrepreneur_headers):
    body = client.get("/api/v1/me", headers=entrepreneur_headers).get_json()
    assert {k: body[k] for k in ("id", "email", "name", "role", "status")} == {
        "id": entrepreneur.id,
        "email": "jelena@example.org",
        "name": "Jelena Petrović",
        "role": "entrepreneur",
        "status": "active",
    }
    assert set(body["profile"]) >= {
        "business_name",
        "city",
        "country",
        "sector",
        "stage",
        "bio",
        "languages",
    }
    assert body["profile"]["city"] == "Niš"


def test_a_mentor_sees_her_mentor_profile(client, mentor_headers):
    profile = client.get("/api/v1/me", headers=mentor_headers).get_json()["profile"]
    assert set(profile) >= {"headline", "bio", "expertise", "sectors", "languages", "capacity"}


def test_a_lead_has_an_empty_profile(client, lead_headers):
    body = client.get("/api/v1/me", headers=lead_headers).get_json()
    assert body["role"] == "lead" and body["profile"] == {}


def test_a_pending_mentor_sees_her_pending_status(client, api_headers):
    client.post(
        "/api/v1/auth/register",
        json={
            "email": "nova@example.org",
            "password": "mentor-password",
            "name": "Nova",
            "role": "mentor",
        },
    )
    token = client.post(
        "/api/v1/auth/token", json={"email": "nova@example.org", "password": "mentor-password"}
    )
    headers = {"Authorization": f"Bearer {token.get_json()['token']}"}
    assert client.get("/api/v1/me", headers=headers).get_json()["status"] == "pending"


def test_updating_one_profile_field_leaves_the_others(client, entrepreneur_headers):
    response = client.put(
        "/api/v1/me", json={"profile": {"city": "Čačak"}}, headers=entrepreneur_headers
    )
    assert response.status_code == 200
    profile = response.get_json()["profile"]
    assert profile["city"] == "Čačak"
    assert profile["business_name"].startswith("Radionica") and profile["sector"] == "food"


def test_updating_the_name_only_leaves_the_profile(client, entrepreneur_headers):
    before = client.get("/api/v1/me", headers=entrepreneur_headers).get_json()["profile"]
    response = client.put(
        "/api/v1/me", json={"name": "Đurđa Živković"}, headers=entrepreneur_headers
    )
    assert response.get_json()["name"] == "Đurđa Živković"
    assert response.get_json()["profile"] == before


def test_serbian_text_round_trips_exactly(client, entrepreneur_headers):
    bio = "Ђурђа из Мерошине; sušeno voće iz Niša i Čačka — Ж."
    client.put("/api/v1/me", json={"profile": {"bio": bio}}, headers=entrepreneur_headers)
    assert (
        client.get("/api/v1/me", headers=entrepreneur_headers).get_json()["profile"]["bio"] == bio
    )


def test_a_mentor_updates_capacity_and_sectors(client, mentor_headers):
    response = client.put(
        "/api/v1/me",
        json={"profile": {"capacity": 7, "sectors": ["food", "tourism"]}},
        headers=mentor_headers,
    )
    assert response.status_code == 200
    assert response.get_json()["profile"]["capacity"] == 7
    assert response.get_json()["profile"]["sectors"] == ["food", "tourism"]


def test_a_capacity_over_fifty_is_422_naming_the_field(client, mentor_headers):
    response = client.put("/api/v1/me", json={"profile": {"capacity": 51}}, headers=mentor_headers)
    assert response.status_code == 422
    assert "profile.capacity" in error_of(response)["fields"]


def test_a_capacity_given_as_text_is_422(client, mentor_headers):
    response = client.put("/api/v1/me", json={"profile": {"capacity": "5"}}, headers=mentor_headers)
    assert response.status_code == 422


def test_an_unknown_sector_is_422_naming_the_field(client, entrepreneur_headers):
    response = client.put(
        "/api/v1/me", json={"profile": {"sector": "mining"}}, headers=entrepreneur_headers
    )
    assert response.status_code == 422
    assert "profile.sector" in error_of(response)["fields"]


def test_an_unknown_language_code_is_422(client, entrepreneur_headers):
    response = client.put(
        "/api/v1/me", json={"profile": {"languages": ["xx"]}}, headers=entrepreneur_headers
    )
    assert response.status_code == 422
    assert "profile.languages" in error_of(response)["fields"]


def test_an_unknown_country_is_422(client, entrepreneur_headers):
    response = client.put(
        "/api/v1/me", json={"profile": {"country": "Serbia"}}, headers=entrepreneur_headers
    )
    assert response.status_code == 422
    assert "profile.country" in error_of(response)["fields"]


def test_a_blank_name_is_422(client, entrepreneur_headers):
    response = client.put("/api/v1/me", json={"name": "   "}, headers=entrepreneur_headers)
    assert response.status_code == 422
    assert "name" in error_of(response)["fields"]


def test_an_over_long_name_is_422(client, entrepreneur_headers):
    response = client.put("/api/v1/me", json={"name": "a" * 201}, headers=entrepreneur_headers)
    assert response.status_code == 422


def test_an_over_long_bio_is_422(client, entrepreneur_headers):
    response = client.put(
        "/api/v1/me", json={"profile": {"bio": "a" * 5001}}, headers=entrepreneur_headers
    )
    assert response.status_code == 422
    assert "profile.bio" in error_of(response)["fields"]


def test_a_profile_that_is_not_an_object_is_422(client, entrepreneur_headers):
    response = client.put("/api/v1/me", json={"profile": ["Niš"]}, headers=entrepreneur_headers)
    assert response.status_code == 422
    assert "profile" in error_of(response)["fields"]


def test_an_invalid_update_changes_nothing(client, entrepreneur_headers):
    response = client.put(
        "/api/v1/me",
        json={"name": "Nova", "profile": {"stage": "huge"}},
        headers=entrepreneur_headers,
    )
    assert response.status_code == 422
    me = client.get("/api/v1/me", headers=entrepreneur_headers).get_json()
    assert (me["name"], me["profile"]["stage"]) == ("Jelena Petrović", "idea")


def test_a_lead_may_send_an_empty_profile(client, lead_headers):
    response = client.put("/api/v1/me", json={"name": "Vesna", "profile": {}}, headers=lead_headers)
    assert response.status_code == 200
    assert response.get_json()["profile"] == {}


def test_a_lead_sending_profile_fields_is_422(client, lead_headers):
    response = client.put("/api/v1/me", json={"profile": {"city": "Niš"}}, headers=lead_headers)
    assert response.status_code == 422


def test_updating_me_without_a_token_is_401(client):
    assert client.put("/api/v1/me", json={"name": "X"}).status_code == 401


def test_answers_carry_serbian_letters_as_utf8_not_escapes(client, entrepreneur_headers):
    client.put("/api/v1/me", json={"name": "Đurđa iz Niša"}, headers=entrepreneur_headers)
    response = client.get("/api/v1/me", headers=entrepreneur_headers)
    assert "Đurđa iz Niša".encode() in response.data
