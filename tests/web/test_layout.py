"""The shared layout: home and dashboards, navigation by role, security headers, no inline code."""

from __future__ import annotations

import re

import pytest

from tests.factories import (
    EntrepreneurFactory,
    IdeaFactory,
    LeadFactory,
    MentorFactory,
    PartnerFactory,
)

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)
INLINE_STYLE = re.compile(r"<style\b|\sstyle=", re.IGNORECASE)


def test_home_explains_the_product_to_a_visitor(client):
    html = client.get("/").get_data(as_text=True)
    assert "Join the programme" in html and "How it works" in html


def test_security_headers_are_sent(client):
    headers = client.get("/").headers
    assert "script-src 'self'" in headers["Content-Security-Policy"]
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"


@pytest.mark.parametrize("role", ["anonymous", "entrepreneur", "mentor", "lead"])
def test_pages_have_no_inline_script_or_style(client, auth, role):
    users = {"entrepreneur": EntrepreneurFactory, "mentor": MentorFactory, "lead": LeadFactory}
    idea = IdeaFactory()
    PartnerFactory()
    urls = ["/", "/login", "/register"]
    if role != "anonymous":
        user = users[role]()
        auth.login(user.email)
        urls = ["/", "/profile", "/partners", "/clusters", "/partners?page=9"]
    if role == "lead":
        urls += ["/ideas", f"/ideas/{idea.id}", "/lead/mentors", "/partners/new", "/clusters/new"]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.get_data(as_text=True)
        assert not INLINE_SCRIPT.search(html), url
        assert not INLINE_STYLE.search(html), url


def test_entrepreneur_navigation_offers_her_ideas_not_lead_pages(client, auth):
    auth.login(EntrepreneurFactory().email)
    html = client.get("/").get_data(as_text=True)
    assert 'href="/ideas/new"' in html and 'href="/lead/mentors"' not in html


def test_lead_navigation_offers_mentor_administration(client, auth):
    auth.login(LeadFactory().email)
    html = client.get("/").get_data(as_text=True)
    assert 'href="/lead/mentors"' in html and 'href="/ideas/new"' not in html


def test_mentor_navigation_has_no_idea_submission(client, auth):
    auth.login(MentorFactory().email)
    html = client.get("/").get_data(as_text=True)
    assert 'href="/ideas' not in html and 'href="/profile"' in html


def test_lead_dashboard_points_to_waiting_mentors(client, auth):
    MentorFactory(mentor_profile__status="pending")
    auth.login(LeadFactory().email)
    html = client.get("/").get_data(as_text=True)
    assert "1 mentor waiting for approval" in html


def test_entrepreneur_dashboard_lists_her_latest_idea(client, auth):
    owner = EntrepreneurFactory()
    IdeaFactory(owner=owner, title="Sir iz Sjenice")
    auth.login(owner.email)
    assert "Sir iz Sjenice" in client.get("/").get_data(as_text=True)


def test_missing_page_is_a_friendly_404(client):
    response = client.get("/no-such-page")
    assert response.status_code == 404 and "Page not found" in response.get_data(as_text=True)


def _current_links(html: str) -> list[str]:
    """The header's links marked as the current page."""
    nav = re.search(r'<nav class="site-nav".*?</nav>', html, re.DOTALL).group(0)
    return re.findall(r'<a href="([^"]+)" aria-current="page">', nav)


def test_submitting_an_idea_marks_only_that_link_current(client, auth):
    auth.login(EntrepreneurFactory().email)
    assert _current_links(client.get("/ideas/new").get_data(as_text=True)) == ["/ideas/new"]


def test_an_idea_page_marks_my_ideas_current(client, auth):
    owner = EntrepreneurFactory()
    idea = IdeaFactory(owner=owner)
    auth.login(owner.email)
    for url in ("/ideas", f"/ideas/{idea.id}"):
        assert _current_links(client.get(url).get_data(as_text=True)) == ["/ideas"], url


def test_a_page_with_a_form_has_each_element_id_once(client, auth):
    """The account menu's log-out form and the page's own form both carry a CSRF token."""
    auth.login(EntrepreneurFactory().email)
    html = client.get("/ideas/new").get_data(as_text=True)
    ids = re.findall(r'\sid="([^"]+)"', html)
    assert ids and len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)
