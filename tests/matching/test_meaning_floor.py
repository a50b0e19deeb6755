"""The floor a partner or cluster of another sector must clear once meaning is on."""

from __future__ import annotations

import pytest

from matching import (
    ClusterRecord,
    IdeaRecord,
    MatchIndex,
    MentorRecord,
    PartnerRecord,
    TextEmbedder,
)

JAM = IdeaRecord(
    1,
    "Plum jam for hotels",
    "Homemade plum jam and winter food from Merošina orchards, sold to hotels.",
    sector="food",
)
TUTORING = IdeaRecord(
    2,
    "Mobile app for tutoring",
    "An app that connects students with private math tutors online.",
    sector="ict",
)
AGRO = ClusterRecord(
    1,
    "Nis Region Agro Start Up Cluster",
    description="Agriculture and food processing startups of the Niš region.",
    sector="agriculture",
    region="Niš",
)


MENTOR = MentorRecord(
    1,
    "Food mentor",
    headline="Food processing and export",
    bio="Twenty years in food processing, HACCP certification and export to the EU.",
    expertise="jam, fruit processing, food safety, export",
    sectors=("food", "agriculture"),
)
HOTEL = PartnerRecord(
    1,
    "Hotel SUMATOVAC",
    description="A hotel with a restaurant that serves regional food.",
    sector="tourism",
    offers="accommodation, event space",
    seeks="local food, jam, honey",
)


@pytest.fixture(scope="module")
def index() -> MatchIndex:
    return MatchIndex.fit([MENTOR], [HOTEL], [AGRO], embedder=TextEmbedder().load())


def test_a_short_idea_keeps_the_cluster_of_a_neighbouring_sector(index: MatchIndex) -> None:
    """One shared word ("food") and the meaning of jam and orchards are enough for an agro cluster."""
    assert [m.candidate_id for m in index.rank(JAM, kinds=["cluster"])["cluster"]] == [1]


def test_an_unrelated_cluster_of_another_sector_is_not_proposed(index: MatchIndex) -> None:
    """A tutoring app shares only the little likeness any two texts have with an agro cluster."""
    assert index.rank(TUTORING, kinds=["cluster"])["cluster"] == []
