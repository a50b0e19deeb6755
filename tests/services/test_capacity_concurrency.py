"""Capacity holds when many approvals of one mentor arrive at the same moment.

Each thread has its own app context, so its own session and database connection. On
PostgreSQL the mentor's profile row lock serialises them; on SQLite BEGIN IMMEDIATE does.
"""

from __future__ import annotations

import threading
import time

import sqlalchemy as sa

from mentorship.extensions import db
from mentorship.models import Match, User
from mentorship.services.approvals import decide_match
from mentorship.services.errors import ConflictError
from tests.conftest import _service_missing
from tests.factories import (
    EntrepreneurFactory,
    IdeaFactory,
    LeadFactory,
    MatchFactory,
    MentorFactory,
    PartnerFactory,
)

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
    matches = [
        MatchFactory(mentor=mentor, idea=IdeaFactory(needs=["mentor"]), status="accepted")
        for _ in range(APPROVERS)
    ]
    db.session.commit()
    mentor_id, lead_id, match_ids = mentor.id, lead.id, [match.id for match in matches]
    db.session.remove()

    outcomes = approve_all_at_once(app, lead_id, match_ids)

    approved = db.session.scalar(
        sa.select(sa.func.count())
        .select_from(Match)
        .where(Match.mentor_id == mentor_id, Match.status == "approved")
    )
    assert (sorted(outcomes), approved) == (["approved"] * 2 + ["conflict"] * (APPROVERS - 2), 2)


def test_concurrent_approvals_let_her_entrepreneurs_ideas_in_and_stop_newcomers(app):
    """Full with Jelena already: Jelena's other ideas are approved, the newcomers all get 409."""
    mentor = MentorFactory(mentor_profile__capacity=1)
    lead = LeadFactory()
    jelena = EntrepreneurFactory()
    ideas = [IdeaFactory(owner=jelena, needs=["mentor"]) for _ in range(4)]
    MatchFactory(mentor=mentor, idea=ideas[0], status="approved")
    hers = [MatchFactory(mentor=mentor, idea=idea, status="accepted") for idea in ideas[1:]]
    newcomers = [
        MatchFactory(mentor=mentor, idea=IdeaFactory(needs=["mentor"]), status="accepted")
        for _ in range(APPROVERS - len(hers))
    ]
    db.session.commit()
    lead_id = lead.id
    ids = {match.id: "hers" for match in hers} | {match.id: "newcomer" for match in newcomers}
    db.session.remove()

    outcomes = approve_all_at_once(app, lead_id, list(ids))

    statuses = db.session.execute(
        sa.select(Match.id, Match.status).where(Match.id.in_(list(ids)))
    ).all()
    approved = sorted(ids[match_id] for match_id, status in statuses if status == "approved")
    assert (sorted(outcomes), approved) == (
        ["approved"] * len(hers) + ["conflict"] * len(newcomers),
        ["hers"] * len(hers),
    )


def test_concurrent_approvals_fill_the_last_place_once_and_her_second_idea_still_gets_in(app):
    """One place left: of two newcomers one gets it; Jelena's second idea is approved anyway."""
    mentor = MentorFactory(mentor_profile__capacity=2)
    lead = LeadFactory()
    jelena = EntrepreneurFactory()
    first, second = (IdeaFactory(owner=jelena, needs=["mentor"]) for _ in range(2))
    MatchFactory(mentor=mentor, idea=first, status="approved")
    again = MatchFactory(mentor=mentor, idea=second, status="accepted")
    newcomers = [
        MatchFactory(mentor=mentor, idea=IdeaFactory(needs=["mentor"]), status="accepted")
        for _ in range(APPROVERS - 1)
    ]
    db.session.commit()
    lead_id, again_id = lead.id, again.id
    newcomer_ids = [match.id for match in newcomers]
    db.session.remove()

    outcomes = approve_all_at_once(app, lead_id, [again_id, *newcomer_ids])

    approved_newcomers = db.session.scalar(
        sa.select(sa.func.count())
        .select_from(Match)
        .where(Match.id.in_(newcomer_ids), Match.status == "approved")
    )
    again_status = db.session.scalar(sa.select(Match.status).where(Match.id == again_id))
    assert (again_status, approved_newcomers, sorted(outcomes).count("conflict")) == (
        "approved",
        1,
        APPROVERS - 2,
    )


def approval_queued_before_a_rematch(app, lead_id: int, idea_id: int, match_id: int) -> str:
    """Hold the match row, queue an approval, then a re-match that drops the row; then let go.

    Without the idea lock the approval wins the row first and the re-match, which read the row
    as `proposed` before, deletes the freshly approved pairing.
    """
    from mentorship.services.errors import NotFoundError
    from mentorship.services.matching import store_matches

    outcome: list[str] = []

    def approve() -> None:
        with app.app_context():
            try:
                decide_match(db.session.get(User, lead_id), match_id, "approve")
                outcome.append("approved")
            except NotFoundError:
                outcome.append("gone")
            finally:
                db.session.remove()

    def rematch() -> None:
        with app.app_context():
            store_matches(idea_id, {"partner": []})
            db.session.remove()

    with app.app_context():
        db.session.execute(sa.select(Match).where(Match.id == match_id).with_for_update())
        approver, rematcher = threading.Thread(target=approve), threading.Thread(target=rematch)
        approver.start()
        time.sleep(0.5)
        rematcher.start()
        time.sleep(0.5)
        db.session.commit()
        db.session.remove()
    for thread in (approver, rematcher):
        thread.join(timeout=60)
    return outcome[0] if outcome else "no answer"


def test_an_approval_racing_a_rematch_is_kept(app, _schema):
    if not _schema.startswith("postgresql"):
        _service_missing("stages the race by holding a PostgreSQL row lock: set TEST_DATABASE_URL")
    lead_id = LeadFactory().id
    match = MatchFactory(kind="partner", mentor=None, partner=PartnerFactory())
    idea_id, match_id = match.idea_id, match.id
    db.session.remove()
    outcome = approval_queued_before_a_rematch(app, lead_id, idea_id, match_id)
    status = db.session.scalar(sa.select(Match.status).where(Match.id == match_id))
    assert (outcome, status) == ("approved", "approved")
