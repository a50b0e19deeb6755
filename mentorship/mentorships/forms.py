"""The mentorship forms carry the CSRF token; the service validates their fields (one set of
rules for the pages and the API)."""

from __future__ import annotations

from flask_wtf import FlaskForm


class MentorshipActionForm(FlaskForm):
    """Any change on a mentorship page: checked for its CSRF token, fields read by the service."""
