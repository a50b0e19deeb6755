"""The corpus vectoriser counts exactly what tokenising each document on its own counts."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pytest
import scipy.sparse as sp

from matching import IdeaRecord, MatchIndex, MentorRecord, vectorise
from matching.config import MatchConfig
from matching.encoder import TextEncoder
from matching.normalize import tokens, word_ngrams
from matching.store import posting_scores
from matching.vectorise import gram_stream, token_stream

LONG = " ".join(f"pekara{i % 97} šljiva Ниш 2024 the" for i in range(400))[:5000]
DOCUMENTS = [
    "Домаћи џем од шљива за хотеле у Нишу; Ђурђево и ђубриво.",
    "Domaci dzem od sljiva za hotele u Nisu; Djurdjevo i djubrivo.",
    "Domaći džem od šljiva — Đurđevo, ĐURĐEVO, Durdevo.",
    "",
    "   ",
    "a I x 12 2024 the and of",
    "Crème brûlée, Ærø, Łódź; e\u0301cole; ΣΑΣ ΟΔΟΣ; İstanbul",
    "bakery bakery bakery bread bakery bread",
    "zero\x00separator inside\x00 text",
    LONG,
    "Pekara pekara PEKARA pekarstvo pekarstva",
    "l’école d’été: dj Dj ǆem ﬁlm straße Љубав љ џ «ok»\xa0non",
    "½ İzmir d\u0301j ™tm Marque™Deposee and X²Y: footnote¹ café",
]


def reference_counts(texts: list[str], ngram_range: tuple[int, int]):
    """Vocabulary (first appearance order) and per-document counts, the plain way."""
    vocabulary: dict[str, int] = {}
    rows = []
    for text in texts:
        grams = word_ngrams(tokens(text), ngram_range)
        for gram in grams:
            vocabulary.setdefault(gram, len(vocabulary))
        rows.append(Counter(grams))
    return vocabulary, rows


@pytest.mark.parametrize("chunks", [False, True])
@pytest.mark.parametrize("ngram_range", [(1, 2), (1, 1), (2, 2), (1, 3)])
def test_gram_counts_equal_counting_each_document(
    ngram_range: tuple[int, int], chunks: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    if chunks:  # a few documents or tokens at a time, as on a large corpus
        monkeypatch.setattr(vectorise, "_CHUNK_DOCUMENTS", 3)
        monkeypatch.setattr(vectorise, "_CHUNK_TOKENS", 7)
    texts = DOCUMENTS * 2 + DOCUMENTS[::-1]
    grams = gram_stream(token_stream(texts), ngram_range)
    vocabulary, rows = reference_counts(texts, ngram_range)
    assert grams.terms == list(vocabulary)
    matrix = grams.counts.toarray()
    expected = np.zeros_like(matrix)
    for row, counts in enumerate(rows):
        for gram, count in counts.items():
            expected[row, vocabulary[gram]] = count
    assert matrix.shape == (len(texts), len(vocabulary))
    np.testing.assert_array_equal(matrix, expected)


def test_token_stream_keeps_the_tokens_of_each_document_in_order() -> None:
    stream = token_stream(DOCUMENTS)
    for row, text in enumerate(DOCUMENTS):
        ids = stream.ids[stream.indptr[row] : stream.indptr[row + 1]]
        assert [stream.names[i] for i in ids] == tokens(text)
    assert "durdevo" in stream.names and "sljiva" in stream.names
    assert "the" not in stream.names and "2024" not in stream.names
    assert np.diff(stream.indptr)[DOCUMENTS.index("")] == 0


def test_selected_documents_repeat_in_order() -> None:
    stream = token_stream(DOCUMENTS).select(np.array([1, 1, 3, 0]))
    expected = tokens(DOCUMENTS[1]) * 2 + tokens(DOCUMENTS[0])
    assert [stream.names[i] for i in stream.ids] == expected
    assert stream.n_documents == 4


def test_fitted_encoder_rows_match_encoding_the_same_texts_again() -> None:
    """The fit path (vectorised) and the transform path (one text at a time) agree."""
    encoder = TextEncoder(MatchConfig(char_min_df=1))
    fitted = encoder.fit_transform(DOCUMENTS, background=["generic small business", "mala firma"])
    again = encoder.transform(DOCUMENTS)
    assert fitted.shape == again.shape
    assert abs(fitted - again).max() < 1e-6
    assert len(encoder.word_vocabulary) == len(encoder.word_terms)
    assert all(encoder.word_vocabulary[t] == i for i, t in enumerate(encoder.word_terms))


def test_index_of_cyrillic_and_latin_mentors_ranks_either_spelling() -> None:
    mentors = [
        MentorRecord(1, "A", headline="Џем од шљива", expertise="Прерада воћа", bio=LONG),
        MentorRecord(2, "B", headline="Software", expertise="Cloud", bio="Kubernetes clusters"),
        MentorRecord(3, "C", headline="", expertise="", bio=""),
    ]
    index = MatchIndex.fit(mentors=mentors)
    assert "dzem sljiva" in index.encoder.word_vocabulary
    found = index.rank(IdeaRecord(9, "Dzem od sljiva", "Pravimo dzem od sljiva"), kinds=["mentor"])
    assert [m.candidate_id for m in found["mentor"]][:1] == [1]


def test_posting_scores_equal_the_full_product() -> None:
    rng = np.random.default_rng(3)
    rows = sp.random(300, 50, density=0.1, format="csr", dtype=np.float32, random_state=rng)
    postings = rows.T.tocsr()
    indices = np.array([3, 7, 7, 49, 60], np.int32)  # a repeat, and one past the columns
    weights = rng.random(5).astype(np.float32)
    query = np.zeros(50)
    np.add.at(query, indices[:4], weights[:4])
    np.testing.assert_allclose(posting_scores(postings, indices, weights), rows @ query, atol=1e-6)
    assert not posting_scores(postings, indices[:0], weights[:0]).any()


@pytest.mark.parametrize(
    "keys",
    [
        np.random.default_rng(3).integers(0, 50, 1_000),
        np.random.default_rng(4).integers(0, 2**40, 5_000) // 7 * 7,
        np.array([2**62, 5, 2**62, 0, 5]),  # too wide to pack with positions: the fallback
        np.array([-3, 4, -3]),
        np.array([7]),
        np.zeros(0, np.int64),
    ],
)
def test_distinct_keys_equal_numpy_unique(keys: np.ndarray) -> None:
    unique, first, inverse = vectorise.distinct(keys.astype(np.int64))
    expected = np.unique(keys, return_index=True, return_inverse=True)
    for got, want in zip((unique, first, inverse), expected, strict=True):
        assert got.tolist() == want.ravel().tolist()
