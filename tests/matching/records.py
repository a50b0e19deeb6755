"""Hand-made candidates shared by the matching tests."""

from __future__ import annotations

from matching import ClusterRecord, MentorRecord, PartnerRecord

MENTORS = [
    MentorRecord(
        1,
        "Jelena Petrović",
        headline="Food technologist",
        bio="Twenty years in fruit processing: jam, ajvar and preserves for small "
        "producers, HACCP food safety and labelling.",
        expertise="food safety, jam production, preserves",
        sectors=("food",),
        languages=("sr", "en"),
        city="Niš",
        remaining_capacity=2,
    ),
    MentorRecord(
        2,
        "Marko Ilić",
        headline="Software architect",
        bio="Builds web shops and mobile apps, cloud hosting and online payments.",
        expertise="e-commerce, web development",
        sectors=("ict",),
        languages=("en",),
        city="Novi Sad",
        remaining_capacity=3,
    ),
    MentorRecord(
        3,
        "Ana Kovač",
        headline="Textile designer",
        bio="Knitwear, wool and natural fabrics; export of handmade clothing.",
        expertise="textiles, fashion",
        sectors=("textiles",),
        languages=("sr",),
        city="Čačak",
        remaining_capacity=1,
    ),
    MentorRecord(
        4,
        "Ivana Jovanović",
        headline="Beekeeper and honey trader",
        bio="Organic beekeeping, honey and propolis, apiary management.",
        expertise="beekeeping, honey",
        sectors=("agriculture",),
        languages=("sr",),
        city="Vranje",
        remaining_capacity=0,
    ),
    MentorRecord(
        5,
        "Milica Stojanović",
        headline="Honey marketing",
        bio="Branding organic honey and bee products, selling honey at fairs.",
        expertise="honey marketing",
        sectors=("agriculture",),
        languages=("sr",),
        city="Beograd",
        remaining_capacity=1,
        active=False,
    ),
]
PARTNERS = [
    PartnerRecord(
        10,
        "Hotel SUMATOVAC",
        description="Boutique hotel and restaurant in Niš.",
        offers="event space, catering",
        seeks="local food, homemade jam, fresh cheese",
        sector="tourism",
        city="Niš",
        country="RS",
    ),
    PartnerRecord(
        11,
        "Ambalaža Plus",
        description="Packaging manufacturer.",
        offers="glass jars, labels, cardboard packaging",
        seeks="bulk orders",
        sector="manufacturing",
        city="Beograd",
        country="RS",
    ),
    PartnerRecord(
        12,
        "Vunarija Sjenica",
        description="Wool spinning mill.",
        offers="spun wool yarn",
        seeks="knitting workshops",
        sector="textiles",
        city="Sjenica",
        country="RS",
    ),
]
CLUSTERS = [
    ClusterRecord(
        20,
        "South Serbia Food Cluster",
        description="Fruit and vegetable processors, jam and ajvar producers of southern Serbia.",
        sector="food",
        region="Nišava",
    ),
    ClusterRecord(
        21,
        "Vojvodina ICT Cluster",
        description="Software and IT companies.",
        sector="ict",
        region="Novi Sad",
    ),
]
