"""The contract scenario's partner contact steps (tests/api/test_contract.py calls them): every
operation once successfully and its representative errors."""

from __future__ import annotations

from mentorship.extensions import db
from tests.factories import PASSWORD, PartnerFactory


def partner_contacts(contract, lead: dict[str, str], mentor: dict[str, str]) -> None:
    partner = PartnerFactory(name="Hotel Jug")
    db.session.commit()
    register = "/api/v1/auth/register/partner"
    body = {"email": "vesna@jug.example", "password": PASSWORD, "name": "Vesna"}
    waiting = contract.call(
        "post", register, 201, json={**body, "partner_id": partner.id}
    ).get_json()
    contract.call("post", register, 409, json={**body, "partner_id": partner.id})
    contract.call("post", register, 422, json={**body, "email": "new@jug.example"})
    named = {**body, "email": "mira@novo.example", "company_name": "Novo d.o.o."}
    other = contract.call("post", register, 201, json=named).get_json()
    base = "/api/v1/partner-contacts"
    contract.call("get", f"{base}?status=pending&per_page=500", 200, headers=lead)
    contract.call("get", base, 200, headers=lead)
    contract.call("get", f"{base}?status=approved", 422, headers=lead)
    contract.call("get", base, 403, headers=mentor)
    contract.call("get", base, 401)
    approve = f"{base}/{waiting['id']}/approve"
    contract.call("post", approve, 403, headers=mentor)
    contract.call("post", approve, 200, headers=lead)
    contract.call("post", approve, 409, headers=lead)
    contract.call("post", f"{base}/2147483000/approve", 404, headers=lead)
    reject = f"{base}/{other['id']}/reject"
    contract.call("post", reject, 403, headers=mentor)
    contract.call("post", reject, 200, headers=lead)
    contract.call("post", reject, 409, headers=lead)
    contract.call("post", f"{base}/2147483000/reject", 404, headers=lead)
