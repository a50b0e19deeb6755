"""Translated labels of the mentorship vocabularies, looked up when shown."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_babel import lazy_pgettext

STATUS_LABELS = {
    "active": lazy_pgettext("one mentorship", "Active"),
    "paused": _l("Paused"),
    "completed": _l("Completed"),
    "ended_early": _l("Ended early"),
}
LIGHT_LABELS = {
    "on_track": _l("On track"),
    "needs_check_in": _l("Needs a check-in"),
    "too_early": _l("Too early to tell"),
    "closed": _l("Closed"),
}
REASON_LABELS = {
    "no_session": _l("no session for three weeks"),
    "low_pulse": _l("low pulse"),
    "unanswered_messages": _l("messages unanswered for over a week"),
}
AREA_LABELS = {
    "confidence": _l("Confidence"),
    "business_skills": _l("Business skills"),
    "leadership": _l("Leadership"),
    "networks_market_reach": _l("Networks and market reach"),
    "strategy": _l("Strategy"),
    "access_to_capital": _l("Access to capital"),
}
REVENUE_LABELS = {
    "none": _l("No revenue yet"),
    "under_5k": _l("Under €5,000 a year"),
    "5k_20k": _l("€5,000–20,000 a year"),
    "20k_100k": _l("€20,000–100,000 a year"),
    "over_100k": _l("Over €100,000 a year"),
}
FIELD_LABELS = {
    "meeting_frequency": _l("How often"),
    "meeting_format": _l("How"),
    "success_looks_like": _l("What success looks like"),
    "title": _l("Goal"),
    "due_on": _l("Due"),
    "held_on": _l("Date"),
    "starts_at": _l("Starts"),
    "duration_minutes": _l("Duration (minutes)"),
    "topics": _l("Topics"),
    "notes": _l("Notes"),
    "body": _l("Message"),
    "pulse": _l("How is it going"),
    "line": _l("In one line"),
    "status": _l("Outcome"),
    "end_reason": _l("Why it ended early"),
    "nps": _l("Would you recommend this mentoring"),
    "comment": _l("Comment"),
    "revenue_band": _l("Revenue"),
    "employees": _l("Employees"),
    "new_partnerships": _l("New partnerships"),
    "phase": _l("Questions"),
    "done": _l("Done"),
    "rating": _l("Rating"),
    **AREA_LABELS,
}
