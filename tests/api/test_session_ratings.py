"""PUT /api/v1/mentorships/{id}/sessions/{sid}/rating: one rating per member, a new one changes it."""

from __future__ import annotations

from datetime import timedelta

import sqlalchemy as sa

from mentorship.extensions import db
from mentorship.models import SessionRating
from mentorship.services.mentorships import activity
from mentorship.services.mentorships.access import today
from tests.api.conftest import error_of
from tests.factories import EntrepreneurFactory, LeadFactory
from tests.mentorship_pairs import approved_mentorship


def held(mentorship):
    data = {"held_on": today().isoformat(), "duration_minutes": 45}
    return activity.log_session(mentorship.mentor, mentorship.id, data)


def count() -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(SessionRating))


def test_members_rate_and_re_rate_a_held_session(client, api_headers):
    mentorship = approved_mentorship()
    session = held(mentorship)
    url = f"/api/v1/mentorships/{mentorship.id}/sessions/{session.id}/rating"
    headers = api_headers(mentorship.entrepreneur)
    first = client.put(url, json={"rating": 3}, headers=headers)
    assert first.status_code == 200
    body = first.get_json()
    assert (body["session_id"], body["user_id"], body["rating"]) == (
        session.id,
        mentorship.entrepreneur_id,
        3,
    )
    assert client.put(url, json={"rating": 5}, headers=headers).get_json()["rating"] == 5
    assert (
        client.put(url, json={"rating": 2}, headers=api_headers(mentorship.mentor)).status_code
        == 200
    )
    assert count() == 2
    listed = client.get(f"/api/v1/mentorships/{mentorship.id}/sessions", headers=headers)
    item = listed.get_json()["items"][0]
    assert (item["my_rating"], item["average_rating"]) == (5, 3.5)
    one = client.get(f"/api/v1/mentorships/{mentorship.id}", headers=headers).get_json()
    assert one["average_session_rating"] == 3.5


def test_bad_bodies_are_422_and_a_planned_session_is_409(client, api_headers):
    mentorship = approved_mentorship()
    session = held(mentorship)
    headers = api_headers(mentorship.mentor)
    url = f"/api/v1/mentorships/{mentorship.id}/sessions/{session.id}/rating"
    for body in ({"rating": 0}, {"rating": 6}, {"rating": "4"}, {}, {"rating": 4, "x": 1}):
        response = client.put(url, json=body, headers=headers)
        assert response.status_code == 422, body
        assert error_of(response)["code"] == "validation_error"
    starts = (today() + timedelta(days=3)).isoformat() + "T09:00"
    planned = activity.plan_session(
        mentorship.mentor, mentorship.id, {"starts_at": starts, "duration_minutes": 30}
    )
    response = client.put(
        f"/api/v1/mentorships/{mentorship.id}/sessions/{planned.id}/rating",
        json={"rating": 4},
        headers=headers,
    )
    assert response.status_code == 409 and error_of(response)["code"] == "conflict"
    assert count() == 0


def test_another_pairs_session_is_404_and_the_lead_may_not_rate(client, api_headers):
    theirs = approved_mentorship()
    session = held(theirs)
    mine = approved_mentorship()
    url = f"/api/v1/mentorships/{theirs.id}/sessions/{session.id}/rating"
    stranger = api_headers(EntrepreneurFactory())
    assert client.put(url, json={"rating": 4}, headers=stranger).status_code == 404
    crossed = f"/api/v1/mentorships/{mine.id}/sessions/{session.id}/rating"
    response = client.put(crossed, json={"rating": 4}, headers=api_headers(mine.entrepreneur))
    assert response.status_code == 404 and error_of(response)["code"] == "not_found"
    lead = api_headers(LeadFactory())
    assert client.put(url, json={"rating": 4}, headers=lead).status_code == 403
    assert count() == 0
