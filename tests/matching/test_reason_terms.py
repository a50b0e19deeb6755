"""Which shared words a reason quotes: phrases before their words, never a generic word alone."""

from __future__ import annotations

from matching import (
    ClusterRecord,
    IdeaRecord,
    MatchConfig,
    MatchIndex,
    MentorRecord,
    PartnerRecord,
)
from matching.generic import GenericTerms, generic_words
from tests.matching.test_supply import JAM_AND_JARS, PARTNERS

COLD_STORE = PartnerRecord(
    5,
    "Hladnjača Jug",
    description="Cold storage and cold-chain transport for fruit growers.",
    offers="cold storage, cold chain transport, blast freezing",
)


def _text_reason(index: MatchIndex, idea: IdeaRecord, kind: str, candidate_id: int) -> str:
    matches = index.rank(idea, kinds=[kind])[kind]
    return next(m for m in matches if m.candidate_id == candidate_id).reasons[0]


def test_a_lone_adjective_is_not_quoted_as_what_a_partner_offers() -> None:
    index = MatchIndex.fit(partners=[*PARTNERS, COLD_STORE])
    idea = IdeaRecord(
        7, "Goat cheese", "We make goat cheese. We need a cold room to keep it until it ripens."
    )
    reason = _text_reason(index, idea, "partner", 5)
    # Before: "Hladnjača Jug offers what you need: cold".
    assert reason.startswith("Hladnjača Jug offers what you need")
    assert not reason.endswith(": cold")


def test_the_shared_phrase_is_quoted_rather_than_its_words() -> None:
    index = MatchIndex.fit(partners=[*PARTNERS, COLD_STORE])
    idea = IdeaRecord(8, "Apples", "I grow apples. I need cold storage for the winter.")
    reason = _text_reason(index, idea, "partner", 5)
    # Before: "Hladnjača Jug offers what you need: storage, cold, cold storage" or the like.
    assert reason == "Hladnjača Jug offers what you need: cold storage"


def test_jam_and_jars_quotes_the_jars_as_the_idea_wrote_them() -> None:
    index = MatchIndex.fit(partners=PARTNERS)
    reason = _text_reason(index, JAM_AND_JARS, "partner", 2)
    assert reason.startswith("Staklo Pak offers what you need: ")
    quoted = reason.split(": ", 1)[1].split(", ")
    assert "glass jars" in quoted
    # "jars lids" is no phrase of "glass jars with lids": a stop word was taken out.
    assert "jars lids" not in quoted


def test_generic_shared_words_give_way_to_better_ones() -> None:
    index = MatchIndex.fit(
        mentors=[
            MentorRecord(1, "A", bio="I help small local bakeries with sourdough and pricing."),
            MentorRecord(2, "B", bio="Software testing and cloud hosting."),
        ]
    )
    idea = IdeaRecord(9, "Bakery", "A small local bakery with sourdough bread.")
    reason = _text_reason(index, idea, "mentor", 1)
    # Before: "Shared terms: sourdough, small, local" (or with "small" and "local" first).
    assert reason == "Shared terms: sourdough"


def test_a_reason_of_generic_words_only_falls_back_to_the_general_wording() -> None:
    index = MatchIndex.fit(
        mentors=[
            MentorRecord(1, "A", bio="Small local new quality shops near you."),
            MentorRecord(2, "B", bio="Software testing and cloud hosting."),
        ]
    )
    idea = IdeaRecord(10, "Shop", "A small local shop of new quality near the station.")
    matches = index.rank(idea, kinds=["mentor"], k=5)["mentor"]
    for match in matches:
        assert not any(reason.startswith("Shared terms") for reason in match.reasons)
        assert not any(reason.startswith("Related words") for reason in match.reasons)


def test_frequent_words_are_generic_by_their_document_frequency_not_a_list() -> None:
    index = MatchIndex.fit(partners=[*PARTNERS, COLD_STORE])
    encoder = index._fitted_encoder()
    generic = GenericTerms(
        encoder.word_vocabulary,
        encoder.word_terms,
        encoder.word_idf,
        encoder.n_documents,
        MatchConfig().reason_generic_share,
    )
    # Many of the generic reference texts say "small": no list needs to.
    assert "small" not in generic_words()
    assert generic.word("small")
    assert not generic.word("jars") and not generic.word("raspberry")
    assert generic.word("cold") and not generic(encoder.word_vocabulary["cold storage"])


def test_start_and_selling_are_not_quoted_alone() -> None:
    """Seen on the demo: "Nis Region Agro Start Up Cluster: Shared terms: start" for a clove
    farm that would "start" one, and a clove cluster "Shared terms: selling" for saffron."""
    agro = ClusterRecord(
        1, "Nis Region Agro Start Up Cluster", description="Selling farm produce together."
    )
    index = MatchIndex.fit(clusters=[agro])
    idea = IdeaRecord(9, "Clove farm", "I want to start a clove farm and start selling cloves.")
    matches = index.rank(idea, kinds=["cluster"])["cluster"]
    quoted = " ".join(reason for match in matches for reason in match.reasons)
    assert "Shared terms: start" not in quoted and "Shared terms: selling" not in quoted
    assert {"start", "startup", "selling", "prodaja"} <= generic_words()


def test_make_advice_and_shops_are_not_quoted_alone() -> None:
    """Seen by a new user: a goat farm's "Shared terms: make", a jam kitchen's "offers what you
    need: advice", a winery's "Shared terms: shops" with a marketing mentor."""
    mentor = MentorRecord(
        1, "Textile mentor", headline="Sewing production", bio="I make clothes for shops."
    )
    index = MatchIndex.fit(mentors=[mentor], config=MatchConfig(min_mentor_fit=0.0))
    idea = IdeaRecord(9, "Goat cheese", "We make goat cheese and sell it to shops for advice.")
    quoted = " ".join(r for m in index.rank(idea, kinds=["mentor"])["mentor"] for r in m.reasons)
    for word in ("make", "shops", "advice"):
        assert f"Shared terms: {word}" not in quoted
    assert {"make", "advice", "shops", "pravim", "savet"} <= generic_words()
