"""Submitting, listing and following ideas through the HTML pages."""

from __future__ import annotations

import re

import sqlalchemy as sa

from mentorship.extensions import db
from mentorship.models import Idea
from tests.factories import (
    ClusterFactory,
    EntrepreneurFactory,
    IdeaFactory,
    LeadFactory,
    MatchFactory,
    MentorFactory,
    PartnerFactory,
)

IDEA = {
    "title": "Ajvar from Leskovac peppers",
    "description": "Roasted pepper ajvar for hotels.",
    "sector": "food",
    "stage": "idea",
    "needs": ["mentor", "partner"],
}


def _ideas() -> list[Idea]:
    return list(db.session.scalars(sa.select(Idea)))


def test_entrepreneur_submits_an_idea_and_lands_on_its_page(client, auth, submit):
    auth.login(EntrepreneurFactory().email)
    response = submit("/ideas/new", IDEA)
    [idea] = _ideas()
    assert response.request.path == f"/ideas/{idea.id}"
    assert (idea.title, idea.sector, idea.needs) == (IDEA["title"], "food", ["mentor", "partner"])


def test_submitted_idea_page_polls_its_status_with_a_script_file(client, auth, submit):
    auth.login(EntrepreneurFactory().email)
    html = submit("/ideas/new", IDEA).get_data(as_text=True)
    assert '<script src="/static/js/idea-status.js"' in html
    assert 'data-status-url="/ideas/' in html


def test_idea_without_any_need_is_refused(client, auth, submit):
    auth.login(EntrepreneurFactory().email)
    response = submit("/ideas/new", {**IDEA, "needs": []})
    assert "Choose at least one kind of support." in response.get_data(as_text=True)
    assert _ideas() == []


def test_idea_with_blank_title_is_refused(client, auth, submit):
    auth.login(EntrepreneurFactory().email)
    response = submit("/ideas/new", {**IDEA, "title": "   "})
    assert 'id="title-error"' in response.get_data(as_text=True)
    assert _ideas() == []


def test_idea_title_over_200_characters_is_refused(client, auth, submit):
    auth.login(EntrepreneurFactory().email)
    response = submit("/ideas/new", {**IDEA, "title": "x" * 201})
    assert 'id="title-error"' in response.get_data(as_text=True)
    assert _ideas() == []


def test_idea_description_over_5000_characters_is_refused(client, auth, submit):
    auth.login(EntrepreneurFactory().email)
    response = submit("/ideas/new", {**IDEA, "description": "x" * 5001})
    assert 'id="description-error"' in response.get_data(as_text=True)
    assert _ideas() == []


def test_unknown_sector_posted_by_hand_is_refused(client, auth, submit):
    auth.login(EntrepreneurFactory().email)
    response = submit("/ideas/new", {**IDEA, "sector": "casino"})
    assert 'id="sector-error"' in response.get_data(as_text=True)
    assert _ideas() == []


def test_unknown_need_posted_by_hand_is_refused(client, auth, submit):
    auth.login(EntrepreneurFactory().email)
    submit("/ideas/new", {**IDEA, "needs": ["investor"]})
    assert _ideas() == []


def test_idea_without_csrf_token_is_refused_and_writes_nothing(client, auth):
    auth.login(EntrepreneurFactory().email)
    assert client.post("/ideas/new", data=IDEA).status_code == 400
    assert _ideas() == []


def test_idea_title_with_script_is_shown_escaped(client, auth):
    owner = EntrepreneurFactory()
    idea = IdeaFactory(owner=owner, title="<script>alert(1)</script>")
    auth.login(owner.email)
    for url in (f"/ideas/{idea.id}", "/ideas", "/"):
        html = client.get(url).get_data(as_text=True)
        assert "<script>alert(1)</script>" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_serbian_letters_round_trip_through_the_idea_form(client, auth, submit):
    auth.login(EntrepreneurFactory().email)
    title = "Ђаконија из Чачка, Niš Ž"
    html = submit("/ideas/new", {**IDEA, "title": title}).get_data(as_text=True)
    assert title in html
    assert _ideas()[0].title == title


def test_empty_idea_list_invites_the_first_idea(client, auth):
    auth.login(EntrepreneurFactory().email)
    html = client.get("/ideas").get_data(as_text=True)
    assert "No ideas yet" in html and 'href="/ideas/new"' in html


def test_idea_list_shows_only_her_own_ideas(client, auth):
    owner = EntrepreneurFactory()
    IdeaFactory(owner=owner, title="Mine")
    IdeaFactory(title="Someone else's")
    auth.login(owner.email)
    html = client.get("/ideas").get_data(as_text=True)
    assert "Mine" in html and "Someone else" not in html


def test_idea_list_is_paginated(client, auth):
    owner = EntrepreneurFactory()
    for number in range(12):
        IdeaFactory(owner=owner, title=f"Idea number {number:02d}")
    auth.login(owner.email)
    first = client.get("/ideas").get_data(as_text=True)
    second = client.get("/ideas?page=2").get_data(as_text=True)
    assert len(re.findall("Idea number", first)) == 10
    assert len(re.findall("Idea number", second)) == 2
    assert "Page 2 of 2" in second


