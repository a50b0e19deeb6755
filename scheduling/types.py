"""Plain data in and out of the meeting scheduler: no web, no database."""

from __future__ import annotations

from dataclasses import dataclass, field

# Why a meeting could not be placed.
NO_COMMON_SESSION = "no_common_session"
PARTICIPANT_FULL = "participant_full"
NO_FREE_TABLE = "no_free_table"
NO_COMMON_FREE_SLOT = "no_common_free_slot"
REASONS = (NO_COMMON_SESSION, PARTICIPANT_FULL, NO_FREE_TABLE, NO_COMMON_FREE_SLOT)


@dataclass(frozen=True)
class Session:
    """A block of consecutive meeting slots, all held at the same number of tables."""

    id: str
    slots: int
    tables: int


@dataclass(frozen=True)
class Participant:
    """Someone who meets others; she is available in every slot of the sessions she attends."""

    id: str
    sessions: frozenset[str]


@dataclass(frozen=True)
class Meeting:
    """An accepted one-to-one meeting between two participants."""

    id: str
    first: str
    second: str


@dataclass(frozen=True)
class Placement:
    """Where a meeting happens: the slot (0-based within its session) and the table (from 1)."""

    meeting_id: str
    session_id: str
    slot: int
    table: int


@dataclass(frozen=True)
class Unscheduled:
    meeting_id: str
    reason: str


@dataclass(frozen=True)
class Problem:
    sessions: tuple[Session, ...]
    participants: tuple[Participant, ...]
    meetings: tuple[Meeting, ...]
    pinned: tuple[Placement, ...] = ()


@dataclass(frozen=True)
class Schedule:
    """The placements, the meetings left out with their reason, and figures about the result.

    ``max_degree`` is the largest number of placeable meetings of one participant (Δ, the
    least number of slots any schedule needs); ``slots_used`` counts slots holding a meeting;
    ``idle_gap`` is the average number of empty slots between a participant's first and last
    meeting of a session, over participants with meetings.
    """

    placements: tuple[Placement, ...]
    unscheduled: tuple[Unscheduled, ...]
    max_degree: int
    slots_used: int
    two_sided: bool
    idle_gap: float
    table_bound: int = 0
    notes: tuple[str, ...] = field(default=())


class SchedulingError(ValueError):
    """Input the scheduler cannot work with; ``code`` names the problem, the text explains it."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
