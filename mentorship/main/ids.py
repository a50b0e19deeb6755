"""Database ids typed by people or forged by clients: a number the database can hold, or None."""

from __future__ import annotations

# Ids are PostgreSQL integers; a longer number cannot name a row (and must not reach SQL).
ID_MAX = 2**31 - 1


def parse_id(value: object) -> int | None:
    """ASCII digits naming 1..ID_MAX, else None ("²" and "٣" are digits to Python, not ids)."""
    text = str(value if value is not None else "").strip()
    if not (text.isascii() and text.isdigit()):
        return None
    number = int(text)
    return number if 0 < number <= ID_MAX else None
