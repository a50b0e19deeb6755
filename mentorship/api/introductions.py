"""Introductions over JSON: /api/v1/introductions, their thread and the signed agreement.

Shapes are the contract's (mentorship/contract/introductions.py); a body that does not fit is a
422 naming the fields, checked before any state (409). An introduction that is not the caller's
is a 404. The lead reads a partner introduction's thread only while a member's problem report is
open (api.problem_reports).
"""

from __future__ import annotations

from typing import Any

from flask import jsonify

from mentorship.api.blueprint import api_bp
from mentorship.api.request import (
    ID,
    current_user,
    json_input,
    listed_page,
    token_required,
)
from mentorship.contract.introductions import (
    Introduction,
    IntroductionMessage,
    IntroductionMessageInput,
    IntroductionPerson,
    PartnershipAgreement,
    PartnershipAgreementInput,
)
from mentorship.models import Match
from mentorship.services.errors import NotFoundError
from mentorship.services.partnerships import access, agreements, problem_reports, threads

SIDES = ("entrepreneur", "partner", "lead")


def introduction_out(match: Match, unread: int | None = None) -> dict[str, Any]:
    """`unread`: the caller's unread messages in its thread, when already counted."""
    if unread is None:
        unread = threads.unread_counts(current_user(), [match]).get(match.id, 0)
    agreement = agreements.agreement_of(match)
    return Introduction(
        id=match.id,
        idea_id=match.idea_id,
        idea_title=match.idea.title,
        kind=match.kind,
        partner_id=match.partner_id,
        cluster_id=match.cluster_id,
        name=match.target_name,
        entrepreneur=IntroductionPerson.model_validate(match.idea.owner),
        ended=match.is_ended,
        agreement=PartnershipAgreement.model_validate(agreement) if agreement else None,
        unread_messages=unread,
    ).model_dump(mode="json")


@api_bp.get("/introductions")
@token_required(roles=SIDES)
def list_introductions():
    found = access.my_introductions(current_user())
    unread = threads.unread_counts(current_user(), found)
    return jsonify(
        listed_page(found, lambda match: introduction_out(match, unread.get(match.id, 0)))
    )


@api_bp.get(f"/introductions/<{ID}:match_id>")
@token_required(roles=SIDES)
def get_introduction(match_id: int):
    return jsonify(introduction_out(access.get_introduction(current_user(), match_id)))


def _message_out(message) -> dict[str, Any]:
    return IntroductionMessage.model_validate(message).model_dump(mode="json")


@api_bp.get(f"/introductions/<{ID}:match_id>/messages")
@token_required(roles=SIDES)
def list_introduction_messages(match_id: int):
    user = current_user()
    try:
        match = access.get_introduction(user, match_id)
    except NotFoundError:
        if not user.is_lead:
            raise
        # A partner introduction: the lead only while a member's problem report is open;
        # audited (403 otherwise, 404 for no such introduction).
        thread = problem_reports.read_reported_messages(user, match_id, via="api")[2]
        return jsonify(listed_page(thread, _message_out))
    return jsonify(listed_page(threads.open_thread(user, match).messages, _message_out))


@api_bp.post(f"/introductions/<{ID}:match_id>/messages")
@token_required(roles=SIDES)
def send_introduction_message(match_id: int):
    data = json_input(IntroductionMessageInput)
    return jsonify(_message_out(threads.send_message(current_user(), match_id, data))), 201


@api_bp.put(f"/introductions/<{ID}:match_id>/agreement")
@token_required(roles=SIDES)
def put_partnership_agreement(match_id: int):
    data = json_input(PartnershipAgreementInput)
    agreements.record_agreement(current_user(), match_id, data)
    return jsonify(introduction_out(access.get_introduction(current_user(), match_id)))
