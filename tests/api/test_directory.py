"""Partners and clusters through /api/v1: anyone signed in reads, only the lead writes."""

from __future__ import annotations

import pytest

from tests.api.conftest import error_of
from tests.factories import ClusterFactory, PartnerFactory

PARTNER = {"name": "Hotel Merošina", "description": "Hotel sa restoranom domaće kuhinje u Nišu."}
CLUSTER = {"name": "Klaster Čačak", "description": "Prehrambeni startapi Moravičkog okruga."}
BODIES = {"partners": PARTNER, "clusters": CLUSTER}
RESOURCES = ("partners", "clusters")


def test_the_lead_creates_a_partner_with_defaults(client, lead_headers):
    response = client.post("/api/v1/partners", json=PARTNER, headers=lead_headers)
    assert response.status_code == 201
    body = response.get_json()
    assert {k: body[k] for k in PARTNER} == PARTNER
    assert (body["export_oriented"], body["country"], body["sector"]) == (False, "RS", None)
    assert set(body) >= {
        "id",
        "name",
        "description",
        "sector",
        "city",
        "country",
        "offers",
        "seeks",
        "export_oriented",
    }


def test_the_lead_creates_a_cluster(client, lead_headers):
    response = client.post(
        "/api/v1/clusters",
        json={
            **CLUSTER,
            "website": "https://klaster.example.rs",
            "region": "Moravički okrug",
            "sector": "food",
        },
        headers=lead_headers,
    )
    assert response.status_code == 201
    body = response.get_json()
    assert set(body) >= {"id", "name", "description", "sector", "region", "website"}
    assert body["region"] == "Moravički okrug"


def test_an_export_oriented_partner_keeps_the_flag(client, lead_headers):
    body = client.post(
        "/api/v1/partners", json={**PARTNER, "export_oriented": True}, headers=lead_headers
    ).get_json()
    assert body["export_oriented"] is True


def test_export_oriented_as_text_is_422(client, lead_headers):
    response = client.post(
        "/api/v1/partners", json={**PARTNER, "export_oriented": "yes"}, headers=lead_headers
    )
    assert response.status_code == 422
    assert "export_oriented" in error_of(response)["fields"]


def test_a_website_that_is_not_http_is_422(client, lead_headers):
    response = client.post(
        "/api/v1/clusters", json={**CLUSTER, "website": "ftp://x.rs"}, headers=lead_headers
    )
    assert response.status_code == 422
    assert "website" in error_of(response)["fields"]


@pytest.mark.parametrize("resource", RESOURCES)
@pytest.mark.parametrize("field", ["name", "description"])
def test_a_blank_required_field_is_422(client, lead_headers, resource, field):
    response = client.post(
        f"/api/v1/{resource}", json={**BODIES[resource], field: "  "}, headers=lead_headers
    )
    assert response.status_code == 422
    assert field in error_of(response)["fields"]


@pytest.mark.parametrize("resource", RESOURCES)
def test_an_over_long_name_is_422(client, lead_headers, resource):
    response = client.post(
        f"/api/v1/{resource}", json={**BODIES[resource], "name": "n" * 201}, headers=lead_headers
    )
    assert response.status_code == 422


@pytest.mark.parametrize("resource", RESOURCES)
def test_an_unknown_sector_is_422(client, lead_headers, resource):
    response = client.post(
        f"/api/v1/{resource}", json={**BODIES[resource], "sector": "mining"}, headers=lead_headers
    )
    assert response.status_code == 422
    assert "sector" in error_of(response)["fields"]


@pytest.mark.parametrize("resource", RESOURCES)
def test_a_duplicate_name_is_409(client, lead_headers, resource):
    client.post(f"/api/v1/{resource}", json=BODIES[resource], headers=lead_headers)
    response = client.post(f"/api/v1/{resource}", json=BODIES[resource], headers=lead_headers)
    assert response.status_code == 409
    assert error_of(response)["code"] == "conflict"


def test_a_name_differing_only_in_ascii_case_is_a_duplicate(client, lead_headers):
    client.post("/api/v1/partners", json={**PARTNER, "name": "Hotel Nis"}, headers=lead_headers)
    response = client.post(
        "/api/v1/partners", json={**PARTNER, "name": "HOTEL NIS"}, headers=lead_headers
    )
    assert response.status_code == 409


def test_a_duplicate_name_with_a_blank_description_is_422_first(client, lead_headers):
    client.post("/api/v1/partners", json=PARTNER, headers=lead_headers)
    response = client.post(
        "/api/v1/partners", json={**PARTNER, "description": ""}, headers=lead_headers
    )
    assert response.status_code == 422


@pytest.mark.parametrize("resource", RESOURCES)
def test_an_entrepreneur_cannot_create(client, entrepreneur_headers, resource):
    response = client.post(
        f"/api/v1/{resource}", json=BODIES[resource], headers=entrepreneur_headers
    )
    assert response.status_code == 403


@pytest.mark.parametrize("resource", RESOURCES)
def test_a_mentor_cannot_delete(client, mentor_headers, resource):
    target = PartnerFactory() if resource == "partners" else ClusterFactory()
    assert (
        client.delete(f"/api/v1/{resource}/{target.id}", headers=mentor_headers).status_code == 403
    )


