"""Plain, immutable records exchanged with the matching library."""

from __future__ import annotations

from dataclasses import dataclass

KINDS: tuple[str, ...] = ("mentor", "partner", "cluster")


@dataclass(frozen=True)
class IdeaRecord:
    """A business idea looking for mentors, supply-chain partners and clusters."""

    id: int
    title: str
    description: str
    sector: str | None = None
    stage: str | None = None
    needs: tuple[str, ...] = KINDS
    languages: tuple[str, ...] = ()
    city: str = ""
    country: str = ""
    offers: str = ""
    """What the business will sell (free text); empty means: find it in the description."""
    seeks: str = ""
    """What the business needs to buy or find (free text); empty means: find it in the description."""
    own_mentors: tuple[int, ...] = ()
    """Mentors who already mentor this idea's entrepreneur: capacity counts entrepreneurs, so
    her new idea takes no new place with them, and they are proposed even when full."""


@dataclass(frozen=True)
class MentorRecord:
    """A mentor; only active mentors with remaining capacity are ever proposed."""

    id: int
    name: str
    headline: str = ""
    bio: str = ""
    expertise: str = ""
    sectors: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    city: str = ""
    remaining_capacity: int = 1
    active: bool = True


@dataclass(frozen=True)
class PartnerRecord:
    """A supply-chain partner company: what it offers and what it seeks."""

    id: int
    name: str
    description: str = ""
    offers: str = ""
    seeks: str = ""
    sector: str | None = None
    city: str = ""
    country: str = ""
    export_oriented: bool = False


@dataclass(frozen=True)
class ClusterRecord:
    """A startup or industry cluster; `members` names its member companies (one a line, with
    what each does), which say more about the cluster's trade than its own description."""

    id: int
    name: str
    description: str = ""
    sector: str | None = None
    region: str = ""
    members: str = ""


CandidateRecord = MentorRecord | PartnerRecord | ClusterRecord

KIND_OF_RECORD: dict[type, str] = {
    MentorRecord: "mentor",
    PartnerRecord: "partner",
    ClusterRecord: "cluster",
}


@dataclass(frozen=True)
class Match:
    """One proposed candidate for an idea, with a score in [0, 1] and human reasons."""

    kind: str
    candidate_id: int
    score: float
    rank: int
    reasons: tuple[str, ...]
    provisional: bool = False
    """Scored under the minimum fit a new proposal needs, but within the slack that lets a
    proposal already made stay (`MatchConfig.fit_slack`): keep it if proposed, never add it."""
