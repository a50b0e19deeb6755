"""The floor a partner or cluster of another sector must clear once meaning is on."""

from __future__ import annotations

import dataclasses

import pytest

from matching import (
    ClusterRecord,
    IdeaRecord,
    MatchConfig,
    MatchIndex,
    MentorRecord,
    PartnerRecord,
    TextEmbedder,
)
from mentorship.demo.records import mentor_records

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


def test_a_mentor_just_under_the_minimum_fit_is_returned_only_as_provisional() -> None:
    """A proposal made before a refit stays while it is within the slack of the floor."""
    embedder = TextEmbedder().load()
    jam = dataclasses.replace(JAM, sector=None)  # no sector, place or language: score = text
    config = MatchConfig(capacity_weight=0.0)
    plain = MatchIndex.fit([MENTOR], [HOTEL], [AGRO], config=config, embedder=embedder)
    (match,) = plain.rank(jam, kinds=["mentor"])["mentor"]
    assert not match.provisional
    config = dataclasses.replace(config, min_mentor_fit=match.score + 0.01)
    above = MatchIndex.fit([MENTOR], [HOTEL], [AGRO], config=config, embedder=embedder)
    assert above.rank(jam, kinds=["mentor"])["mentor"] == []
    (held,) = above.rank(jam, kinds=["mentor"], provisional=True)["mentor"]
    assert held.provisional and held.candidate_id == MENTOR.id
    config = dataclasses.replace(config, min_mentor_fit=match.score + config.fit_slack + 0.01)
    below = MatchIndex.fit([MENTOR], [HOTEL], [AGRO], config=config, embedder=embedder)
    assert below.rank(jam, kinds=["mentor"], provisional=True)["mentor"] == []


def test_a_mentor_sharing_a_word_but_not_the_meaning_is_not_proposed() -> None:
    """The demo's nineteen mentors: "pricing" alone made a SaaS software architect a mentor
    for a sofa workshop; by meaning she does not stand out from the other mentors."""
    mentors = mentor_records()
    sofas = IdeaRecord(
        3,
        "Upholstered sofas made to order",
        "I want to make upholstered sofas and armchairs to order in a small workshop. Customers "
        "want sofas in their own size and fabric, which big stores do not offer. I am looking "
        "for advice on design, pricing and finding fabric suppliers.",
        sector="furniture",
    )
    embedder = TextEmbedder().load()
    headlines = {m.id: m.headline for m in mentors}

    def proposed(deviations: float | None) -> list[str]:
        config = MatchConfig(meaning_deviations=deviations)
        index = MatchIndex.fit(mentors=mentors, config=config, embedder=embedder)
        return [headlines[m.candidate_id] for m in index.rank(sofas, kinds=["mentor"])["mentor"]]

    software = "Software architect and product mentor"
    assert software in proposed(None)
    deployed = proposed(MatchConfig().meaning_deviations)
    assert software not in deployed and deployed[0].startswith("Furniture design")
