"""Public paths: sectors with translated labels, the OpenAPI document, and the health probes."""

from __future__ import annotations

import re

from mentorship.vocab import SECTORS

CONTRACT_PATHS = {
    "/api/v1/openapi.json": {"get"},
    "/api/v1/sectors": {"get"},
    "/api/v1/auth/register": {"post"},
    "/api/v1/auth/token": {"post"},
    "/api/v1/me": {"get", "put"},
    "/api/v1/ideas": {"get", "post"},
    "/api/v1/ideas/{id}": {"get"},
    "/api/v1/ideas/{id}/matches": {"get"},
    "/api/v1/reviews": {"get"},
    "/api/v1/matches/{id}/review": {"post"},
    "/api/v1/matches/{id}/decision": {"post"},
    "/api/v1/mentors": {"get"},
    "/api/v1/mentors/{id}/approve": {"post"},
    "/api/v1/partners": {"get", "post"},
    "/api/v1/partners/{id}": {"get", "put", "delete"},
    "/api/v1/clusters": {"get", "post"},
    "/api/v1/clusters/{id}": {"get", "put", "delete"},
    "/api/v1/stats": {"get"},
}
HTTP_METHODS = {"get", "put", "post", "delete", "patch"}


def test_sectors_are_public_and_complete(client):
    body = client.get("/api/v1/sectors").get_json()
    assert [item["slug"] for item in body["items"]] == list(SECTORS)


def test_sector_labels_default_to_english(client):
    items = client.get("/api/v1/sectors").get_json()["items"]
    assert {"slug": "food", "label": "Food and drink"} in items


def test_lang_sr_gives_serbian_labels(client):
    items = client.get("/api/v1/sectors?lang=sr").get_json()["items"]
    assert {"slug": "food", "label": "Hrana i piće"} in items


def test_accept_language_chooses_the_labels(client):
    items = client.get(
        "/api/v1/sectors", headers={"Accept-Language": "sr-RS,sr;q=0.9,en;q=0.5"}
    ).get_json()["items"]
    assert {"slug": "construction", "label": "Građevinarstvo"} in items


def test_lang_wins_over_accept_language(client):
    response = client.get("/api/v1/sectors?lang=en", headers={"Accept-Language": "sr"})
    assert {"slug": "food", "label": "Food and drink"} in response.get_json()["items"]


def test_an_unsupported_language_falls_back_to_english(client):
    items = client.get("/api/v1/sectors?lang=de", headers={"Accept-Language": "fr"}).get_json()[
        "items"
    ]
    assert {"slug": "food", "label": "Food and drink"} in items


def test_openapi_is_public_and_version_3(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    assert response.get_json()["openapi"].startswith("3.")


def test_openapi_lists_every_contract_path_and_method(client):
    paths = client.get("/api/v1/openapi.json").get_json()["paths"]
    for path, methods in CONTRACT_PATHS.items():
        assert path in paths, path
        assert methods <= set(paths[path]) & HTTP_METHODS, path


def test_every_implemented_api_route_is_in_openapi(app, client):
    paths = client.get("/api/v1/openapi.json").get_json()["paths"]
    documented = {re.sub(r"\{[^}]+\}", "{id}", path) for path in paths}
    for rule in app.url_map.iter_rules():
        if rule.rule.startswith("/api/v1"):
            assert re.sub(r"<[^>]*>", "{id}", rule.rule) in documented, rule.rule


def test_openapi_references_resolve(client):
    document = client.get("/api/v1/openapi.json").get_json()
    references = set(
        re.findall(r'"#/components/schemas/([^"]+)"', client.get("/api/v1/openapi.json").text)
    )
    assert references <= set(document["components"]["schemas"])


def test_healthz_answers_ok(client):
    response = client.get("/healthz")
    assert (response.status_code, response.get_json()) == (200, {"status": "ok"})


def test_readyz_answers_200_when_the_database_answers(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.get_json()["checks"]["database"] == "ok"


def test_readyz_answers_503_naming_the_broker_that_does_not_answer(app, client):
    app.config["REDIS_URL"] = "redis://127.0.0.1:1/0"
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.get_json()["failed"] == ["broker"]
