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


def test_an_unknown_programme_shows_the_whole_plan_with_a_message(client, auth):
    auth.login(LeadFactory().email)
    for value in ("999", "abc"):
        response = client.get(f"/lead/plan?programme={value}")
        assert response.status_code == 200
        html = response.get_data(as_text=True)
        assert f"Unknown programme “{value}”: showing all programmes." in html


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


def trade_off():
    """Best total fit gives the star to the first idea; most matched pairs both ideas."""
    star = MentorFactory(name="Star Mentor", mentor_profile__capacity=1)
    other = MentorFactory(name="Other Mentor", mentor_profile__capacity=1)
    first = IdeaFactory(title="Plum jam from Merošina")
    second = IdeaFactory(title="Goat cheese from Stara planina")
    MatchFactory(idea=first, mentor=star, score=0.9)
    MatchFactory(idea=first, mentor=other, score=0.1)
    only_in_most = MatchFactory(idea=second, mentor=star, score=0.2)
    return only_in_most


def compared(html: str, objective: str) -> list[str]:
    return re.findall(rf'data-objective="{objective}">([^<]+)<', html)


def test_plan_shows_both_objectives_totals_side_by_side(client, auth):
    trade_off()
    auth.login(LeadFactory().email)
    html = client.get("/lead/plan").get_data(as_text=True)
    assert "Best total fit" in html and "Most entrepreneurs matched" in html
    assert compared(html, "best_fit") == ["1", "0.90"]
    assert compared(html, "most_matched") == ["2", "0.30"]


def test_the_lead_chooses_the_most_matched_plan(client, auth):
    only_in_most = trade_off()
    auth.login(LeadFactory().email)
    best = client.get("/lead/plan").get_data(as_text=True)
    most = client.get("/lead/plan?objective=most_matched").get_data(as_text=True)
    assert f'value="{only_in_most.id}"' not in best
    assert re.search(rf'name="selected" value="{only_in_most.id}" checked', most)
    assert re.search(r'name="objective" type="hidden" value="most_matched"', most)
    assert '<option value="most_matched" selected>' in most


def test_approving_the_most_matched_plan_asks_its_mentor(client, auth, submit):
    only_in_most = trade_off()
    auth.login(LeadFactory().email)
    response = submit(
        "/lead/plan",
        {"selected": [only_in_most.id], "objective": "most_matched"},
        page="/lead/plan?objective=most_matched",
    )
    assert "Asked 1 mentor to review 1 idea." in response.get_data(as_text=True)
    assert db.session.get(Match, only_in_most.id).review_requested_at is not None


def test_a_pairing_from_the_other_objective_is_refused_and_changes_nothing(client, auth, submit):
    only_in_most = trade_off()
    auth.login(LeadFactory().email)
    response = submit("/lead/plan", {"selected": [only_in_most.id], "objective": "best_fit"})
    assert "The plan has changed" in response.get_data(as_text=True)
    assert db.session.get(Match, only_in_most.id).review_requested_at is None


@pytest.mark.parametrize("objective", ["cheapest", "BEST_FIT"])
def test_an_unknown_objective_shows_the_default_plan_with_a_message(
    client, auth, submit, objective
):
    MatchFactory()
    auth.login(LeadFactory().email)
    page = client.get(f"/lead/plan?objective={objective}")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert f"Unknown plan objective “{objective}”: showing Best total fit." in html
    assert html.count("Unknown plan objective") == 1
    assert '<option value="best_fit" selected>' in html
    response = submit("/lead/plan", {"selected": [1], "objective": objective}, page="/")
    assert response.status_code == 404


def test_an_entrepreneurs_ideas_with_one_mentor_are_approved_in_her_one_free_place(
    client, auth, submit
):
    mentor = MentorFactory(mentor_profile__capacity=1)
    jelena = EntrepreneurFactory(name="Jelena Petrović")
    matches = [
        MatchFactory(idea=IdeaFactory(owner=jelena), mentor=mentor, score=score, status="accepted")
        for score in (0.9, 0.6)
    ]
    auth.login(LeadFactory().email)
    html = client.get("/lead/plan").get_data(as_text=True)
    assert "same entrepreneur as above: no extra place" in html
    response = submit("/lead/plan", {"selected": [match.id for match in matches]})
    assert "Approved 2 pairings the mentors had already accepted." in response.get_data(
        as_text=True
    )
    assert [db.session.get(Match, match.id).status for match in matches] == ["approved"] * 2


def test_unplanned_ideas_are_counted_by_reason_in_folded_lists(client, auth, monkeypatch):
    from mentorship.pairing import views as plan_views

    monkeypatch.setattr(plan_views, "UNPAIRED_SHOWN", 2)
    full = MentorFactory(mentor_profile__capacity=1)
    MatchFactory(mentor=full, status="approved")
    for n in range(3):
        MatchFactory(idea=IdeaFactory(title=f"Waiting idea {n}"), mentor=full)
    auth.login(LeadFactory().email)
    html = client.get("/lead/plan").get_data(as_text=True)
    folded = re.search(
        r'<details class="plan-reason" id="unpaired-no_capacity">(.*?)</details>', html, re.S
    )
    assert folded and "No capacity left" in folded.group(1)
    assert "Waiting idea 0" in folded.group(1) and "Waiting idea 2" not in folded.group(1)
    assert "Showing the first 2 of 3." in folded.group(1)
    assert re.search(
        r'id="unpaired-no_capacity">.*?</details>\s*</td>\s*<td class="number">3</td>', html, re.S
    )
    assert 'class="card item"' not in html
