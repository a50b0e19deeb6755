"""Words that English says once and Serbian says by gender and number: one mentor is "aktivan",
a mentorship "aktivno", the list's filter of mentors "aktivni" (message contexts)."""

from __future__ import annotations

import re

from tests.factories import LeadFactory, MentorFactory
from tests.mentorship_pairs import approved_mentorship

SERBIAN = {"Accept-Language": "sr-RS,sr;q=0.9"}


def badges(html: str, prefix: str) -> list[str]:
    return re.findall(rf'<span class="badge {prefix}[a-z_-]+">([^<]+)</span>', html)


def test_one_active_mentor_is_aktivan_and_the_filter_says_aktivni(client, auth):
    MentorFactory(name="Milica Jovanović")
    auth.login(LeadFactory().email)
    html = client.get("/lead/mentors", headers=SERBIAN).get_data(as_text=True)
    assert "Aktivan" in badges(html, "badge-mentor-")
    assert ">Aktivni</a>" in html  # the filter tab: all active mentors


def test_an_active_mentorship_is_aktivno(client, auth):
    mentorship = approved_mentorship()
    auth.login(mentorship.entrepreneur.email)
    html = client.get("/mentorships", headers=SERBIAN).get_data(as_text=True)
    assert badges(html, "badge-mentorship-") == ["Aktivno"]
