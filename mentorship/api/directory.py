"""Supply-chain partners and startup clusters: anyone signed in reads, the lead writes. One
partner also lists its cooperation profiles."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask import jsonify, url_for
from pydantic import BaseModel

from mentorship.api.blueprint import api_bp
from mentorship.api.request import (
    ID,
    current_user,
    json_input,
    page_json,
    query_choice,
    query_text,
    requested_page,
    token_required,
)
from mentorship.api.serializers import cluster_json, partner_detail_json, partner_json
from mentorship.contract.directory import ClusterInput, PartnerInput
from mentorship.infrastructure.pagination import paginate
from mentorship.models import Cluster, Partner
from mentorship.services.cooperation import partner_profiles
from mentorship.services.directory import (
    create_organisation,
    delete_organisation,
    get_organisation,
    list_organisations,
    update_organisation,
)
from mentorship.vocab import SECTORS

LEAD = ("lead",)
RESOURCES: dict[str, tuple[type, type[BaseModel], Callable[[Any], dict[str, Any]]]] = {
    "partners": (Partner, PartnerInput, partner_json),
    "clusters": (Cluster, ClusterInput, cluster_json),
}


def _list(resource: str):
    model, _, serialise = RESOURCES[resource]
    statement = list_organisations(model, query_text("q"), query_choice("sector", SECTORS))
    page, per_page = requested_page()
    return jsonify(page_json(paginate(statement, page, per_page, keep_page=True), serialise))


def _create(resource: str):
    model, schema, serialise = RESOURCES[resource]
    created = create_organisation(current_user(), model, json_input(schema))
    response = jsonify(serialise(created))
    response.status_code = 201
    response.headers["Location"] = url_for(f"api.get_{resource[:-1]}", object_id=created.id)
    return response


def _get(resource: str, object_id: int):
    model, _, serialise = RESOURCES[resource]
    found = get_organisation(model, object_id)
    if model is Partner:
        profiles = partner_profiles(current_user(), found.id)
        return jsonify(partner_detail_json(found, profiles, current_user()))
    return jsonify(serialise(found))


def _update(resource: str, object_id: int):
    model, schema, serialise = RESOURCES[resource]
    data = json_input(schema, partial=True)
    target = get_organisation(model, object_id)
    return jsonify(serialise(update_organisation(current_user(), target, data)))


def _delete(resource: str, object_id: int):
    model, _, _ = RESOURCES[resource]
    delete_organisation(current_user(), get_organisation(model, object_id))
    return "", 204


def _register(resource: str) -> None:
    singular = resource[:-1]
    collection, item = f"/{resource}", f"/{resource}/<{ID}:object_id>"
    routes = (
        (collection, "GET", f"list_{resource}", token_required()(lambda: _list(resource))),
        (collection, "POST", f"create_{singular}", token_required(LEAD)(lambda: _create(resource))),
        (
            item,
            "GET",
            f"get_{singular}",
            token_required()(lambda object_id: _get(resource, object_id)),
        ),
        (
            item,
            "PUT",
            f"update_{singular}",
            token_required(LEAD)(lambda object_id: _update(resource, object_id)),
        ),
        (
            item,
            "DELETE",
            f"delete_{singular}",
            token_required(LEAD)(lambda object_id: _delete(resource, object_id)),
        ),
    )
    for rule, method, endpoint, view in routes:
        api_bp.add_url_rule(rule, endpoint=endpoint, view_func=view, methods=[method])


for _resource in RESOURCES:
    _register(_resource)
