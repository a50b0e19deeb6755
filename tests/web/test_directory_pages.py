"""The lead manages partners and clusters through the HTML pages; others may only read."""

from __future__ import annotations

import re

import sqlalchemy as sa

from mentorship.extensions import db
from mentorship.models import Cluster, Partner
from tests.factories import ClusterFactory, EntrepreneurFactory, LeadFactory, PartnerFactory

PARTNER = {
    "name": "Hotel Tami, Aleksinac",
    "description": "Hotel that serves regional food.",
    "sector": "tourism",
    "city": "Aleksinac",
    "country": "RS",
    "offers": "event space",
    "seeks": "jam, honey",
    "export_oriented": "y",
}
CLUSTER = {
    "name": "Klaster Ž",
    "description": "Food startups of Šumadija.",
    "sector": "food",
    "region": "Šumadija",
    "website": "https://example.org",
}


def _names(model) -> list[str]:
    return list(db.session.scalars(sa.select(model.name).order_by(model.name)))


def test_lead_adds_a_partner(client, auth, submit):
    auth.login(LeadFactory().email)
    response = submit("/partners/new", PARTNER)
    assert response.request.path == "/partners"
    assert "is added to the directory" in response.get_data(as_text=True)
    partner = db.session.scalar(sa.select(Partner))
    assert (partner.name, partner.export_oriented, partner.sector) == (
        PARTNER["name"],
        True,
        "tourism",
    )


def test_lead_adds_a_cluster_with_serbian_letters(client, auth, submit):
    auth.login(LeadFactory().email)
    html = submit("/clusters/new", CLUSTER).get_data(as_text=True)
    assert "Klaster Ž" in html and "Šumadija" in html
    assert _names(Cluster) == ["Klaster Ž"]


def test_cluster_website_must_be_an_http_address(client, auth, submit):
    auth.login(LeadFactory().email)
    response = submit("/clusters/new", {**CLUSTER, "website": "javascript:alert(1)"})
    assert 'id="website-error"' in response.get_data(as_text=True)
    assert _names(Cluster) == []


def test_partner_without_description_is_refused(client, auth, submit):
    auth.login(LeadFactory().email)
    response = submit("/partners/new", {**PARTNER, "description": " "})
    assert 'id="description-error"' in response.get_data(as_text=True)
    assert _names(Partner) == []


def test_duplicate_partner_name_is_shown_next_to_the_name(client, auth, submit):
    PartnerFactory(name="Hotel Tami, Aleksinac")
    auth.login(LeadFactory().email)
    html = submit("/partners/new", PARTNER).get_data(as_text=True)
    assert 'id="name-error"' in html and "Already in the directory." in html


def test_lead_edits_a_partner(client, auth, submit):
    partner = PartnerFactory()
    auth.login(LeadFactory().email)
    submit(f"/partners/{partner.id}/edit", {**PARTNER, "name": "Hotel Niš"})
    db.session.refresh(partner)
    assert partner.name == "Hotel Niš"


def test_edit_form_is_filled_with_the_current_values(client, auth):
    partner = PartnerFactory(name="Vinarija Župa")
    auth.login(LeadFactory().email)
    html = client.get(f"/partners/{partner.id}/edit").get_data(as_text=True)
    assert 'value="Vinarija Župa"' in html


def test_delete_asks_for_confirmation_first(client, auth):
    partner = PartnerFactory()
    auth.login(LeadFactory().email)
    html = client.get(f"/partners/{partner.id}/delete").get_data(as_text=True)
    assert "Yes, delete it" in html
    assert _names(Partner) == [partner.name]


def test_lead_deletes_a_cluster_after_confirming(client, auth, submit):
    cluster = ClusterFactory()
    auth.login(LeadFactory().email)
    response = submit(f"/clusters/{cluster.id}/delete")
    assert "is removed from the directory" in response.get_data(as_text=True)
    assert _names(Cluster) == []


def test_delete_without_csrf_token_is_refused(client, auth):
    cluster = ClusterFactory()
    auth.login(LeadFactory().email)
    assert client.post(f"/clusters/{cluster.id}/delete").status_code == 400
    assert _names(Cluster) == [cluster.name]


def test_editing_a_missing_partner_is_not_found(client, auth):
    auth.login(LeadFactory().email)
    assert client.get("/partners/999/edit").status_code == 404


def test_directory_search_finds_by_name_or_description(client, auth):
    PartnerFactory(name="Pekara Čačak", description="Bakery")
    PartnerFactory(name="Mlekara", description="Dairy from Zlatibor")
    auth.login(LeadFactory().email)
    html = client.get("/partners?q=zlatibor").get_data(as_text=True)
    assert "Mlekara" in html and "Pekara Čačak" not in html


def test_directory_list_is_paginated(client, auth):
    for number in range(23):
        ClusterFactory(name=f"Cluster {number:02d}")
    auth.login(LeadFactory().email)
    second = client.get("/clusters?page=2").get_data(as_text=True)
    assert len(re.findall(r'class="item-title">Cluster', second)) == 3


def test_entrepreneur_reads_the_directory_without_edit_buttons(client, auth):
    partner = PartnerFactory()
    auth.login(EntrepreneurFactory().email)
    html = client.get("/partners").get_data(as_text=True)
    assert partner.name in html and f"/partners/{partner.id}/edit" not in html


def test_entrepreneur_cannot_manage_the_directory(client, auth):
    partner = PartnerFactory()
    auth.login(EntrepreneurFactory().email)
    assert client.get("/partners/new").status_code == 403
    assert client.get(f"/partners/{partner.id}/edit").status_code == 403
    assert client.get(f"/partners/{partner.id}/delete").status_code == 403


def test_anonymous_visitor_is_sent_to_login_from_the_directory(client):
    response = client.get("/clusters")
    assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_lead_lists_a_clusters_member_companies_and_search_finds_them(client, auth, submit):
    auth.login(LeadFactory().email)
    members = "Drvopromet Kraljevo: oak boards\nOkov Centar: <b>hinges</b>"
    html = submit("/clusters/new", {**CLUSTER, "members": members}).get_data(as_text=True)
    assert "Drvopromet Kraljevo: oak boards · Okov Centar: &lt;b&gt;hinges&lt;/b&gt;" in html
    assert db.session.scalar(sa.select(Cluster.members)) == members
    found = client.get("/clusters?q=okov").get_data(as_text=True)
    assert "Klaster Ž" in found
    assert "Klaster Ž" not in client.get("/clusters?q=sawmill").get_data(as_text=True)
    form = client.get(f"/clusters/{db.session.scalar(sa.select(Cluster.id))}/edit")
    assert "Member companies" in form.get_data(as_text=True)
