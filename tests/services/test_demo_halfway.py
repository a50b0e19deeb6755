"""`flask demo load` leaves a programme half-way through, with something in every report."""

from __future__ import annotations

from collections import Counter

import pytest
import sqlalchemy as sa

from mentorship.demo.content import ENTREPRENEURS
from mentorship.demo.halfway import DATA, load_steps
from mentorship.demo.ideas import build_ideas
from mentorship.extensions import db
from mentorship.models import AuditEntry, Match, OutboxEmail, Role, User
from mentorship.queries import reports as dashboard
from mentorship.queries.reports import mentor_load_rows


def statuses() -> Counter[tuple[str, str]]:
    return Counter(db.session.execute(sa.select(Match.kind, Match.status)).all())


@pytest.fixture
def demo(runner):
    result = runner.invoke(args=["demo", "load"])
    assert result.exit_code == 0, result.output
    return result.output


def test_every_step_of_the_data_file_names_a_demo_idea():
    titles = {(idea.owner.name, idea.title) for idea in build_ideas(ENTREPRENEURS)}
    steps = load_steps(DATA)
    named = {(step["owner"], step["idea"]) for step in steps["reviews"] + steps["decisions"]}
    assert named <= titles


def test_the_demo_is_half_way_through_reviews_and_decisions(demo):
    counts = statuses()
    for state in ("accepted", "approved", "declined", "rejected", "proposed"):
        assert counts[("mentor", state)] > 0, state
    assert counts[("partner", "approved")] and counts[("cluster", "approved")]
    assert counts[("partner", "rejected")]
    assert "Half-way through the programme: 32 accepted" in demo


def test_no_mentor_is_paired_beyond_her_capacity(demo):
    rows = mentor_load_rows()
    assert sum(row["load"] for row in rows) >= 10
    assert [row["name"] for row in rows if row["load"] > row["capacity"]] == []


def test_some_answers_and_decisions_carry_notes(demo):
    notes = db.session.execute(sa.select(Match.review_note, Match.decision_note)).all()
    assert any(review for review, _ in notes) and any(decision for _, decision in notes)


def test_the_reports_and_the_audit_trail_show_the_programme_at_work(demo):
    funnel = {row.kind: row for row in dashboard.match_funnel()}
    assert funnel["mentor"].approved and funnel["mentor"].accepted > funnel["mentor"].approved
    assert dashboard.approval_times().count > 0
    actions = set(db.session.scalars(sa.select(AuditEntry.action)))
    assert {"match.accept", "match.decline", "match.approve", "match.reject"} <= actions


def test_loading_again_changes_nothing(runner, demo):
    before = statuses()
    result = runner.invoke(args=["demo", "load"])
    assert "1 already applied" in result.output
    assert statuses() == before
    marker = sa.select(sa.func.count()).where(AuditEntry.action == "demo.halfway")
    assert db.session.scalar(marker) == 1


def test_mentors_get_no_email_per_proposal_from_the_demo(demo):
    mentors = sa.select(User.id).where(User.role == Role.MENTOR.value)
    subjects = db.session.scalars(
        sa.select(OutboxEmail.subject).where(OutboxEmail.user_id.in_(mentors))
    ).all()
    assert [s for s in subjects if "review" in s or "no longer proposed" in s] == []
