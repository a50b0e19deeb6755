"""Hand-written sentence pools per sector, worded to fit every concept of that sector.

MARKET stands in for a concept's own customer sentence when the concept comes round again, so two
founders with a similar plan still describe it differently.
"""

from __future__ import annotations

MARKET: dict[str, tuple[str, ...]] = {
    "agriculture": (
        "Demand for local, traceable produce is growing in {city} and across the region.",
        "I would sell together with neighbouring farms to reach buyers who need volume.",
        "There are few producers of this kind around {city}, so competition is low.",
        "I would also sell at the green market in {city} and directly from the farm.",
    ),
    "food": (
        "I would sell to shops in {city}, to hotels and restaurants, and to the diaspora through online orders.",
        "Hotels such as Sumatovac in Aleksinac look for local products for their guests and events.",
        "Delicatessens in Niš and Belgrade look for authentic local products with a good label.",
        "Tourists and the diaspora buy such products as gifts, especially before holidays.",
    ),
    "textiles": (
        "Customers abroad value handmade and locally made textiles, so I would also sell online and at fairs.",
        "Boutiques and concept stores in Belgrade and Novi Sad are looking for local producers.",
        "There are skilled seamstresses in {city} without work, so I can grow quickly when orders come.",
    ),
    "furniture": (
        "Buyers abroad pay well for solid-wood furniture made in Serbia.",
        "Hotels, cafés and families in {city} would rather buy from a local workshop they can visit.",
        "Furniture fairs in Belgrade and abroad are a good way to reach new buyers.",
    ),
    "construction": (
        "Demand is rising because municipalities co-finance energy-efficient renovation of homes.",
        "Good craftsmen are scarce in {city}, so customers wait months for reliable work.",
        "Construction companies subcontract this work and pay on time when the quality is right.",
    ),
    "services": (
        "Small firms in {city} cannot afford full-time staff for this and would rather outsource it.",
        "There is no such service in {city} yet, and people now go to Niš or Belgrade for it.",
        "Word of mouth works well here, so the first satisfied clients bring the next ones.",
    ),
    "health": (
        "People in {city} increasingly pay for health products and services they can trust.",
        "Pharmacies and private clinics in {city} would recommend me to their customers and patients.",
        "Awareness of prevention is growing, and people are ready to pay for it.",
    ),
    "tourism": (
        "Travel agencies in Pirot and Niš ask for new rural products to sell.",
        "Foreign visitors want real local food and contact with hosts, not just a room.",
        "Schools and companies book group trips and team-building days.",
    ),
    "ict": (
        "Small businesses need affordable digital tools in Serbian, with support they can call.",
        "Nobody offers this in {city}, and the big providers do not care about small customers.",
        "The same product could later be sold in the whole region, since the problems are the same.",
    ),
    "manufacturing": (
        "Exporters need local suppliers who can meet EU quality standards.",
        "Large manufacturers prefer suppliers close by who can deliver small series quickly.",
        "Shops and producers in {city} now buy these products from importers.",
    ),
}

# Where the founder stands: what she has, what she lacks, what it would cost.
DETAILS: dict[str, tuple[str, ...]] = {
    "agriculture": (
        "I already have land and water on the plot, but no storage.",
        "I have completed a course on organic production.",
        "I estimate I need about 15,000 euros for the first season and basic equipment.",
        "My husband and I work on the farm, and we would employ two seasonal workers.",
    ),
    "food": (
        "I already sell at the green market and on Facebook, but I need registered premises.",
        "I need HACCP, a label that meets the rules and better packaging.",
        "The know-how comes from my family, and customers keep asking for more.",
        "I estimate I need about 10,000 euros for equipment and the first batch of packaging.",
    ),
    "textiles": (
        "I have four industrial machines and two trained seamstresses.",
        "I have designs and samples ready and have sold the first pieces to friends and at fairs.",
        "I need a cutting table and an overlock machine to take bigger orders.",
        "I worked fifteen years in a textile factory and know production well.",
    ),
    "furniture": (
        "I rent a workshop with basic machines, but I need a CNC router to grow.",
        "I have drawings and prototypes ready and have sold the first pieces.",
        "I need a steady supply of dried oak and beech at a fair price.",
        "I have trained two young carpenters and want to keep them employed all year.",
    ),
    "construction": (
        "I have a crew of four and the tools, but no references for larger jobs yet.",
        "I am a certified engineer and have done the first jobs for neighbours.",
        "I need a van and equipment to take several jobs at once.",
        "Material prices change quickly, so I need good suppliers and a way to price jobs.",
    ),
    "services": (
        "I have the qualifications and first clients, but I need to find more.",
        "I can start from home, but I would like a small office in the centre.",
        "I need a website and clear price packages.",
        "I am the only employee now and want to hire two people within a year.",
    ),
    "health": (
        "I have the licence and experience, but not the premises and equipment yet.",
        "I am not sure which permits and registrations I need.",
        "I have tested the idea with the first patients and got good feedback.",
        "I need about 20,000 euros for equipment and the first months of rent.",
    ),
    "tourism": (
        "The property is ready, but it still has to be categorised.",
        "I have first bookings through friends, but I am not on booking platforms yet.",
        "I speak English and can host foreign guests myself.",
        "I would cooperate with neighbours who make cheese, honey and rakia.",
    ),
    "ict": (
        "I have a working prototype and ten test users.",
        "I program myself, but I need help with sales and pricing.",
        "I need the first paying customers and a partner to resell the product.",
        "I work as a freelancer and want to turn my own product into a company.",
    ),
    "manufacturing": (
        "I have a workshop and machines, but my capacity is only half used.",
        "I need certification to deliver to larger companies.",
        "I have first customers and need a second machine to keep up with orders.",
        "I would employ three women from my village once orders are steady.",
    ),
}

