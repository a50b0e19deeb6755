"""The contract scenario's mentorship and event steps (tests/api/test_contract.py calls them).

Each step calls every operation of its capability once successfully and a representative error
of each: 404 for another pair's mentorship or another participant's object, 422 for a bad body,
409 where the service answers it.
"""

from __future__ import annotations

from datetime import timedelta

from mentorship.extensions import db
from mentorship.models import Event
from mentorship.services.mentorships.access import today
from tests.event_factories import PartnerContactFactory, held
from tests.factories import EntrepreneurFactory, IdeaFactory
from tests.mentorship_pairs import approved_mentorship

OUTCOMES = {
    "confidence": 3,
    "business_skills": 4,
    "leadership": 3,
    "networks_market_reach": 2,
    "strategy": 3,
    "access_to_capital": 1,
    "revenue_band": "under_5k",
    "employees": 2,
    "new_partnerships": 0,
}


def mentorships(contract, token, lead_user, lead: dict[str, str]) -> None:
    mentorship = approved_mentorship(lead_user, started_days_ago=31)
    stranger = EntrepreneurFactory()
    contact = PartnerContactFactory()
    db.session.commit()
    her, him = token(mentorship.entrepreneur.email), token(mentorship.mentor.email)
    other = token(stranger.email)
    contract.call("get", "/api/v1/mentorships", 200, headers=her)
    contract.call("get", "/api/v1/mentorships", 403, headers=token(contact.email))
    base = f"/api/v1/mentorships/{mentorship.id}"
    contract.call("get", base, 200, headers=lead)
    contract.call("get", base, 404, headers=other)
    agreement = {"meeting_frequency": "Every two weeks", "meeting_format": "Video calls"}
    contract.call("put", f"{base}/agreement", 200, json=agreement, headers=her)
    contract.call("put", f"{base}/agreement", 422, json={"meeting_format": 3}, headers=her)
    goal = {"title": "A price list", "due_on": (today() + timedelta(days=20)).isoformat()}
    made = contract.call("post", f"{base}/goals", 201, json=goal, headers=him).get_json()
    contract.call("post", f"{base}/goals", 422, json={"title": " "}, headers=him)
    contract.call("post", f"{base}/goals", 404, json=goal, headers=other)
    contract.call("get", f"{base}/goals", 200, headers=lead)
    tick = f"{base}/goals/{made['id']}"
    contract.call("patch", tick, 200, json={"done": True}, headers=her)
    contract.call("patch", tick, 404, json={"done": True}, headers=other)
    held = {"kind": "held", "held_on": today().isoformat(), "duration_minutes": 60}
    session = contract.call("post", f"{base}/sessions", 201, json=held, headers=him).get_json()
    rating = f"{base}/sessions/{session['id']}/rating"
    contract.call("put", rating, 200, json={"rating": 5}, headers=her)
    contract.call("put", rating, 422, json={"rating": 6}, headers=her)
    contract.call("put", rating, 404, json={"rating": 4}, headers=other)
    contract.call("put", rating, 403, json={"rating": 4}, headers=lead)
    planned = {"kind": "planned", "duration_minutes": 30}
    planned["starts_at"] = (today() + timedelta(days=5)).isoformat() + "T10:00:00Z"
    ahead = contract.call("post", f"{base}/sessions", 201, json=planned, headers=him).get_json()
    contract.call(
        "put", f"{base}/sessions/{ahead['id']}/rating", 409, json={"rating": 3}, headers=him
    )
    bad_session = {**held, "duration_minutes": 0}
    contract.call("post", f"{base}/sessions", 422, json=bad_session, headers=him)
    contract.call("get", f"{base}/sessions", 200, headers=her)
    contract.call("post", f"{base}/messages", 201, json={"body": "See you Monday"}, headers=him)
    contract.call("post", f"{base}/messages", 422, json={"body": ""}, headers=him)
    contract.call("get", f"{base}/messages", 200, headers=her)
    contract.call("get", f"{base}/messages", 403, headers=lead)
    _problem_report(contract, base, her, him, other, lead)
    contract.call("post", f"{base}/check-ins", 422, json={"pulse": 9}, headers=her)
    contract.call("post", f"{base}/check-ins", 201, json={"pulse": 4}, headers=her)
    contract.call("post", f"{base}/check-ins", 409, json={"pulse": 4}, headers=her)
    contract.call("get", f"{base}/check-ins", 200, headers=him)
    contract.call("post", f"{base}/outcomes/baseline", 201, json=OUTCOMES, headers=her)
    contract.call("post", f"{base}/outcomes/endline", 409, json=OUTCOMES, headers=her)
    contract.call("post", f"{base}/outcomes/baseline", 422, json={"employees": -1}, headers=her)
    contract.call("post", f"{base}/close", 422, json={"status": "over", "nps": 5}, headers=her)
    closing = {"status": "completed", "nps": 9, "comment": "Worth it."}
    contract.call("post", f"{base}/close", 200, json=closing, headers=her)
    contract.call("put", f"{base}/agreement", 409, json=agreement, headers=her)
    contract.call("post", f"{base}/survey", 201, json={"nps": 8}, headers=him)
    contract.call("post", f"{base}/survey", 409, json={"nps": 8}, headers=her)
    contract.call("post", f"{base}/survey", 422, json={"nps": 11}, headers=him)