@pytest.mark.parametrize("resource", RESOURCES)
def test_reading_needs_a_token(client, resource):
    assert client.get(f"/api/v1/{resource}").status_code == 401


def test_any_signed_in_user_lists_partners(client, mentor_headers):
    PartnerFactory(name="Mlekara Niš")
    body = client.get("/api/v1/partners", headers=mentor_headers).get_json()
    assert [item["name"] for item in body["items"]] == ["Mlekara Niš"]
    assert (body["page"], body["per_page"], body["total"]) == (1, 50, 1)


def test_an_entrepreneur_reads_one_cluster(client, entrepreneur_headers):
    cluster = ClusterFactory(name="Klaster Ђ Ж")
    body = client.get(f"/api/v1/clusters/{cluster.id}", headers=entrepreneur_headers).get_json()
    assert body["name"] == "Klaster Ђ Ж"


def test_partners_can_be_searched_and_filtered(client, entrepreneur_headers):
    PartnerFactory(name="Pekara Čačak", sector="food")
    PartnerFactory(name="Hotel Niš", sector="tourism")
    body = client.get(
        "/api/v1/partners?q=Čačak&sector=food", headers=entrepreneur_headers
    ).get_json()
    assert [item["name"] for item in body["items"]] == ["Pekara Čačak"]


def test_an_unknown_sector_filter_is_422(client, entrepreneur_headers):
    response = client.get("/api/v1/clusters?sector=mining", headers=entrepreneur_headers)
    assert response.status_code == 422


def test_a_search_with_a_nul_character_is_not_an_error(client, entrepreneur_headers):
    assert client.get("/api/v1/partners?q=a%00b", headers=entrepreneur_headers).status_code == 200


@pytest.mark.parametrize("resource", RESOURCES)
def test_a_missing_one_is_404(client, entrepreneur_headers, resource):
    assert client.get(f"/api/v1/{resource}/9999", headers=entrepreneur_headers).status_code == 404


def test_updating_changes_only_the_fields_given(client, lead_headers):
    partner = PartnerFactory(city="Aleksinac", seeks="jam, honey")
    response = client.put(
        f"/api/v1/partners/{partner.id}", json={"city": "Čačak"}, headers=lead_headers
    )
    assert response.status_code == 200
    body = response.get_json()
    assert (body["city"], body["seeks"], body["name"]) == ("Čačak", "jam, honey", partner.name)


def test_updating_to_a_blank_name_is_422(client, lead_headers):
    cluster = ClusterFactory()
    response = client.put(f"/api/v1/clusters/{cluster.id}", json={"name": ""}, headers=lead_headers)
    assert response.status_code == 422


def test_renaming_to_a_taken_name_is_409(client, lead_headers):
    PartnerFactory(name="Mlekara Niš")
    partner = PartnerFactory()
    response = client.put(
        f"/api/v1/partners/{partner.id}", json={"name": "mlekara niš"}, headers=lead_headers
    )
    assert response.status_code == 409


def test_updating_a_missing_one_is_404(client, lead_headers):
    assert (
        client.put(
            "/api/v1/clusters/9999", json={"region": "Niš"}, headers=lead_headers
        ).status_code
        == 404
    )


def test_an_entrepreneur_cannot_update(client, entrepreneur_headers):
    partner = PartnerFactory()
    response = client.put(
        f"/api/v1/partners/{partner.id}", json={"city": "Niš"}, headers=entrepreneur_headers
    )
    assert response.status_code == 403


@pytest.mark.parametrize("resource", RESOURCES)
def test_deleting_answers_204_and_the_item_is_gone(client, lead_headers, resource):
    target = PartnerFactory() if resource == "partners" else ClusterFactory()
    response = client.delete(f"/api/v1/{resource}/{target.id}", headers=lead_headers)
    assert response.status_code == 204 and response.data == b""
    assert client.get(f"/api/v1/{resource}/{target.id}", headers=lead_headers).status_code == 404


def test_deleting_a_missing_one_is_404(client, lead_headers):
    assert client.delete("/api/v1/partners/9999", headers=lead_headers).status_code == 404


def test_a_clusters_member_companies_are_optional_and_kept(client, lead_headers):
    created = client.post("/api/v1/clusters", json=CLUSTER, headers=lead_headers).get_json()
    assert created["members"] == ""
    members = "Eko Voće: fruit growers\nStaklo Pak: glass jars"
    changed = client.put(
        f"/api/v1/clusters/{created['id']}",
        json={"members": f"  {members}\n"},
        headers=lead_headers,
    )
    assert changed.status_code == 200
    assert changed.get_json()["members"] == members
    assert changed.get_json()["description"] == CLUSTER["description"]
    too_long = client.put(
        f"/api/v1/clusters/{created['id']}", json={"members": "x" * 5001}, headers=lead_headers
    )
    assert too_long.status_code == 422 and "members" in error_of(too_long)["fields"]
    read = client.get(f"/api/v1/clusters/{created['id']}", headers=lead_headers).get_json()
    assert read["members"] == members
