"""Which language a request is served in: the user's choice, else the browser's, else English."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from babel.support import NullTranslations
from flask import g, has_request_context, request, session
from flask_babel import force_locale, get_locale, get_translations
from flask_login import current_user

if TYPE_CHECKING:
    from mentorship.models import User

SUPPORTED_LOCALES: tuple[str, ...] = ("en", "sr")
DEFAULT_LOCALE = "en"
LOCALE_NAMES: dict[str, str] = {"en": "English", "sr": "Srpski"}
# Croatian and Bosnian readers understand the Serbian (Latin) interface better than the English one.
SERBIAN_FAMILY = frozenset({"sr", "hr", "bs", "sh", "cnr"})
# Babel's plain "sr" is Cyrillic; the interface is written in Latin script.
BABEL_LOCALES: dict[str, str] = {"en": "en", "sr": "sr_Latn"}


def supported(code: str | None) -> str | None:
    """The supported locale `code` names (case and region ignored), or None."""
    if not code:
        return None
    primary = code.strip().lower().replace("_", "-").split("-")[0]
    if primary in SERBIAN_FAMILY:
        return "sr"
    return primary if primary in SUPPORTED_LOCALES else None


def locale_from_accept_language() -> str:
    for code, _quality in request.accept_languages:
        found = supported(code)
        if found:
            return found
    return DEFAULT_LOCALE


def select_locale() -> str:
    """Babel's locale selector. The JSON API stays English: its messages are a machine contract."""
    return BABEL_LOCALES[_requested_language()]


def _requested_language() -> str:
    if not has_request_context():
        return DEFAULT_LOCALE
    if request.path.startswith("/api/"):
        return DEFAULT_LOCALE
    chosen = supported(session.get("locale"))
    if chosen:
        return chosen
    if current_user and current_user.is_authenticated:
        stored = supported(current_user.locale)
        if stored:
            return stored
    return locale_from_accept_language()


def current_language() -> str:
    """The two-letter code of the language being rendered ("en" or "sr")."""
    state = _babel_state()
    locale = getattr(state, "babel_locale", None) or get_locale()
    return locale.language if locale is not None else DEFAULT_LOCALE


# Where the request's Babel state remembers the translations it resolved, with the locale and
# domain they were resolved for.
_RESOLVED = "mentorship_translations"


def active_translations() -> NullTranslations:
    """The catalogue of the language being rendered, looked up once per request and locale.

    Flask-Babel finds it anew on each `gettext` (about 19 µs: several context look-ups and a
    locale identifier built from scratch); a page with hundreds of labels paid that for each.
    The answer is kept on the request's own Babel state, next to the locale it belongs to, so
    it never outlives the request, and `force_locale` (an e-mail in its reader's language) or
    `refresh` (a language switch) change the locale object and with it the answer.
    """
    state = _babel_state()
    if state is not None:
        resolved = getattr(state, _RESOLVED, None)
        if (
            resolved is not None
            and resolved[0] is getattr(state, "babel_locale", None)
            and resolved[1] is getattr(state, "babel_domain", None)
        ):
            return resolved[2]
    translations = get_translations()
    state = _babel_state()
    if state is not None and getattr(state, "babel_locale", None) is not None:
        resolved = (state.babel_locale, getattr(state, "babel_domain", None), translations)
        setattr(state, _RESOLVED, resolved)
    return translations


def _babel_state() -> object | None:
    """Flask-Babel's per-context namespace (locale, domain), or None outside an app context."""
    try:
        return g.get("_flask_babel")
    except RuntimeError:
        return None


@contextmanager
def language_of(user: User | None) -> Iterator[None]:
    """Render messages (gettext, dates, numbers) in `user`'s language, e.g. for an e-mail to them."""
    code = supported(user.locale if user is not None else None) or DEFAULT_LOCALE
    with force_locale(BABEL_LOCALES[code]):
        yield
