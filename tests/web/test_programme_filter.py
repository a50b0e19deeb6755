"""`?programme=` on the lead's pages: an unknown or malformed programme shows all programmes
with a message (never silently); a download refuses it rather than hand out an unfiltered file."""

from __future__ import annotations

import pytest

from mentorship.extensions import db
from mentorship.models import Programme
from tests.factories import IdeaFactory, LeadFactory, MentorFactory

PAGES = [
    "/lead/approvals",
    "/lead/audit",
    "/ideas",
    "/mentorships/impact",
    "/lead/dashboard",
    "/lead/plan",
    "/lead/exports",
]
DOWNLOADS = [
    "/lead/audit.csv",
    "/mentorships/impact.xlsx",
    "/lead/dashboard/funnel.csv",
    "/lead/exports/pairings.csv",
]
UNKNOWN = ["424242", "abc", "-1", "99999999999999999999", "<b>x</b>"]


@pytest.mark.parametrize("path", PAGES)
def test_an_unknown_programme_shows_all_and_says_so(client, auth, path):
    auth.login(LeadFactory().email)
    for value in UNKNOWN:
        response = client.get(path, query_string={"programme": value})
        assert response.status_code == 200, (path, value)
        html = response.get_data(as_text=True)
        assert "Unknown programme “" in html and ": showing all programmes." in html
        assert "<b>x</b>" not in html


@pytest.mark.parametrize("path", PAGES)
def test_a_known_or_empty_programme_gets_no_message(client, auth, path):
    programme = Programme(name="Spring cohort")
    db.session.add(programme)
    db.session.commit()
    auth.login(LeadFactory().email)
    for value in (str(programme.id), ""):
        html = client.get(path, query_string={"programme": value}).get_data(as_text=True)
        assert "Unknown programme" not in html


@pytest.mark.parametrize("path", DOWNLOADS)
def test_a_download_for_an_unknown_programme_is_not_found(client, auth, path):
    auth.login(LeadFactory().email)
    for value in ("424242", "abc"):
        assert client.get(path, query_string={"programme": value}).status_code == 404


def test_the_mentors_review_queue_says_so_too(client, auth):
    mentor = MentorFactory()
    IdeaFactory()
    auth.login(mentor.email)
    html = client.get("/reviews?programme=zzz").get_data(as_text=True)
    assert "Unknown programme “zzz”: showing all programmes." in html
