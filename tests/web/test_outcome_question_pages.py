"""The lead's outcome question page under a programme, and the forms that ask the set."""

from __future__ import annotations

import sqlalchemy as sa

from mentorship.extensions import db
from mentorship.models import OutcomeQuestion, Programme
from mentorship.services.mentorships import checkins
from tests.factories import EntrepreneurFactory, IdeaFactory, LeadFactory
from tests.mentorship_pairs import approved_mentorship


def make_programme() -> Programme:
    programme = Programme(name="Green start-ups")
    db.session.add(programme)
    db.session.commit()
    return programme


def test_lead_renames_adds_and_is_told_an_answered_question_stays(client, auth, submit):
    programme = make_programme()
    mentorship = approved_mentorship(idea=IdeaFactory(programme=programme))
    auth.login(LeadFactory().email)
    page = f"/lead/programmes/{programme.id}/outcome-questions"
    html = client.get(page).get_data(as_text=True)
    assert "Networks and market reach" in html and "Access to capital" in html
    base = f"{page}/strategy"
    response = submit(f"{base}/rename", {"label": "<b>Plan</b>"}, page=page)
    assert "Question renamed." in response.get_data(as_text=True)
    assert "&lt;b&gt;Plan&lt;/b&gt;" in response.get_data(as_text=True)
    response = submit(page, {"label": "Export readiness"}, page=page)
    assert "Export readiness" in response.get_data(as_text=True)
    # The entrepreneur's baseline asks the renamed and the added question.
    her = mentorship.entrepreneur
    keys = checkins.outcome_questions(programme.id)["areas"]
    checkins.answer_outcomes(
        her,
        mentorship.id,
        "baseline",
        {**{k: 3 for k in keys}, "revenue_band": "none", "employees": 0, "new_partnerships": 0},
    )
    response = submit(f"{page}/confidence/remove", page=page)
    assert "cannot be removed" in response.get_data(as_text=True)
    assert (
        db.session.scalar(sa.select(sa.func.count()).where(OutcomeQuestion.key == "confidence"))
        == 1
    )
    response = submit(f"{page}/confidence/retire", page=page)
    assert "no longer asked" in response.get_data(as_text=True)


def test_entrepreneur_form_shows_the_programme_questions(client, auth):
    programme = make_programme()
    mentorship = approved_mentorship(idea=IdeaFactory(programme=programme))
    from mentorship.services import outcome_questions

    outcome_questions.add_question(LeadFactory(), programme.id, "Online sales")
    outcome_questions.retire_question(LeadFactory(), programme.id, "leadership", True)
    auth.login(mentorship.entrepreneur.email)
    html = client.get(f"/mentorships/{mentorship.id}").get_data(as_text=True)
    assert "Online sales" in html and 'name="leadership"' not in html
    assert 'name="confidence"' in html


def test_only_the_lead_edits_with_a_csrf_token_and_unknown_ids_are_404(client, auth, submit):
    programme = make_programme()
    page = f"/lead/programmes/{programme.id}/outcome-questions"
    auth.login(EntrepreneurFactory().email)
    assert client.get(page).status_code == 403
    auth.logout()
    auth.login(LeadFactory().email)
    client.post(f"{page}/strategy/rename", data={"label": "No token"})
    assert db.session.scalar(sa.select(sa.func.count()).select_from(OutcomeQuestion)) == 0
    assert client.get(f"/lead/programmes/{programme.id + 99}/outcome-questions").status_code == 404
    response = submit(f"{page}/nope/rename", {"label": "x"}, page=page, follow_redirects=False)
    assert response.status_code == 404


def test_a_duplicate_label_gets_a_form_message_and_changes_nothing(client, auth, submit):
    programme = make_programme()
    auth.login(LeadFactory().email)
    page = f"/lead/programmes/{programme.id}/outcome-questions"
    response = submit(page, {"label": " LEADERSHIP "}, page=page)
    html = response.get_data(as_text=True)
    assert "This programme already has a question “LEADERSHIP”." in html
    assert "Question added." not in html
    response = submit(f"{page}/strategy/rename", {"label": "confidence"}, page=page)
    assert "already has a question" in response.get_data(as_text=True)
    assert db.session.scalar(sa.select(sa.func.count()).select_from(OutcomeQuestion)) == 0


def test_move_buttons_only_where_a_move_is_possible_and_an_end_move_says_so(client, auth, submit):
    programme = make_programme()
    auth.login(LeadFactory().email)
    page = f"/lead/programmes/{programme.id}/outcome-questions"
    html = client.get(page).get_data(as_text=True)
    assert "/confidence/up" not in html and "/access_to_capital/down" not in html
    assert "/confidence/down" in html
    response = submit(f"{page}/confidence/up", page=page)
    html = response.get_data(as_text=True)
    assert "Order saved." not in html
    assert "That question is already first: nothing changed." in html