def _problem_report(contract, base: str, her, him, other, lead) -> None:
    """A member reports; the lead lists, reads the thread while it is open, and resolves it."""
    reports = f"{base}/problem-reports"
    contract.call("post", reports, 422, json={"reason": " "}, headers=her)
    contract.call("post", reports, 404, json={"reason": "Help"}, headers=other)
    contract.call("post", reports, 403, json={"reason": "Help"}, headers=lead)
    reason = {"reason": "He stopped answering."}
    report = contract.call("post", reports, 201, json=reason, headers=her).get_json()
    contract.call("post", reports, 409, json=reason, headers=her)
    contract.call("get", reports, 200, headers=lead)
    contract.call("get", reports, 404, headers=other)
    contract.call("get", "/api/v1/problem-reports", 200, headers=lead)
    contract.call("get", "/api/v1/problem-reports", 403, headers=her)
    contract.call("get", f"{base}/messages", 200, headers=lead)
    resolve = f"{reports}/{report['id']}/resolve"
    contract.call("post", resolve, 403, json={}, headers=him)
    contract.call("post", resolve, 422, json={"note": 5}, headers=lead)
    contract.call("post", resolve, 200, json={"note": "We talked."}, headers=lead)
    contract.call("post", resolve, 409, json={}, headers=lead)
    contract.call("get", f"{base}/messages", 403, headers=lead)


def _event_body(day) -> dict:
    def at(hour: int) -> str:
        return f"{day.isoformat()}T{hour:02d}:00:00Z"

    return {
        "name": "Days of Clusters",
        "place": "Niš",
        "starts_on": day.isoformat(),
        "ends_on": day.isoformat(),
        "sessions": [{"name": "Morning", "starts_at": at(8), "ends_at": at(10), "tables": 4}],
    }