def test_another_entrepreneurs_idea_is_not_found(client, auth):
    idea = IdeaFactory()
    auth.login(EntrepreneurFactory().email)
    assert client.get(f"/ideas/{idea.id}").status_code == 404
    assert client.get(f"/ideas/{idea.id}/status").status_code == 404
    assert client.get(f"/ideas/{idea.id}/progress").status_code == 404


def test_mentor_cannot_open_an_idea_page(client, auth):
    idea = IdeaFactory()
    auth.login(MentorFactory().email)
    assert client.get(f"/ideas/{idea.id}").status_code == 404


def test_lead_can_open_any_idea(client, auth):
    idea = IdeaFactory(title="Honey from Homolje")
    auth.login(LeadFactory().email)
    assert "Honey from Homolje" in client.get(f"/ideas/{idea.id}").get_data(as_text=True)


def test_only_entrepreneurs_submit_ideas(client, auth):
    auth.login(LeadFactory().email)
    assert client.get("/ideas/new").status_code == 403


def test_anonymous_visitor_is_sent_to_login_from_an_idea(client):
    idea = IdeaFactory()
    response = client.get(f"/ideas/{idea.id}")
    assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_status_endpoint_reports_status_and_match_count(client, auth):
    owner = EntrepreneurFactory()
    idea = IdeaFactory(owner=owner, status="matched")
    MatchFactory(idea=idea)
    auth.login(owner.email)
    response = client.get(f"/ideas/{idea.id}/status")
    assert response.get_json() == {"status": "matched", "matches_count": 1}


def test_matched_idea_shows_matches_per_kind_with_score_rank_and_reasons(client, auth):
    owner = EntrepreneurFactory()
    idea = IdeaFactory(owner=owner, status="matched", needs=["mentor", "partner", "cluster"])
    MatchFactory(
        idea=idea,
        mentor=MentorFactory(name="Milica Ćirić"),
        score=0.82,
        rank=1,
        reasons=["Shared terms: ajvar, peppers"],
    )
    MatchFactory(
        idea=idea,
        kind="partner",
        mentor=None,
        partner=PartnerFactory(name="Hotel Niš"),
        score=0.5,
        rank=1,
        status="approved",
    )
    auth.login(owner.email)
    html = client.get(f"/ideas/{idea.id}").get_data(as_text=True)
    assert "Milica Ćirić" in html and "82% fit" in html and "Shared terms: ajvar, peppers" in html
    assert "Hotel Niš" in html and "Approved" in html
    assert "No close match among the startup clusters" in html


def test_a_matched_idea_with_no_match_says_so_instead_of_matches_found(client, auth):
    owner = EntrepreneurFactory()
    idea = IdeaFactory(owner=owner, status="matched", needs=["mentor"])
    auth.login(owner.email)
    html = client.get(f"/ideas/{idea.id}").get_data(as_text=True)
    assert "No match yet" in html and "Matches found" not in html
    assert "No close match among the mentors yet" in html
    MatchFactory(idea=idea, mentor=MentorFactory(name="Milica Ćirić"), score=0.5, rank=1)
    html = client.get(f"/ideas/{idea.id}/progress").get_data(as_text=True)
    assert "Matches found" in html and "No match yet" not in html


def test_progress_fragment_has_no_page_layout(client, auth):
    owner = EntrepreneurFactory()
    idea = IdeaFactory(owner=owner, status="matched")
    MatchFactory(idea=idea, mentor=None, kind="cluster", cluster=ClusterFactory())
    auth.login(owner.email)
    html = client.get(f"/ideas/{idea.id}/progress").get_data(as_text=True)
    assert "<html" not in html and "Startup clusters" in html


def test_an_idea_can_name_where_the_business_will_be(client, auth, submit):
    owner = EntrepreneurFactory(entrepreneur_profile__city="Beograd")
    auth.login(owner.email)
    page = submit("/ideas/new", {**IDEA, "city": "Leskovac"}).get_data(as_text=True)
    [idea] = _ideas()
    assert idea.city == "Leskovac" and "Leskovac" in page


def test_an_idea_without_a_city_shows_the_profile_city(client, auth, submit):
    owner = EntrepreneurFactory(entrepreneur_profile__city="Beograd")
    auth.login(owner.email)
    page = submit("/ideas/new", IDEA).get_data(as_text=True)
    [idea] = _ideas()
    assert idea.city == "" and " · Beograd" in page


def test_the_edit_form_changes_the_city(client, auth, submit):
    owner = EntrepreneurFactory()
    idea = IdeaFactory(owner=owner, city="Niš")
    auth.login(owner.email)
    form = client.get(f"/ideas/{idea.id}/edit").get_data(as_text=True)
    assert 'name="city"' in form and 'value="Niš"' in form
    submit(f"/ideas/{idea.id}/edit", {**IDEA, "city": "Pirot"})
    db.session.expire_all()
    assert db.session.get(Idea, idea.id).city == "Pirot"
