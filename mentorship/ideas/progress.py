"""An idea's status and matches, rendered once for each state of their data.

The part of the idea page below the idea (its status, its matches with their reasons, places and,
once approved, the other side's contact details) is most of the page's cost. It is kept in the page
cache under a fingerprint of the tables it reads (matches, ideas, users, mentor profiles, partners,
clusters), with the idea, who reads it (the owner reads "you", others "she"; the lead also sees a
failure's reason) and the language: a repeat view, or the page's own polling, neither loads nor
renders it again, and any change to a match, the idea, a capacity or a name gives a new fingerprint.
The retry form's CSRF token is each session's own: the kept HTML holds a slot for it.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask import render_template
from flask_wtf import FlaskForm
from markupsafe import Markup

from mentorship.infrastructure import page_cache
from mentorship.models import Idea, MatchStatus, User
from mentorship.queries.fingerprints import DIRECTORY_TABLES, matching_data_fingerprint
from mentorship.services import ideas as idea_service


@dataclass(frozen=True)
class IdeaProgress:
    html: Markup
    approved: bool
    """Whether one of the idea's matches is an approved pairing (the owner may then not edit it)."""


def idea_progress(idea: Idea, reader: User, form: FlaskForm) -> IdeaProgress:
    """The status and matches part for this reader, from the cache if its data is unchanged."""

    def render() -> dict:
        matches = idea_service.matches_by_kind(idea)  # every match, whatever its kind
        return {
            "html": render_template(
                "ideas/_progress.html", idea=idea, matches=matches, retry_form=form
            ),
            "approved": any(
                m.status == MatchStatus.APPROVED.value for kind in matches.values() for m in kind
            ),
        }

    kept = page_cache.kept_part(
        "idea-progress",
        matching_data_fingerprint(DIRECTORY_TABLES),
        idea.id,
        reader.id,
        reader.role,
        token=form.csrf_token.current_token if form.meta.csrf else "",
        compute=render,
    )
    return IdeaProgress(kept["html"], kept["approved"])
