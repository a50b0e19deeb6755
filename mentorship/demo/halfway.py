"""The demo programme half-way through: mentors' answers and the lead's decisions, from a data file.

Applied once, after the first matching of a fresh demo load, through the same services people
use, so every report, the mentor load and the audit trail have something to show. The steps are
in `data/halfway.json`; matching is deterministic, so the same steps give the same programme.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from mentorship.extensions import db
from mentorship.models import AuditEntry, Idea, Match, MatchStatus, Programme, Role, User
from mentorship.services import audit
from mentorship.services.approvals import decide_matches
from mentorship.services.errors import ServiceError
from mentorship.services.review import review_match

DATA = Path(__file__).resolve().parent / "data" / "halfway.json"
MARKER = "demo.halfway"
DONE = {"accept": "accepted", "decline": "declined", "approve": "approved", "reject": "rejected"}


def load_steps(path: Path = DATA) -> dict[str, list[dict[str, Any]]]:
    """The reviews and decisions of the data file, each with the keys it needs."""
    data = json.loads(path.read_text(encoding="utf-8"))
    for step in data["reviews"]:
        _require(step, ("owner", "idea", "rank", "answer"))
    for step in data["decisions"]:
        _require(step, ("owner", "idea", "kind", "rank", "decision"))
    return {"reviews": data["reviews"], "decisions": data["decisions"]}


def _require(step: dict[str, Any], keys: tuple[str, ...]) -> None:
    missing = [key for key in keys if key not in step]
    if missing:
        raise ValueError(f"demo step {step!r} lacks {', '.join(missing)}")


def apply_halfway(steps: dict[str, list[dict[str, Any]]] | None = None) -> Counter[str]:
    """Answer and decide as the data file says; once per database (an audit entry marks it)."""
    done: Counter[str] = Counter()
    if db.session.scalar(sa.select(AuditEntry.id).where(AuditEntry.action == MARKER).limit(1)):
        done["already applied"] += 1
        return done
    if db.session.scalar(sa.select(Match.id).limit(1)) is None:
        done["waiting for matching"] += 1  # loaded with --no-matching: nothing to answer yet
        return done
    steps = steps or load_steps()
    for step in steps["reviews"]:
        match = _match(step, "mentor")
        if match is None or match.status != MatchStatus.PROPOSED.value or match.mentor is None:
            done["skipped"] += 1
            continue
        try:
            review_match(match.mentor, match.id, step["answer"], step.get("note"))
        except ServiceError:
            done["skipped"] += 1
            continue
        done[DONE[step["answer"]]] += 1
    _decide(steps["decisions"], done)
    _mark_applied(done)
    return done


def _decide(steps: list[dict[str, Any]], done: Counter[str]) -> None:
    """All targets are found first: a decision re-matches open ideas, which may renumber ranks."""
    lead = db.session.scalar(
        sa.select(User).where(User.role == Role.LEAD.value).order_by(User.id).limit(1)
    )
    batches: dict[tuple[str, str | None], list[int]] = {}
    for step in steps:
        match = _match(step, step["kind"])
        if match is None:
            done["skipped"] += 1
            continue
        batches.setdefault((step["decision"], step.get("note")), []).append(match.id)
    for (decision, note), match_ids in batches.items():
        for result in decide_matches(lead, match_ids, decision, note):
            done[DONE[decision] if result.ok else "skipped"] += 1


def _match(step: dict[str, Any], kind: str) -> Match | None:
    return db.session.scalar(
        sa.select(Match)
        .join(Idea, Idea.id == Match.idea_id)
        .join(User, User.id == Idea.owner_id)
        .where(
            User.name == step["owner"],
            Idea.title == step["idea"],
            Match.kind == kind,
            Match.rank == step["rank"],
        )
        .order_by(Match.id)
        .limit(1)
    )


def _mark_applied(done: Counter[str]) -> None:
    programme = db.session.scalar(sa.select(Programme).order_by(Programme.id).limit(1))
    audit.record(
        None,
        MARKER,
        "programme",
        programme.id if programme else None,
        details={"counts": dict(sorted(done.items()))},
    )
    db.session.commit()
