"""People: users with a role, and the entrepreneur and mentor profiles that hang off them."""

from __future__ import annotations

import enum
from datetime import datetime

import sqlalchemy as sa
from flask import current_app, has_app_context
from flask_login import UserMixin
from sqlalchemy import CheckConstraint, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship
from werkzeug.security import check_password_hash, generate_password_hash

from mentorship.models.base import Base, in_values, utcnow


class Role(str, enum.Enum):
    ENTREPRENEUR = "entrepreneur"
    MENTOR = "mentor"
    LEAD = "lead"
    # A partner company's contact person: takes part in B2B events (models.directory.PartnerContact).
    PARTNER = "partner"


class MentorStatus(str, enum.Enum):
    PENDING = "pending"
    ACTIVE = "active"
    INACTIVE = "inactive"


ROLES = tuple(r.value for r in Role)
MENTOR_STATUSES = tuple(s.value for s in MentorStatus)
MAX_CAPACITY = 50


class User(UserMixin, Base):
    __tablename__ = "users"
    __table_args__ = (CheckConstraint(in_values("role", ROLES), name="role_allowed"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))
    email_notifications: Mapped[bool] = mapped_column(default=True)
    # Mentors hear of new and withdrawn proposals in one daily digest unless they ask for each.
    instant_emails: Mapped[bool] = mapped_column(default=False, server_default=sa.false())
    last_digest_at: Mapped[datetime | None]
    locale: Mapped[str | None] = mapped_column(String(5))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    entrepreneur_profile: Mapped[EntrepreneurProfile | None] = relationship(
        back_populates="user", cascade="all, delete-orphan", uselist=False
    )
    mentor_profile: Mapped[MentorProfile | None] = relationship(
        back_populates="user", cascade="all, delete-orphan", uselist=False
    )
    # Read-only: the link is written as its own row (services.partner_contacts, events.setup).
    partner_contact = relationship("PartnerContact", uselist=False, viewonly=True)

    def set_password(self, password: str) -> None:
        method = (
            current_app.config.get("PASSWORD_HASH_METHOD", "scrypt")
            if has_app_context()
            else "scrypt"
        )
        self.password_hash = generate_password_hash(password, method=method)

    def check_password(self, password: str) -> bool:
        return check_password_hash(self.password_hash, password)

    @property
    def status(self) -> str:
        """Mentors and self-registered partner contacts carry the lead's approval status;
        everyone else is simply active."""
        if self.role == Role.MENTOR and self.mentor_profile is not None:
            return self.mentor_profile.status
        if self.role == Role.PARTNER and self.partner_contact is not None:
            status = self.partner_contact.status
            return MentorStatus.INACTIVE.value if status == "rejected" else status
        return MentorStatus.ACTIVE.value

    @property
    def profile(self) -> EntrepreneurProfile | MentorProfile | None:
        if self.role == Role.ENTREPRENEUR:
            return self.entrepreneur_profile
        if self.role == Role.MENTOR:
            return self.mentor_profile
        return None

    @property
    def is_lead(self) -> bool:
        return self.role == Role.LEAD

    @property
    def is_mentor(self) -> bool:
        return self.role == Role.MENTOR

    @property
    def is_partner_contact(self) -> bool:
        return self.role == Role.PARTNER

    @property
    def is_entrepreneur(self) -> bool:
        return self.role == Role.ENTREPRENEUR

    @property
    def gets_digest(self) -> bool:
        """Proposal e-mails wait for the daily digest: mentors, unless they chose each one."""
        return self.is_mentor and self.email_notifications and not self.instant_emails

    @property
    def gets_message_digest(self) -> bool:
        """New messages wait for the daily digest: anybody who did not ask for instant e-mails."""
        return self.email_notifications and not self.instant_emails

    def __repr__(self) -> str:
        return f"<User {self.id} {self.role}>"


class EntrepreneurProfile(Base):
    __tablename__ = "entrepreneur_profiles"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    business_name: Mapped[str] = mapped_column(String(200), default="")
    city: Mapped[str] = mapped_column(String(120), default="")
    country: Mapped[str] = mapped_column(String(2), default="RS")
    sector: Mapped[str | None] = mapped_column(String(30))
    stage: Mapped[str | None] = mapped_column(String(20))
    bio: Mapped[str] = mapped_column(Text, default="")
    languages: Mapped[list] = mapped_column(default=list)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    user: Mapped[User] = relationship(back_populates="entrepreneur_profile")


class MentorProfile(Base):
    __tablename__ = "mentor_profiles"
    __table_args__ = (
        CheckConstraint(f"capacity >= 0 AND capacity <= {MAX_CAPACITY}", name="capacity_range"),
        CheckConstraint(in_values("status", MENTOR_STATUSES), name="status_allowed"),
    )

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    headline: Mapped[str] = mapped_column(String(200), default="")
    bio: Mapped[str] = mapped_column(Text, default="")
    expertise: Mapped[str] = mapped_column(Text, default="")
    city: Mapped[str] = mapped_column(String(120), default="")
    sectors: Mapped[list] = mapped_column(default=list)
    languages: Mapped[list] = mapped_column(default=list)
    capacity: Mapped[int] = mapped_column(Integer, default=3)
    status: Mapped[str] = mapped_column(String(20), default=MentorStatus.PENDING.value)
    activated_at: Mapped[datetime | None]
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    user: Mapped[User] = relationship(back_populates="mentor_profile")

    @property
    def is_active(self) -> bool:
        return self.status == MentorStatus.ACTIVE
