"""Why a match fits, as of now: its stored reasons, with a mentor's free places counted when shown.

Matching stores its reasons with the match; a mentor's capacity changes after that with every
approval, so "can take N more mentees" is never stored but counted for the page or the API.
"""

from __future__ import annotations

import sqlalchemy as sa
from flask import has_request_context, request

from mentorship.extensions import db
from mentorship.models import Match, MatchKind, MatchStatus
from mentorship.reasons import capacity_reason, without_capacity
from mentorship.services.mentors import remaining_capacities

UNDECIDED = (MatchStatus.PROPOSED.value, MatchStatus.ACCEPTED.value)
CACHE_KEY = "mentorship.places_left"


def current_reasons(match: Match) -> list[str]:
    """The match's reasons in the library's English, capacity as of now (undecided mentor matches)."""
    reasons = without_capacity(list(match.reasons or []))
    if match.kind == MatchKind.MENTOR.value and match.status in UNDECIDED and match.mentor_id:
        places = places_left(match.mentor_id)
        if places > 0:
            reasons.append(capacity_reason(places))
    return reasons


def places_left(mentor_id: int) -> int:
    """Free places of a mentor now; one lookup per request serves every match the page loaded."""
    known = _request_cache()
    if mentor_id not in known:
        wanted = ({mentor_id} | _mentors_of_loaded_matches()) - known.keys()
        known.update(remaining_capacities(wanted))
    return known.get(mentor_id, 0)


def remember_places_left(places: dict[int, int]) -> None:
    """Free places the page has already counted (capacity minus load), for `places_left`."""
    _request_cache().update(places)


def _request_cache() -> dict[int, int]:
    # Per request, not per app context: a test client's requests can share one app context.
    return request.environ.setdefault(CACHE_KEY, {}) if has_request_context() else {}


def _mentors_of_loaded_matches() -> set[int]:
    """Mentors of the matches already in the session, read without loading anything more."""
    mentors = set()
    for instance in list(db.session.identity_map.values()):
        if isinstance(instance, Match):
            loaded = sa.inspect(instance).dict
            if loaded.get("kind") == MatchKind.MENTOR.value and loaded.get("mentor_id"):
                mentors.add(loaded["mentor_id"])
    return mentors
