"""An idea written in Serbian meets candidates written in English (and the other way round).

Words and topics cannot meet across languages, so only the multilingual meaning view can
compare such texts: each text language is centred on its own mean, and a pair in two
languages is scored by meaning alone (`MatchConfig.cross_language_scale`).
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import numpy as np
import pytest

from benchmarks.crosslanguage import directory
from matching import IdeaRecord, MatchConfig, MatchIndex, MentorRecord, TextEmbedder
from matching.languages import language_names, text_language, text_languages
from matching.persistence import load_index, save_index
from matching.product_mentions import translated_products
from mentorship.demo.records import cluster_records, partner_records

ROOT = Path(__file__).resolve().parents[2]
# The demo programme's mentor profiles (English) and thirteen of its ideas with a Serbian
# translation: written here, a regression check, not a quality claim.
MENTORS = [
    MentorRecord(i, m["name"], headline=m["headline"], bio=m["bio"], expertise=m["expertise"])
    for i, m in enumerate(
        json.loads((ROOT / "mentorship/demo/data/mentors.json").read_text("utf-8")), start=1
    )
]
PARTNERS, CLUSTERS = partner_records(), cluster_records()
PAIRS = json.loads((ROOT / "benchmarks/data/serbian_ideas.json").read_text("utf-8"))["ideas"]
RURAL_TOURISM = 11


def _pair(position: int, language: str) -> IdeaRecord:
    return IdeaRecord(position, *PAIRS[position][language])


SOUVENIRS_SR = _pair(2, "sr")


@pytest.fixture(scope="module")
def embedder() -> TextEmbedder:
    return TextEmbedder().load()


@pytest.fixture(scope="module")
def index(embedder: TextEmbedder) -> MatchIndex:
    """The whole demo directory: how far apart two languages look depends on all of it."""
    return MatchIndex.fit(mentors=MENTORS, partners=PARTNERS, clusters=CLUSTERS, embedder=embedder)


def _mentors(index: MatchIndex, idea: IdeaRecord) -> list[int]:
    return [m.candidate_id for m in index.rank(idea, kinds=("mentor",))["mentor"]]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("I plan to grow oyster mushrooms in a barn and sell them to restaurants.", "en"),
        ("Planiram da uzgajam bukovače u štali i prodajem ih restoranima.", "sr"),
        ("Планирам да узгајам буковаче у штали.", "sr"),
        ("Proizvodnja dzema od malina za hotele", "sr"),
        ("Une plateforme pour les laboratoires qui analysent des échantillons.", "fr"),
        ("Wir entwickeln eine Plattform für die Analyse von Proben.", "de"),
    ],
)
def test_the_language_of_a_text_is_told_from_its_function_words(text, language) -> None:
    assert language_names()[text_language(text) - 1] == language


@pytest.mark.parametrize("text", ["", "HACCP", "raspberry jam", "12345", "Agronomist"])
def test_a_text_too_short_to_tell_has_no_language(text) -> None:
    assert text_language(text) == 0


@pytest.mark.parametrize(
    ("position", "mentor"),
    [(2, RURAL_TOURISM), (6, 5), (7, RURAL_TOURISM), (11, 8), (12, 16)],
)
def test_a_serbian_idea_gets_the_english_mentor_who_knows_its_trade(
    index: MatchIndex, position: int, mentor: int
) -> None:
    """Souvenir shop, heat pumps, cooking workshops, coding school, powder coating."""
    assert _mentors(index, _pair(position, "sr"))[:1] == [mentor]


def _ideas(language: str) -> list[IdeaRecord]:
    return [_pair(position, language) for position in range(len(PAIRS))]


def test_many_texts_at_once_get_the_language_each_gets_alone() -> None:
    """The fit tells every candidate's language in batches; each must match the single call."""
    texts = [text for pair in PAIRS for text in (" ".join(pair["sr"]), " ".join(pair["en"]))]
    texts += [m.bio for m in MENTORS] + ["", "HACCP", "a\x00b the and of", "i u za je"]
    texts += ["Планирам да узгајам буковаче у штали.", "Une plateforme pour les échantillons."]
    texts += ["Wir entwickeln eine Plattform für die Analyse von Proben." * 9]
    expected = [text_language(text) for text in texts]
    assert len(set(expected)) == 5  # unknown and the four languages all occur
    assert text_languages(texts).tolist() == expected
    assert text_languages([]).tolist() == []


