"""Capacity counts entrepreneurs over the API: `load` in the mentor list and stats, and the 409."""

from __future__ import annotations

from mentorship.extensions import db
from tests.api.conftest import error_of
from tests.factories import EntrepreneurFactory, IdeaFactory, MatchFactory


def decide(client, headers, match_id, decision="approve"):
    return client.post(
        f"/api/v1/matches/{match_id}/decision", json={"decision": decision}, headers=headers
    )


def ideas_of(entrepreneur, count):
    return [IdeaFactory(owner=entrepreneur, needs=["mentor"]) for _ in range(count)]


def test_load_counts_the_entrepreneurs_a_mentor_mentors_not_her_ideas(client, lead_headers, mentor):
    jelena, ana = EntrepreneurFactory(), EntrepreneurFactory()
    for idea in ideas_of(jelena, 2) + ideas_of(ana, 1):
        MatchFactory(idea=idea, mentor=mentor, status="approved")
    body = client.get("/api/v1/mentors", headers=lead_headers).get_json()
    assert [(item["id"], item["load"]) for item in body["items"]] == [(mentor.id, 2)]


def test_stats_show_load_and_remaining_places_in_entrepreneurs(client, lead_headers, mentor):
    jelena = EntrepreneurFactory()
    for idea in ideas_of(jelena, 3):
        MatchFactory(idea=idea, mentor=mentor, status="approved")
    [row] = client.get("/api/v1/stats", headers=lead_headers).get_json()["mentors"]
    assert (row["capacity"], row["load"], row["remaining"]) == (3, 1, 2)


def test_a_second_idea_of_an_entrepreneur_she_mentors_is_approved_at_full_capacity(
    client, lead_headers, mentor
):
    mentor.mentor_profile.capacity = 1
    db.session.commit()
    first, second = ideas_of(EntrepreneurFactory(), 2)
    MatchFactory(idea=first, mentor=mentor, status="approved")
    match = MatchFactory(idea=second, mentor=mentor, status="accepted")
    response = decide(client, lead_headers, match.id)
    assert (response.status_code, response.get_json()["status"]) == (200, "approved")


def test_a_different_entrepreneur_at_full_capacity_is_409_and_changes_nothing(
    client, lead_headers, mentor
):
    mentor.mentor_profile.capacity = 1
    db.session.commit()
    MatchFactory(idea=ideas_of(EntrepreneurFactory(), 1)[0], mentor=mentor, status="approved")
    match = MatchFactory(mentor=mentor, status="accepted")
    response = decide(client, lead_headers, match.id)
    assert (response.status_code, error_of(response)["code"]) == (409, "conflict")
    assert "1 of 1 places taken" in error_of(response)["message"]
    db.session.expire_all()
    assert match.status == "accepted"
