"""The impact report funders ask for: per programme, what the mentorships did and changed."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from statistics import mean
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from mentorship.extensions import db
from mentorship.models import (
    CheckIn,
    CloseOutSurvey,
    EntrepreneurProfile,
    Idea,
    Match,
    Mentorship,
    MentorshipGoal,
    MentorshipSession,
    OutcomeAnswers,
    SessionRating,
)
from mentorship.services.mentorships.health import nps
from mentorship.services.mentorships.impact_slices import NO_SLICE, clusters_of, module_name
from mentorship.services.outcome_questions import combined_questions, question_set


@dataclass
class Group:
    """Figures of one slice of mentorships (the whole programme, one sector or one city)."""

    pairings: int = 0
    active: int = 0
    completed: int = 0
    ended_early: int = 0
    sessions: int = 0
    minutes: int = 0
    goals: int = 0
    goals_met: int = 0
    pulses: list[int] = field(default_factory=list)
    nps_scores: list[int] = field(default_factory=list)
    session_ratings: list[int] = field(default_factory=list)
    baseline: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    endline: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    new_partnerships: int = 0

    @property
    def hours(self) -> float:
        return round(self.minutes / 60, 1)

    @property
    def average_pulse(self) -> float | None:
        return round(float(mean(self.pulses)), 2) if self.pulses else None

    @property
    def average_session_rating(self) -> float | None:
        return round(float(mean(self.session_ratings)), 2) if self.session_ratings else None

    @property
    def nps(self) -> int | None:
        return nps(self.nps_scores)

    def change(self, area: str) -> tuple[float | None, float | None, float | None]:
        """Average baseline, endline and change of the pairs that answered both."""
        before, after = self.baseline.get(area, []), self.endline.get(area, [])
        if not before or not after:
            return None, None, None
        start, end = round(float(mean(before)), 2), round(float(mean(after)), 2)
        return start, end, round(end - start, 2)


@dataclass
class ImpactReport:
    total: Group
    by_sector: dict[str, Group]
    by_city: dict[str, Group]
    areas: list[str]
    """The programme's outcome question keys in order, retired ones included."""
    labels: dict[str, str] = field(default_factory=dict)
    """The lead's wording of a question (empty for a default area)."""
    retired: set[str] = field(default_factory=set)
    wordings: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    """Across programmes: each programme's wording of a question they word differently."""
    by_module: dict[str, Group] = field(default_factory=lambda: defaultdict(Group))
    by_cluster: dict[str, Group] = field(default_factory=lambda: defaultdict(Group))


def _city(mentorship: Mentorship, profile_cities: dict[int, str]) -> str:
    idea = mentorship.match.idea if mentorship.match else None
    return (idea.city if idea and idea.city else "") or profile_cities.get(
        mentorship.entrepreneur_id, ""
    )


def impact_report(programme_id: int | None = None) -> ImpactReport:
    statement = sa.select(Mentorship).options(
        selectinload(Mentorship.match).selectinload(Match.idea).selectinload(Idea.module)
    )
    if programme_id:
        statement = statement.where(Mentorship.programme_id == programme_id)
    mentorships = db.session.scalars(statement.order_by(Mentorship.id)).all()
    ids = [m.id for m in mentorships]
    profile_cities = dict(
        db.session.execute(
            sa.select(EntrepreneurProfile.user_id, EntrepreneurProfile.city).where(
                EntrepreneurProfile.user_id.in_({m.entrepreneur_id for m in mentorships})
            )
        ).all()
    )
    report = ImpactReport(Group(), defaultdict(Group), defaultdict(Group), [])
    _name_questions(report, programme_id, mentorships)
    clusters = clusters_of({m.match.idea_id for m in mentorships if m.match})
    groups = {}
    for m in mentorships:
        idea = m.match.idea if m.match else None
        groups[m.id] = (
            report.total,
            report.by_sector[(idea.sector if idea else "") or "other"],
            report.by_city[_city(m, profile_cities) or NO_SLICE],
            report.by_module[module_name(m, with_programme=not programme_id)],
            *(report.by_cluster[name] for name in clusters.get(idea.id if idea else 0, [NO_SLICE])),
        )
        for group in groups[m.id]:
            group.pairings += 1
            if m.status in ("active", "paused"):
                group.active += 1
            elif m.status == "completed":
                group.completed += 1
            else:
                group.ended_early += 1
    _add_rows(ids, groups, report.areas)
    report.by_sector = dict(sorted(report.by_sector.items()))
    report.by_city = dict(sorted(report.by_city.items()))
    report.by_module = dict(sorted(report.by_module.items()))
    report.by_cluster = dict(sorted(report.by_cluster.items()))
    return report


