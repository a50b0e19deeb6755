"""Fixtures for the matching library tests: no database, no app."""

from __future__ import annotations

import pytest

from matching import IdeaRecord, MatchIndex
from tests.matching.records import CLUSTERS, MENTORS, PARTNERS


@pytest.fixture(scope="session")
def index() -> MatchIndex:
    return MatchIndex.fit(mentors=MENTORS, partners=PARTNERS, clusters=CLUSTERS)


@pytest.fixture()
def fresh_index() -> MatchIndex:
    return MatchIndex.fit(mentors=MENTORS, partners=PARTNERS, clusters=CLUSTERS)


@pytest.fixture()
def jam_idea() -> IdeaRecord:
    return IdeaRecord(
        100,
        "Domaći džem od šljiva",
        "I want to produce homemade plum jam and sell it to hotels and "
        "restaurants; I need jars and labels.",
        sector="food",
        languages=("sr",),
        city="Aleksinac",
        country="RS",
    )