def test_serbian_ideas_get_as_many_mentors_as_their_english_originals(index: MatchIndex) -> None:
    english = sum(len(_mentors(index, idea)) for idea in _ideas("en"))
    serbian = sum(len(_mentors(index, idea)) for idea in _ideas("sr"))
    assert english > 0 and 0.5 * english <= serbian <= 1.5 * english


def test_serbian_ideas_rank_mentors_as_their_english_originals_do(embedder) -> None:
    index = MatchIndex.fit(
        mentors=MENTORS, config=MatchConfig(min_mentor_fit=0.0), embedder=embedder
    )
    agree = 0
    for english, serbian in zip(_ideas("en"), _ideas("sr"), strict=True):
        agree += _mentors(index, english)[0] in _mentors(index, serbian)[:3]
    # Measured: 9 of 13 with every word's exact vector, 8 with the shipped word table (one
    # borderline idea, nutrition counselling: its English first mentor falls from third to
    # fifth by 0.006), 5 without a meaning centre per language.
    assert agree >= 8


def test_without_cross_language_scoring_serbian_ideas_got_no_mentor(embedder) -> None:
    """What happened before: words and topics at 0, the meaning share alone under the floor."""
    config = MatchConfig(cross_language_scale=0.0, language_centres=False)
    off = MatchIndex.fit(mentors=MENTORS, config=config, embedder=embedder)
    assert not any(_mentors(off, idea) for idea in _ideas("sr"))


def test_cyrillic_ranks_like_latin(index: MatchIndex) -> None:
    cyrillic = dataclasses.replace(
        SOUVENIRS_SR,
        title="Сувенирница са локалним рукотворинама",
        description="Отворићу радњу са локалним рукотворинама, храном и вином за туристе. "
        "Туристи у Нишу налазе мало места где могу да купе аутентичне локалне производе. "
        "Тражим савет о сеоском туризму и категоризацији и туристичку агенцију која продаје "
        "сеоске туре. У кластеру бих могла да нудим заједничке пакете са другим домаћинима.",
    )
    assert _mentors(index, cyrillic) == _mentors(index, SOUVENIRS_SR)


def test_a_mentor_added_after_the_fit_is_found_across_languages(embedder: TextEmbedder) -> None:
    others = [m for m in MENTORS if m.id != RURAL_TOURISM]
    index = MatchIndex.fit(mentors=others, embedder=embedder)
    assert RURAL_TOURISM not in _mentors(index, SOUVENIRS_SR)
    index.upsert(next(m for m in MENTORS if m.id == RURAL_TOURISM))
    assert _mentors(index, SOUVENIRS_SR)[:1] == [RURAL_TOURISM]


def test_a_saved_index_keeps_its_language_centres(index: MatchIndex, embedder, tmp_path) -> None:
    save_index(index, tmp_path / "index.joblib")
    loaded = load_index(tmp_path / "index.joblib")
    loaded.attach(embedder)
    assert index.rank(SOUVENIRS_SR) == loaded.rank(SOUVENIRS_SR)


def test_reasons_of_a_cross_language_match_quote_the_closest_sentence(index: MatchIndex) -> None:
    best = index.rank(SOUVENIRS_SR, kinds=("mentor",))["mentor"][0]
    assert any(reason.startswith("Close in meaning: “") for reason in best.reasons)
    # No word is shared across the two languages, so none is quoted as shared.
    assert not any(reason.startswith("Shared terms") for reason in best.reasons)


