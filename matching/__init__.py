"""Pure matching library: ranks mentors, supply-chain partners and clusters for ideas."""

from __future__ import annotations

from matching.assign import Assignment, TopChoice, assign_mentors, top_choices
from matching.config import MatchConfig
from matching.embedding import Teacher, TextEmbedder, WordStore
from matching.errors import (
    EmbeddingUnavailableError,
    IndexNotFittedError,
    IndexVersionError,
    MatchingError,
    UnknownKindError,
    UnsupportedRecordError,
)
from matching.index import MatchIndex, embed_candidates
from matching.persistence import load_index, save_index
from matching.types import KINDS, ClusterRecord, IdeaRecord, Match, MentorRecord, PartnerRecord

__all__ = [
    "EmbeddingUnavailableError",
    "Teacher",
    "TextEmbedder",
    "WordStore",
    "embed_candidates",
    "load_index",
    "save_index",
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
