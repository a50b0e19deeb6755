"""Idea pages: what it offers and seeks, one idea per form however often it is sent, edit, withdraw."""

from __future__ import annotations

import re

import sqlalchemy as sa

from mentorship.extensions import db
from mentorship.models import Idea, Match
from tests.conftest import csrf_token_from
from tests.factories import (
    EntrepreneurFactory,
    IdeaFactory,
    LeadFactory,
    MatchFactory,
    MentorFactory,
)

IDEA = {
    "title": "Ajvar from Leskovac peppers",
    "description": "Roasted pepper ajvar for hotels.",
    "offers": "ajvar, pepper relish",
    "seeks": "glass jars, a cold store",
    "sector": "food",
    "stage": "idea",
    "needs": ["mentor", "partner"],
}


def _ideas() -> list[Idea]:
    return list(db.session.scalars(sa.select(Idea)))


def _form_fields(html: str) -> dict[str, str]:
    token = re.search(r'name="submission_token" type="hidden" value="([^"]+)"', html)
    assert token, "the form has no submission token"
    return {"csrf_token": csrf_token_from(html), "submission_token": token.group(1)}


def _own_idea(auth, **values) -> Idea:
    owner = EntrepreneurFactory()
    idea = IdeaFactory(owner=owner, status="matched", **values)
    auth.login(owner.email)
    return idea


def test_the_new_idea_form_asks_what_she_sells_and_what_she_needs_in_plain_words(client, auth):
    auth.login(EntrepreneurFactory().email)
    html = client.get("/ideas/new").get_data(as_text=True)
    assert 'name="offers"' in html and 'name="seeks"' in html
    assert "What will you sell?" in html and "What do you need to buy or find?" in html
    assert "glass jars, a cold store, a web shop" in html


def test_offers_and_seeks_are_saved_and_shown_on_the_idea_page(client, auth, submit):
    auth.login(EntrepreneurFactory().email)
    html = submit("/ideas/new", IDEA).get_data(as_text=True)
    [idea] = _ideas()
    assert (idea.offers, idea.seeks) == (IDEA["offers"], IDEA["seeks"])
    assert "Will sell" in html and "ajvar, pepper relish" in html
    assert "Needs to buy or find" in html and "glass jars, a cold store" in html


def test_offers_over_2000_characters_is_refused(client, auth, submit):
    auth.login(EntrepreneurFactory().email)
    response = submit("/ideas/new", {**IDEA, "offers": "x" * 2001})
    assert 'id="offers-error"' in response.get_data(as_text=True)
    assert _ideas() == []


def test_a_double_click_makes_one_idea_and_the_second_lands_on_it(client, auth):
    auth.login(EntrepreneurFactory().email)
    fields = _form_fields(client.get("/ideas/new").get_data(as_text=True))
    first = client.post("/ideas/new", data={**IDEA, **fields}, follow_redirects=True)
    second = client.post("/ideas/new", data={**IDEA, **fields}, follow_redirects=True)
    [idea] = _ideas()
    assert first.request.path == second.request.path == f"/ideas/{idea.id}"
    assert "This form was already sent, so no second idea was made." in second.get_data(
        as_text=True
    )


def test_each_new_form_gets_its_own_token(client, auth):
    auth.login(EntrepreneurFactory().email)
    first = _form_fields(client.get("/ideas/new").get_data(as_text=True))
    second = _form_fields(client.get("/ideas/new").get_data(as_text=True))
    assert first["submission_token"] != second["submission_token"]
    client.post("/ideas/new", data={**IDEA, **first})
    client.post("/ideas/new", data={**IDEA, **second, "title": "A second idea"})
    assert len(_ideas()) == 2


def test_the_same_idea_sent_again_after_going_back_makes_no_second_idea(client, auth):
    """Back after sending shows the form again, filled in, with a new token."""
    auth.login(EntrepreneurFactory().email)
    first = _form_fields(client.get("/ideas/new").get_data(as_text=True))
    client.post("/ideas/new", data={**IDEA, **first})
    again = _form_fields(client.get("/ideas/new").get_data(as_text=True))
    second = client.post("/ideas/new", data={**IDEA, **again}, follow_redirects=True)
    [idea] = _ideas()
    assert second.request.path == f"/ideas/{idea.id}"
    assert "no second idea was made" in second.get_data(as_text=True)


def test_a_corrected_form_keeps_its_token_and_still_makes_one_idea(client, auth):
    auth.login(EntrepreneurFactory().email)
    fields = _form_fields(client.get("/ideas/new").get_data(as_text=True))
    refused = client.post("/ideas/new", data={**IDEA, **fields, "title": ""})
    assert (
        _form_fields(refused.get_data(as_text=True))["submission_token"]
        == (fields["submission_token"])
    )
    client.post("/ideas/new", data={**IDEA, **fields})
    client.post("/ideas/new", data={**IDEA, **fields})
    assert len(_ideas()) == 1


def test_a_tampered_token_is_refused_with_a_fresh_form(client, auth):
    auth.login(EntrepreneurFactory().email)
    fields = _form_fields(client.get("/ideas/new").get_data(as_text=True))
    response = client.post("/ideas/new", data={**IDEA, **fields, "submission_token": "<x>"})
    html = response.get_data(as_text=True)
    assert "This form is out of date" in html
    assert re.fullmatch(r"[A-Za-z0-9_-]{20,64}", _form_fields(html)["submission_token"])
    assert _ideas() == []


def test_the_owner_sees_edit_and_withdraw_on_her_idea(client, auth):
    idea = _own_idea(auth)
    html = client.get(f"/ideas/{idea.id}").get_data(as_text=True)
    assert f'href="/ideas/{idea.id}/edit"' in html and f'href="/ideas/{idea.id}/withdraw"' in html


