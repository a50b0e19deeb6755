"""Pure matching library: ranks mentors, supply-chain partners and clusters for ideas."""

from __future__ import annotations

from matching.assign import Assignment, TopChoice, assign_mentors, top_choices
from matching.config import MatchConfig
from matching.errors import (
    IndexNotFittedError,
    IndexVersionError,
    MatchingError,
    UnknownKindError,
    UnsupportedRecordError,
)
from matching.index import MatchIndex
from matching.types import KINDS, ClusterRecord, IdeaRecord, Match, MentorRecord, PartnerRecord

__all__ = [
    "KINDS",
    "Assignment",
    "ClusterRecord",
    "IdeaRecord",
    "IndexNotFittedError",
    "IndexVersionError",
    "Match",
    "MatchConfig",
    "MatchIndex",
    "MatchingError",
    "MentorRecord",
    "PartnerRecord",
    "TopChoice",
    "UnknownKindError",
    "UnsupportedRecordError",
    "assign_mentors",
    "top_choices",
]
