"""Proposed pairings of an idea with a mentor, a partner or a cluster, and their review state."""

from __future__ import annotations

import enum
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy import CheckConstraint, Float, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, column_property, mapped_column, relationship

from mentorship.models.accounts import User
from mentorship.models.base import Base, in_values, utcnow
from mentorship.models.directory import Cluster, Partner
from mentorship.models.ideas import Idea


class MatchKind(str, enum.Enum):
    MENTOR = "mentor"
    PARTNER = "partner"
    CLUSTER = "cluster"


class MatchStatus(str, enum.Enum):
    PROPOSED = "proposed"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    APPROVED = "approved"
    REJECTED = "rejected"


class EndReason(str, enum.Enum):
    """Why an approved pairing ended: its mentor, partner or cluster left the programme."""

    MENTOR_DELETED = "mentor_deleted"
    PARTNER_DELETED = "partner_deleted"
    CLUSTER_DELETED = "cluster_deleted"


MATCH_KINDS = tuple(k.value for k in MatchKind)
MATCH_STATUSES = tuple(s.value for s in MatchStatus)
END_REASONS = tuple(r.value for r in EndReason)

# Only the target column of the match's kind may be set, and it is set unless the pairing
# ended: an ended pairing outlives its mentor, partner or cluster (ON DELETE SET NULL).
_ONE_TARGET = (
    "(kind = 'mentor' AND partner_id IS NULL AND cluster_id IS NULL"
    " AND (mentor_id IS NOT NULL OR ended_at IS NOT NULL))"
    " OR (kind = 'partner' AND mentor_id IS NULL AND cluster_id IS NULL"
    " AND (partner_id IS NOT NULL OR ended_at IS NOT NULL))"
    " OR (kind = 'cluster' AND mentor_id IS NULL AND partner_id IS NULL"
    " AND (cluster_id IS NOT NULL OR ended_at IS NOT NULL))"
)
# Only an approved pairing can end, and an ended one says why.
_ENDED = (
    "(ended_at IS NULL AND end_reason IS NULL)"
    f" OR (status = 'approved' AND ended_at IS NOT NULL AND {in_values('end_reason', END_REASONS)})"
)


class Match(Base):
    __tablename__ = "matches"
    __table_args__ = (
        CheckConstraint(in_values("kind", MATCH_KINDS), name="kind_allowed"),
        CheckConstraint(in_values("status", MATCH_STATUSES), name="status_allowed"),
        CheckConstraint("score >= 0 AND score <= 1", name="score_range"),
        CheckConstraint("rank >= 1", name="rank_positive"),
        CheckConstraint(_ONE_TARGET, name="one_target"),
        CheckConstraint(_ENDED, name="ended_when_approved"),
        UniqueConstraint("idea_id", "mentor_id", name="uq_matches_idea_mentor"),
        UniqueConstraint("idea_id", "partner_id", name="uq_matches_idea_partner"),
        UniqueConstraint("idea_id", "cluster_id", name="uq_matches_idea_cluster"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    idea_id: Mapped[int] = mapped_column(ForeignKey("ideas.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(10))
    # SET NULL, not CASCADE: services.pairing_endings ends approved pairings and removes the
    # other matches before a target goes, so only ended pairings are left to lose their target.
    mentor_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    partner_id: Mapped[int | None] = mapped_column(
        ForeignKey("partners.id", ondelete="SET NULL"), index=True
    )
    cluster_id: Mapped[int | None] = mapped_column(
        ForeignKey("clusters.id", ondelete="SET NULL"), index=True
    )
    score: Mapped[float] = mapped_column(Float)
    rank: Mapped[int] = mapped_column(Integer)
    reasons: Mapped[list] = mapped_column(default=list)
    status: Mapped[str] = mapped_column(String(20), default=MatchStatus.PROPOSED.value, index=True)
    review_requested_at: Mapped[datetime | None]
    review_note: Mapped[str | None] = mapped_column(Text)
    reviewed_at: Mapped[datetime | None]
    decision_note: Mapped[str | None] = mapped_column(Text)
    decided_at: Mapped[datetime | None]
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    ended_at: Mapped[datetime | None]
    end_reason: Mapped[str | None] = mapped_column(String(30))
    ended_target_name: Mapped[str | None] = mapped_column(String(200))
    """The mentor's, partner's or cluster's name when the pairing ended; the row outlives it."""
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    idea: Mapped[Idea] = relationship()
    mentor: Mapped[User | None] = relationship(foreign_keys=[mentor_id])
    partner: Mapped[Partner | None] = relationship()
    cluster: Mapped[Cluster | None] = relationship()

    @property
    def target_id(self) -> int | None:
        """None once an ended pairing's mentor, partner or cluster is gone."""
        return {"mentor": self.mentor_id, "partner": self.partner_id, "cluster": self.cluster_id}[
            self.kind
        ]

    @property
    def target(self) -> User | Partner | Cluster | None:
        return {"mentor": self.mentor, "partner": self.partner, "cluster": self.cluster}[self.kind]

    @property
    def target_name(self) -> str:
        target = self.target
        return target.name if target is not None else (self.ended_target_name or "")

    @property
    def pairing_name(self) -> str:
        """ "Idea title — mentor, partner or cluster", as the lead's pages name a pairing."""
        return f"{self.idea.title} — {self.target_name}" if self.target_name else self.idea.title

    @property
    def is_ended(self) -> bool:
        return self.ended_at is not None


# Whether the idea has its mentor: read with the idea (one EXISTS in the same query), so matching
# a whole programme does not ask once per idea. Re-matching then proposes no further mentors.
Idea.has_approved_mentor = column_property(
    sa.exists()
    .where(
        Match.idea_id == Idea.id,
        Match.kind == MatchKind.MENTOR.value,
        Match.status == MatchStatus.APPROVED.value,
        Match.ended_at.is_(None),
    )
    .correlate_except(Match)
)
