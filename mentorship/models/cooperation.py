"""EEN-style cooperation profiles: what a partner company or an idea offers or looks for."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from mentorship.models.base import Base, in_values, utcnow

PROFILE_KINDS = ("offer", "request")
PROFILE_AREAS = ("business", "technology", "research")
# The kinds of cooperation a profile seeks (the meeting outcomes' list, without "other").
PROFILE_COOPERATION_TYPES = (
    "supplier",
    "buyer",
    "subcontracting",
    "joint_venture",
    "licensing",
    "investment",
)


class CooperationProfile(Base):
    """One offer or request, published for a partner company (by her contact person) or for an
    idea (by its entrepreneur): exactly one of the two."""

    __tablename__ = "cooperation_profiles"
    __table_args__ = (
        CheckConstraint(in_values("kind", PROFILE_KINDS), name="kind_allowed"),
        CheckConstraint(in_values("area", PROFILE_AREAS), name="area_allowed"),
        CheckConstraint(
            in_values("cooperation_type", PROFILE_COOPERATION_TYPES), name="type_allowed"
        ),
        CheckConstraint("(partner_id IS NULL) <> (idea_id IS NULL)", name="one_owner"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    partner_id: Mapped[int | None] = mapped_column(
        ForeignKey("partners.id", ondelete="CASCADE"), index=True
    )
    idea_id: Mapped[int | None] = mapped_column(
        ForeignKey("ideas.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(10))
    area: Mapped[str] = mapped_column(String(20))
    cooperation_type: Mapped[str] = mapped_column(String(30))
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    author = relationship("User")
    partner = relationship("Partner")
    idea = relationship("Idea")

    @property
    def owner_name(self) -> str:
        return self.partner.name if self.partner is not None else self.idea.title
