"""`flask users create --role lead`: the only way to get a lead account, checked like the API."""

from __future__ import annotations

import sqlalchemy as sa

from mentorship.extensions import db
from mentorship.models import User


def create(runner, email: str, password: str = "a long password"):
    return runner.invoke(
        args=["users", "create", "--role", "lead", "--email", email, "--password", password]
    )


def test_the_command_creates_a_lead_with_the_address_normalised(app, runner):
    result = create(runner, "  Vesna.Lead@Example.ORG ")
    assert result.exit_code == 0, result.output
    user = db.session.scalars(sa.select(User)).one()
    assert (user.email, user.role) == ("vesna.lead@example.org", "lead")


def test_an_invalid_address_is_refused_with_the_reason(app, runner):
    result = create(runner, "vesna.example.org")
    assert result.exit_code != 0
    assert "Not a valid e-mail address" in result.output
    assert db.session.scalar(sa.select(sa.func.count()).select_from(User)) == 0


def test_a_short_password_is_refused(app, runner):
    result = create(runner, "vesna@example.org", "short")
    assert result.exit_code != 0 and "at least 8 characters" in result.output
    assert db.session.scalar(sa.select(sa.func.count()).select_from(User)) == 0
