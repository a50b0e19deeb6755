"""The shipped word table: common words come embedded, only the rarer ones go to the model."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from matching import Teacher, TextEmbedder, WordStore
from matching.word_table import TABLE_PATH, WordTable, read_word_table, shipped_word_table
from tests.matching.test_embedding import CountingTeacher

PROFILE = (
    "Twenty years in hotel purchasing: local food, dairy and fruit from small farms, "
    "supplier contracts, food safety and certification for restaurants and cafés. "
    "Kupovina za hotele, domaća hrana i sir od malih proizvođača."
)


@pytest.fixture(scope="module")
def table() -> WordTable:
    table = shipped_word_table()
    assert table is not None, "the package ships its word table"
    return table


def test_the_shipped_table_holds_common_words_of_the_programme_languages(table) -> None:
    assert len(table) > 100_000
    assert table.teacher == Teacher().version
    for word in ("hotel", "furniture", "raspberry", "nameštaj", "sir", "malina", "entreprise"):
        assert word in table, word


def test_packed_vectors_stay_close_to_what_the_model_gives(table) -> None:
    words = ["hotel", "furniture", "raspberry", "nameštaj", "malina", "certification"]
    packed = table.vectors(words)
    exact = Teacher().embed_words(words)
    cosines = [float(packed[word] @ exact[i]) for i, word in enumerate(words)]
    assert min(cosines) > 0.85 and np.mean(cosines) > 0.9, cosines
    assert np.allclose([np.linalg.norm(v) for v in packed.values()], 1.0, atol=1e-5)


def test_a_text_of_common_words_never_waits_for_the_model() -> None:
    teacher, saved = CountingTeacher(), {}
    embedder = TextEmbedder(teacher, WordStore(save=saved.update)).load()
    vector = embedder.embed([PROFILE])[0]
    assert teacher.asked == [] and saved == {}  # table words are not copied to the store
    assert np.isclose(np.linalg.norm(vector), 1.0)


def test_only_words_outside_the_table_go_to_the_model_and_the_store() -> None:
    teacher, saved = CountingTeacher(), {}
    embedder = TextEmbedder(teacher, WordStore(save=saved.update)).load()
    embedder.embed(["hotel supplies and qwzxjamfarm jars"])
    assert teacher.asked == ["qwzxjamfarm"] and set(saved) == {"qwzxjamfarm"}


def test_words_typed_without_diacritics_mean_what_the_table_holds_with_them() -> None:
    """ "Dzem od malina, zelim tegle" is "Džem od malina, želim tegle" typed on an English
    keyboard: it takes the table's vectors, not the model's guess for the bare letters."""
    teacher = CountingTeacher()
    embedder = TextEmbedder(teacher).load()
    bare, marked = embedder.embed(["Dzem od malina, zelim tegle", "Džem od malina, želim tegle"])
    assert teacher.asked == [] and float(bare @ marked) > 0.99
    exact = TextEmbedder(table=None).load()
    assert float(exact.embed_one("dzem") @ exact.embed_one("džem")) < 0.95


def test_a_bare_spelling_takes_the_vector_of_the_table_word_it_stands_for(table) -> None:
    folded = table.folded_vectors(["dzem", "qwzx"])
    assert set(folded) == {"dzem"}
    assert float(folded["dzem"] @ table.vectors(["džem"])["džem"]) > 0.99


def test_text_vectors_from_the_table_match_exact_ones_closely() -> None:
    with_table = TextEmbedder().load().embed([PROFILE])[0]
    exact = TextEmbedder(table=None).load().embed([PROFILE])[0]
    assert float(with_table @ exact) > 0.98


def test_the_table_is_part_of_the_text_vectors_version(table) -> None:
    """Stored candidate vectors made without the table (or with another one) are not reused."""
    assert table.table_id in TextEmbedder().version
    assert table.table_id not in TextEmbedder(table=None).version


def test_another_model_file_does_not_use_the_table(tmp_path: Path) -> None:
    """The table's vectors come from the bundled model: another model would mix two spaces."""
    assert TextEmbedder(Teacher(model_path=str(tmp_path / "other.bin"))).table is None


def test_a_table_of_another_model_version_is_not_used(table) -> None:
    other = WordTable(["hotel"], table.codes[:1], table.books, "other-model/v9", "x")
    assert TextEmbedder(table=other).table is None


def test_an_unreadable_table_is_refused_clearly(tmp_path: Path) -> None:
    broken = tmp_path / "broken.npz"
    broken.write_bytes(b"not a table")
    with pytest.raises((OSError, ValueError)):
        read_word_table(broken)
    with pytest.raises(OSError):
        read_word_table(tmp_path / "missing.npz")
    assert TABLE_PATH.is_file()
