"""The contract scenario's introduction steps (tests/api/test_contract.py calls them): every
operation once successfully and its representative errors."""

from __future__ import annotations

from mentorship.extensions import db
from mentorship.services.mentorships.access import today
from tests.event_factories import PartnerContactFactory
from tests.factories import ClusterFactory, EntrepreneurFactory, MatchFactory, PartnerFactory


def introductions(contract, token, lead: dict[str, str]) -> None:
    partner = PartnerFactory(name="Hotel Sever")
    match = MatchFactory(kind="partner", mentor=None, partner=partner, status="approved")
    cluster = MatchFactory(kind="cluster", mentor=None, cluster=ClusterFactory(), status="approved")
    contact = PartnerContactFactory(partner=partner)
    stranger = EntrepreneurFactory()
    db.session.commit()
    her, them = token(match.idea.owner.email), token(contact.email)
    other = token(stranger.email)
    contract.call("get", "/api/v1/introductions", 200, headers=them)
    base = f"/api/v1/introductions/{match.id}"
    contract.call("get", base, 200, headers=her)
    contract.call("get", base, 404, headers=other)
    contract.call("get", base, 404, headers=lead)
    contract.call("post", f"{base}/messages", 201, json={"body": "Shall we talk?"}, headers=her)
    contract.call("post", f"{base}/messages", 422, json={"body": ""}, headers=them)
    contract.call("post", f"{base}/messages", 404, json={"body": "Hi"}, headers=other)
    contract.call("get", f"{base}/messages", 200, headers=them)
    signed = {"signed_on": today().isoformat(), "cooperation_type": "supplier"}
    contract.call("put", f"{base}/agreement", 200, json=signed, headers=them)
    wrong = {**signed, "cooperation_type": "friendship"}
    contract.call("put", f"{base}/agreement", 422, json=wrong, headers=her)
    contract.call("put", f"{base}/agreement", 404, json=signed, headers=other)
    clustered = f"/api/v1/introductions/{cluster.id}"
    contract.call("get", clustered, 200, headers=lead)
    contract.call("put", f"{clustered}/agreement", 409, json=signed, headers=lead)
    _problem_reports(contract, her, them, other, lead, match.id)


def _problem_reports(contract, her, them, other, lead, match_id: int) -> None:
    """The lead's flow, a member's report, the lead reading while it is open, resolving."""
    contract.call("get", "/api/v1/introductions/message-flow", 200, headers=lead)
    contract.call("get", "/api/v1/introductions/message-flow", 403, headers=her)
    base = f"/api/v1/introductions/{match_id}"
    contract.call("get", f"{base}/messages", 403, headers=lead)
    reported = f"{base}/problem-reports"
    contract.call("post", reported, 422, json={"reason": ""}, headers=her)
    contract.call("post", reported, 404, json={"reason": "Help"}, headers=other)
    report = contract.call("post", reported, 201, json={"reason": "Help"}, headers=her)
    contract.call("post", reported, 409, json={"reason": "Again"}, headers=her)
    contract.call("get", reported, 200, headers=them)
    contract.call("get", reported, 404, headers=other)
    contract.call("get", f"{base}/messages", 200, headers=lead)
    resolve = f"{reported}/{report.get_json()['id']}/resolve"
    contract.call("post", resolve, 403, json={}, headers=her)
    contract.call("post", resolve, 200, json={"note": "Settled."}, headers=lead)
    contract.call("post", resolve, 409, json={}, headers=lead)
    contract.call("get", f"{base}/messages", 403, headers=lead)
