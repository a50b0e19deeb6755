"""A notification's words kept as a recipe: message ids and the values put into them.

A notification used to be stored as the text it was written in, so a member who switched to
Serbian kept reading her older notifications in English. Kept as `lazy_gettext` /
`lazy_ngettext` calls with plain values, it is rendered again in the reader's language each
time it is shown; the stored text stays the fallback (a recipe that cannot be kept, or whose
message no longer takes its values).
"""

from __future__ import annotations

import json
from typing import Any

from flask_babel import LazyString, gettext, ngettext

_NAMES = {gettext: "gettext", ngettext: "ngettext"}
_FUNCTIONS = {name: function for function, name in _NAMES.items()}


def recipe_of(text: Any) -> str | None:
    """The JSON recipe of a lazy message, or None for plain text (nothing to translate again)."""
    if not isinstance(text, LazyString):
        return None
    encoded = _encode(text)
    return json.dumps(encoded, ensure_ascii=False) if encoded is not None else None


def _call_of(value: LazyString) -> tuple[Any, tuple, dict] | None:
    """The function and values a lazy string will be rendered with.

    Flask-Babel has no public way to read them: it keeps them as `_func`, `_args` and
    `_kwargs`. Should a later version not, no recipe is kept and the written text is shown,
    as for any message that cannot be kept (tests/web/test_notification_pages.py then fails at once).
    """
    try:
        return value._func, tuple(value._args), dict(value._kwargs)
    except (AttributeError, TypeError):
        return None


def _encode(value: Any) -> dict | None:
    if isinstance(value, LazyString):
        call = _call_of(value)
        name = None if call is None else _NAMES.get(call[0])
        if name is None:
            return None
        args = [_encode(arg) for arg in call[1]]
        kwargs = {key: _encode(arg) for key, arg in call[2].items()}
        if any(arg is None for arg in args) or any(arg is None for arg in kwargs.values()):
            return None
        return {"f": name, "a": args, "k": kwargs}
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        return {"v": value}
    return None


def rendered(recipe: str | None, written: str) -> str:
    """The message in the current language, or the text written at the time."""
    if not recipe:
        return written
    try:
        return str(_decode(json.loads(recipe)))
    except (ValueError, KeyError, TypeError):
        # A message changed since (other placeholders): what was written is still true.
        return written


def _decode(data: dict) -> Any:
    if "v" in data:
        return data["v"]
    function = _FUNCTIONS[data["f"]]
    return function(
        *[_decode(arg) for arg in data["a"]], **{k: _decode(v) for k, v in data["k"].items()}
    )
