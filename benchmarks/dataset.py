"""Deterministic labelled evaluation set: ideas whose right candidates are known by construction.

Ideas and candidates are written from the same topic concepts but with independently drawn
wording: English or Serbian, other inflected forms and synonyms, Serbian without diacritics
or in Cyrillic, plus generic business sentences shared by everyone. A candidate is relevant
to an idea when it serves the idea's topic: mentors of the topic, buyers seeking the topic's
products, suppliers offering one of its inputs, and clusters of the topic's group.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field

from benchmarks.topics import GROUP_NAMES, TOPICS, Topic
from matching import ClusterRecord, IdeaRecord, MentorRecord, PartnerRecord
from matching.regions import DISTRICT_TOWNS

SEED = 20240611
IDEAS_PER_TOPIC = 10

GENERIC_EN = (
    "We are a small family business.",
    "I need help with marketing and finding buyers.",
    "Later we want to export to the EU.",
    "I am looking for advice on financing and grants.",
    "Our goal is to employ women from the local community.",
    "I have a business plan but I need a mentor.",
    "We sell at local markets and through social networks.",
)
GENERIC_SR = (
    "Mi smo mali porodični posao.",
    "Potrebna mi je pomoć oko marketinga i pronalaska kupaca.",
    "Kasnije želimo izvoz u EU.",
    "Tražim savet o finansiranju i subvencijama.",
    "Cilj nam je da zaposlimo žene iz lokalne zajednice.",
    "Imam biznis plan ali mi treba mentorka.",
    "Prodajemo na pijacama i preko društvenih mreža.",
)
MENTOR_GENERIC_EN = (
    "Also mentors on business planning, pricing and marketing.",
    "Experienced with EU grants and export.",
    "Has helped many women entrepreneurs start up.",
    "Works with small and medium enterprises across Serbia.",
)
MENTOR_GENERIC_SR = (
    "Mentorka za biznis planove, cene i marketing.",
    "Iskustvo sa EU fondovima i izvozom.",
    "Pomogla je mnogim preduzetnicama da pokrenu posao.",
    "Radi sa malim i srednjim preduzećima širom Srbije.",
)
GENERALIST_EXPERTISE = (
    "business planning",
    "marketing",
    "social media",
    "sales",
    "export",
    "EU funds",
    "financing",
    "pricing",
    "branding",
    "leadership",
    "negotiation",
    "legal advice",
)
IDEA_TEMPLATES_EN = (
    "I want to start a small business with {a} and {b}.",
    "My idea: {a}, {b} and {c}.",
    "We plan to offer {a}; our strength is {b}.",
    "Starting {a} in my town, focused on {b} and {c}.",
)
IDEA_TEMPLATES_SR = (
    "Želim da pokrenem posao: {a} i {b}.",
    "Moja ideja je {a}, uz {b} i {c}.",
    "Planiram {a}, a naša prednost je {b}.",
    "Pokrećem {a} u svom mestu, fokus na {b} i {c}.",
)
MENTOR_TEMPLATES_EN = (
    "{years} years of experience in {a} and {b}.",
    "Helped producers grow in {a}, {b} and {c}.",
    "Consultant for {a}; former owner of a company in {b}.",
)
MENTOR_TEMPLATES_SR = (
    "{years} godina iskustva: {a} i {b}.",
    "Savetovala proizvođače u oblasti {a}, {b} i {c}.",
    "Konsultantkinja za {a}; ranije vlasnica firme za {b}.",
)
FIRST_NAMES = (
    "Jelena",
    "Marija",
    "Ana",
    "Milica",
    "Ivana",
    "Dragana",
    "Snežana",
    "Jovana",
    "Tijana",
    "Gordana",
    "Vesna",
    "Đurđa",
    "Ljiljana",
    "Nataša",
    "Biljana",
)
LAST_NAMES = (
    "Petrović",
    "Jovanović",
    "Nikolić",
    "Marković",
    "Đorđević",
    "Stojanović",
    "Ilić",
    "Stanković",
    "Pavlović",
    "Milošević",
    "Kovačević",
    "Živković",
    "Todorović",
)
BUSINESS_NAMES = (
    "Sumatovac",
    "Morava",
    "Zlatni klas",
    "Kod Mile",
    "Rtanj",
    "Suva planina",
    "Vlasina",
    "Tara",
    "Kopaonik",
    "Stara Srbija",
    "Dunav",
    "Timok",
    "Jelica",
)
GENERIC_PARTNERS = (
    (
        "Logistika Jug",
        "Transport and delivery company.",
        "transport, delivery, warehouse",
        "regular shipments",
    ),
    (
        "Banka Intesa filijala",
        "Bank branch for small businesses.",
        "loans for small business",
        "new clients",
    ),
    ("Štamparija Grafika", "Printing house.", "printing, flyers, business cards", "print orders"),
    (
        "Agencija Vidljivi",
        "Marketing agency.",
        "marketing services, social networks, branding",
        "clients",
    ),
    ("Sajam Niš", "Trade fair organiser.", "stands at fairs, promotion", "exhibitors"),
)
_CYRILLIC_DIGRAPHS = {
    "lj": "љ",
    "nj": "њ",
    "dž": "џ",
    "Lj": "Љ",
    "Nj": "Њ",
    "Dž": "Џ",
    "LJ": "Љ",
    "NJ": "Њ",
    "DŽ": "Џ",
}
_CYRILLIC = dict(zip("abvgdđežzijklmnoprstćufhcčš", "абвгдђежзијклмнопрстћуфхцчш", strict=False))
_CYRILLIC.update({k.upper(): v.upper() for k, v in _CYRILLIC.items()})
_DIACRITICS = str.maketrans("čćšžđČĆŠŽĐ", "ccszdCCSZD")


def to_cyrillic(text: str) -> str:
    """Serbian Latin to Cyrillic (digraphs first)."""
    text = re.sub("|".join(_CYRILLIC_DIGRAPHS), lambda m: _CYRILLIC_DIGRAPHS[m.group()], text)
    return "".join(_CYRILLIC.get(char, char) for char in text)


def strip_diacritics(text: str) -> str:
    """How Serbian is often typed on an English keyboard (đ as plain d)."""
    return text.translate(_DIACRITICS)


@dataclass
class Dataset:
    """Candidates, ideas and, per idea and kind, the ids of the relevant candidates."""

    mentors: list[MentorRecord] = field(default_factory=list)
    partners: list[PartnerRecord] = field(default_factory=list)
    clusters: list[ClusterRecord] = field(default_factory=list)
    ideas: list[IdeaRecord] = field(default_factory=list)
    relevant: dict[int, dict[str, set[int]]] = field(default_factory=dict)


class _Writer:
    def __init__(self, seed: int) -> None:
        self.random = random.Random(seed)
        self.towns = sorted(town for towns in DISTRICT_TOWNS.values() for town in towns)

    def forms(self, topic: Topic, language: str, count: int) -> list[str]:
        concepts = topic.en if language == "en" else topic.sr
        picked = self.random.sample(concepts, min(count, len(concepts)))
        return [self.random.choice(concept) for concept in picked]

    def base_forms(self, topic: Topic, language: str, count: int) -> list[str]:
        concepts = topic.en if language == "en" else topic.sr
        return [concept[0] for concept in self.random.sample(concepts, min(count, len(concepts)))]

    def serbian_variant(self, *texts: str) -> tuple[str, ...]:
        roll = self.random.random()
        if roll < 0.12:
            return tuple(to_cyrillic(text) for text in texts)
        if roll < 0.47:
            return tuple(strip_diacritics(text) for text in texts)
        return texts

    def name(self) -> str:
        return f"{self.random.choice(FIRST_NAMES)} {self.random.choice(LAST_NAMES)}"

    def town(self) -> str:
        return self.random.choice(self.towns)


def _idea(writer: _Writer, idea_id: int, topic: Topic) -> IdeaRecord:
    rnd = writer.random
    language = "en" if rnd.random() < 0.45 else "sr"
    words = writer.forms(topic, language, 3)
    templates = IDEA_TEMPLATES_EN if language == "en" else IDEA_TEMPLATES_SR
    sentences = [rnd.choice(templates).format(a=words[0], b=words[1], c=words[2])]
    if rnd.random() < 0.6:
        inputs = topic.inputs_en if language == "en" else topic.inputs_sr
        needed = ", ".join(rnd.sample(inputs, min(2, len(inputs))))
        sentences.append(f"I need {needed}." if language == "en" else f"Nedostaju mi {needed}.")
    generic = GENERIC_EN if language == "en" else GENERIC_SR
    sentences.extend(rnd.sample(generic, rnd.randint(1, 3)))
    rnd.shuffle(sentences[1:])
    title = words[rnd.randrange(len(words))].capitalize()
    description = " ".join(sentences)
    if language == "sr":
        title, description = writer.serbian_variant(title, description)
    languages = {"en": ("en",), "sr": ("sr",)}[language] if rnd.random() < 0.7 else ("sr", "en")
    return IdeaRecord(
        id=idea_id,
        title=title,
        description=description,
        sector=topic.sector if rnd.random() < 0.7 else None,
        languages=languages if rnd.random() < 0.8 else (),
        city=writer.town() if rnd.random() < 0.8 else "",
        country="RS",
    )


def _mentor(writer: _Writer, mentor_id: int, topic: Topic | None) -> MentorRecord:
    rnd = writer.random
    language = "en" if rnd.random() < 0.5 else "sr"
    generic = MENTOR_GENERIC_EN if language == "en" else MENTOR_GENERIC_SR
    if topic is None:
        expertise = rnd.sample(GENERALIST_EXPERTISE, 3)
        headline = f"Business mentor: {expertise[0]}"
        bio = " ".join(rnd.sample(generic, 3))
        sectors: tuple[str, ...] = ()
    else:
        words = writer.forms(topic, language, 3)
        templates = MENTOR_TEMPLATES_EN if language == "en" else MENTOR_TEMPLATES_SR
        bio = " ".join(
            [
                rnd.choice(templates).format(
                    years=rnd.randint(5, 30), a=words[0], b=words[1], c=words[2]
                ),
                *rnd.sample(generic, rnd.randint(1, 2)),
            ]
        )
        other = "sr" if language == "en" else "en"
        expertise = writer.base_forms(topic, language, 2) + writer.base_forms(topic, other, 1)
        headline = words[0].capitalize() if rnd.random() < 0.5 else f"Mentor, {topic.sector}"
        sectors = (topic.sector,)
    return MentorRecord(
        id=mentor_id,
        name=writer.name(),
        headline=headline,
        bio=bio,
        expertise=", ".join(expertise),
        sectors=sectors,
        languages=("sr", "en") if rnd.random() < 0.5 else (language,),
        city=writer.town(),
        remaining_capacity=rnd.randint(1, 4),
    )


def build_dataset(seed: int = SEED) -> Dataset:
    """The labelled evaluation set (same seed, same data)."""
    writer = _Writer(seed)
    rnd = writer.random
    data = Dataset()
    mentor_topic: dict[int, str] = {}
    for topic in TOPICS:
        for _ in range(3):
            mentor = _mentor(writer, 1000 + len(data.mentors), topic)
            data.mentors.append(mentor)
            mentor_topic[mentor.id] = topic.key
    for _ in range(40):
        data.mentors.append(_mentor(writer, 1000 + len(data.mentors), None))
    buyers_of: dict[str, set[int]] = {}
    offered: dict[int, set[str]] = {}
    for topic in TOPICS:
        for language in ("en", "sr"):
            products = topic.products_en if language == "en" else topic.products_sr
            inputs = topic.inputs_en if language == "en" else topic.inputs_sr
            buyer_id = 2000 + len(data.partners)
            data.partners.append(
                PartnerRecord(
                    id=buyer_id,
                    name=f"{topic.buyer} {rnd.choice(BUSINESS_NAMES)}",
                    description=f"{topic.buyer} in {writer.town()}.",
                    offers="space for events, promotion"
                    if language == "en"
                    else "prostor, promocija",
                    seeks=", ".join(products),
                    sector=topic.sector if rnd.random() < 0.5 else None,
                    city=writer.town(),
                    country="RS",
                )
            )
            buyers_of.setdefault(topic.key, set()).add(buyer_id)
            supplier_id = 2000 + len(data.partners)
            sold = rnd.sample(inputs, 2)
            data.partners.append(
                PartnerRecord(
                    id=supplier_id,
                    name=f"{rnd.choice(BUSINESS_NAMES)} d.o.o.",
                    description="Supplier and wholesaler." if language == "en" else "Veleprodaja.",
                    offers=", ".join(sold),
                    seeks="distributors, bulk orders",
                    sector="trade",
                    city=writer.town(),
                    country="RS",
                )
            )
            offered[supplier_id] = {strip_diacritics(item).lower() for item in sold}
    for name, description, offers, seeks in GENERIC_PARTNERS:
        data.partners.append(
            PartnerRecord(
                2000 + len(data.partners),
                name,
                description,
                offers,
                seeks,
                sector="services",
                city=writer.town(),
            )
        )
    cluster_group: dict[int, str] = {}
    for group, (name_en, name_sr) in GROUP_NAMES.items():
        members = [topic for topic in TOPICS if topic.group == group]
        for language, name in (("en", name_en), ("sr", name_sr)):
            words = [writer.base_forms(topic, language, 2) for topic in members]
            description = ", ".join(word for pair in words for word in pair)
            region = rnd.choice(sorted(DISTRICT_TOWNS))
            cluster_id = 3000 + len(data.clusters)
            data.clusters.append(
                ClusterRecord(
                    cluster_id,
                    f"{name} Cluster {region}",
                    f"{description}. {rnd.choice(MENTOR_GENERIC_EN)}",
                    sector=members[0].sector,
                    region=region,
                )
            )
            cluster_group[cluster_id] = group
    for name in ("Women Entrepreneurs Network", "Startup Hub Niš", "Impact Hub Beograd"):
        data.clusters.append(
            ClusterRecord(
                3000 + len(data.clusters),
                name,
                "Community, events and mentoring for startups.",
                region=writer.town(),
            )
        )
    for topic in TOPICS:
        inputs = {strip_diacritics(item).lower() for item in topic.inputs_en + topic.inputs_sr}
        for _ in range(IDEAS_PER_TOPIC):
            idea = _idea(writer, 1 + len(data.ideas), topic)
            data.ideas.append(idea)
            data.relevant[idea.id] = {
                "mentor": {m for m, key in mentor_topic.items() if key == topic.key},
                "partner": buyers_of[topic.key]
                | {p for p, items in offered.items() if items & inputs},
                "cluster": {c for c, group in cluster_group.items() if group == topic.group},
            }
    return data
