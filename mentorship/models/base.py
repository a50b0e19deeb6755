"""Declarative base with a naming convention so Alembic gets stable constraint names."""

from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import JSON, DateTime, MetaData
from sqlalchemy.orm import DeclarativeBase, registry
from sqlalchemy.types import TypeDecorator

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def as_aware(value: datetime) -> datetime:
    """`value` with its time zone; a naive one is taken as UTC, as every moment is stored."""
    return value if value.tzinfo is not None else value.replace(tzinfo=timezone.utc)


def utcnow() -> datetime:
    """Timezone-aware now; a callable default so every row gets its own time."""
    return datetime.now(timezone.utc)


class UTCDateTime(TypeDecorator):
    """A moment kept in UTC on every database.

    PostgreSQL stores the instant; SQLite stores the text of the wall-clock time and drops the
    offset, so 09:00+01:00 came back as 09:00 UTC, an hour late. Values are turned into UTC
    before they are stored, and SQLite's naive values are read back as the UTC they are.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if isinstance(value, datetime) and value.tzinfo is not None:
            value = value.astimezone(timezone.utc)
        return value

    def coerce_compared_value(self, op, value):
        # `created_at - timedelta(...)` is date arithmetic: the interval keeps its own type.
        return self.impl.coerce_compared_value(op, value)

    def process_result_value(self, value, dialect):
        return None if value is None else as_aware(value)


class Base(DeclarativeBase):
    registry = registry(
        metadata=MetaData(naming_convention=NAMING_CONVENTION),
        type_annotation_map={datetime: UTCDateTime(), list: JSON, dict: JSON},
    )


def in_values(column: str, values: tuple[str, ...]) -> str:
    """SQL for a CHECK constraint that keeps a string column within a vocabulary."""
    quoted = ", ".join(f"'{value}'" for value in values)
    return f"{column} IN ({quoted})"


def isoformat_utc(value: datetime | None) -> str | None:
    """ISO 8601 in UTC, with a Z."""
    if value is None:
        return None
    return as_aware(value).astimezone(timezone.utc).isoformat().replace("+00:00", "Z")
