"""The migration that adds proposal notices counts every existing mentor match as announced."""

from __future__ import annotations

import sqlalchemy as sa
from flask_migrate import upgrade

from mentorship import create_app
from mentorship.extensions import db
from tests.conftest import app_config
from tests.services.test_migrations import empty_database_url  # noqa: F401 -- a fixture

BEFORE = "a34fda08ec01"
NOW = "2026-11-20 10:00:00+00:00"


def test_existing_mentor_matches_are_not_announced_again(empty_database_url, tmp_path):  # noqa: F811
    app = create_app(app_config(empty_database_url, tmp_path))
    with app.app_context():
        upgrade(revision=BEFORE)
        with db.engine.begin() as connection:
            for user_id, role in ((1, "entrepreneur"), (2, "mentor"), (3, "mentor")):
                connection.execute(
                    sa.text(
                        "INSERT INTO users (id, email, password_hash, name, role, "
                        "email_notifications, created_at, updated_at) VALUES "
                        "(:id, :email, 'x', 'Name', :role, true, :now, :now)"
                    ),
                    {"id": user_id, "email": f"u{user_id}@example.org", "role": role, "now": NOW},
                )
            connection.execute(
                sa.text(
                    "INSERT INTO ideas (id, owner_id, title, description, needs, status, "
                    "created_at, updated_at) VALUES (1, 1, 'Jam', 'Plum jam', '[]', 'matched', "
                    ":now, :now)"
                ),
                {"now": NOW},
            )
            for match_id, mentor_id, status in ((1, 2, "proposed"), (2, 3, "declined")):
                connection.execute(
                    sa.text(
                        "INSERT INTO matches (id, idea_id, kind, mentor_id, score, rank, reasons, "
                        "status, created_at, updated_at) VALUES "
                        "(:id, 1, 'mentor', :mentor, 0.5, 1, '[]', :status, :now, :now)"
                    ),
                    {"id": match_id, "mentor": mentor_id, "status": status, "now": NOW},
                )
        upgrade()
        with db.engine.connect() as connection:
            told = connection.execute(
                sa.text("SELECT mentor_id, idea_id, withdrawn_at FROM proposal_notices ORDER BY 1")
            ).all()
        db.engine.dispose()
    assert [tuple(row) for row in told] == [(2, 1, None), (3, 1, None)]
