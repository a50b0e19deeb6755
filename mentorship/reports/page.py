"""The dashboard's reports, computed and rendered once for each state of their data.

Every report counts over the whole programme (ideas, matches, decisions, mentors' loads), which
is most of the page's cost, while the data changes far less often than the lead looks. The
rendered reports are kept in the page cache under a fingerprint of the tables they count
(matches, ideas, mentor profiles, users), the programme and the language: any change to that
data gives a new fingerprint and so fresh figures.
"""

from __future__ import annotations

from flask import current_app, render_template, request
from markupsafe import Markup

from mentorship.i18n import current_language
from mentorship.infrastructure import page_cache
from mentorship.models import Programme
from mentorship.queries.fingerprints import matching_data_fingerprint
from mentorship.reports import builders, charts


def reports_html(programme: Programme | None) -> Markup:
    """The reports' index and sections for `programme` (None: all), from the cache if current."""
    programme_id = programme.id if programme else None
    key = page_cache.cache_key(
        "reports",
        matching_data_fingerprint(),
        programme_id,
        current_language(),
        current_app.config.get("BABEL_DEFAULT_TIMEZONE"),
        request.script_root,
    )
    cached = page_cache.get(key)
    if cached is None:
        cached = render_template(
            "reports/_reports.html",
            reports=builders.all_reports(programme_id),
            programme=programme,
            column_baseline=charts.baseline_y(),
        )
        page_cache.put(key, cached)
    return Markup(cached)
