"""The programme's real clusters and partner companies, plus a few realistic partners per sector."""

from __future__ import annotations

from typing import Any

NAMED_CLUSTERS: tuple[str, ...] = (
    "Nis Region Start Up Services Cluster",
    "Serbian Cluster of Furniture Producers",
    "Nis Region Agro Start Up Cluster",
)

PILOT_CLUSTERS: tuple[str, ...] = (
    "Toplica Women Growers Pilot Cluster",
    "Leskovac Textile Startups Pilot Cluster",
    "Niš Green Building Pilot Cluster",
    "Pirot Business Services Pilot Cluster",
    "Niš MedTech and Health Startups Pilot Cluster",
)

CLUSTERS: tuple[dict[str, Any], ...] = (
    {
        "name": "Nis Region Start Up Services Cluster",
        "sector": "services",
        "region": "Nišava District, Southern Serbia",
        "description": (
            "Brings together young service companies from Niš and the surrounding municipalities: "
            "accounting and legal offices, marketing and design studios, translation and training "
            "providers. Members share office space, refer clients to each other and run joint "
            "workshops on pricing, contracts and digital sales for new entrepreneurs."
        ),
    },
    {
        "name": "Serbian Cluster of Furniture Producers",
        "sector": "furniture",
        "region": "Serbia (national)",
        "description": (
            "The national association of furniture and wood-processing companies, from sawmills and "
            "board producers to upholstery workshops and kitchen makers. It organises joint fair "
            "stands, export missions to the EU, shared purchasing of fittings and fabrics, and "
            "training in CNC work and furniture design."
        ),
    },
    {
        "name": "Nis Region Agro Start Up Cluster",
        "sector": "agriculture",
        "region": "Nišava, Toplica and Pirot Districts",
        "description": (
            "Supports small farms and new agri-food businesses around Niš: berry and vegetable "
            "growers, beekeepers, dairy and meat producers, and home processors. The cluster helps "
            "with certification (GlobalG.A.P., organic, HACCP), shared cold storage, joint "
            "selling to retail chains and access to IPARD grants."
        ),
    },
    {
        "name": "Toplica Women Growers Pilot Cluster",
        "sector": "agriculture",
        "region": "Toplica District (Prokuplje, Kuršumlija, Blace)",
        "description": (
            "A pilot cluster of women-led family farms growing plums, raspberries, herbs and "
            "vegetables. Members pool their harvest to reach buyers that need volume, share "
            "machinery and drying equipment, and learn organic conversion together."
        ),
    },
    {
        "name": "Leskovac Textile Startups Pilot Cluster",
        "sector": "textiles",
        "region": "Jablanica District (Leskovac, Vlasotince, Lebane)",
        "description": (
            "Builds on Leskovac's textile tradition: small sewing workshops, knitwear producers, "
            "designers and embroidery studios. The pilot links startups with established factories "
            "for lohn (cut-make-trim) orders, shared cutting equipment and fabric purchasing."
        ),
    },
    {
        "name": "Niš Green Building Pilot Cluster",
        "sector": "construction",
        "region": "Nišava District",
        "description": (
            "A pilot cluster for young construction and renovation firms focused on energy "
            "efficiency: facade insulation, solar installations, eco-friendly materials and interior "
            "finishing. Members bid jointly for municipal energy-efficiency programmes."
        ),
    },
    {
        "name": "Pirot Business Services Pilot Cluster",
        "sector": "services",
        "region": "Pirot District and Eastern Serbia",
        "description": (
            "A pilot cluster for service startups in Eastern Serbia: bookkeeping, marketing, event "
            "organisation, translation, cleaning and care services. It offers shared back-office "
            "help, a joint website and introductions to local companies that outsource services."
        ),
    },
    {
        "name": "Niš MedTech and Health Startups Pilot Cluster",
        "sector": "health",
        "region": "Nišava District",
        "description": (
            "A pilot cluster connecting health startups with the Niš Clinical Centre, the Faculty of "
            "Medicine and private clinics: home care, physiotherapy, medical devices, dietetics and "
            "digital health. Members get help with Medicines and Medical Devices Agency "
            "registration and clinical partners for pilots."
        ),
    },
)