def test_words_of_two_languages_that_begin_alike_are_no_reason(index: MatchIndex) -> None:
    """ "стандарда" (standards) and "stands" share a beginning by chance."""
    idea = IdeaRecord(
        50,
        "Стандарди квалитета за мале произвођаче",
        "Помажем малим произвођачима да уведу стандарде квалитета и прођу сертификацију.",
    )
    reasons = [r for m in index.rank(idea, kinds=("mentor",), k=19)["mentor"] for r in m.reasons]
    assert reasons and not any(reason.startswith("Related words") for reason in reasons)


def test_scores_of_a_few_rows_equal_those_of_all_rows(embedder: TextEmbedder) -> None:
    """The other-language rows are scored alone when they are few (main and delta rows)."""
    index = MatchIndex.fit(mentors=MENTORS[:-1], embedder=embedder)
    index.upsert(MENTORS[-1])
    rows = index.stores["mentor"].rows["profile"]
    query = np.random.default_rng(1).standard_normal(rows.dense_main.shape[1]).astype(np.float32)
    for picked in ([0], [3, len(MENTORS) - 1], list(range(len(MENTORS)))):
        picked = np.array(picked)
        assert np.allclose(rows.dense_scores_at(query, picked), rows.dense_scores(query)[picked])


def test_across_languages_a_partner_is_called_a_buyer_or_supplier_only_on_a_shared_word(
    embedder,
) -> None:
    """A Cyrillic cheese idea once heard that a welding firm and a law office "seek what you
    would produce": meaning alone between a three-word Serbian "what I will sell" and an
    English "seeks" line told a direction it could not know."""
    partners = directory()["partners"]
    index = MatchIndex.fit(partners=partners, embedder=embedder)
    cheese = IdeaRecord(
        2,
        "Занатски сир са Старе планине",
        "Правим бели сир и кајмак од млека са локалних фарми код Пирота и желим да продајем "
        "хотелима и преко веб продавнице.",
        offers="бели сир, кајмак",
        seeks="хладњача, амбалажа, веб продавница",
        city="Pirot",
        needs=("partner",),
    )
    found = index.rank(cheese, kinds=("partner",), k=10)["partner"]
    names = {p.id: p.name for p in partners}
    claims = ("would produce", "what you need", "what you will sell too")
    directed = {
        names[m.candidate_id]
        for m in found
        if any(claim in reason for claim in claims for reason in m.reasons)
    }
    assert directed == {"Hotel SUMATOVAC"}  # it seeks "kajmak", a word in either script


JAM_SR = IdeaRecord(
    60,
    "Džem od malina",
    "Pravim džem od malina sa porodičnog imanja u Arilju. Treba mi pomoć oko etiketa, cene i "
    "prodaje hotelima i prodavnicama zdrave hrane. Potrebne su mi staklene tegle.",
)
JAM_EN = IdeaRecord(
    61,
    "Raspberry jam",
    "I make raspberry jam on the family farm in Arilje. I need help with labels, pricing and "
    "selling to hotels and health food shops. I need glass jars.",
)
FOOD_TECHNOLOGIST = next(m.id for m in MENTORS if "HACCP" in m.headline)


def test_a_product_named_in_both_languages_brings_the_mentor_who_knows_it(
    index: MatchIndex,
) -> None:
    """The food technologist ("jam and juice processing") came first for the English jam idea
    and was not proposed at all for its Serbian translation, scored by meaning alone."""
    assert _mentors(index, JAM_EN)[:1] == [FOOD_TECHNOLOGIST]
    best = index.rank(JAM_SR, kinds=("mentor",))["mentor"][0]
    assert best.candidate_id == FOOD_TECHNOLOGIST
    assert best.reasons[0] == "Related words: džem ~ jam, malina ~ raspberries"


