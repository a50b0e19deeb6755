"""Ranking quality on hand-made fixtures, reasons, signals and determinism."""

from __future__ import annotations

from matching import KINDS, ClusterRecord, IdeaRecord, MatchConfig, MatchIndex, MentorRecord
from tests.matching.records import CLUSTERS, MENTORS, PARTNERS


def test_right_candidate_first_for_each_kind(index: MatchIndex, jam_idea: IdeaRecord) -> None:
    result = index.rank(jam_idea)
    assert set(result) == set(KINDS)
    assert result["mentor"][0].candidate_id == 1
    # The packaging supplier (jars, labels) and the hotel buyer (jam) are both right first.
    assert {m.candidate_id for m in result["partner"][:2]} == {10, 11}
    assert result["cluster"][0].candidate_id == 20


def test_text_alone_ranks_well_without_structured_fields(index: MatchIndex) -> None:
    idea = IdeaRecord(1, "Online shop", "A web shop with online payments for my mobile app")
    assert index.rank(idea, kinds=("mentor",))["mentor"][0].candidate_id == 2
    knit = IdeaRecord(2, "Pletenje", "Handmade knitwear from natural wool, knitting workshops")
    assert index.rank(knit, kinds=("mentor",))["mentor"][0].candidate_id == 3
    assert index.rank(knit, kinds=("partner",))["partner"][0].candidate_id == 12


def test_reasons_name_shared_terms_sector_language_and_region(
    index: MatchIndex, jam_idea: IdeaRecord
) -> None:
    best = index.rank(jam_idea, kinds=("mentor",))["mentor"][0]
    assert any(r.startswith("Shared terms:") and "jam" in r for r in best.reasons)
    assert "Same sector: food" in best.reasons
    assert "Shared language: Serbian" in best.reasons
    assert "Same region: Nišava" in best.reasons


def test_supply_fit_is_two_way(index: MatchIndex, jam_idea: IdeaRecord) -> None:
    partners = {m.candidate_id: m for m in index.rank(jam_idea, kinds=("partner",))["partner"]}
    hotel, packaging = partners[10], partners[11]
    assert hotel.reasons[0].startswith("Hotel SUMATOVAC seeks what you would produce:")
    assert "jam" in hotel.reasons[0]
    assert packaging.reasons[0].startswith("Ambalaža Plus offers what you need:")
    assert "jars" in packaging.reasons[0] and "labels" in packaging.reasons[0]


def test_partner_found_through_what_it_offers_only(index: MatchIndex) -> None:
    idea = IdeaRecord(3, "Spices", "I need glass jars and labels for my dried herbs")
    best = index.rank(idea, kinds=("partner",))["partner"][0]
    assert best.candidate_id == 11
    assert "offers what you need" in best.reasons[0]


def test_mentor_without_capacity_or_inactive_is_never_proposed(index: MatchIndex) -> None:
    idea = IdeaRecord(
        4,
        "Honey",
        "Organic honey, beekeeping and apiary, propolis and bee products",
        sector="agriculture",
        languages=("sr",),
        city="Vranje",
    )
    proposed = {m.candidate_id for m in index.rank(idea, kinds=("mentor",), k=10)["mentor"]}
    assert 4 not in proposed and 5 not in proposed


def test_capacity_exclusion_applies_to_an_otherwise_perfect_match() -> None:
    mentor = MentorRecord(1, "Full", bio="organic honey beekeeping", remaining_capacity=0)
    other = MentorRecord(2, "Free", bio="organic honey beekeeping", remaining_capacity=1)
    index = MatchIndex.fit(mentors=[mentor, other])
    idea = IdeaRecord(1, "Honey", "organic honey beekeeping")
    assert [m.candidate_id for m in index.rank(idea)["mentor"]] == [2]


def test_scores_bounded_ranks_from_one_and_k_respected(
    index: MatchIndex, jam_idea: IdeaRecord
) -> None:
    for k in (1, 2, 3):
        result = index.rank(jam_idea, k=k)
        for kind, matches in result.items():
            assert len(matches) <= k
            assert [m.rank for m in matches] == list(range(1, len(matches) + 1))
            assert all(0.0 < m.score <= 1.0 and m.kind == kind for m in matches)
            assert [m.score for m in matches] == sorted((m.score for m in matches), reverse=True)
    assert len(index.rank(jam_idea, kinds=("partner",), k=3)["partner"]) >= 2


def test_default_kinds_follow_idea_needs(index: MatchIndex, jam_idea: IdeaRecord) -> None:
    idea = IdeaRecord(5, jam_idea.title, jam_idea.description, needs=("partner",))
    assert list(index.rank(idea)) == ["partner"]


def test_identical_candidates_tie_break_by_id_and_ranking_is_deterministic() -> None:
    twins = [MentorRecord(i, f"M{i}", bio="wooden furniture and carpentry") for i in (9, 3, 7)]
    index = MatchIndex.fit(mentors=twins)
    idea = IdeaRecord(1, "Furniture", "handmade wooden furniture, carpentry workshop")
    first = index.rank(idea)
    assert [m.candidate_id for m in first["mentor"]] == [3, 7, 9]
    assert len({m.score for m in first["mentor"]}) == 1
    rebuilt = MatchIndex.fit(mentors=list(reversed(twins)))
    assert rebuilt.rank(idea) == first == index.rank(idea)