MENTOR_TOPICS: dict[str, tuple[str, ...]] = {
    "agriculture": (
        "organic certification",
        "farm planning and financing",
        "selling to cooperatives and exporters",
        "IPARD grant applications",
    ),
    "food": (
        "HACCP and food safety",
        "labelling rules",
        "pricing and costing of products",
        "export to the EU",
    ),
    "textiles": (
        "production planning",
        "lohn contracts and pricing",
        "building a clothing brand",
        "online sales",
    ),
    "furniture": (
        "furniture design",
        "CNC production",
        "export and furniture fairs",
        "costing and pricing",
    ),
    "construction": (
        "energy-efficiency subsidies",
        "pricing of works and contracts",
        "permits and site safety",
        "managing a crew",
    ),
    "services": (
        "finding first clients",
        "pricing services",
        "marketing on social networks",
        "contracts and registration",
    ),
    "health": (
        "licensing a private practice",
        "product registration",
        "health regulations",
        "building trust with patients",
    ),
    "tourism": (
        "rural tourism and categorisation",
        "booking platforms",
        "hospitality and guest service",
        "promotion abroad",
    ),
    "ict": (
        "product development and an MVP",
        "SaaS pricing",
        "sales to small businesses",
        "hiring developers",
    ),
    "manufacturing": (
        "ISO 9001 and quality control",
        "working with large manufacturers",
        "lean production",
        "export requirements",
    ),
}

PARTNER_WISHES: dict[str, tuple[str, ...]] = {
    "agriculture": (
        "a buyer that takes steady volumes",
        "a cooperative with storage and transport",
        "hotels and restaurants that want local produce",
        "a wholesaler or processor in the region",
    ),
    "food": (
        "hotels and restaurants that buy local products",
        "a processor with certified premises for co-packing",
        "a distributor for shops",
        "a packaging supplier",
    ),
    "textiles": (
        "a factory that outsources sewing",
        "a fabric supplier at factory prices",
        "furniture or mattress producers that need sewing",
        "shops that stock local brands",
    ),
    "furniture": (
        "a sawmill with dried timber",
        "a furniture manufacturer that subcontracts",
        "hotels and restaurants that furnish",
        "an upholstery fabric supplier",
    ),
    "construction": (
        "a construction company that subcontracts",
        "a building materials supplier",
        "an installer network",
        "municipal programmes",
    ),
    "services": (
        "companies that outsource this service",
        "exporters who need help with paperwork",
        "hotels and venues",
        "an accounting or law office to refer clients",
    ),
    "health": (
        "a pharmacy chain",
        "private clinics and laboratories",
        "a medical equipment supplier",
        "companies that offer staff health programmes",
    ),
    "tourism": (
        "a travel agency that sells rural tours",
        "local food producers",
        "a hotel to share guests with",
        "wineries and craft workshops",
    ),
    "ict": (
        "a software company to subcontract with",
        "business associations that reach users",
        "cooperatives and shops as pilot users",
        "a hosting and payment provider",
    ),
    "manufacturing": (
        "a larger manufacturer that buys parts",
        "a raw material supplier",
        "food and cosmetics producers as customers",
        "an exporter with EU customers",
    ),
}

CLUSTER_BENEFITS: dict[str, tuple[str, ...]] = {
    "agriculture": (
        "sell together with other farms",
        "share machinery and storage",
        "get certified at a lower cost",
    ),
    "food": (
        "exhibit at fairs with other producers",
        "share certified premises",
        "reach retail chains together",
    ),
    "textiles": (
        "share cutting equipment",
        "take larger orders together with other workshops",
        "buy fabric jointly",
    ),
    "furniture": (
        "exhibit at furniture fairs",
        "buy fittings and fabric jointly",
        "learn from established producers",
    ),
    "construction": (
        "bid for public works jointly",
        "train workers together",
        "buy materials at better prices",
    ),
    "services": (
        "get referrals from other members",
        "share an office and back-office",
        "learn from other founders",
    ),
    "health": (
        "find clinical partners for a pilot",
        "share premises and equipment",
        "learn the regulations from others",
    ),
    "tourism": (
        "offer joint packages with other hosts",
        "promote the region together",
        "appear at tourism fairs",
    ),
    "ict": (
        "meet businesses that need digital tools",
        "find co-founders and developers",
        "apply for innovation grants jointly",
    ),
    "manufacturing": (
        "reach bigger customers as a group",
        "share certification costs",
        "learn lean production from others",
    ),
}
