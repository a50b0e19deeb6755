"""Typed models, one module per aggregate."""

from mentorship.models.accounts import (
    EntrepreneurProfile,
    MentorProfile,
    MentorStatus,
    Role,
    User,
)
from mentorship.models.audit import AuditEntry
from mentorship.models.base import Base
from mentorship.models.directory import Cluster, Partner
from mentorship.models.ideas import Idea, IdeaStatus
from mentorship.models.matches import Match, MatchKind, MatchStatus

__all__ = [
    "AuditEntry",
    "Base",
    "Cluster",
    "EntrepreneurProfile",
    "Idea",
    "IdeaStatus",
    "Match",
    "MatchKind",
    "MatchStatus",
    "MentorProfile",
    "MentorStatus",
    "Partner",
    "Role",
    "User",
]
