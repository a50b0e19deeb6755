"""The lead's pages count a mentor's load in entrepreneurs: mentor list and approval queue."""

from __future__ import annotations

import sqlalchemy as sa

from mentorship.extensions import db
from mentorship.models import Match
from tests.factories import (
    EntrepreneurFactory,
    IdeaFactory,
    LeadFactory,
    MatchFactory,
    MentorFactory,
)


def status_of(match_id: int) -> str:
    return db.session.scalar(sa.select(Match.status).where(Match.id == match_id))


def mentor_of_one_entrepreneur(capacity: int):
    """A mentor with two approved ideas of Jelena's, and a third idea of hers accepted."""
    mentor = MentorFactory(name="Dragana Marković", mentor_profile__capacity=capacity)
    jelena = EntrepreneurFactory(name="Jelena Petrović")
    for _ in range(2):
        MatchFactory(idea=IdeaFactory(owner=jelena), mentor=mentor, status="approved")
    third = MatchFactory(
        idea=IdeaFactory(owner=jelena, title="Plum brandy"), mentor=mentor, status="accepted"
    )
    return mentor, third


def test_the_mentor_list_counts_her_load_in_entrepreneurs(client, auth):
    mentor_of_one_entrepreneur(capacity=3)
    auth.login(LeadFactory().email)
    html = client.get("/lead/mentors").get_data(as_text=True)
    assert "Load <strong>1</strong> of <strong>3</strong>" in html


def test_the_queue_says_her_next_idea_takes_no_new_place_and_it_is_approved_when_full(
    client, auth, submit
):
    mentor, third = mentor_of_one_entrepreneur(capacity=1)
    newcomer = MatchFactory(mentor=mentor, status="accepted", idea=IdeaFactory(title="Ajvar"))
    auth.login(LeadFactory().email)
    html = client.get("/lead/approvals").get_data(as_text=True)
    plum = html[html.index("Plum brandy") :]
    assert "already mentors her: no new place" in plum[: plum.index("</li>")]
    ajvar = html[html.index(">Ajvar<") :]
    assert "<strong>full</strong>" in ajvar[: ajvar.index("</li>")]

    response = submit(
        "/lead/approvals/bulk",
        {"decision": "approve", "match_ids": [third.id, newcomer.id], "confirmed": "yes"},
        page="/lead/approvals",
    )
    assert "capacity is full" in response.get_data(as_text=True)
    assert (status_of(third.id), status_of(newcomer.id)) == ("approved", "accepted")
