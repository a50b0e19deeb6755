"""Fixtures for the JSON API tests: one user of each role with bearer headers."""

from __future__ import annotations

import pytest

from tests.factories import EntrepreneurFactory, LeadFactory, MentorFactory


@pytest.fixture
def entrepreneur(app):
    return EntrepreneurFactory(name="Jelena Petrović", email="jelena@example.org")


@pytest.fixture
def mentor(app):
    return MentorFactory(name="Milica Jovanović", email="milica@example.org")


@pytest.fixture
def lead(app):
    return LeadFactory(email="lead@example.org")


@pytest.fixture
def entrepreneur_headers(entrepreneur, api_headers):
    return api_headers(entrepreneur)


@pytest.fixture
def mentor_headers(mentor, api_headers):
    return api_headers(mentor)


@pytest.fixture
def lead_headers(lead, api_headers):
    return api_headers(lead)


def error_of(response) -> dict:
    """The contract's error object, checked for its required keys."""
    body = response.get_json()
    assert set(body) == {"error"}, body
    assert isinstance(body["error"]["code"], str) and isinstance(body["error"]["message"], str)
    return body["error"]
