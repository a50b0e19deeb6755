"""Demo mentors: varied expertise across the programme's sectors; two wait for the lead's approval."""

from __future__ import annotations

from typing import Any

MENTORS: tuple[dict[str, Any], ...] = (
    {
        "name": "Dragana Stojanović", "city": "Niš", "capacity": 4, "status": "active",
        "headline": "Agronomist and organic certification adviser",
        "bio": "Twenty years with berry and vegetable growers in the Niš region; led GlobalG.A.P. "
               "certification for over forty family farms.",
        "expertise": "Organic conversion, GlobalG.A.P., berry and plum growing, irrigation, IPARD grants",
        "sectors": ["agriculture", "food"], "languages": ["sr", "en"],
    },
    {
        "name": "Miroslav Jovanović", "city": "Čačak", "capacity": 3, "status": "active",
        "headline": "Food technologist, HACCP and export labelling",
        "bio": "Ran production at a fruit-processing plant exporting jams and frozen raspberries to "
               "Germany and Scandinavia.",
        "expertise": "HACCP, food safety, jam and juice processing, freezing, export labelling, EU food law",
        "sectors": ["food", "agriculture", "manufacturing"], "languages": ["sr", "en", "de"],
    },
    {
        "name": "Snežana Ilić", "city": "Leskovac", "capacity": 5, "status": "active",
        "headline": "Textile production manager and fashion brand builder",
        "bio": "Managed sewing lines in Leskovac factories for fifteen years, then launched her own "
               "women's clothing brand sold online.",
        "expertise": "Sewing production, pattern making, lohn contracts, small clothing brands, quality control",
        "sectors": ["textiles", "manufacturing"], "languages": ["sr", "en", "it"],
    },
    {
        "name": "Zoran Petrović", "city": "Vranje", "capacity": 3, "status": "active",
        "headline": "Furniture design and wood-processing engineer",
        "bio": "Forestry engineer who designed upholstered and solid-wood furniture for export "
               "producers in southern Serbia.",
        "expertise": "Furniture design, CNC, solid wood, upholstery, production planning, furniture fairs",
        "sectors": ["furniture", "manufacturing"], "languages": ["sr", "en"],
    },
    {
        "name": "Jasmina Lukić", "city": "Novi Sad", "capacity": 3, "status": "active",
        "headline": "Civil engineer, energy-efficient renovation",
        "bio": "Leads renovation projects and trains small builders to meet energy-efficiency "
               "subsidy rules.",
        "expertise": "Energy efficiency, insulation, renovation budgets, building permits, site safety",
        "sectors": ["construction", "energy"], "languages": ["sr", "en", "hu"],
    },
    {
        "name": "Marina Kostić", "city": "Niš", "capacity": 4, "status": "active",
        "headline": "Accountant and start-up finance coach",
        "bio": "Owns an accounting office in Niš and teaches new entrepreneurs pricing, cash flow "
               "and how to choose between flat-rate tax and bookkeeping.",
        "expertise": "Bookkeeping, taxes, cash flow, pricing, business plans, bank loans and grants",
        "sectors": ["finance", "services"], "languages": ["sr", "en"],
    },
    {
        "name": "Ivana Đorđević", "city": "Belgrade", "capacity": 5, "status": "active",
        "headline": "Digital marketing and e-commerce strategist",
        "bio": "Built online shops and social media campaigns for dozens of small Serbian brands, "
               "from cosmetics to home-made food.",
        "expertise": "Social media, web shops, branding, product photography, online advertising",
        "sectors": ["services", "ict", "creative"], "languages": ["sr", "en"],
    },
    {
        "name": "Nenad Mitrović", "city": "Belgrade", "capacity": 2, "status": "active",
        "headline": "Software architect and product mentor",
        "bio": "CTO of a Belgrade software company; mentors founders building their first apps.",
        "expertise": "Software products, mobile apps, MVP, SaaS pricing, hiring developers",
        "sectors": ["ict"], "languages": ["sr", "en"],
    },
    {
        "name": "Vesna Ristić", "city": "Niš", "capacity": 3, "status": "active",
        "headline": "Physician and health-service founder",
        "bio": "Internist who opened a private home-care service in Niš and advises health startups "
               "on regulation.",
        "expertise": "Home care, private practice licensing, medical devices, patient safety",
        "sectors": ["health"], "languages": ["sr", "en", "ru"],
    },
    {
        "name": "Milica Tasić", "city": "Niš", "capacity": 3, "status": "active",
        "headline": "Pharmacist, herbal products and supplements",
        "bio": "Developed a line of herbal teas and natural creams and registered them with the "
               "Medicines and Medical Devices Agency.",
        "expertise": "Herbal products, food supplements, natural cosmetics, product registration",
        "sectors": ["health", "cosmetics", "agriculture"], "languages": ["sr", "en"],
    },
    {
        "name": "Gordana Nikolić", "city": "Pirot", "capacity": 4, "status": "active",
        "headline": "Rural tourism and gastronomy consultant",
        "bio": "Helped households on Stara planina open guest rooms and tasting tables; works with "
               "the regional tourist organisation.",
        "expertise": "Rural tourism, guest houses, gastronomy tours, booking platforms, categorisation",
        "sectors": ["tourism", "food"], "languages": ["sr", "en", "bg"],
    },
    {
        "name": "Aleksandar Pavlović", "city": "Kragujevac", "capacity": 3, "status": "active",
        "headline": "Export manager, EU and CEFTA markets",
        "bio": "Spent twelve years opening export markets for Serbian manufacturers in Germany, "
               "Austria and the region.",
        "expertise": "Export, distributors, trade fairs, customs, incoterms, CE marking",
        "sectors": ["manufacturing", "trade", "furniture"], "languages": ["sr", "en", "de"],
    },
    {
        "name": "Tatjana Milenković", "city": "Kraljevo", "capacity": 2, "status": "active",
        "headline": "Lawyer for small business and foreign trade",
        "bio": "Advises entrepreneurs on company registration, contracts and trademarks.",
        "expertise": "Company law, contracts, trademarks, foreign trade, customs procedures",
        "sectors": ["services", "trade"], "languages": ["sr", "en", "fr"],
    },
    {
        "name": "Biljana Simić", "city": "Zaječar", "capacity": 3, "status": "active",
        "headline": "Winemaker and beekeeping trainer",
        "bio": "Runs a family winery in the Negotin wine region and trains beekeepers on honey "
               "quality and labelling.",
        "expertise": "Wine, rakia, beekeeping, honey, small distilleries, tasting rooms",
        "sectors": ["agriculture", "food", "tourism"], "languages": ["sr", "en", "ro"],
    },
    {
        "name": "Vladimir Stanković", "city": "Užice", "capacity": 3, "status": "active",
        "headline": "Hotel manager, hospitality operations",
        "bio": "Managed hotels on Zlatibor and Tara and now coaches small hospitality owners.",
        "expertise": "Hotel operations, restaurants, catering, revenue management, staff training",
        "sectors": ["tourism", "services"], "languages": ["sr", "en", "ru"],
    },
    {
        "name": "Ljiljana Živković", "city": "Kragujevac", "capacity": 4, "status": "active",
        "headline": "Manufacturing quality and lean production",
        "bio": "Quality manager in automotive supply chains; introduces ISO 9001 and lean in small "
               "workshops.",
        "expertise": "ISO 9001, lean production, quality control, supplier audits, metalworking",
        "sectors": ["manufacturing", "construction"], "languages": ["sr", "en", "it"],
    },
    {
        "name": "Katarina Vuković", "city": "Novi Sad", "capacity": 3, "status": "active",
        "headline": "Designer and creative brand mentor",
        "bio": "Textile and product designer who helps craft makers turn handmade products into "
               "brands.",
        "expertise": "Product design, packaging, textile design, handmade brands, craft fairs",
        "sectors": ["creative", "textiles", "furniture"], "languages": ["sr", "en"],
    },
    {
        "name": "Dejan Cvetković", "city": "Leskovac", "capacity": 3, "status": "pending",
        "headline": "Agricultural machinery and greenhouse specialist",
        "bio": "Builds greenhouses and irrigation systems for vegetable growers in Jablanica.",
        "expertise": "Greenhouses, drip irrigation, vegetable seedlings, farm machinery",
        "sectors": ["agriculture", "construction"], "languages": ["sr"],
    },
    {
        "name": "Jelena Marković", "city": "Subotica", "capacity": 2, "status": "pending",
        "headline": "Physiotherapist and wellness centre owner",
        "bio": "Opened a physiotherapy and wellness centre and mentors women starting health services.",
        "expertise": "Physiotherapy, rehabilitation, wellness, private practice, health tourism",
        "sectors": ["health", "tourism"], "languages": ["sr", "en", "hu"],
    },
)
