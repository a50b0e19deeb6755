"""Small helpers shared by the HTML blueprints: role checks, safe redirects, form plumbing."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import wraps
from typing import Any
from urllib.parse import urlsplit

from flask import abort, flash
from flask_babel import LazyString, lazy_gettext
from flask_login import current_user, login_required
from flask_wtf import FlaskForm
from wtforms import SelectMultipleField, widgets

try:
    from wtforms.fields.choices import SelectChoice
except ImportError:  # WTForms before 3.3 takes (value, label) pairs
    SelectChoice = None

from mentorship.i18n import current_language
from mentorship.services.errors import ServiceError
from mentorship.vocab import SECTOR_LABELS, STAGE_LABELS, language_name, sector_label, stage_label

COMMON_LANGUAGES = (
    "sr",
    "en",
    "de",
    "fr",
    "it",
    "ru",
    "hr",
    "bs",
    "mk",
    "sl",
    "hu",
    "ro",
    "bg",
    "sq",
    "el",
    "tr",
    "es",
    "zh",
)


def option(value: str, label: str) -> Any:
    """One choice of a select or checkbox list, in the form the installed WTForms prefers."""
    return SelectChoice(value=value, label=label) if SelectChoice else (value, label)


def options(pairs: Iterable[tuple[str, str]]) -> list[Any]:
    return [option(value, label) for value, label in pairs]


def in_current_language(label: Callable[[str, str], str], code: str) -> LazyString:
    """A vocabulary label that is looked up in the language of the page it is shown on."""
    return LazyString(lambda: label(code, current_language()))


SECTOR_CHOICES = options((slug, in_current_language(sector_label, slug)) for slug in SECTOR_LABELS)
OPTIONAL_SECTOR_CHOICES = [option("", lazy_gettext("Not specified")), *SECTOR_CHOICES]
OPTIONAL_STAGE_CHOICES = [
    option("", lazy_gettext("Not specified")),
    *options((stage, in_current_language(stage_label, stage)) for stage in STAGE_LABELS),
]


def strip_text(value: Any) -> Any:
    """A WTForms filter: whitespace-only input counts as missing."""
    return value.strip() if isinstance(value, str) else value


def language_choices(current: Iterable[str] = ()) -> list[tuple[str, str]]:
    """The common languages, plus any the record already has, so saving never drops one."""
    codes = list(COMMON_LANGUAGES) + [code for code in current if code not in COMMON_LANGUAGES]
    return options((code, in_current_language(language_name, code)) for code in codes)


class MultiCheckboxField(SelectMultipleField):
    """A multi-select shown as a list of checkboxes, easier on a phone than a <select multiple>."""

    widget = widgets.ListWidget(prefix_label=False)
    option_widget = widgets.CheckboxInput()


class ConfirmForm(FlaskForm):
    """No fields: carries the CSRF token of a POST-only action (log out, approve, delete)."""


def role_required(*roles: str) -> Callable:
    """Log-in required, then 403 unless the user has one of `roles`."""

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        @login_required
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            if current_user.role not in roles:
                abort(403)
            return view(*args, **kwargs)

        return wrapped

    return decorator


def is_safe_next(target: str | None) -> bool:
    """Only local paths: no scheme, no host, no protocol-relative `//` or `/\\` tricks."""
    if not target or not target.startswith("/") or target.startswith(("//", "/\\")):
        return False
    parts = urlsplit(target)
    return not parts.scheme and not parts.netloc and "\\" not in target


def show_service_error(form: FlaskForm | None, error: ServiceError) -> None:
    """Put a service's field errors next to the fields; anything else becomes a flash message."""
    unplaced = False
    for name, messages in (error.fields or {}).items():
        field = form[name] if form is not None and name in form else None
        if field is None:
            unplaced = True
            continue
        field.errors = list(field.errors) + list(messages)
    if unplaced or not error.fields or form is None:
        flash(error.message, "error")