def test_an_english_idea_finds_a_serbian_mentor_by_the_products_she_names(embedder) -> None:
    serbian = MentorRecord(
        100,
        "Vesna",
        headline="Tehnolog za preradu voća",
        expertise="Pekmez, džem i sokovi, pasterizacija, etikete",
        bio="Dvadeset godina radim u preradi voća: pekmez od šljiva, džem od kajsija i malina, "
        "sokovi u staklenim flašama. Pomažem malim proizvođačima da uvedu HACCP.",
    )
    others = [m for m in MENTORS if m.id != FOOD_TECHNOLOGIST]
    index = MatchIndex.fit(mentors=[*others, serbian], embedder=embedder)
    best = index.rank(JAM_EN, kinds=("mentor",))["mentor"][0]
    assert best.candidate_id == serbian.id
    assert best.reasons[0].startswith("Related words: raspberry ~ malina, jam ~ ")


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Pravim džem od malina i treba mi tegle", "sr", {"džem", "malina", "tegle"}),
        ("Pravim dzem od malina", "sr", {"dzem", "malina"}),
        ("Планирам да правим џем и сок од јабука", "sr", {"џем", "јабука"}),
        ("I make raspberry jam and plum brandy", "en", {"raspberry", "plum", "brandy"}),
        # "među" (among) is no form of "med" (honey), typed with diacritics or without them.
        ("Sastajemo se među ljudima, a ni jagoda nema", "sr", {"jagoda"}),
        ("Sastajemo se medju ljudima, a jagoda nema", "sr", {"jagoda"}),
        # Typed with diacritics, read with them: "šok" is no "sok" (juice).
        ("Diskont Šok cene: kućna hemija po 99 dinara", "sr", set()),
        # A capitalised word inside a sentence is a name, an all-capitals one an acronym.
        ("Zovem se Jagoda Marković i šijem haljine", "sr", set()),
        ("Boards built on a Raspberry Pi that read JAR files", "en", set()),
        # A word of several senses is no product unless the idea sells or needs it.
        ("Aplikacija u kojoj svaka porodica crta svoje porodično drvo", "sr", set()),
        ("We run a 48-hour game jam and a white label platform", "en", set()),
        ("Sastajemo se u konacima i molimo se svecima", "sr", set()),
        # A first name opening a sentence; an address.
        ("Višnja i ja smo ekonomistkinje. Pišite na info@jabuka.rs", "sr", set()),
        # Typed without diacritics in a text that has them elsewhere: read without them.
        ("Pravim dzem od višnje u Čačku", "sr", {"dzem", "višnje"}),
        # Short stems inflect where the text is typed with diacritics.
        ("U Čačku pravimo ulja i vina", "sr", {"ulja", "vina"}),
        ("U Cacku pravimo ulja i vina", "sr", set()),
        ("Prodajem domaće čajeve i sireve", "sr", {"čajeve", "sireve"}),
        # Capitalised list items, a Title Case line, capitals, a numbered list.
        ("Proizvodi: Džem, Pekmez, Ajvar od paprike", "sr", {"džem", "paprike"}),
        ("Prodaja Sapuna I Sveća Sa Kopaonika", "sr", {"sapuna", "sveća"}),
        ("ПРАВИМ ЏЕМ ОД МАЛИНА", "sr", {"џем", "малина"}),
        ("1) Džem od kupina 2) Rakija od šljiva", "sr", {"džem", "kupina", "rakija", "šljiva"}),
        # Decomposed diacritics (as some systems write them) read as composed.
        ("Pravim dz\u030cem", "sr", {"džem"}),
        ("Je fabrique de la confiture", "fr", set()),
    ],
)
def test_the_products_of_a_text_are_found_in_its_own_language(text, language, expected) -> None:
    assert set(translated_products(text, language)[0]) == expected


def test_a_word_of_several_senses_counts_only_when_the_idea_sells_or_needs_it() -> None:
    assert translated_products("Prodajem med.", "sr")[0] == {}
    assert translated_products("Prodajem med.", "sr", frozenset({"med"}))[0] == {"med": ("honey",)}
    # Another product named beside it is not enough: "jam sessions... craft beer and wine".
    found = translated_products("Jam sessions every Friday, craft beer and local wine", "en")[0]
    assert set(found) == {"beer", "wine"}


