"""Lead forms: the mentor actions carry nothing but their CSRF token."""

from __future__ import annotations

from mentorship.main.helpers import ConfirmForm


class MentorActionForm(ConfirmForm):
    """Approve, reactivate or deactivate one mentor."""
