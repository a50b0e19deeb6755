"""The lead's pairing plan page: what it shows, who may see it, and approving it."""

from __future__ import annotations

import re

import pytest
import sqlalchemy as sa

from mentorship.extensions import db
from mentorship.models import Match, Notification
from tests.factories import (
    EntrepreneurFactory,
    IdeaFactory,
    LeadFactory,
    MatchFactory,
    MentorFactory,
)

BUTTON = "Ask the chosen mentors / approve selected"


def test_plan_lists_each_pairing_with_score_rank_and_reasons(client, auth):
    match = MatchFactory(
        idea=IdeaFactory(title="Ajvar from Leskovac"),
        mentor=MentorFactory(name="Dragana Marković"),
        score=0.83,
        rank=2,
        reasons=["Same sector: food"],
    )
    auth.login(LeadFactory().email)
    html = client.get("/lead/plan").get_data(as_text=True)
    assert "Ajvar from Leskovac" in html and "Dragana Marković" in html
    assert "83%" in html and "#2" in html and "Same sector: Food and drink" in html
    assert re.search(rf'name="selected" value="{match.id}" checked', html)
    assert BUTTON in html


def test_plan_shows_its_total_against_the_naive_total(client, auth):
    star = MentorFactory(mentor_profile__capacity=1)
    other = MentorFactory(mentor_profile__capacity=1)
    first, second = IdeaFactory(), IdeaFactory()
    MatchFactory(idea=first, mentor=star, score=0.9, rank=1)
    MatchFactory(idea=first, mentor=other, score=0.7, rank=2)
    MatchFactory(idea=second, mentor=star, score=0.8, rank=1)
    auth.login(LeadFactory().email)
    html = client.get("/lead/plan").get_data(as_text=True)
    assert "1.50" in html and "1.70" in html and "over-fill 1 mentor" in html


def test_plan_says_why_ideas_are_left_without_a_mentor(client, auth):
    full = MentorFactory(mentor_profile__capacity=1)
    MatchFactory(mentor=full, status="approved")
    MatchFactory(idea=IdeaFactory(title="Honey from Kopaonik"), mentor=full)
    IdeaFactory(title="Knitwear from Sirogojno", status="matched", needs=["mentor"])
    auth.login(LeadFactory().email)
    html = client.get("/lead/plan").get_data(as_text=True)
    assert "Left without a mentor" in html
    assert "Honey from Kopaonik" in html and "No capacity left" in html
    assert "Knitwear from Sirogojno" in html and "No proposal" in html


def test_empty_plan_says_there_is_nothing_to_plan(client, auth):
    auth.login(LeadFactory().email)
    html = client.get("/lead/plan").get_data(as_text=True)
    assert "nothing to plan right now" in html and BUTTON not in html


def test_approving_the_plan_asks_the_chosen_mentors(client, auth, submit):
    chosen, skipped = MatchFactory(), MatchFactory()
    auth.login(LeadFactory().email)
    response = submit("/lead/plan", {"selected": [chosen.id]})
    assert "Asked 1 mentor to review 1 idea." in response.get_data(as_text=True)
    assert db.session.get(Match, chosen.id).review_requested_at is not None
    assert db.session.get(Match, skipped.id).review_requested_at is None
    assert db.session.scalar(sa.select(Notification.user_id)) == chosen.mentor_id


def test_approving_with_nothing_ticked_is_a_message(client, auth, submit):
    MatchFactory()
    auth.login(LeadFactory().email)
    response = submit("/lead/plan", {})
    assert response.status_code == 200 and "Choose at least one pairing." in response.get_data(
        as_text=True
    )


def test_approving_a_match_outside_the_plan_changes_nothing(client, auth, submit):
    declined = MatchFactory(status="declined")
    MatchFactory()
    auth.login(LeadFactory().email)
    response = submit("/lead/plan", {"selected": [declined.id]})
    assert "The plan has changed" in response.get_data(as_text=True)
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Notification)) == 0


def test_a_malformed_selection_is_a_400_not_a_500(client, auth, submit):
    MatchFactory()
    auth.login(LeadFactory().email)
    assert submit("/lead/plan", {"selected": ["x1"]}).status_code == 400


def test_an_unknown_programme_is_a_404(client, auth):
    auth.login(LeadFactory().email)
    assert client.get("/lead/plan?programme=999").status_code == 404
    assert client.get("/lead/plan?programme=abc").status_code == 404


def test_approving_without_a_csrf_token_is_refused(client, auth):
    match = MatchFactory()
    auth.login(LeadFactory().email)
    response = client.post("/lead/plan", data={"selected": [match.id]})
    assert response.status_code == 400
    assert db.session.get(Match, match.id).review_requested_at is None


@pytest.mark.parametrize("make_user", [MentorFactory, EntrepreneurFactory])
def test_only_the_lead_sees_the_plan(client, auth, make_user):
    auth.login(make_user().email)
    assert client.get("/lead/plan").status_code == 403


@pytest.mark.parametrize("make_user", [MentorFactory, EntrepreneurFactory])
def test_only_the_lead_approves_the_plan(client, auth, make_user):
    match = MatchFactory()
    auth.login(make_user().email)
    html = client.get("/").get_data(as_text=True)
    token = re.search(r'name="csrf-token" content="([^"]+)"', html).group(1)
    response = client.post("/lead/plan", data={"csrf_token": token, "selected": [match.id]})
    assert response.status_code == 403
    assert db.session.get(Match, match.id).review_requested_at is None


def test_anonymous_visitor_is_sent_to_log_in(client):
    response = client.get("/lead/plan")
    assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_lead_dashboard_links_to_the_plan(client, auth):
    auth.login(LeadFactory().email)
    assert 'href="/lead/plan"' in client.get("/").get_data(as_text=True)