NAMED_PARTNERS: dict[str, str] = {
    "Hotel SUMATOVAC": "Aleksinac",
    "Aleksinac Foreign Trade Law Office": "Aleksinac",
    "Hanibal": "Vranje",
    "B-Right": "Čačak",
    "Jastrebačka Priča": "Merošina",
}

PARTNERS: tuple[dict[str, Any], ...] = (
    {
        "name": "Hotel SUMATOVAC",
        "sector": "tourism",
        "city": "Aleksinac",
        "description": (
            "A hotel and restaurant in Aleksinac with rooms, a conference hall and a wedding and "
            "events venue, serving guests from the Niš region and travellers on the Corridor 10."
        ),
        "seeks": (
            "Local food suppliers: fresh vegetables, cheese and kajmak, meat, honey, jams, "
            "domestic wine and rakia; handmade souvenirs and decoration for events."
        ),
        "offers": (
            "Accommodation and conference space for trainings, a venue for events and product "
            "presentations, catering, and a shop corner for local products."
        ),
        "export_oriented": False,
    },
    {
        "name": "Aleksinac Foreign Trade Law Office",
        "sector": "services",
        "city": "Aleksinac",
        "description": (
            "A law office in Aleksinac specialised in foreign trade law, company registration and "
            "commercial contracts for small and medium-sized businesses."
        ),
        "seeks": "Small exporters and importers who need regular legal support.",
        "offers": (
            "Legal advice on export and import, customs procedures, distribution and supply "
            "contracts, company registration and trademark protection."
        ),
        "export_oriented": False,
    },
    {
        "name": "Hanibal",
        "sector": "furniture",
        "city": "Vranje",
        "description": (
            "A furniture manufacturer from Vranje producing upholstered sofas, beds and chairs for "
            "the domestic market and for export to the region and the EU."
        ),
        "seeks": (
            "Suppliers of furniture parts, upholstery sewing and fabric cutting, foam, wooden "
            "frames and solid-wood supply; small workshops for subcontracted finishing."
        ),
        "offers": (
            "Subcontracting orders for small workshops, access to its showroom and export "
            "distribution, and practical training in upholstery and furniture production."
        ),
        "export_oriented": True,
    },
    {
        "name": "B-Right",
        "sector": "manufacturing",
        "city": "Čačak",
        "description": (
            "An export-oriented manufacturer in Čačak making wire spring cores (bonnell and pocket "
            "springs) for mattress producers across Europe."
        ),
        "seeks": (
            "Textile suppliers for pocket-spring fabric, packaging, sewing subcontractors and "
            "mattress makers who need spring units."
        ),
        "offers": (
            "Spring cores for mattresses and upholstered furniture, contract manufacturing and "
            "know-how on exporting industrial products to the EU."
        ),
        "export_oriented": True,
    },
    {
        "name": "Jastrebačka Priča",
        "sector": "food",
        "city": "Merošina",
        "description": (
            "A family agriculture and food-processing company from Merošina near Niš, on the slopes "
            "of Jastrebac: winter food (ajvar, pickles), jam, domestic rakia and wine, sold at home "
            "and exported to the diaspora markets."
        ),
        "seeks": (
            "Growers of fruit, peppers and vegetables, small processors to produce under its "
            "brand, and packaging and label designers."
        ),
        "offers": (
            "Purchase of fruit and vegetables, co-packing, access to export buyers and advice on "
            "food safety and labelling."
        ),
        "export_oriented": True,
    },
    {
        "name": "Mlekara Niški Kajmak",
        "sector": "food",
        "city": "Niš",
        "description": "A mid-sized dairy in Niš producing milk, yoghurt, white cheese and kajmak.",
        "seeks": "Milk from small farms, goat and sheep milk, fruit preparations for yoghurt.",
        "offers": "Milk collection, cold-chain transport and co-branded dairy products for shops.",
        "export_oriented": False,
    },
    {
        "name": "Leskovačka Tekstilna Fabrika Jablanica",
        "sector": "textiles",
        "city": "Leskovac",
        "description": (
            "A textile factory in Leskovac weaving and sewing workwear, bedding and cotton fabrics."
        ),
        "seeks": "Sewing subcontractors, pattern designers and small brands ordering short runs.",
        "offers": "Fabric at factory prices, cutting services and short-run production for startups.",
        "export_oriented": True,
    },
    {
        "name": "Kodnest Solutions",
        "sector": "ict",
        "city": "Belgrade",
        "description": "A Belgrade software company building web shops, booking systems and mobile apps.",
        "seeks": "Small businesses that need digital sales, and junior developers from the regions.",
        "offers": "Web shops, online booking, inventory software and digital marketing setup.",
        "export_oriented": True,
    },
    {
        "name": "Gradnja Dunav",
        "sector": "construction",
        "city": "Novi Sad",
        "description": "A construction company in Novi Sad building residential and commercial buildings.",
        "seeks": "Subcontractors for interior finishing, insulation, joinery and landscaping.",
        "offers": "Subcontracting work, building materials at trade prices and site training.",
        "export_oriented": False,
    },
    {
        "name": "Apoteke Zdravlje Plus",
        "sector": "health",
        "city": "Niš",
        "description": "A pharmacy chain with stores in Niš, Leskovac, Vranje and Pirot.",
        "seeks": "Natural cosmetics, herbal teas, food supplements and medical aids from local makers.",
        "offers": "Shelf space in its pharmacies, help with product registration and health campaigns.",
        "export_oriented": False,
    },
    {
        "name": "Zadruga Zlatna Dolina",
        "sector": "agriculture",
        "city": "Prokuplje",
        "description": "An agricultural cooperative buying and cold-storing berries, plums and vegetables.",
        "seeks": "Growers of raspberries, blackberries, plums and peppers; seedling producers.",
        "offers": "Guaranteed purchase, cold storage, seedlings, machinery hire and agronomist visits.",
        "export_oriented": True,
    },
    {
        "name": "Metal Komponente Kragujevac",
        "sector": "manufacturing",
        "city": "Kragujevac",
        "description": "A metalworking firm supplying machined parts to the automotive industry.",
        "seeks": "Subcontractors for welding, powder coating, packaging and small-batch assembly.",
        "offers": "CNC machining, laser cutting and contract production for small product makers.",
        "export_oriented": True,
    },
    {
        "name": "Pilana Ibar",
        "sector": "furniture",
        "city": "Kraljevo",
        "description": "A sawmill and timber yard near Kraljevo producing oak and beech timber and boards.",
        "seeks": "Furniture workshops and carpenters buying timber regularly.",
        "offers": "Dried solid wood, edge-glued panels, cutting to measure and offcuts for small crafts.",
        "export_oriented": True,
    },
    {
        "name": "Turistička agencija Stara Planina",
        "sector": "tourism",
        "city": "Pirot",
        "description": "A travel agency organising rural, hiking and gastronomy tours in Eastern Serbia.",
        "seeks": "Rural households offering stays, local guides, food tastings and craft workshops.",
        "offers": "Bookings from domestic and foreign tourists, promotion and tour packaging.",
        "export_oriented": False,
    },
    {
        "name": "Knjigovodstvena agencija Balans",
        "sector": "services",
        "city": "Kragujevac",
        "description": "An accounting agency serving entrepreneurs and small companies in Šumadija.",
        "seeks": "New entrepreneurs and small firms that need bookkeeping.",
        "offers": "Bookkeeping, payroll, VAT and tax advice, and help with grant applications.",
        "export_oriented": False,
    },
)
