"""The public JSON API, /api/v1, per the contract."""

# The resource modules register their routes on api_bp when imported.
from mentorship.api import (  # noqa: F401
    auth,
    cooperation_routes,
    directory,
    event_routes,
    ideas,
    introduction_flow,
    introductions,
    me,
    mentors,
    mentorships,
    meta,
    partner_contacts,
    problem_reports,
    reviews,
)
from mentorship.api.blueprint import api_bp

__all__ = ["api_bp"]