def _name_questions(
    report: ImpactReport, programme_id: int | None, mentorships: list[Mentorship]
) -> None:
    """One programme's questions, or those of every programme in the report grouped by key."""
    if programme_id:
        questions = question_set(programme_id)
        report.areas = [q.key for q in questions]
        report.labels = {q.key: q.label for q in questions if q.label}
        report.retired = {q.key for q in questions if q.retired}
        return
    ids = sorted({m.programme_id for m in mentorships}, key=lambda i: (i is None, i or 0))
    combined = combined_questions(ids)
    report.areas, report.labels = combined.keys, combined.labels
    report.retired, report.wordings = combined.retired, combined.wordings


def _add_rows(ids: list[int], groups: dict[int, tuple[Group, ...]], areas: list[str]) -> None:
    if not ids:
        return
    for mentorship_id, minutes in db.session.execute(
        sa.select(MentorshipSession.mentorship_id, MentorshipSession.duration_minutes).where(
            MentorshipSession.mentorship_id.in_(ids), MentorshipSession.planned.is_(False)
        )
    ):
        for group in groups[mentorship_id]:
            group.sessions += 1
            group.minutes += minutes
    for mentorship_id, done_at in db.session.execute(
        sa.select(MentorshipGoal.mentorship_id, MentorshipGoal.done_at).where(
            MentorshipGoal.mentorship_id.in_(ids)
        )
    ):
        for group in groups[mentorship_id]:
            group.goals += 1
            group.goals_met += done_at is not None
    for mentorship_id, pulse in db.session.execute(
        sa.select(CheckIn.mentorship_id, CheckIn.pulse).where(CheckIn.mentorship_id.in_(ids))
    ):
        for group in groups[mentorship_id]:
            group.pulses.append(pulse)
    for mentorship_id, rating in db.session.execute(
        sa.select(MentorshipSession.mentorship_id, SessionRating.rating)
        .join(SessionRating, SessionRating.session_id == MentorshipSession.id)
        .where(MentorshipSession.mentorship_id.in_(ids))
    ):
        for group in groups[mentorship_id]:
            group.session_ratings.append(rating)
    for mentorship_id, score in db.session.execute(
        sa.select(CloseOutSurvey.mentorship_id, CloseOutSurvey.nps).where(
            CloseOutSurvey.mentorship_id.in_(ids)
        )
    ):
        for group in groups[mentorship_id]:
            group.nps_scores.append(score)
    _add_outcomes(ids, groups, areas)


def _add_outcomes(ids: list[int], groups: dict[int, tuple[Group, ...]], areas: list[str]) -> None:
    answered: dict[int, dict[str, dict[str, Any]]] = defaultdict(dict)
    for row in db.session.scalars(
        sa.select(OutcomeAnswers).where(OutcomeAnswers.mentorship_id.in_(ids))
    ):
        answered[row.mentorship_id][row.phase] = row.answers or {}
    for mentorship_id, phases in answered.items():
        if "baseline" not in phases or "endline" not in phases:
            continue  # change is measured on the pairs that answered both
        for group in groups[mentorship_id]:
            for area in areas:
                # A question added later (or retired earlier) counts only where both have it.
                if area in phases["baseline"] and area in phases["endline"]:
                    group.baseline[area].append(int(phases["baseline"][area]))
                    group.endline[area].append(int(phases["endline"][area]))
            group.new_partnerships += int(phases["endline"].get("new_partnerships", 0))
