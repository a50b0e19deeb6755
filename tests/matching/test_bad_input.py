"""Odd ideas and empty candidate sets give sensible results, never exceptions."""

from __future__ import annotations

import pytest

from matching import KINDS, IdeaRecord, MatchIndex, MentorRecord, TextEmbedder
from tests.matching.records import CLUSTERS, MENTORS, PARTNERS


@pytest.mark.parametrize("title, description", [("", ""), ("   ", "\n\t  "), ("!!!", "... ?")])
def test_empty_or_blank_idea_gets_empty_lists(
    index: MatchIndex, title: str, description: str
) -> None:
    assert index.rank(IdeaRecord(1, title, description)) == {kind: [] for kind in KINDS}


def test_unexpected_script_gets_empty_lists(index: MatchIndex) -> None:
    idea = IdeaRecord(1, "我想卖草莓", "🍓🍓🍓 我想在网上卖草莓 ✨")
    assert index.rank(idea) == {kind: [] for kind in KINDS}


def test_very_long_description(index: MatchIndex, jam_idea: IdeaRecord) -> None:
    long_text = (jam_idea.description + " ") * 60
    assert len(long_text) > 5000
    idea = IdeaRecord(2, jam_idea.title, long_text[:5000], sector="food")
    result = index.rank(idea)
    assert result["mentor"][0].candidate_id == 1
    assert all(0 < m.score <= 1 for matches in result.values() for m in matches)


def test_no_candidates_of_a_kind(jam_idea: IdeaRecord) -> None:
    index = MatchIndex.fit(mentors=MENTORS)
    result = index.rank(jam_idea)
    assert result["partner"] == [] and result["cluster"] == []
    assert result["mentor"][0].candidate_id == 1


def test_no_candidates_at_all(jam_idea: IdeaRecord) -> None:
    index = MatchIndex.fit()
    assert index.rank(jam_idea) == {kind: [] for kind in KINDS}
    index.upsert(MentorRecord(1, "Late", bio="plum jam"))
    # A first candidate brings its own words: it is matched without a refit.
    assert [m.candidate_id for m in index.rank(jam_idea)["mentor"]] == [1]


def test_removed_only_candidate(jam_idea: IdeaRecord) -> None:
    index = MatchIndex.fit(mentors=[MENTORS[0]])
    assert index.rank(jam_idea)["mentor"]
    index.remove("mentor", MENTORS[0].id)
    assert index.rank(jam_idea)["mentor"] == []
    assert index.remove("mentor", 12345) is False


def test_zero_k_and_empty_batch(index: MatchIndex, jam_idea: IdeaRecord) -> None:
    assert index.rank(jam_idea, k=0) == {kind: [] for kind in KINDS}
    assert index.rank_many([]) == []
    assert index.rank(IdeaRecord(1, "x", "y", needs=())) == {}


@pytest.mark.parametrize("title, description", [("t", "d"), ("x", "."), ("1", "2 3")])
def test_an_idea_without_words_but_with_a_sector_gets_empty_lists(
    index: MatchIndex, title: str, description: str
) -> None:
    """It crashed on partners (no text to compare, no supply direction either) and, in the
    service, every later re-match of all open ideas with it."""
    idea = IdeaRecord(1, title, description, sector="food")
    assert index.rank(idea) == {kind: [] for kind in KINDS}


@pytest.fixture(scope="module")
def meaning_index() -> MatchIndex:
    return MatchIndex.fit(MENTORS, PARTNERS, CLUSTERS, embedder=TextEmbedder().load())


@pytest.mark.parametrize("description", ["the and of a", "ja i ti, a on", "Ја и ти, а он"])
def test_function_words_alone_mean_nothing(meaning_index: MatchIndex, description: str) -> None:
    """Their meaning vector is close to anything written in that language: candidates were
    proposed "close in meaning" to an idea that says nothing."""
    idea = IdeaRecord(1, "t", description, sector="food")
    assert meaning_index.rank(idea) == {kind: [] for kind in KINDS}


def test_an_idea_with_one_content_word_is_still_matched(meaning_index: MatchIndex) -> None:
    assert meaning_index.rank(IdeaRecord(1, "Jam", "the and of a", sector="food"))["partner"]
