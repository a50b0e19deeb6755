"""Re-matching after capacity changes: the demo programme and a mentor at the edge of the top 5."""

from __future__ import annotations

import re
from collections import Counter

import pytest
import sqlalchemy as sa

from mentorship.extensions import db
from mentorship.models import Match, MentorProfile, Notification, OutboxEmail, User
from mentorship.services.accounts import update_account
from mentorship.services.ideas import submit_idea
from mentorship.services.matching import rematch_open_ideas
from mentorship.services.mentors import mentor_loads
from tests.factories import EntrepreneurFactory, MentorFactory

PROPOSAL_SUBJECT = "A new idea for you to review: %"


def proposal_notices() -> list[tuple[int, str]]:
    """(mentor, idea title) for every idea announced to a mentor, one by one or in a batch."""
    rows = db.session.execute(
        sa.select(Notification.user_id, Notification.subject, Notification.body).where(
            Notification.kind == "match.proposed"
        )
    )
    return [
        (user_id, title)
        for user_id, subject, body in rows
        for title in (re.findall(r"^- (.+)$", body, re.MULTILINE) or re.findall("“(.+)”", subject))
    ]


def proposal_emails() -> list[tuple[int, str]]:
    return list(
        db.session.execute(
            sa.select(OutboxEmail.user_id, OutboxEmail.subject).where(
                OutboxEmail.subject.like(PROPOSAL_SUBJECT)
            )
        ).all()
    )


def repeated(rows: list[tuple[int, str]]) -> dict:
    return {row: times for row, times in Counter(rows).items() if times > 1}


def change_capacities(mentors: list[User], round_: int) -> None:
    """Each call re-matches every open idea (in-process), as a capacity change does in production.

    Places left toggle between one and four; a capacity never goes below the entrepreneurs a
    mentor already has (the demo has approved pairings).
    """
    loads = mentor_loads([mentor.id for mentor in mentors])
    for position, mentor in enumerate(mentors):
        left = 1 if (position + round_) % 2 else 4
        update_account(mentor, profile={"capacity": loads[mentor.id] + left})


def test_a_mentor_at_the_edge_of_the_top_5_is_not_told_again_when_capacities_change(app):
    mentors = [MentorFactory(mentor_profile__capacity=1, instant_emails=True) for _ in range(7)]
    idea = submit_idea(
        EntrepreneurFactory(),
        {
            "title": "Plum jam for hotels",
            "description": "Homemade plum jam and ajvar sold to hotels, with HACCP and export.",
            "sector": "food",
            "needs": ["mentor"],
        },
    )
    for round_ in range(4):
        change_capacities(mentors, round_)
    told = Counter(user_id for user_id, _ in proposal_notices())
    emailed = Counter(user_id for user_id, _ in proposal_emails())
    assert max(told.values()) == 1 and max(emailed.values()) == 1
    assert (
        db.session.scalar(
            sa.select(sa.func.count()).select_from(Match).where(Match.idea_id == idea.id)
        )
        == 5
    )


@pytest.fixture
def demo(runner):
    result = runner.invoke(args=["demo", "load"])
    assert result.exit_code == 0, result.output
    return list(db.session.scalars(sa.select(User).join(MentorProfile).order_by(User.id)))


def test_the_demo_programme_rematched_again_and_again_sends_no_proposal_twice(demo):
    notices, emails = proposal_notices(), proposal_emails()
    assert notices and repeated(notices) == {} and repeated(emails) == {}
    for round_ in range(2):
        change_capacities(demo, round_)
    rematch_open_ideas()
    rematch_open_ideas()
    assert (repeated(proposal_notices()), repeated(proposal_emails())) == ({}, {})
    assert (len(proposal_notices()), len(proposal_emails())) == (len(notices), len(emails))


def statements_of(work) -> int:
    """Statements `work` sends, less the messages' own rows: SQLite's ORM inserts them one by one."""
    statements = []

    def count(_connection, _cursor, statement, *_args) -> None:
        if not statement.startswith(("INSERT INTO notifications", "INSERT INTO outbox_emails")):
            statements.append(statement)

    sa.event.listen(db.engine, "before_cursor_execute", count)
    try:
        work()
    finally:
        sa.event.remove(db.engine, "before_cursor_execute", count)
    return len(statements)


def test_rematching_the_demo_programme_takes_a_handful_of_statements(demo):
    assert statements_of(rematch_open_ideas) <= 15


def test_rematching_with_many_changes_still_takes_a_handful_of_statements(demo):
    """Three mentors leave: their proposals are withdrawn and they are told; their places go
    only to mentors who fit well enough (none may)."""
    db.session.execute(
        sa.update(MentorProfile)
        .where(MentorProfile.user_id.in_([mentor.id for mentor in demo[:3]]))
        .values(status="inactive")
    )
    db.session.commit()
    withdrawals = sa.select(sa.func.count()).where(Notification.kind == "match.withdrawn")
    before, withdrawn_before = len(proposal_notices()), db.session.scalar(withdrawals)
    assert statements_of(rematch_open_ideas) <= 30
    assert db.session.scalar(withdrawals) - withdrawn_before == 3
    assert len(proposal_notices()) >= before
