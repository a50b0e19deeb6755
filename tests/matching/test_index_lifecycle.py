"""Upsert and removal without refitting, persistence and its version guard."""

from __future__ import annotations

import gc
from pathlib import Path

import joblib
import pytest

from matching import (
    ClusterRecord,
    IdeaRecord,
    IndexNotFittedError,
    IndexVersionError,
    MatchConfig,
    MatchIndex,
    MentorRecord,
    PartnerRecord,
    UnknownKindError,
    UnsupportedRecordError,
    load_index,
    save_index,
)
from matching.persistence import FORMAT_NAME, FORMAT_VERSION
from tests.matching.records import CLUSTERS, MENTORS, PARTNERS


def test_sizes(index: MatchIndex) -> None:
    assert index.size("mentor") == len(MENTORS)
    assert index.size("partner") == len(PARTNERS)
    assert index.size("cluster") == len(CLUSTERS)
    assert len(index) == len(MENTORS) + len(PARTNERS) + len(CLUSTERS)
    with pytest.raises(UnknownKindError):
        index.size("investor")


def test_upsert_new_mentor_ranks_without_refitting(fresh_index: MatchIndex) -> None:
    encoder = fresh_index.encoder
    vocabulary = dict(encoder.word_vocabulary)
    char_vocabulary = dict(encoder.char_vectorizer.vocabulary)
    known_tokens = len(encoder.token_rows)
    assert "knitwear sweaters" not in vocabulary
    idea = IdeaRecord(1, "Knitting", "Handmade knitwear and wool sweaters for export")
    fresh_index.upsert(
        MentorRecord(
            42,
            "Nova",
            bio="knitwear sweaters export handmade wool",
            sectors=("textiles",),
            remaining_capacity=2,
        )
    )
    assert fresh_index.encoder is encoder
    # Known words keep their columns; new word n-grams are appended after them.
    assert {t: encoder.word_vocabulary[t] for t in vocabulary} == vocabulary
    assert "knitwear sweaters" in encoder.word_vocabulary
    assert encoder.char_vectorizer.vocabulary == char_vocabulary
    assert len(encoder.token_rows) == known_tokens
    assert fresh_index.size("mentor") == len(MENTORS) + 1
    assert fresh_index.rank(idea, kinds=("mentor",))["mentor"][0].candidate_id == 42


def test_words_nobody_used_before_count_at_once_without_a_rebuild(
    fresh_index: MatchIndex,
) -> None:
    idea = IdeaRecord(1, "Cloves", "We grow cloves on a small clove farm")
    before = [m.candidate_id for m in fresh_index.rank(idea, kinds=("cluster",))["cluster"]]
    assert 99 not in before
    fresh_index.upsert(ClusterRecord(99, "Clove growers", description="clove growers cloves"))
    assert "clove" in fresh_index.encoder.word_vocabulary
    best = fresh_index.rank(idea, kinds=("cluster",))["cluster"][0]
    assert best.candidate_id == 99
    assert "clove" in best.reasons[0].lower()


def test_upsert_replaces_and_remove_deletes(fresh_index: MatchIndex, jam_idea: IdeaRecord) -> None:
    assert fresh_index.rank(jam_idea, kinds=("mentor",))["mentor"][0].candidate_id == 1
    fresh_index.upsert(
        MentorRecord(1, "Jelena Petrović", bio="Cloud hosting and devops", sectors=("ict",))
    )
    assert fresh_index.size("mentor") == len(MENTORS)
    proposed = [m.candidate_id for m in fresh_index.rank(jam_idea, kinds=("mentor",))["mentor"]]
    assert 1 not in proposed
    assert fresh_index.remove("partner", 10) is True
    assert fresh_index.remove("partner", 10) is False
    partners = fresh_index.rank(jam_idea, kinds=("partner",))["partner"]
    assert 10 not in [m.candidate_id for m in partners]
    assert fresh_index.size("partner") == len(PARTNERS) - 1


def test_many_upserts_merge_into_the_main_matrix(jam_idea: IdeaRecord) -> None:
    index = MatchIndex.fit(MENTORS, PARTNERS, CLUSTERS, config=MatchConfig(delta_limit=3))
    for i in range(10):
        index.upsert(PartnerRecord(100 + i, f"Filler {i}", seeks="cardboard boxes"))
    index.upsert(PartnerRecord(10, "Hotel SUMATOVAC", seeks="homemade plum jam"))
    index.remove("partner", 101)
    assert index.size("partner") == len(PARTNERS) + 9
    store = index.stores["partner"]
    assert len(store.rows["profile"].delta) <= 3
    assert index.rank(jam_idea, kinds=("partner",))["partner"][0].candidate_id == 10
    assert index.rank_many([jam_idea]) == [index.rank(jam_idea)]


def test_upsert_rejects_foreign_objects(fresh_index: MatchIndex) -> None:
    with pytest.raises(UnsupportedRecordError):
        fresh_index.upsert({"id": 1})


def test_save_load_round_trip(index: MatchIndex, jam_idea: IdeaRecord, tmp_path: Path) -> None:
    path = tmp_path / "index.joblib"
    save_index(index, path)
    loaded = load_index(path)
    assert loaded.rank(jam_idea) == index.rank(jam_idea)
    assert len(loaded) == len(index)


def test_loading_another_version_raises(index: MatchIndex, tmp_path: Path) -> None:
    path = tmp_path / "old.joblib"
    joblib.dump({"format": FORMAT_NAME, "version": FORMAT_VERSION - 1, "index": index}, path)
    with pytest.raises(IndexVersionError, match="version"):
        load_index(path)
    joblib.dump(["not", "an", "index"], path)
    with pytest.raises(IndexVersionError):
        load_index(path)
    path.write_bytes(b"garbage")
    with pytest.raises(IndexVersionError):
        load_index(path)


def test_unfitted_index_refuses_to_rank(jam_idea: IdeaRecord) -> None:
    index = MatchIndex()
    with pytest.raises(IndexNotFittedError):
        index.rank(jam_idea)
    with pytest.raises(IndexNotFittedError):
        index.upsert(MENTORS[0])
    assert len(index) == 0


def test_unknown_kind_is_a_domain_error(index: MatchIndex, jam_idea: IdeaRecord) -> None:
    with pytest.raises(UnknownKindError):
        index.rank(jam_idea, kinds=("investor",))


def test_fit_rejects_a_record_of_the_wrong_kind() -> None:
    with pytest.raises(UnsupportedRecordError):
        MatchIndex.fit(mentors=[PARTNERS[0]])


def test_a_fit_leaves_the_cyclic_collector_as_it_found_it() -> None:
    mentors = [MentorRecord(1, "Ana", bio="Raspberry jam and glass jars")]
    assert gc.isenabled()
    MatchIndex.fit(mentors=mentors)
    assert gc.isenabled()
    gc.disable()
    try:
        MatchIndex.fit(mentors=mentors)
        assert not gc.isenabled()
    finally:
        gc.enable()
