"""Switch the interface language: kept in the session, and on the account when signed in."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, redirect, request, session, url_for
from flask_babel import refresh
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import HiddenField, SelectField
from wtforms.validators import InputRequired

from mentorship.i18n import LOCALE_NAMES, SUPPORTED_LOCALES, current_language
from mentorship.main.helpers import is_safe_next, options
from mentorship.services import preferences

language_bp = Blueprint("language", __name__)


class LanguageForm(FlaskForm):
    locale = SelectField(
        choices=options((code, LOCALE_NAMES[code]) for code in SUPPORTED_LOCALES),
        validators=[InputRequired()],
    )
    next = HiddenField()


@language_bp.before_app_request
def choose_locale_afresh() -> None:
    """Babel caches the locale on `g`, which outlives a request when an app context is already
    pushed (tests, CLI-driven requests); each request must pick its own language."""
    refresh()


@language_bp.app_context_processor
def language_switcher() -> dict[str, Any]:
    return {
        "language_next": request.full_path.rstrip("?"),
        "language_names": LOCALE_NAMES,
        "current_language": current_language(),
    }


@language_bp.route("/language", methods=["POST"])
def switch():
    form = LanguageForm()
    next_url = form.next.data if is_safe_next(form.next.data) else url_for("main.home")
    if form.validate_on_submit():
        session["locale"] = form.locale.data
        if current_user.is_authenticated:
            preferences.set_locale(current_user, form.locale.data)
    return redirect(next_url)
