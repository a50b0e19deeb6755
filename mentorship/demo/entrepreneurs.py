"""Demo entrepreneurs: women founders from cities across Serbia, one business each."""

from __future__ import annotations

from typing import NamedTuple


class DemoEntrepreneur(NamedTuple):
    name: str
    business_name: str
    city: str
    sector: str
    stage: str
    languages: tuple[str, ...]
    bio: str


ENTREPRENEURS: tuple[DemoEntrepreneur, ...] = (
    DemoEntrepreneur(
        "Jelena Petrović", "Bašta Jastrebac", "Merošina", "agriculture", "early", ("sr", "en"),
        "Took over her parents' orchard near Merošina and is converting it to organic raspberries and plums.",
    ),
    DemoEntrepreneur(
        "Milica Đorđević", "Pčelinjak Milica", "Aleksinac", "agriculture", "growth", ("sr",),
        "Beekeeper with 120 hives in the Moravica valley, selling acacia and meadow honey.",
    ),
    DemoEntrepreneur(
        "Ana Stojanović", "Zeleni Plast", "Leskovac", "agriculture", "early", ("sr", "en"),
        "Grows early peppers and tomatoes in greenhouses and wants to sell directly to chains.",
    ),
    DemoEntrepreneur(
        "Snežana Marković", "Lekovito Bilje Toplica", "Prokuplje", "agriculture", "idea", ("sr",),
        "Agronomy graduate planning to grow and dry medicinal herbs on family land in Toplica.",
    ),
    DemoEntrepreneur(
        "Dragana Jovanović", "Malinjak Ovčar", "Čačak", "agriculture", "growth", ("sr", "de"),
        "Runs a four-hectare raspberry and blackberry farm and a small cold store near Čačak.",
    ),
    DemoEntrepreneur(
        "Ivana Pavlović", "Kozja Farma Pavlović", "Pirot", "agriculture", "early", ("sr", "bg"),
        "Keeps sixty goats on Stara planina and makes cheese by the traditional Pirot recipe.",
    ),
    DemoEntrepreneur(
        "Tijana Živković", "Slatki Kutak", "Niš", "food", "early", ("sr", "en"),
        "Pastry chef who left a hotel kitchen to bake traditional cakes and cookies to order.",
    ),
    DemoEntrepreneur(
        "Gordana Stanković", "Zimnica kod Goce", "Aleksinac", "food", "growth", ("sr",),
        "Makes ajvar, pickles and jams in a registered home kitchen and sells at Niš markets.",
    ),
    DemoEntrepreneur(
        "Vesna Kostić", "Domaća Radinost Vranje", "Vranje", "food", "idea", ("sr", "mk"),
        "Wants to turn her family's Vranje recipes for pita and dried meat into a small business.",
    ),
    DemoEntrepreneur(
        "Biljana Mitić", "Sirana Mitić", "Kraljevo", "food", "early", ("sr",),
        "Buys milk from neighbours and makes white cheese and kajmak for shops in Kraljevo.",
    ),
    DemoEntrepreneur(
        "Nataša Ristić", "Vinska Kuća Ristić", "Zaječar", "food", "growth", ("sr", "en", "ro"),
        "Third generation of a winemaking family in the Timok region, now bottling under her own label.",
    ),
    DemoEntrepreneur(
        "Ljiljana Cvetković", "Konac i Igla", "Leskovac", "textiles", "early", ("sr", "en"),
        "Seamstress with a four-machine workshop doing small orders for Leskovac factories.",
    ),
    DemoEntrepreneur(
        "Slađana Janković", "Vuneni Čarobnjak", "Pirot", "textiles", "idea", ("sr", "en"),
        "Weaver of Pirot kilims who wants to modernise the patterns and sell abroad.",
    ),
    DemoEntrepreneur(
        "Danijela Ćirić", "Ćirić Moda", "Novi Pazar", "textiles", "growth", ("sr", "tr"),
        "Designs and sews women's clothing and sells through Instagram across the region.",
    ),
    DemoEntrepreneur(
        "Svetlana Todorović", "Bebi Pamuk", "Kragujevac", "textiles", "early", ("sr", "en"),
        "Makes organic cotton clothing and bedding for babies.",
    ),
    DemoEntrepreneur(
        "Jasmina Lazić", "Radna Odeća Lazić", "Vlasotince", "textiles", "idea", ("sr",),
        "Former factory technologist planning a workshop for workwear and uniforms.",
    ),
    DemoEntrepreneur(
        "Katarina Đokić", "Drvo i Dizajn", "Vranje", "furniture", "early", ("sr", "en"),
        "Furniture designer making solid-oak tables and shelves in a rented workshop in Vranje.",
    ),
    DemoEntrepreneur(
        "Maja Radovanović", "Tapacirnica Maja", "Kraljevo", "furniture", "growth", ("sr",),
        "Upholsterer who restores old armchairs and makes new sofas to measure.",
    ),
    DemoEntrepreneur(
        "Sanja Milenković", "Dečja Soba", "Čačak", "furniture", "idea", ("sr", "en"),
        "Architect planning a line of safe, modular wooden furniture for children.",
    ),
    DemoEntrepreneur(
        "Olivera Tasić", "Topla Kuća", "Niš", "construction", "early", ("sr", "en"),
        "Civil engineer running a small crew that insulates facades and renovates flats.",
    ),
    DemoEntrepreneur(
        "Zorica Vučković", "Enterijer Vučković", "Novi Sad", "construction", "growth", ("sr", "hu", "en"),
        "Interior finishing company doing plaster, drywall and tiling for new apartments.",
    ),
    DemoEntrepreneur(
        "Branka Nešić", "Solarni Krov", "Zaječar", "construction", "idea", ("sr",),
        "Electrical engineer who wants to install rooftop solar panels for households and farms.",
    ),
    DemoEntrepreneur(
        "Tamara Spasić", "Knjigovodstvo Spasić", "Niš", "services", "early", ("sr", "en"),
        "Certified accountant who opened a bookkeeping office for entrepreneurs.",
    ),
    DemoEntrepreneur(
        "Aleksandra Krstić", "Prevodilački Centar Krstić", "Belgrade", "services", "growth", ("sr", "en", "de", "it"),
        "Court translator who runs a translation and interpreting agency for exporters.",
    ),
    DemoEntrepreneur(
        "Mirjana Veličković", "Event Studio Mira", "Aleksinac", "services", "early", ("sr", "en"),
        "Organises weddings, conferences and company events in the Niš region.",
    ),
    DemoEntrepreneur(
        "Nevena Šćepanović", "Čisto i Sjajno", "Kragujevac", "services", "idea", ("sr",),
        "Plans a professional cleaning service for offices and short-stay apartments.",
    ),
    DemoEntrepreneur(
        "Dušica Antić", "Kućna Nega Antić", "Niš", "health", "early", ("sr", "en"),
        "Registered nurse who started a home-care service for elderly people.",
    ),
    DemoEntrepreneur(
        "Kristina Zdravković", "FizioPokret", "Leskovac", "health", "growth", ("sr", "en"),
        "Physiotherapist with a small practice treating sports injuries and back pain.",
    ),
    DemoEntrepreneur(
        "Jelisaveta Savić", "Nutri Savić", "Belgrade", "health", "idea", ("sr", "en", "fr"),
        "Clinical dietitian planning an online nutrition counselling service.",
    ),
    DemoEntrepreneur(
        "Bojana Perić", "Prirodna Apoteka Perić", "Užice", "health", "early", ("sr", "en"),
        "Pharmacist producing herbal ointments and tinctures from Zlatibor plants.",
    ),
    DemoEntrepreneur(
        "Milena Đurić", "Seoska Kuća Đurić", "Užice", "tourism", "early", ("sr", "en", "ru"),
        "Turned her grandparents' house near Zlatibor into a rural guest house.",
    ),
    DemoEntrepreneur(
        "Vera Filipović", "Etno Staza", "Pirot", "tourism", "idea", ("sr", "en", "bg"),
        "Mountain guide planning hiking and food tours on Stara planina.",
    ),
    DemoEntrepreneur(
        "Sofija Milošević", "Vinski Put Timok", "Zaječar", "tourism", "idea", ("sr", "en"),
        "Tourism graduate designing wine routes through the Timok valley.",
    ),
    DemoEntrepreneur(
        "Anđela Popović", "Sobe Niška Banja", "Niš", "tourism", "growth", ("sr", "en", "de"),
        "Rents apartments in Niška Banja to spa guests and business travellers.",
    ),
    DemoEntrepreneur(
        "Teodora Kocić", "KodLab Niš", "Niš", "ict", "early", ("sr", "en"),
        "Software developer building web tools for small farms and shops.",
    ),
    DemoEntrepreneur(
        "Žaklina Mladenović", "Digitalna Pijaca", "Belgrade", "ict", "idea", ("sr", "en"),
        "Product manager planning an online marketplace for home-made food.",
    ),
    DemoEntrepreneur(
        "Radmila Cakić", "IT Škola Radmila", "Vranje", "ict", "early", ("sr", "en"),
        "Teaches programming to children and adults in Vranje and online.",
    ),
    DemoEntrepreneur(
        "Ljubica Gajić", "Metalik Gajić", "Kragujevac", "manufacturing", "growth", ("sr", "en", "it"),
        "Mechanical engineer who runs a small CNC and welding workshop.",
    ),
    DemoEntrepreneur(
        "Marija Nikolić", "Ambalaža Nikolić", "Čačak", "manufacturing", "early", ("sr", "en"),
        "Produces cardboard boxes and gift packaging for food producers.",
    ),
    DemoEntrepreneur(
        "Jovana Ilić", "Keramika Ilić", "Kraljevo", "manufacturing", "idea", ("sr", "en"),
        "Ceramicist planning a small workshop for tableware and tiles.",
    ),
)
