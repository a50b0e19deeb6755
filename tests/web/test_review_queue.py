"""The mentor's queue sorts by fit (or newest, or programme) and filters by sector, programme, fit."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

import pytest

from mentorship.extensions import db
from mentorship.models import Programme, User
from tests.factories import IdeaFactory, MatchFactory, MentorFactory

NOW = datetime.now(timezone.utc)


@pytest.fixture
def queue(app):
    """Three proposals to one mentor: different fit, age, sector and programme."""
    mentor = MentorFactory()
    spring, autumn = Programme(name="Spring school"), Programme(name="Autumn school")
    db.session.add_all([spring, autumn])
    db.session.commit()
    rows = [
        ("Honey from Kopaonik", 0.40, 1, "food", autumn),
        ("Tailored shirts", 0.90, 3, "textiles", None),
        ("Plum jam for hotels", 0.65, 2, "food", spring),
    ]
    for title, score, days_old, sector, programme in rows:
        MatchFactory(
            mentor=mentor,
            score=score,
            created_at=NOW - timedelta(days=days_old),
            idea=IdeaFactory(title=title, sector=sector, programme=programme),
        )
    return mentor


def titles(client, query: str = "") -> list[str]:
    page = client.get(f"/reviews{query}").get_data(as_text=True)
    return re.findall(r'<a href="/reviews/\d+">([^<]+)</a>', page)


def test_the_queue_shows_the_best_fit_first(client, auth, queue):
    auth.login(queue.email)
    assert titles(client) == ["Tailored shirts", "Plum jam for hotels", "Honey from Kopaonik"]


def test_the_queue_can_show_the_newest_first(client, auth, queue):
    auth.login(queue.email)
    assert titles(client, "?sort=newest") == [
        "Honey from Kopaonik",
        "Plum jam for hotels",
        "Tailored shirts",
    ]


def test_the_queue_can_be_grouped_by_programme(client, auth, queue):
    auth.login(queue.email)
    assert titles(client, "?sort=programme") == [
        "Honey from Kopaonik",
        "Plum jam for hotels",
        "Tailored shirts",
    ]


def test_the_queue_filters_by_sector_and_minimum_fit(client, auth, queue):
    auth.login(queue.email)
    assert titles(client, "?sector=food") == ["Plum jam for hotels", "Honey from Kopaonik"]
    assert titles(client, "?sector=food&min_fit=50") == ["Plum jam for hotels"]


def test_the_queue_filters_by_programme(client, auth, queue):
    spring = db.session.query(Programme).filter_by(name="Spring school").one()
    auth.login(queue.email)
    page = client.get("/reviews").get_data(as_text=True)
    assert "Spring school" in page and "Autumn school" in page
    assert titles(client, f"?programme={spring.id}") == ["Plum jam for hotels"]


def test_nonsense_filters_show_everything_best_fit_first(client, auth, queue):
    auth.login(queue.email)
    assert titles(client, "?sort=price&sector=gold&min_fit=lots&programme=x") == titles(client)


def test_an_out_of_range_minimum_fit_says_so_and_filters_nothing(client, auth, queue):
    auth.login(queue.email)
    page = client.get("/reviews?min_fit=150").get_data(as_text=True)
    assert "The minimum fit “150” is not a percentage from 0 to 100" in page
    assert titles(client, "?min_fit=150") == titles(client)


def test_a_link_with_the_approval_queues_parameter_filters_in_percent(client, auth, queue):
    auth.login(queue.email)
    assert titles(client, "?min_score=50") == ["Tailored shirts", "Plum jam for hotels"]


def test_a_filter_that_matches_nothing_says_so(client, auth, queue):
    auth.login(queue.email)
    page = client.get("/reviews?min_fit=99").get_data(as_text=True)
    assert "No proposals match these filters." in page


def test_the_pages_keep_the_sort_and_the_filters(client, auth, app):
    mentor = MentorFactory()
    for n in range(12):
        MatchFactory(mentor=mentor, score=0.5 + n / 100, idea=IdeaFactory(sector="food"))
    auth.login(mentor.email)
    page = client.get("/reviews?sort=newest&sector=food").get_data(as_text=True)
    [next_page] = re.findall(r'<a href="([^"]+)" rel="next">', page)
    assert set(next_page.replace("&amp;", "&").split("?")[1].split("&")) == {
        "sort=newest",
        "sector=food",
        "page=2",
    }


def test_a_mentor_chooses_an_email_for_each_proposal_on_her_profile(client, auth, submit):
    from tests.web.test_profile_pages import MENTOR_PROFILE

    mentor = MentorFactory()
    auth.login(mentor.email)
    assert "Once a day: one e-mail with the new and withdrawn proposals" in client.get(
        "/profile"
    ).get_data(as_text=True)
    submit("/profile", {**MENTOR_PROFILE, "proposal_emails": "instant"})
    db.session.expire_all()
    assert db.session.get(User, mentor.id).instant_emails is True
