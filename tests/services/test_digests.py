"""Mentors are not flooded: grouped notifications, and one daily digest e-mail by default."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
import sqlalchemy as sa

from matching import Match as RankedMatch
from mentorship.extensions import db
from mentorship.models import Match, Notification, OutboxEmail, ProposalNotice, User
from mentorship.services.accounts import update_account
from mentorship.services.approvals import decide_match
from mentorship.services.digests import last_digest_moment, send_digests
from mentorship.services.matching import store_many
from tests.clock import next_digest_morning
from tests.factories import IdeaFactory, LeadFactory, MentorFactory

MORNING = next_digest_morning()


def ranked(mentor, score: float = 0.5) -> dict:
    return {
        "mentor": [
            RankedMatch(kind="mentor", candidate_id=mentor.id, score=score, rank=1, reasons=())
        ]
    }


def propose(mentor, *ideas_and_scores) -> None:
    """One matching batch proposing each (idea, score) to the mentor."""
    store_many({idea.id: ranked(mentor, score) for idea, score in ideas_and_scores})


def emails_to(user) -> list[OutboxEmail]:
    return list(
        db.session.scalars(
            sa.select(OutboxEmail).where(OutboxEmail.user_id == user.id).order_by(OutboxEmail.id)
        )
    )


def notices_for(user) -> list[Notification]:
    return list(db.session.scalars(sa.select(Notification).where(Notification.user_id == user.id)))


def proposed_later(mentor, idea, at: datetime) -> None:
    """As if matching had proposed it at `at` (the tests' clock runs ahead of the real one)."""
    db.session.execute(
        sa.update(ProposalNotice)
        .where(ProposalNotice.mentor_id == mentor.id, ProposalNotice.idea_id == idea.id)
        .values(proposed_at=at)
    )
    db.session.commit()


def yesterdays_digest() -> datetime:
    """The digest before MORNING's: yesterday at the digest hour, before anything the test
    writes now (MORNING itself minus a day was not, between 06:00 and 08:00 UTC)."""
    return last_digest_moment(MORNING) - timedelta(days=1)


def mark_digested(mentor, at: datetime) -> None:
    db.session.get(User, mentor.id).last_digest_at = at
    db.session.commit()


@pytest.fixture
def mentor(app):
    return MentorFactory(name="Dragana Stojanović")


@pytest.fixture
def ideas(app):
    return [IdeaFactory(title=title, needs=["mentor"]) for title in ("Jam", "Ajvar", "Honey")]


def test_one_batch_gives_the_mentor_one_notification_and_no_email(mentor, ideas):
    propose(mentor, *((idea, 0.5) for idea in ideas))
    [notice] = notices_for(mentor)
    assert notice.subject == "3 new ideas for you to review" and notice.link == "/reviews"
    assert all(idea.title in notice.body for idea in ideas)
    assert emails_to(mentor) == []


def test_the_digest_lists_the_new_proposals_best_fit_first_with_links(mentor, ideas):
    mark_digested(mentor, yesterdays_digest())
    propose(mentor, (ideas[0], 0.3), (ideas[1], 0.9))
    assert send_digests(MORNING) == 1
    [email] = emails_to(mentor)
    assert email.subject == "2 new ideas for you to review"
    ajvar, jam = email.body.index("- Ajvar (90% fit): "), email.body.index("- Jam (30% fit): ")
    assert ajvar < jam and "/reviews/" in email.body


def test_a_digest_goes_out_once_a_day(mentor, ideas):
    propose(mentor, (ideas[0], 0.5))
    assert send_digests(MORNING) == 1
    propose(mentor, (ideas[1], 0.5))
    proposed_later(mentor, ideas[1], MORNING + timedelta(hours=1))
    assert send_digests(MORNING + timedelta(hours=3)) == 0
    assert send_digests(MORNING + timedelta(days=1)) == 1
    assert "Ajvar" in emails_to(mentor)[-1].body and "Jam" not in emails_to(mentor)[-1].body


def test_nothing_is_sent_before_the_digest_hour(mentor, ideas):
    mark_digested(mentor, MORNING - timedelta(hours=1))
    propose(mentor, (ideas[0], 0.5))
    assert send_digests(MORNING + timedelta(hours=20)) == 0  # 05:00 in Belgrade the next day


def test_withdrawals_are_listed_with_their_reason(mentor, ideas):
    other = MentorFactory()
    idea = ideas[0]
    propose(mentor, (idea, 0.5))
    chosen = Match(
        idea_id=idea.id, kind="mentor", mentor_id=other.id, score=0.6, rank=2, status="accepted"
    )
    db.session.add(chosen)
    db.session.commit()
    mark_digested(mentor, datetime.now(timezone.utc))
    decide_match(LeadFactory(), chosen.id, "approve")
    send_digests(datetime.now(timezone.utc) + timedelta(days=1))
    [email] = emails_to(mentor)
    assert "No longer waiting for your answer" in email.body
    assert "- Jam (another mentor was approved for it)" in email.body


def test_a_proposal_made_and_withdrawn_between_digests_is_not_mailed(mentor, ideas):
    mark_digested(mentor, yesterdays_digest())
    propose(mentor, (ideas[0], 0.5))
    store_many({ideas[0].id: {"mentor": []}})
    assert send_digests(MORNING) == 0


def test_the_digest_speaks_the_mentors_language(app, ideas):
    mentor = MentorFactory(locale="sr")
    propose(mentor, (ideas[0], 0.5))
    send_digests(MORNING)
    [email] = emails_to(mentor)
    assert email.subject == "1 nova ideja za vaš pregled" and "podudarnost" in email.body


def test_a_mentor_who_chose_instant_emails_gets_each_and_no_digest(app, ideas):
    mentor = MentorFactory(instant_emails=True)
    propose(mentor, (ideas[0], 0.5))
    assert len(emails_to(mentor)) == 1
    assert send_digests(MORNING) == 0


def test_a_mentor_who_turned_emails_off_gets_no_digest(app, ideas):
    mentor = MentorFactory(email_notifications=False)
    propose(mentor, (ideas[0], 0.5))
    assert send_digests(MORNING) == 0


def test_choosing_the_digest_starts_it_from_now(app, ideas):
    mentor = MentorFactory(instant_emails=True)
    propose(mentor, (ideas[0], 0.5))
    update_account(mentor, instant_emails=False)
    assert send_digests(datetime.now(timezone.utc) + timedelta(days=1)) == 0


def test_beat_runs_the_digest_task_by_its_name(app):
    import worker.tasks  # noqa: F401 -- registers the tasks, as the worker process does

    celery_app = app.extensions["celery"]
    entry = celery_app.conf.beat_schedule["send-digests"]
    assert entry["task"] == "worker.tasks.send_digests"
    assert entry["task"] in celery_app.tasks


def test_an_hour_outside_the_day_stops_the_start(tmp_path):
    from mentorship.config import ConfigError, load_config

    with pytest.raises(ConfigError, match="DIGEST_HOUR"):
        load_config(tmp_path, {"DIGEST_HOUR": "24"})


def test_a_long_digest_lists_the_best_fits_and_counts_the_rest(mentor):
    many = [IdeaFactory(title=f"Idea {n:02d}", needs=["mentor"]) for n in range(25)]
    propose(mentor, *((idea, 0.2 + n / 100) for n, idea in enumerate(many)))
    send_digests(MORNING)
    [email] = emails_to(mentor)
    assert email.subject == "25 new ideas for you to review"
    assert "Idea 24" in email.body and "Idea 04" not in email.body
    assert "- and 5 more in your list" in email.body


@pytest.mark.parametrize("day", ["2026-01-15", "2026-03-29", "2026-07-01", "2026-10-25"])
def test_the_tests_morning_covers_what_they_write_at_any_hour(app, day: str) -> None:
    """These tests once failed when run between midnight and 06:00 UTC ("tomorrow 08:00")."""
    for minutes in range(0, 24 * 60, 20):
        now = datetime.fromisoformat(f"{day}T00:00:00+00:00") + timedelta(minutes=minutes)
        morning = next_digest_morning(now)
        moment = last_digest_moment(morning)
        assert now + timedelta(hours=2) <= morning < now + timedelta(hours=27)
        assert moment - timedelta(days=1) <= now < morning and moment <= morning
