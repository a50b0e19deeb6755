"""Signed partnership agreements from partner introductions, for the impact report: in total,
by type of cooperation, sector, city, cluster and module, within a programme or across all."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from mentorship.extensions import db
from mentorship.models import (
    EntrepreneurProfile,
    Idea,
    Match,
    MatchKind,
    MatchStatus,
    PartnershipAgreement,
    ProgrammeModule,
)
from mentorship.models.introductions import COOPERATION_TYPES
from mentorship.services.mentorships.impact_slices import NO_SLICE, clusters_of


@dataclass
class AgreementReport:
    total: int = 0
    introductions: int = 0
    """Approved partner introductions in scope: what the agreements are out of."""
    by_type: Counter = field(default_factory=Counter)
    by_sector: Counter = field(default_factory=Counter)
    by_city: Counter = field(default_factory=Counter)
    by_cluster: Counter = field(default_factory=Counter)
    by_module: Counter = field(default_factory=Counter)

    def table(self, name: str) -> list[tuple[str, int]]:
        """One breakdown as (name, count) rows; types in their fixed order, others by name."""
        counts: Counter = getattr(self, f"by_{name}")
        if name == "type":
            return [(kind, counts[kind]) for kind in COOPERATION_TYPES]
        return sorted(counts.items())


def _partner_introductions(programme_id: int | None):
    statement = (
        sa.select(Match)
        .join(Idea, Idea.id == Match.idea_id)
        .where(Match.kind == MatchKind.PARTNER.value, Match.status == MatchStatus.APPROVED.value)
        .options(
            selectinload(Match.idea)
            .selectinload(Idea.module)
            .selectinload(ProgrammeModule.programme)
        )
    )
    if programme_id:
        statement = statement.where(Idea.programme_id == programme_id)
    return statement


def agreement_report(programme_id: int | None = None) -> AgreementReport:
    report = AgreementReport()
    matches = db.session.scalars(_partner_introductions(programme_id)).all()
    report.introductions = len(matches)
    signed = {
        a.match_id: a
        for a in db.session.scalars(
            sa.select(PartnershipAgreement).where(
                PartnershipAgreement.match_id.in_([m.id for m in matches] or [0])
            )
        )
    }
    with_agreement = [m for m in matches if m.id in signed]
    owners = {m.idea.owner_id for m in with_agreement}
    profile_cities = dict(
        db.session.execute(
            sa.select(EntrepreneurProfile.user_id, EntrepreneurProfile.city).where(
                EntrepreneurProfile.user_id.in_(owners or {0})
            )
        ).all()
    )
    clusters = clusters_of({m.idea_id for m in with_agreement})
    for match in with_agreement:
        idea = match.idea
        report.total += 1
        report.by_type[signed[match.id].cooperation_type] += 1
        report.by_sector[idea.sector or "other"] += 1
        report.by_city[idea.city or profile_cities.get(idea.owner_id) or NO_SLICE] += 1
        for name in clusters.get(idea.id, [NO_SLICE]):
            report.by_cluster[name] += 1
        module = idea.module
        if module is None:
            report.by_module[NO_SLICE] += 1
        elif programme_id or module.programme is None:
            report.by_module[module.title] += 1
        else:
            report.by_module[f"{module.programme.name} · {module.title}"] += 1
    return report
