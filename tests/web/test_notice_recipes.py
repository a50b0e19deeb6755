"""A notification's words kept as a recipe, and what happens when one cannot be kept."""

from __future__ import annotations

import json

from flask_babel import LazyString, gettext, lazy_gettext, lazy_ngettext

from mentorship.services.notice_recipes import recipe_of, rendered


def test_a_lazy_message_is_kept_with_its_values(app):
    with app.test_request_context():
        text = lazy_ngettext("%(num)d idea", "%(num)d ideas", 3)
        recipe = recipe_of(text)
        assert json.loads(recipe)["f"] == "ngettext"
        assert rendered(recipe, "written") == "3 ideas"


def test_a_lazy_string_whose_call_cannot_be_read_keeps_the_written_text(app):
    """Flask-Babel has no public accessor for a lazy string's call: if a later version keeps
    it under other names, the notice is stored as written, never an error."""

    class OtherLazyString(LazyString):
        def __init__(self, func, *args, **kwargs):
            self._call = (func, args, kwargs)

        def __str__(self):
            func, args, kwargs = self._call
            return str(func(*args, **kwargs))

    with app.test_request_context():
        assert recipe_of(OtherLazyString(gettext, "Welcome")) is None
        assert recipe_of("Typed by hand") is None
        assert recipe_of(lazy_gettext("Welcome")) is not None
