"""Meaning vectors kept so that the model embeds each word and each candidate text only once."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from mentorship.models.base import Base, utcnow


class WordVector(Base):
    """One word's vector from the sentence model (float16), shared by every worker process."""

    __tablename__ = "word_vectors"

    model: Mapped[str] = mapped_column(String(80), primary_key=True)
    word: Mapped[str] = mapped_column(String(40), primary_key=True)
    vector: Mapped[bytes] = mapped_column(LargeBinary)


class CandidateVector(Base):
    """A candidate field's meaning vector (float16), valid while its text hash is unchanged.

    No foreign key: candidates of three kinds live in three tables; rows of deleted candidates
    are removed by the service that deletes them, and unused ones are never read.
    """

    __tablename__ = "candidate_vectors"

    kind: Mapped[str] = mapped_column(String(10), primary_key=True)
    candidate_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    field: Mapped[str] = mapped_column(String(20), primary_key=True)
    model: Mapped[str] = mapped_column(String(80))
    text_hash: Mapped[str] = mapped_column(String(40))
    vector: Mapped[bytes] = mapped_column(LargeBinary)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