def test_rank_many_equals_rank(index: MatchIndex, jam_idea: IdeaRecord) -> None:
    ideas = [
        jam_idea,
        IdeaRecord(2, "Web", "mobile app and web shop", needs=("mentor", "cluster")),
        IdeaRecord(3, "", ""),
        IdeaRecord(4, "Vuna", "Pletenje od vune", sector="textiles", city="Čačak"),
    ]
    small_batches = MatchIndex.fit(MENTORS, PARTNERS, CLUSTERS, config=MatchConfig(batch_size=3))
    expected = [index.rank(idea) for idea in ideas]
    assert index.rank_many(ideas) == expected
    assert small_batches.rank_many(ideas) == expected


def test_cyrillic_idea_meets_latin_candidate(index: MatchIndex) -> None:
    idea = IdeaRecord(6, "Џем", "Производња домаћег џема и ајвара", city="Ниш")
    best = index.rank(idea, kinds=("cluster",))["cluster"][0]
    assert best.candidate_id == 20
    assert any("Nišava" in reason for reason in best.reasons)


def test_diacritic_free_spelling_meets_place_names() -> None:
    spellings = ["Đurđevo", "Djurdjevo", "Durdevo"]
    mentors = [
        MentorRecord(i, f"M{i}", bio=f"Seoski turizam u selu {name}")
        for i, name in enumerate(spellings, start=1)
    ]
    mentors.append(MentorRecord(9, "Other", bio="Seoski turizam u selu Zlatibor"))
    index = MatchIndex.fit(mentors=mentors)
    for name in spellings:
        scores = {
            m.candidate_id: m.score
            for m in index.rank(IdeaRecord(1, name, f"Etno kuća {name}"), k=4)["mentor"]
        }
        assert scores[1] == scores[2] == scores[3] > scores.get(9, 0.0)


def test_inflected_serbian_forms_still_match() -> None:
    mentors = [
        MentorRecord(1, "A", bio="pekara, hleb i peciva"),
        MentorRecord(2, "B", bio="stolarija, nameštaj od drveta"),
    ]
    index = MatchIndex.fit(mentors=mentors)
    best = index.rank(IdeaRecord(1, "Pekare", "Otvaranje pekare sa domaćim hlebom"))["mentor"]
    assert best[0].candidate_id == 1
    best = index.rank(IdeaRecord(2, "Drvo", "Izrada nameštaja od drveta"))["mentor"]
    assert best[0].candidate_id == 2


def test_a_mentor_needs_a_text_fit_while_a_cluster_of_the_sector_is_enough() -> None:
    mentors = [
        MentorRecord(1, "Food", bio="jam and preserves", sectors=("food",)),
        MentorRecord(2, "Code", bio="kubernetes clusters", sectors=("ict",)),
    ]
    clusters = [
        ClusterRecord(1, "Food cluster", description="jam and preserves", sector="food"),
        ClusterRecord(2, "ICT cluster", description="kubernetes clusters", sector="ict"),
    ]
    index = MatchIndex.fit(mentors=mentors, clusters=clusters)
    idea = IdeaRecord(1, "Bakery", "sourdough bread", sector="food")
    assert index.rank(idea)["mentor"] == []
    matches = index.rank(idea)["cluster"]
    assert [m.candidate_id for m in matches] == [1]
    assert matches[0].reasons[0] == "Same sector: food"


def test_reasons_quote_words_as_the_idea_wrote_them() -> None:
    index = MatchIndex.fit(
        mentors=[
            MentorRecord(1, "A", bio="domaci dzem i slatko od sljiva"),
            MentorRecord(2, "B", bio="web dizajn"),
        ]
    )
    match = index.rank(IdeaRecord(1, "Džem", "Pravim domaći džem od šljiva"))["mentor"][0]
    assert match.candidate_id == 1
    shared = match.reasons[0]
    assert shared.startswith("Shared terms: ")
    assert "Džem" in shared and "šljiva" in shared and "domaći" in shared
    assert "dzem" not in shared.lower()


def test_related_words_explain_an_inflection_only_match() -> None:
    index = MatchIndex.fit(
        mentors=[MentorRecord(1, "A", bio="pekarstvo"), MentorRecord(2, "B", bio="web dizajn")]
    )
    match = index.rank(IdeaRecord(1, "Pekarstva", "razvoj pekarstva"))["mentor"][0]
    assert match.candidate_id == 1
    assert match.reasons[0].lower() == "related words: pekarstva ~ pekarstvo"


def test_a_cluster_of_several_districts_is_in_the_region_of_each() -> None:
    clusters = [
        ClusterRecord(30, "South food cluster", description="Jam and ajvar producers.",
                      region="Nišava, Toplica"),
        ClusterRecord(31, "Pirot food cluster", description="Jam and ajvar producers.",
                      region="Pirot"),
    ]  # fmt: skip
    index = MatchIndex.fit(mentors=[], partners=[], clusters=clusters)

    def regions(city: str) -> dict[int, list[str]]:
        idea = IdeaRecord(1, "Plum jam", "Plum jam and ajvar from our orchard.", city=city)
        found = index.rank(idea, kinds=("cluster",))["cluster"]
        return {
            m.candidate_id: [r for r in m.reasons if r.startswith("Same region")] for m in found
        }

    assert regions("Prokuplje") == {30: ["Same region: Toplica"], 31: []}
    assert regions("Niš, Serbia") == {30: ["Same region: Nišava"], 31: []}
    assert regions("Pirot") == {30: [], 31: ["Same region: Pirot"]}
    prokuplje = IdeaRecord(1, "Plum jam", "Plum jam and ajvar from our orchard.", city="Prokuplje")
    scores = {m.candidate_id: m.score for m in index.rank(prokuplje, kinds=("cluster",))["cluster"]}
    assert scores[30] > scores[31]  # the same text; only the region differs
