"""Capacity holds when many approvals of one mentor arrive at the same moment.

Each thread has its own app context, so its own session and database connection. On
PostgreSQL the mentor's profile row lock serialises them; on SQLite BEGIN IMMEDIATE does.
"""

from __future__ import annotations

import threading

import sqlalchemy as sa

from mentorship.extensions import db
from mentorship.models import Match, User
from mentorship.services.decisions import decide_match
from mentorship.services.errors import ConflictError
from tests.factories import IdeaFactory, LeadFactory, MatchFactory, MentorFactory

APPROVERS = 6


def approve_all_at_once(app, lead_id: int, match_ids: list[int]) -> list[str]:
    barrier = threading.Barrier(len(match_ids))
    outcomes: list[str] = []
    lock = threading.Lock()

    def approve(match_id: int) -> None:
        with app.app_context():
            lead = db.session.get(User, lead_id)
            barrier.wait()
            try:
                decide_match(lead, match_id, "approve")
                outcome = "approved"
            except ConflictError:
                outcome = "conflict"
            except Exception as error:  # noqa: BLE001 -- reported, so the test shows what went wrong
                outcome = f"error: {type(error).__name__}: {error}"
            finally:
                db.session.remove()
            with lock:
                outcomes.append(outcome)

    threads = [threading.Thread(target=approve, args=(match_id,)) for match_id in match_ids]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return outcomes


def test_concurrent_approvals_never_exceed_the_mentors_capacity(app):
    mentor = MentorFactory()
    mentor.mentor_profile.capacity = 2
    lead = LeadFactory()
    matches = [MatchFactory(mentor=mentor, idea=IdeaFactory(needs=["mentor"]), status="accepted")
               for _ in range(APPROVERS)]
    db.session.commit()
    mentor_id, lead_id, match_ids = mentor.id, lead.id, [match.id for match in matches]
    db.session.remove()

    outcomes = approve_all_at_once(app, lead_id, match_ids)

    approved = db.session.scalar(
        sa.select(sa.func.count()).select_from(Match)
        .where(Match.mentor_id == mentor_id, Match.status == "approved")
    )
    assert (sorted(outcomes), approved) == (["approved"] * 2 + ["conflict"] * (APPROVERS - 2), 2)
