"""The lead's directory: supply-chain partner companies and startup clusters."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from mentorship.models.base import Base, in_values, utcnow


class ContactStatus(str, enum.Enum):
    """A contact person the lead invited is active at once; one who registered herself waits."""

    PENDING = "pending"
    ACTIVE = "active"
    REJECTED = "rejected"


CONTACT_STATUSES = tuple(s.value for s in ContactStatus)


class Partner(Base):
    """A company that could buy from or supply a new business."""

    __tablename__ = "partners"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    description: Mapped[str] = mapped_column(Text)
    sector: Mapped[str | None] = mapped_column(String(30))
    city: Mapped[str] = mapped_column(String(120), default="")
    country: Mapped[str] = mapped_column(String(2), default="RS")
    offers: Mapped[str] = mapped_column(Text, default="")
    seeks: Mapped[str] = mapped_column(Text, default="")
    export_oriented: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class Cluster(Base):
    """A sector association that startups can join."""

    __tablename__ = "clusters"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    description: Mapped[str] = mapped_column(Text)
    sector: Mapped[str | None] = mapped_column(String(30))
    region: Mapped[str] = mapped_column(String(120), default="")
    website: Mapped[str] = mapped_column(String(500), default="")
    members: Mapped[str] = mapped_column(Text, default="", server_default="")
    """Member companies, one a line ("Name: what it does"): matched with the description."""
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class PartnerContact(Base):
    """A user account that speaks for a partner company (role ``partner``): invited by the lead,
    or registered by herself and waiting for the lead's approval. One who registered for a
    company not yet in the directory names it (``company_name``); approving adds it."""

    __tablename__ = "partner_contacts"
    __table_args__ = (
        CheckConstraint(in_values("status", CONTACT_STATUSES), name="status_allowed"),
        CheckConstraint("partner_id IS NOT NULL OR company_name <> ''", name="names_a_company"),
    )

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    partner_id: Mapped[int | None] = mapped_column(
        ForeignKey("partners.id", ondelete="CASCADE"), index=True
    )
    company_name: Mapped[str] = mapped_column(String(200), default="", server_default="")
    status: Mapped[str] = mapped_column(
        String(20), default=ContactStatus.ACTIVE.value, server_default=ContactStatus.ACTIVE.value
    )
    decided_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    user = relationship("User")
    partner: Mapped[Partner | None] = relationship()

    @property
    def is_active(self) -> bool:
        return self.status == ContactStatus.ACTIVE

    @property
    def company(self) -> str:
        return self.partner.name if self.partner is not None else self.company_name
