"""The application factory, made of small register_* steps."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Mapping

import sqlalchemy as sa
from flask import Flask
from flask_babel import lazy_gettext
from werkzeug.routing import IntegerConverter

from mentorship.config import load_config
from mentorship.extensions import babel, csrf, db, login_manager, migrate

ROOT = Path(__file__).resolve().parent.parent


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """Build the app; `config` overrides the environment (the test seam)."""
    app = Flask(
        "mentorship",
        template_folder=str(ROOT / "templates"),
        static_folder=str(ROOT / "static"),
        instance_path=str(ROOT / "instance"),
    )
    app.config.from_mapping(load_config(Path(app.instance_path)))
    if config:
        app.config.from_mapping(config)
    register_extensions(app)
    register_url_converters(app)
    register_blueprints(app)
    register_errorhandlers(app)
    register_security_headers(app)
    register_template_helpers(app)
    register_commands(app)
    register_background(app)
    return app


class DatabaseIdConverter(IntegerConverter):
    """`<int:...>` in every URL: at most the largest id a database integer holds, so a longer
    number is a 404 like any unknown id, never a database error."""

    def __init__(self, map, fixed_digits=0, min=None, max=2_147_483_647, signed=False) -> None:  # noqa: A002
        super().__init__(map, fixed_digits=fixed_digits, min=min, max=max, signed=signed)


def register_url_converters(app: Flask) -> None:
    app.url_map.converters["int"] = DatabaseIdConverter


def register_extensions(app: Flask) -> None:
    from mentorship import ratelimit
    from mentorship.i18n import select_locale
    from mentorship.models import User
    from mentorship.tasks_runtime import celery_init_app

    db.init_app(app)
    migrate.init_app(app, db, directory=str(ROOT / "migrations"), render_as_batch=True)
    csrf.init_app(app)
    babel.init_app(app, locale_selector=select_locale)
    ratelimit.init_app(app)
    login_manager.init_app(app)
    celery_init_app(app)
    login_manager.login_view = "auth.login"
    login_manager.login_message_category = "info"
    login_manager.login_message = lazy_gettext("Please log in to access this page.")

    with app.app_context():
        if db.engine.dialect.name == "sqlite":
            sa.event.listen(db.engine, "connect", _sqlite_pragmas)

    @login_manager.user_loader
    def load_user(user_id: str) -> User | None:
        return db.session.get(User, int(user_id)) if user_id.isdigit() else None


def _sqlite_pragmas(connection, _record) -> None:
    """SQLite ignores foreign keys unless asked, and should wait for a lock rather than fail.

    It also learns `fold`, the diacritic-insensitive search function (mentorship.search).
    """
    from mentorship.search import register_sqlite_fold

    register_sqlite_fold(connection)
    cursor = connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def register_blueprints(app: Flask) -> None:
    """Every page and the API, one blueprint per capability, registered in this order."""
    from mentorship.account.data_views import account_data_bp
    from mentorship.account.password_views import passwords_bp
    from mentorship.api import api_bp
    from mentorship.approvals.views import approvals_bp
    from mentorship.auth.views import auth_bp
    from mentorship.cooperation.views import cooperation_bp
    from mentorship.directory.views import directory_bp
    from mentorship.events import schedule_views  # noqa: F401 (routes on the blueprint)
    from mentorship.events.views import events_bp
    from mentorship.exports.views import exports_bp
    from mentorship.health import health_bp
    from mentorship.ideas.views import ideas_bp
    from mentorship.imports.views import imports_bp
    from mentorship.introductions import problem_views as _intro_problems  # noqa: F401
    from mentorship.introductions.views import introductions_bp
    from mentorship.invitations.views import invitations_bp
    from mentorship.jobs.views import jobs_bp
    from mentorship.language.views import language_bp
    from mentorship.main.views import main_bp
    from mentorship.mentors.views import mentors_bp
    from mentorship.mentorships import (  # noqa: F401 (routes on the blueprint)
        actions,
        problem_views,
        report_views,
    )
    from mentorship.mentorships.views import mentorships_bp
    from mentorship.notifications.views import notifications_bp
    from mentorship.pairing.views import pairing_bp
    from mentorship.profiles.views import profiles_bp
    from mentorship.programmes import question_views  # noqa: F401 (routes on the blueprint)
    from mentorship.programmes.views import programmes_bp
    from mentorship.reports.views import reports_bp
    from mentorship.review.views import review_bp

    blueprints = [
        passwords_bp,
        account_data_bp,
        reports_bp,
        main_bp,
        health_bp,
        auth_bp,
        profiles_bp,
        ideas_bp,
        directory_bp,
        mentors_bp,
        pairing_bp,
        api_bp,
        language_bp,
        review_bp,
        approvals_bp,
        notifications_bp,
        programmes_bp,
        imports_bp,
        exports_bp,
        invitations_bp,
        jobs_bp,
        mentorships_bp,
        events_bp,
        introductions_bp,
        cooperation_bp,
    ]
    csrf.exempt(api_bp)
    for blueprint in blueprints:
        app.register_blueprint(blueprint)


def register_errorhandlers(app: Flask) -> None:
    from mentorship.errors import register_error_pages

    register_error_pages(app)


def register_security_headers(app: Flask) -> None:
    from mentorship.security import apply_security_headers, trust_proxy_headers

    trust_proxy_headers(app)
    app.after_request(apply_security_headers)


def register_template_helpers(app: Flask) -> None:
    from mentorship.templating import register_filters

    register_filters(app)


def register_background(app: Flask) -> None:
    from mentorship.infrastructure.embedded_runner import register_embedded_runner

    register_embedded_runner(app)


def register_commands(app: Flask) -> None:
    from mentorship.cli import register_cli

    register_cli(app)