def events(contract, token, lead: dict[str, str]) -> None:
    day = today() + timedelta(days=14)
    body = _event_body(day)
    idea, other_idea = IdeaFactory(), IdeaFactory()
    contact = PartnerContactFactory()
    db.session.commit()
    her, them = token(idea.owner.email), token(contact.email)
    outsider = token(other_idea.owner.email)
    created = contract.call("post", "/api/v1/events", 201, json=body, headers=lead).get_json()
    contract.call("post", "/api/v1/events", 403, json=body, headers=her)
    contract.call("post", "/api/v1/events", 422, json={**body, "name": ""}, headers=lead)
    empty = contract.call(
        "post", "/api/v1/events", 201, json={**body, "sessions": []}, headers=lead
    ).get_json()
    base = f"/api/v1/events/{created['id']}"
    contract.call("get", base, 404, headers=her)  # a draft
    afternoon = {
        "name": "Afternoon",
        "starts_at": f"{day.isoformat()}T12:00:00Z",
        "ends_at": f"{day.isoformat()}T13:00:00Z",
        "tables": 2,
    }
    contract.call("post", f"{base}/sessions", 201, json=afternoon, headers=lead)
    contract.call("post", f"{base}/sessions", 422, json={**afternoon, "tables": 0}, headers=lead)
    opened = contract.call("post", f"{base}/status", 200, json={"status": "open"}, headers=lead)
    contract.call("post", f"{base}/status", 422, json={"status": "maybe"}, headers=lead)
    empty_status = f"/api/v1/events/{empty['id']}/status"
    contract.call("post", empty_status, 409, json={"status": "open"}, headers=lead)
    contract.call("get", "/api/v1/events", 200, headers=her)
    contract.call("get", base, 200, headers=her)
    sessions = [session["id"] for session in opened.get_json()["sessions"]]
    mine = {"session_ids": sessions, "idea_id": idea.id}
    contract.call("post", f"{base}/registration", 201, json=mine, headers=her)
    contract.call("post", f"{base}/registration", 200, json=mine, headers=her)  # a change
    contract.call("post", f"{base}/registration", 422, json={"session_ids": []}, headers=her)
    partner = contract.call(
        "post", f"{base}/registration", 201, json={"session_ids": sessions[:1]}, headers=them
    ).get_json()
    contract.call("get", f"{base}/participants", 200, headers=her)
    contract.call("get", f"{base}/participants", 404, headers=outsider)
    ask = {"participant_id": partner["id"], "reason": "Hotels buy jam"}
    meeting = contract.call("post", f"{base}/meetings", 201, json=ask, headers=her).get_json()
    contract.call("post", f"{base}/meetings", 409, json=ask, headers=her)
    contract.call("post", f"{base}/meetings", 422, json={**ask, "reason": ""}, headers=her)
    contract.call("get", f"{base}/meetings", 200, headers=them)
    answer, accept = f"{base}/meetings/{meeting['id']}/answer", {"decision": "accept"}
    contract.call("post", answer, 409, json=accept, headers=her)  # she asked; they answer
    contract.call("post", answer, 422, json={"decision": "maybe"}, headers=them)
    theirs = {"session_ids": sessions, "idea_id": other_idea.id}
    contract.call("post", f"{base}/registration", 201, json=theirs, headers=outsider)
    contract.call("post", answer, 404, json=accept, headers=outsider)  # not her meeting
    contract.call("delete", f"{base}/registration", 204, headers=outsider)
    contract.call("delete", f"{base}/registration", 404, headers=outsider)
    contract.call("post", answer, 200, json=accept, headers=them)
    contract.call("post", f"{base}/suggestions", 200, headers=lead)
    empty_publish = f"/api/v1/events/{empty['id']}/schedule/publish"
    contract.call("post", empty_publish, 409, json={"stage": "final"}, headers=lead)
    contract.call("post", f"{base}/schedule/run", 200, headers=lead)
    placement = f"{base}/meetings/{meeting['id']}/placement"
    pin = {"session_id": sessions[0], "slot": 1, "table": 2}
    contract.call("put", placement, 200, json=pin, headers=lead)
    contract.call("put", placement, 422, json={**pin, "slot": -1}, headers=lead)
    contract.call("put", placement, 409, json={**pin, "session_id": sessions[1]}, headers=lead)
    pin_url = f"{base}/meetings/{meeting['id']}/pin"
    contract.call("delete", pin_url, 200, headers=lead)
    contract.call("delete", pin_url, 409, headers=lead)
    contract.call("delete", pin_url, 403, headers=her)
    contract.call("delete", f"{base}/meetings/2147483000/pin", 404, headers=lead)
    theirs_agenda = f"{base}/participants/{partner['id']}/agenda"
    contract.call("get", f"{theirs_agenda}?version=draft", 200, headers=lead)
    contract.call("get", f"{theirs_agenda}?version=later", 422, headers=lead)
    contract.call("get", theirs_agenda, 403, headers=her)
    contract.call("get", f"{base}/participants/2147483000/agenda", 404, headers=lead)
    published = {"stage": "final"}
    contract.call("post", f"{base}/schedule/publish", 200, json=published, headers=lead)
    contract.call("post", f"{base}/schedule/publish", 422, json={"stage": "x"}, headers=lead)
    contract.call("get", f"{base}/agenda", 200, headers=her)
    contract.call("get", f"{base}/agenda", 200, headers=lead)
    contract.call("get", theirs_agenda, 200, headers=lead)
    contract.call("get", f"{base}/agenda", 404, headers=outsider)
    outcome = f"{base}/meetings/{meeting['id']}/outcome"
    went = {"result": "agreement", "cooperation_type": "buyer", "note": "Order in March."}
    contract.call("put", outcome, 409, json=went, headers=her)  # it has not taken place yet
    held(db.session.get(Event, created["id"]))
    contract.call("put", outcome, 200, json=went, headers=her)
    contract.call("put", outcome, 422, json={"result": "great"}, headers=her)
    contract.call("put", outcome, 404, json=went, headers=outsider)
    contract.call("get", f"{base}/report", 200, headers=lead)
    contract.call("get", f"{base}/report", 403, headers=her)
    contract.call("delete", f"{base}/registration", 409, headers=her)  # on the final schedule
    cancel = f"{base}/meetings/{meeting['id']}/cancel"
    contract.call("post", cancel, 409, headers=her)  # the final schedule is out: the lead may
    contract.call("post", cancel, 404, headers=outsider)
    contract.call("post", cancel, 200, headers=lead)
    contract.call("post", cancel, 409, headers=lead)  # no longer accepted
    her_row = f"{base}/participants/{partner['id']}"
    contract.call("delete", her_row, 403, headers=her)
    contract.call("delete", her_row, 204, headers=lead)
    contract.call("delete", her_row, 404, headers=lead)