def test_one_quote_per_product_as_first_written() -> None:
    found, count = translated_products("Šijem odeću i prodajem odeću i odeća je lepa", "sr")
    assert found == {"odeću": ("clothing",)} and count == 3


def test_across_languages_meaning_alone_needs_more_than_the_partner_floor(
    index: MatchIndex,
) -> None:
    """A spring-core maker was the Serbian jam idea's fourth partner at 0.07 on meaning alone
    (its English original never got it); the hotel that seeks jams and the food partners stay."""
    names = {p.id: p.name for p in PARTNERS}
    idea = dataclasses.replace(JAM_SR, sector="food")
    proposed = [names[m.candidate_id] for m in index.rank(idea, kinds=("partner",))["partner"]]
    assert proposed[:2] == ["Hotel SUMATOVAC", "Jastrebačka Priča"]
    assert "Mlekara Niški Kajmak" in proposed and "B-Right" not in proposed
    off = MatchIndex.fit(
        partners=PARTNERS,
        mentors=MENTORS,
        clusters=CLUSTERS,
        config=MatchConfig(cross_language_floor=0.0),
        embedder=index.embedder,
    )
    assert "B-Right" in [
        names[m.candidate_id] for m in off.rank(idea, kinds=("partner",))["partner"]
    ]


def test_a_mentor_who_names_the_idea_s_product_needs_no_standing_out_by_meaning(
    index: MatchIndex,
) -> None:
    """Meaning across two languages is flatter: the furniture engineer came first for a solid
    wood furniture maker writing in Serbian, but was not proposed (not far enough above the
    other mentors' meaning likeness); the word they share through translation is evidence."""
    idea = IdeaRecord(
        62,
        "Nameštaj od punog drveta",
        "Izrađujem nameštaj od punog drveta hrasta i oraha po meri, stolove i police. Tražim "
        "stolarsku radionicu za saradnju i kupce.",
    )
    furniture = next(m.id for m in MENTORS if m.headline.startswith("Furniture"))
    best = index.rank(idea, kinds=("mentor",))["mentor"][0]
    assert best.candidate_id == furniture
    assert best.reasons[0] == "Related words: nameštaj ~ furniture"


def test_the_cross_language_floor_holds_for_an_idea_that_sells_and_seeks_nothing(
    index: MatchIndex, embedder: TextEmbedder
) -> None:
    """An idea that names nothing it sells or needs scores partners by their profile alone,
    and was returned before the floor applied: a law office and a spring-core maker were
    proposed to workshops against stigma at school."""
    idea = IdeaRecord(
        63,
        "Radionice protiv stigme",
        "Deca sa etiketom problematičnog učenika često odustanu od škole. Vodim radionice za "
        "nastavnike i roditelje o tome kako da se ta etiketa skine.",
    )
    assert not index.rank(idea, kinds=("partner",))["partner"]
    off = MatchIndex.fit(
        partners=PARTNERS, config=MatchConfig(cross_language_floor=0.0), embedder=embedder
    )
    assert off.rank(idea, kinds=("partner",))["partner"]


def test_across_languages_a_partner_whose_list_names_one_of_the_idea_s_products_is_named(
    index: MatchIndex,
) -> None:
    """The hotel seeks "...honey, jams..."; a Serbian beekeeper sells "med, propolis i vosak":
    one product of three is under the share a list needs in one language, and meaning across
    two languages did not stand out, so the hotel was only a provisional buyer."""
    names = {p.id: p.name for p in PARTNERS}
    idea = IdeaRecord(
        64,
        "Pčelarstvo i med",
        "Imam 80 košnica na Staroj planini i prodajem med, propolis i vosak. Tražim kupce za med "
        "u teglama i savet o izvozu.",
    )
    best = index.rank(idea, kinds=("partner",))["partner"][0]
    assert names[best.candidate_id] == "Hotel SUMATOVAC"
    assert best.reasons[0] == "Hotel SUMATOVAC seeks what you would produce: honey"
