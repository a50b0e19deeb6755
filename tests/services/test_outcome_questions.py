"""The outcome question set per programme: editing, asking, reporting, and the migration."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from flask_migrate import upgrade

from mentorship import create_app
from mentorship.extensions import db
from mentorship.models import AuditEntry, OutcomeAnswers, OutcomeQuestion, Programme
from mentorship.services import outcome_questions as questions
from mentorship.services.errors import ConflictError, NotFoundError, ValidationFailedError
from mentorship.services.mentorships import checkins
from mentorship.services.mentorships.impact import impact_report
from tests.conftest import app_config
from tests.factories import IdeaFactory, LeadFactory
from tests.mentorship_pairs import approved_mentorship
from tests.services.test_migrations import empty_database_url  # noqa: F401 (fixture)

DEFAULTS = [
    "confidence",
    "business_skills",
    "leadership",
    "networks_market_reach",
    "strategy",
    "access_to_capital",
]


def answers(keys, value: int) -> dict:
    return {
        **{key: value for key in keys},
        "revenue_band": "none",
        "employees": 1,
        "new_partnerships": 0,
    }


@pytest.fixture
def programme(app):
    programme = Programme(name="Women in business")
    db.session.add(programme)
    db.session.commit()
    return programme


def in_programme(programme):
    return approved_mentorship(idea=IdeaFactory(programme=programme))


def test_a_programme_asks_the_six_areas_until_the_lead_edits_them(programme):
    assert questions.asked_keys(programme.id) == DEFAULTS
    assert questions.asked_keys(None) == DEFAULTS
    assert db.session.scalar(sa.select(sa.func.count()).select_from(OutcomeQuestion)) == 0


def test_rename_add_reorder_and_remove_an_unanswered_question(programme):
    lead = LeadFactory()
    questions.rename_question(lead, programme.id, "strategy", "  Business strategy ")
    added = questions.add_question(lead, programme.id, "Digital sales")
    questions.move_question(lead, programme.id, added.key, "up")
    questions.remove_question(lead, programme.id, "leadership")
    found = questions.question_set(programme.id)
    assert [q.key for q in found] == [
        "confidence",
        "business_skills",
        "networks_market_reach",
        "strategy",
        added.key,
        "access_to_capital",
    ]
    assert {q.key: q.label for q in found}["strategy"] == "Business strategy"
    assert (
        db.session.scalar(
            sa.select(sa.func.count()).where(AuditEntry.action.like("outcome_question.%"))
        )
        == 4
    )
    # The forms now ask the new set, and require the new question.
    mentorship = in_programme(programme)
    her = mentorship.entrepreneur
    asked = checkins.outcome_questions(programme.id)
    assert asked["areas"] == [q.key for q in found]
    assert asked["labels"][added.key] == "Digital sales"
    with pytest.raises(ValidationFailedError) as refused:
        checkins.answer_outcomes(her, mentorship.id, "baseline", answers(DEFAULTS, 3))
    assert added.key in refused.value.fields
    row = checkins.answer_outcomes(her, mentorship.id, "baseline", answers(asked["areas"], 3))
    assert "leadership" not in row.answers and row.answers[added.key] == 3


def test_an_answered_question_cannot_be_removed_but_can_be_retired(programme):
    lead = LeadFactory()
    mentorship = in_programme(programme)
    her = mentorship.entrepreneur
    checkins.answer_outcomes(her, mentorship.id, "baseline", answers(DEFAULTS, 2))
    with pytest.raises(ConflictError, match="Retire it instead"):
        questions.remove_question(lead, programme.id, "confidence")
    assert [q.key for q in questions.question_set(programme.id)] == DEFAULTS
    questions.retire_question(lead, programme.id, "confidence", True)
    assert "confidence" not in questions.asked_keys(programme.id)
    checkins.close_mentorship(her, mentorship.id, {"status": "completed", "nps": 9})
    endline = answers([k for k in DEFAULTS if k != "confidence"], 4)
    checkins.answer_outcomes(her, mentorship.id, "endline", endline)
    report = impact_report(programme.id)
    assert "confidence" in report.areas and report.retired == {"confidence"}
    assert report.total.change("strategy") == (2.0, 4.0, 2.0)
    # Answered only at the baseline: no change to report, rather than a false drop to 0.
    assert report.total.change("confidence") == (None, None, None)
    questions.retire_question(lead, programme.id, "confidence", False)
    assert "confidence" in questions.asked_keys(programme.id)


def test_bad_edits_change_nothing(programme):
    lead = LeadFactory()
    with pytest.raises(ValidationFailedError):
        questions.rename_question(lead, programme.id, "strategy", "   ")
    with pytest.raises(ValidationFailedError):
        questions.add_question(lead, programme.id, "x" * 201)
    with pytest.raises(NotFoundError):
        questions.rename_question(lead, programme.id, "no_such_key", "Name")
    with pytest.raises(NotFoundError):
        questions.add_question(lead, programme.id + 999, "Name")
    with pytest.raises(ValidationFailedError):
        questions.move_question(lead, programme.id, "strategy", "sideways")
    assert questions.question_set(programme.id) == questions.default_questions()
    for key in DEFAULTS[:-1]:
        questions.remove_question(lead, programme.id, key)
    with pytest.raises(ConflictError):
        questions.remove_question(lead, programme.id, DEFAULTS[-1])
    with pytest.raises(ConflictError):
        questions.retire_question(lead, programme.id, DEFAULTS[-1], True)
    assert questions.asked_keys(programme.id) == DEFAULTS[-1:]


def test_the_migration_gives_existing_programmes_the_six_areas(empty_database_url, tmp_path):  # noqa: F811
    app = create_app(app_config(empty_database_url, tmp_path))
    with app.app_context():
        upgrade(revision="a5d6d59f134d")
        with db.engine.begin() as connection:
            connection.execute(
                sa.text(
                    "INSERT INTO programmes (name, funder, description, created_at) "
                    "VALUES ('Old', '', '', CURRENT_TIMESTAMP)"
                )
            )
        upgrade()
        rows = db.session.execute(
            sa.select(OutcomeQuestion.key, OutcomeQuestion.label).order_by(OutcomeQuestion.position)
        ).all()
        db.session.remove()
        db.engine.dispose()
    assert rows == [(key, "") for key in DEFAULTS]


def test_answers_given_before_the_question_set_existed_stay_in_the_report(programme):
    """Answers are keyed by area: writing the set (first edit) leaves them readable."""
    mentorship = in_programme(programme)
    for phase, value in (("baseline", 1), ("endline", 3)):
        db.session.add(
            OutcomeAnswers(
                mentorship_id=mentorship.id, phase=phase, answers=answers(DEFAULTS, value)
            )
        )
    db.session.commit()
    questions.rename_question(LeadFactory(), programme.id, "confidence", "Self-confidence")
    report = impact_report(programme.id)
    assert report.labels == {"confidence": "Self-confidence"}
    assert report.total.change("confidence") == (1.0, 3.0, 2.0)


def test_all_programmes_report_names_each_question_as_the_programmes_word_it(programme):
    lead = LeadFactory()
    other = Programme(name="Green start-ups")
    db.session.add(other)
    db.session.commit()
    in_programme(programme), in_programme(other)
    for each in (programme, other):
        questions.rename_question(lead, each.id, "confidence", "Self-belief")
    questions.rename_question(lead, programme.id, "strategy", "Business plan")
    added = questions.add_question(lead, other.id, "Online sales")
    report = impact_report(None)
    assert report.areas == [*DEFAULTS, added.key]
    assert report.labels == {"confidence": "Self-belief", added.key: "Online sales"}
    assert report.wordings == {
        "strategy": [("Women in business", "Business plan"), ("Green start-ups", "")]
    }
    assert impact_report(programme.id).labels["strategy"] == "Business plan"


def test_a_duplicate_question_label_is_refused_and_changes_nothing(programme):
    lead = LeadFactory()
    added = questions.add_question(lead, programme.id, "Digital sales")
    before = questions.question_set(programme.id)
    for attempt in (
        lambda: questions.add_question(lead, programme.id, "  digital SALES "),
        lambda: questions.add_question(lead, programme.id, "confidence"),
        lambda: questions.rename_question(lead, programme.id, "strategy", "Digital Sales"),
        lambda: questions.rename_question(lead, programme.id, added.key, " Leadership"),
    ):
        with pytest.raises(ValidationFailedError) as refused:
            attempt()
        assert "already has a question" in refused.value.fields["label"][0]
    assert questions.question_set(programme.id) == before
    questions.rename_question(lead, programme.id, added.key, "Digital SALES")  # its own label
    assert questions.question_set(programme.id)[-1].label == "Digital SALES"


def test_a_duplicate_differing_in_inner_spaces_or_language_is_refused(app, programme):
    lead = LeadFactory()
    questions.add_question(lead, programme.id, "Digital sales")
    before = questions.question_set(programme.id)
    with app.test_request_context(headers={"Accept-Language": "en"}):
        for attempt in (
            lambda: questions.add_question(lead, programme.id, "digital \t  SALES"),
            lambda: questions.add_question(lead, programme.id, "Liderstvo"),  # Leadership
            lambda: questions.rename_question(lead, programme.id, "strategy", "pristup  KAPITALU"),
        ):
            with pytest.raises(ValidationFailedError) as refused:
                attempt()
            assert "already has a question" in refused.value.fields["label"][0]
    assert questions.question_set(programme.id) == before


def test_a_duplicate_refusal_writes_no_default_rows(programme):
    with pytest.raises(ValidationFailedError):
        questions.add_question(LeadFactory(), programme.id, "Strategy")
    assert db.session.scalar(sa.select(sa.func.count()).select_from(OutcomeQuestion)) == 0


def test_moving_the_first_question_up_or_the_last_down_says_nothing_changed(programme):
    lead = LeadFactory()
    with pytest.raises(ConflictError, match="already first: nothing changed"):
        questions.move_question(lead, programme.id, DEFAULTS[0], "up")
    with pytest.raises(ConflictError, match="already last: nothing changed"):
        questions.move_question(lead, programme.id, DEFAULTS[-1], "down")
    assert db.session.scalar(sa.select(sa.func.count()).select_from(OutcomeQuestion)) == 0
    assert db.session.scalar(sa.select(sa.func.count()).select_from(AuditEntry)) == 0