def cooperation(contract, token, lead: dict[str, str], mentor: dict[str, str]) -> None:
    idea = IdeaFactory()
    contact = PartnerContactFactory()
    db.session.commit()
    her, them = token(idea.owner.email), token(contact.email)
    base = "/api/v1/cooperation-profiles"
    offer = {
        "kind": "offer",
        "area": "business",
        "cooperation_type": "supplier",
        "title": "Glass jars",
        "description": "Jars for jam, 50k a month.",
    }
    theirs = contract.call("post", base, 201, json=offer, headers=them).get_json()
    company = f"/api/v1/partners/{theirs['partner_id']}"
    listed = contract.call("get", company, 200, headers=her).get_json()["cooperation_profiles"]
    assert [profile["id"] for profile in listed] == [theirs["id"]]
    assert (
        contract.call("get", company, 200, headers=mentor).get_json()["cooperation_profiles"]
        is None
    )
    request = {**offer, "kind": "request", "title": "Jars wanted", "idea_id": idea.id}
    mine = contract.call("post", base, 201, json=request, headers=her).get_json()
    contract.call("post", base, 422, json={**request, "area": "space"}, headers=her)
    contract.call("post", base, 422, json={**offer}, headers=her)  # no idea named
    contract.call("post", base, 403, json=offer, headers=lead)
    contract.call("get", f"{base}?kind=offer&cooperation_type=supplier", 200, headers=her)
    contract.call("get", f"{base}?mine=true", 200, headers=them)
    contract.call("get", f"{base}?area=space", 422, headers=her)
    contract.call("get", base, 403, headers=mentor)
    one = f"{base}/{mine['id']}"
    contract.call("get", one, 200, headers=them)
    contract.call("get", f"{base}/2147483000", 404, headers=her)
    contract.call("put", one, 200, json={"title": "Glass jars wanted"}, headers=her)
    contract.call("put", one, 422, json={"kind": "gift"}, headers=her)
    contract.call("put", one, 404, json={"title": "Mine now"}, headers=them)
    contract.call("delete", f"{base}/{theirs['id']}", 404, headers=her)
    contract.call("delete", f"{base}/{theirs['id']}", 204, headers=them)
    contract.call("delete", one, 204, headers=lead)
