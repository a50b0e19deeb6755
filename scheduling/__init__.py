"""Pure meeting scheduler for B2B matchmaking days: plain data in, placements out."""

from __future__ import annotations

from scheduling.solve import solve
from scheduling.types import (
    NO_COMMON_FREE_SLOT,
    NO_COMMON_SESSION,
    NO_FREE_TABLE,
    PARTICIPANT_FULL,
    REASONS,
    Meeting,
    Participant,
    Placement,
    Problem,
    Schedule,
    SchedulingError,
    Session,
    Unscheduled,
)

__all__ = [
    "NO_COMMON_FREE_SLOT",
    "NO_COMMON_SESSION",
    "NO_FREE_TABLE",
    "PARTICIPANT_FULL",
    "REASONS",
    "Meeting",
    "Participant",
    "Placement",
    "Problem",
    "Schedule",
    "SchedulingError",
    "Session",
    "Unscheduled",
    "solve",
]
