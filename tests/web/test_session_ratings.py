"""One-click session ratings on the mentorship page, the average there and in the impact report."""

from __future__ import annotations

import io
from datetime import timedelta

import sqlalchemy as sa
from openpyxl import load_workbook

from mentorship.extensions import db
from mentorship.models import SessionRating
from mentorship.services.mentorships import activity
from mentorship.services.mentorships.access import today
from tests.factories import LeadFactory
from tests.mentorship_pairs import approved_mentorship


def held_session(mentorship, member=None):
    member = member or mentorship.entrepreneur
    data = {"held_on": today().isoformat(), "duration_minutes": 60, "topics": "Pricing"}
    return activity.log_session(member, mentorship.id, data)


def planned_session(mentorship):
    starts = (today() + timedelta(days=7)).isoformat() + "T10:00"
    data = {"starts_at": starts, "duration_minutes": 60}
    return activity.plan_session(mentorship.mentor, mentorship.id, data)


def ratings():
    return sorted(db.session.execute(sa.select(SessionRating.user_id, SessionRating.rating)))


def test_each_member_rates_a_held_session_with_one_click_and_can_change_it(client, auth, submit):
    mentorship = approved_mentorship()
    session = held_session(mentorship)
    page = f"/mentorships/{mentorship.id}"
    rate = f"{page}/sessions/{session.id}/rating"
    auth.login(mentorship.entrepreneur.email)
    html = client.get(page).get_data(as_text=True)
    assert f'action="{rate}"' in html and "no session rated yet" in html
    response = submit(rate, {"rating": "4"}, page=page, follow_redirects=False)
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"#session-{session.id}")
    html = submit(rate, {"rating": "2"}, page=page).get_data(as_text=True)
    assert "your rating of the session is saved" in html
    assert 'value="2" class="rating rating-chosen" aria-pressed="true"' in html
    assert ratings() == [(mentorship.entrepreneur_id, 2)]
    auth.logout()
    auth.login(mentorship.mentor.email)
    html = submit(rate, {"rating": "5"}, page=page).get_data(as_text=True)
    assert ratings() == sorted([(mentorship.entrepreneur_id, 2), (mentorship.mentor_id, 5)])
    assert "sessions rated 3.5 of 5 on average" in html


def test_bad_ratings_and_planned_sessions_are_clear_errors_that_change_nothing(
    client, auth, submit
):
    mentorship = approved_mentorship()
    session = held_session(mentorship)
    planned = planned_session(mentorship)
    page = f"/mentorships/{mentorship.id}"
    auth.login(mentorship.mentor.email)
    for bad in ("0", "6", "", "four", "2.5"):
        html = submit(f"{page}/sessions/{session.id}/rating", {"rating": bad}, page=page)
        assert "Rating: Choose a number from 1 to 5." in html.get_data(as_text=True), bad
    html = submit(f"{page}/sessions/{planned.id}/rating", {"rating": "3"}, page=page)
    assert "A planned session is rated once it has been held" in html.get_data(as_text=True)
    assert ratings() == []
    html = client.get(page).get_data(as_text=True)
    assert f"/sessions/{planned.id}/rating" not in html


def test_the_rating_form_needs_its_csrf_token(client, auth):
    mentorship = approved_mentorship()
    session = held_session(mentorship)
    auth.login(mentorship.entrepreneur.email)
    url = f"/mentorships/{mentorship.id}/sessions/{session.id}/rating"
    assert client.post(url, data={"rating": "5"}).status_code == 400
    assert ratings() == []


def test_another_pairs_session_is_not_found(client, auth, submit):
    theirs = approved_mentorship()
    their_session = held_session(theirs)
    mine = approved_mentorship()
    auth.login(mine.entrepreneur.email)
    page = f"/mentorships/{mine.id}"
    for url in (
        f"/mentorships/{theirs.id}/sessions/{their_session.id}/rating",
        f"{page}/sessions/{their_session.id}/rating",  # my mentorship, their session
    ):
        response = submit(url, {"rating": "1"}, page=page, follow_redirects=False)
        assert response.status_code == 404, url
    assert ratings() == []


def test_the_impact_report_shows_the_average_session_rating(client, auth):
    lead = LeadFactory()
    mentorship = approved_mentorship(lead)
    session = held_session(mentorship)
    from mentorship.services.mentorships.ratings import rate_session

    rate_session(mentorship.entrepreneur, mentorship.id, session.id, {"rating": 5})
    rate_session(mentorship.mentor, mentorship.id, session.id, {"rating": 4})
    auth.login(lead.email)
    html = client.get("/mentorships/impact").get_data(as_text=True)
    assert '<td id="impact-session-rating">4.5</td>' in html
    sheet = load_workbook(io.BytesIO(client.get("/mentorships/impact.xlsx").data)).active
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    column = rows[0].index("Average session rating")
    assert rows[1][column] == 4.5
    page = client.get(f"/mentorships/{mentorship.id}").get_data(as_text=True)
    assert "sessions rated 4.5 of 5 on average" in page
    assert f"/sessions/{session.id}/rating" not in page  # the lead watches, does not rate
