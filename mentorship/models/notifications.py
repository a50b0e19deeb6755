"""What people are told: in-app notifications and the e-mail outbox a worker drains."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from mentorship.models.base import Base, in_values, utcnow


class OutboxStatus(str, enum.Enum):
    PENDING = "pending"
    SENT = "sent"
    FAILED = "failed"


OUTBOX_STATUSES = tuple(s.value for s in OutboxStatus)


class Notification(Base):
    """An in-app message for one user, written with the change it reports."""

    __tablename__ = "notifications"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(40))
    subject: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text, default="")
    link: Mapped[str] = mapped_column(String(300), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    read_at: Mapped[datetime | None]
    subject_recipe: Mapped[str | None] = mapped_column(Text)
    """The subject's message ids and values as JSON (`services.notice_recipes`), so the reader
    sees it in her language of the moment; None: only the text written at the time."""
    body_recipe: Mapped[str | None] = mapped_column(Text)


class OutboxEmail(Base):
    """An e-mail to send, committed in the same transaction as the decision it reports."""

    __tablename__ = "outbox_emails"
    __table_args__ = (CheckConstraint(in_values("status", OUTBOX_STATUSES), name="status_allowed"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    to_email: Mapped[str] = mapped_column(String(254))
    subject: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
    attachment_name: Mapped[str | None] = mapped_column(String(100))
    attachment: Mapped[str | None] = mapped_column(Text)
    """An optional text attachment (a calendar invitation), sent with the body."""
    status: Mapped[str] = mapped_column(String(20), default=OutboxStatus.PENDING.value, index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    sent_at: Mapped[datetime | None]
