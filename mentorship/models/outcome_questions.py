"""The outcome questions a programme asks at the baseline and the endline (1-5 each).

Answers stay in ``mentorship_outcomes.answers`` keyed by the question's ``key``: renaming or
reordering a question never touches them, and a question that has answers is retired (no longer
asked, still reported) rather than removed.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from mentorship.models.base import Base, utcnow

QUESTION_KEY_MAX = 60
QUESTION_LABEL_MAX = 200


class OutcomeQuestion(Base):
    __tablename__ = "outcome_questions"
    __table_args__ = (UniqueConstraint("programme_id", "key", name="uq_outcome_question_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    programme_id: Mapped[int] = mapped_column(
        ForeignKey("programmes.id", ondelete="CASCADE"), index=True
    )
    key: Mapped[str] = mapped_column(String(QUESTION_KEY_MAX))
    label: Mapped[str] = mapped_column(String(QUESTION_LABEL_MAX), default="")
    """Empty: the built-in area's translated name (the six default areas)."""
    position: Mapped[int] = mapped_column(Integer, default=0)
    retired_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
