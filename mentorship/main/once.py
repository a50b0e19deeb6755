"""One-time form tokens: a double click or a re-sent form creates one thing, not two.

The token is drawn when the form is first shown and sent back hidden; the service stores it
with what the form created, so a second arrival of the same form finds that and says so.
A form sent without one (a page cached from before tokens) still works, with a new token.
"""

from __future__ import annotations

import secrets

from flask import flash
from flask_babel import lazy_gettext as _l
from wtforms import HiddenField
from wtforms.validators import Regexp

from mentorship.services.idea_submissions import FORM_KEY_PREFIX

TOKEN_PATTERN = r"^[A-Za-z0-9_-]{20,64}$"


def new_submission_token() -> str:
    return secrets.token_urlsafe(24)


class OneTimeTokenMixin:
    """Adds the hidden `submission_token` field to a form."""

    submission_token = HiddenField(
        validators=[
            Regexp(
                TOKEN_PATTERN,
                message=_l("This form is out of date. Please check it and submit it again."),
            )
        ]
    )

    def ensure_token(self) -> None:
        """A token for a form shown for the first time (or sent without one)."""
        if not self.submission_token.data:
            self.submission_token.data = new_submission_token()

    def submission_key(self) -> str:
        return FORM_KEY_PREFIX + self.submission_token.data

    def renew_bad_token(self) -> bool:
        """After a failed validation: a malformed token is said so and replaced."""
        if not self.submission_token.errors:
            return False
        flash(str(self.submission_token.errors[0]), "error")
        self.submission_token.data = new_submission_token()
        return True
