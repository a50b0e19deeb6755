"""Partner companies' contact people: self-registration, and the lead's approval queue (the
same service and notifications as the web's mentors page)."""

from __future__ import annotations

from flask import jsonify

from mentorship import ratelimit
from mentorship.api.blueprint import api_bp
from mentorship.api.request import (
    ID,
    current_user,
    json_input,
    page_json,
    query_choice,
    requested_page,
    token_required,
)
from mentorship.api.serializers import account_json, partner_contact_json
from mentorship.contract.partner_contacts import PartnerRegister
from mentorship.infrastructure.pagination import paginate
from mentorship.models.directory import CONTACT_STATUSES
from mentorship.services import partner_contacts

LEAD = ("lead",)
ONE = f"/partner-contacts/<{ID}:user_id>"


@api_bp.post("/auth/register/partner")
@ratelimit.rate_limited("REGISTER_RATE_LIMIT")
def register_partner_contact():
    data = json_input(PartnerRegister)
    user = partner_contacts.register_contact(
        data["email"], data["password"], data["name"], data["partner_id"], data["company_name"]
    )
    return jsonify(account_json(user)), 201


@api_bp.get("/partner-contacts")
@token_required(LEAD)
def list_partner_contacts():
    statement = partner_contacts.contacts_query(query_choice("status", CONTACT_STATUSES))
    page, per_page = requested_page()
    return jsonify(
        page_json(paginate(statement, page, per_page, keep_page=True), partner_contact_json)
    )


@api_bp.post(f"{ONE}/approve")
@token_required(LEAD)
def approve_partner_contact(user_id: int):
    contact = partner_contacts.decide(current_user(), user_id, approve=True)
    return jsonify(partner_contact_json(contact))


@api_bp.post(f"{ONE}/reject")
@token_required(LEAD)
def reject_partner_contact(user_id: int):
    contact = partner_contacts.decide(current_user(), user_id, approve=False)
    return jsonify(partner_contact_json(contact))