def test_the_lead_sees_no_edit_or_withdraw(client, auth):
    idea = IdeaFactory(status="matched")
    auth.login(LeadFactory().email)
    html = client.get(f"/ideas/{idea.id}").get_data(as_text=True)
    assert "/edit" not in html and "/withdraw" not in html


def test_the_edit_form_is_filled_in_with_the_idea(client, auth):
    idea = _own_idea(auth, offers="honey", seeks="jars")
    html = client.get(f"/ideas/{idea.id}/edit").get_data(as_text=True)
    assert f'value="{idea.title}"' in html
    assert re.search(r'name="offers"[^>]*>\s*honey</textarea>', html)
    assert re.search(r'name="seeks"[^>]*>\s*jars</textarea>', html)


def test_the_owner_edits_her_idea(client, auth, submit):
    idea = _own_idea(auth)
    response = submit(f"/ideas/{idea.id}/edit", IDEA)
    assert response.request.path == f"/ideas/{idea.id}"
    assert "Your changes are saved. We are looking for matches again." in response.get_data(
        as_text=True
    )
    db.session.refresh(idea)
    assert (idea.title, idea.offers, idea.needs) == (IDEA["title"], IDEA["offers"], IDEA["needs"])


def test_an_edit_is_checked_like_a_new_idea(client, auth, submit):
    idea = _own_idea(auth)
    response = submit(f"/ideas/{idea.id}/edit", {**IDEA, "description": " "})
    assert 'id="description-error"' in response.get_data(as_text=True)
    db.session.refresh(idea)
    assert idea.title != IDEA["title"]


def test_an_edit_without_its_csrf_token_is_refused(client, auth):
    idea = _own_idea(auth)
    assert client.post(f"/ideas/{idea.id}/edit", data=IDEA).status_code == 400
    db.session.refresh(idea)
    assert idea.title != IDEA["title"]


def test_another_entrepreneurs_idea_cannot_be_edited_or_withdrawn(client, auth):
    idea = IdeaFactory(status="matched")
    auth.login(EntrepreneurFactory().email)
    for path in (f"/ideas/{idea.id}/edit", f"/ideas/{idea.id}/withdraw"):
        assert client.get(path).status_code == 404


def test_the_lead_cannot_edit_or_withdraw(client, auth):
    idea = IdeaFactory(status="matched")
    auth.login(LeadFactory().email)
    for path in (f"/ideas/{idea.id}/edit", f"/ideas/{idea.id}/withdraw"):
        assert client.get(path).status_code == 403


def test_an_idea_with_an_approved_pairing_is_not_editable(client, auth):
    idea = _own_idea(auth)
    MatchFactory(idea=idea, status="approved")
    html = client.get(f"/ideas/{idea.id}").get_data(as_text=True)
    assert f"/ideas/{idea.id}/edit" not in html
    response = client.get(f"/ideas/{idea.id}/edit", follow_redirects=True)
    assert response.request.path == f"/ideas/{idea.id}"
    assert "already has an approved pairing" in response.get_data(as_text=True)


def test_withdrawing_asks_for_confirmation_first(client, auth):
    idea = _own_idea(auth)
    MatchFactory(idea=idea, status="proposed")
    html = client.get(f"/ideas/{idea.id}/withdraw").get_data(as_text=True)
    assert "Yes, withdraw it" in html
    assert "Its 1 proposal still waiting for an answer will be withdrawn" in html
    db.session.refresh(idea)
    assert idea.status == "matched"


def test_confirming_withdraws_the_idea(client, auth, submit):
    idea = _own_idea(auth)
    mentor = MentorFactory()
    MatchFactory(idea=idea, mentor=mentor, status="proposed")
    response = submit(f"/ideas/{idea.id}/withdraw")
    html = response.get_data(as_text=True)
    assert response.request.path == f"/ideas/{idea.id}"
    assert "Your idea is withdrawn." in html and "You withdrew this idea" in html
    db.session.refresh(idea)
    assert idea.status == "withdrawn"
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Match)) == 0


def test_withdrawing_without_the_csrf_token_is_refused(client, auth):
    idea = _own_idea(auth)
    assert client.post(f"/ideas/{idea.id}/withdraw").status_code == 400
    db.session.refresh(idea)
    assert idea.status == "matched"


def test_a_withdrawn_idea_moves_to_the_withdrawn_list(client, auth, submit):
    idea = _own_idea(auth, title="Goat cheese from Stara planina")
    submit(f"/ideas/{idea.id}/withdraw")
    current = client.get("/ideas").get_data(as_text=True)
    withdrawn = client.get("/ideas?show=withdrawn").get_data(as_text=True)
    assert "Goat cheese from Stara planina" not in current
    assert "Goat cheese from Stara planina" in withdrawn and "badge-withdrawn" in withdrawn


def test_a_withdrawn_idea_cannot_be_edited_or_withdrawn_again(client, auth, submit):
    idea = _own_idea(auth)
    submit(f"/ideas/{idea.id}/withdraw")
    html = client.get(f"/ideas/{idea.id}").get_data(as_text=True)
    assert f"/ideas/{idea.id}/edit" not in html
    response = client.get(f"/ideas/{idea.id}/edit", follow_redirects=True)
    assert "This idea was withdrawn" in response.get_data(as_text=True)


def test_the_page_of_a_withdrawn_idea_stops_polling(client, auth, submit):
    idea = _own_idea(auth)
    submit(f"/ideas/{idea.id}/withdraw")
    status = client.get(f"/ideas/{idea.id}/status").get_json()
    assert status["status"] == "withdrawn"
    script = client.get("/static/js/idea-status.js").get_data(as_text=True)
    assert "withdrawn: true" in script
