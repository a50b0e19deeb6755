"""A cluster's member companies count as its text: an idea close to what a member does finds
the cluster even when the cluster's own description does not say it."""

from __future__ import annotations

import dataclasses

from matching import ClusterRecord, IdeaRecord, MatchIndex, MentorRecord
from matching.profiles import PROFILE, candidate_texts

OAK = IdeaRecord(
    1,
    "Oak tables",
    "I build solid oak dining tables and need varnish, hinges and upholstery for chairs.",
)
FURNITURE = ClusterRecord(
    1,
    "Serbian Cluster of Producers",
    description="A national association that organises joint fair stands and training.",
    members=(
        "Drvopromet Kraljevo: sawmill, oak and beech boards\n"
        "Okov Centar: hinges, handles and fittings\n"
        "Lak Plus: wood varnishes and finishing"
    ),
)
TOURISM = ClusterRecord(
    2,
    "Tourism Cluster",
    description="A national association of hotels, travel agencies and guides that organises "
    "joint fair stands and training.",
)
MENTOR = MentorRecord(1, "Someone", headline="Tourism", bio="Hotels and travel.")


def _clusters(records: list[ClusterRecord]) -> list[int]:
    index = MatchIndex.fit(mentors=[MENTOR], partners=[], clusters=records)
    return [match.candidate_id for match in index.rank(OAK, kinds=("cluster",))["cluster"]]


def test_a_cluster_is_found_through_its_members():
    assert _clusters([FURNITURE, TOURISM])[:1] == [1]


def test_without_its_members_it_is_not():
    bare = dataclasses.replace(FURNITURE, members="")
    assert 1 not in _clusters([bare, TOURISM])[:1]


def test_a_cluster_without_members_keeps_the_text_it_had():
    """Stored meaning vectors are keyed by the text's hash: no members, no new text."""
    bare = dataclasses.replace(FURNITURE, members="")
    assert candidate_texts(bare)[PROFILE] == f"{bare.name}\n{bare.description}"
    assert candidate_texts(FURNITURE)[PROFILE].endswith("Lak Plus: wood varnishes and finishing")
