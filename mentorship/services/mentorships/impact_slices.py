"""Which module and which clusters a mentorship's idea belongs to, for the impact report."""

from __future__ import annotations

from collections import defaultdict

import sqlalchemy as sa

from mentorship.extensions import db
from mentorship.models import Match, MatchKind, MatchStatus, Mentorship

NO_SLICE = "—"


def module_name(mentorship: Mentorship, *, with_programme: bool) -> str:
    """The idea's module; with the programme's name when the report spans programmes."""
    idea = mentorship.match.idea if mentorship.match else None
    module = idea.module if idea else None
    if module is None:
        return NO_SLICE
    if with_programme and module.programme is not None:
        return f"{module.programme.name} · {module.title}"
    return module.title


def clusters_of(idea_ids: set[int]) -> dict[int, list[str]]:
    """The clusters the lead approved for each idea (an ended one keeps its name)."""
    found: dict[int, list[str]] = defaultdict(list)
    if not idea_ids:
        return found
    for match in db.session.scalars(
        sa.select(Match)
        .where(
            Match.idea_id.in_(idea_ids),
            Match.kind == MatchKind.CLUSTER.value,
            Match.status == MatchStatus.APPROVED.value,
        )
        .order_by(Match.id)
    ):
        name = match.target_name
        if name and name not in found[match.idea_id]:
            found[match.idea_id].append(name)
    return found
