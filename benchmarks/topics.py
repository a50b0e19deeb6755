"""Business topics of the labelled evaluation set: vocabulary in English and Serbian."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Topic:
    """One business niche; every concept lists interchangeable surface forms."""

    key: str
    sector: str
    group: str
    en: tuple[tuple[str, ...], ...]
    sr: tuple[tuple[str, ...], ...]
    products_en: tuple[str, ...]
    products_sr: tuple[str, ...]
    inputs_en: tuple[str, ...]
    inputs_sr: tuple[str, ...]
    buyer: str


def _concepts(spec: str) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(form.strip() for form in concept.split(",")) for concept in spec.split("|"))


def _list(spec: str) -> tuple[str, ...]:
    return tuple(item.strip() for item in spec.split(","))


def _topic(
    key: str,
    sector: str,
    group: str,
    en: str,
    sr: str,
    products_en: str,
    products_sr: str,
    inputs_en: str,
    inputs_sr: str,
    buyer: str,
) -> Topic:
    return Topic(
        key,
        sector,
        group,
        _concepts(en),
        _concepts(sr),
        _list(products_en),
        _list(products_sr),
        _list(inputs_en),
        _list(inputs_sr),
        buyer,
    )


TOPICS: tuple[Topic, ...] = (
    _topic(
        "plum_jam",
        "food",
        "preserves",
        "jam,jams,fruit spread|plum,plums|homemade,home-made|preserves,preserving|orchard fruit",
        "džem,džema,džemove,pekmez,pekmeza|šljiva,šljive,šljivama|domaći,domaćeg,domaću"
        "|zimnica,zimnice,zimnicu|voćni namaz,voćnih namaza",
        "plum jam,fruit preserves",
        "pekmez od šljive,domaći džem",
        "glass jars,labels,sugar",
        "staklene tegle,etikete,šećer",
        "Hotel",
    ),
    _topic(
        "ajvar",
        "food",
        "preserves",
        "ajvar,pepper relish|roasted peppers,red peppers|eggplant,aubergine|traditional recipe",
        "ajvar,ajvara,ajvarom|paprika,paprike,pečene paprike|plavi patlidžan,patlidžana"
        "|tradicionalni recept,tradicionalnom receptu",
        "ajvar,pepper relish",
        "ajvar,ljutenica",
        "glass jars,red peppers",
        "tegle,crvene paprike",
        "Restaurant",
    ),
    _topic(
        "honey",
        "agriculture",
        "bees",
        "honey,raw honey|beekeeping,beekeeper,apiary|beehives,hives|propolis,pollen,royal jelly",
        "med,meda,medom|pčelarstvo,pčelar,pčelara,pčelinjak|košnice,košnica,košnicama"
        "|propolis,polen,matični mleč",
        "acacia honey,honey in bulk",
        "bagremov med,med na veliko",
        "beehives,honey extractor,jars",
        "košnice,vrcaljka,tegle",
        "Organic shop",
    ),
    _topic(
        "cheese",
        "food",
        "dairy",
        "cheese,cheeses|goat milk,sheep milk|artisan dairy,small dairy|kajmak,cream",
        "sir,sira,sireva|kozje mleko,kozjeg mleka,ovčije mleko|mlekara,mlekare,mini mlekara"
        "|kajmak,kajmaka",
        "artisan cheese,kajmak",
        "domaći sir,kajmak",
        "raw milk,cheese cultures,cooling tank",
        "sirovo mleko,sirište,laktofriz",
        "Hotel",
    ),
    _topic(
        "bakery",
        "food",
        "bakery",
        "bakery,baker,bakeries|sourdough bread,bread|pastries,pastry,burek|whole grain flour",
        "pekara,pekare,pekari,pekarski|hleb,hleba,kiselo testo|peciva,pecivo,burek,bureka"
        "|integralno brašno,brašna",
        "fresh bread,pastries",
        "hleb,peciva",
        "flour,oven,yeast",
        "brašno,peć,kvasac",
        "Cafe",
    ),
    _topic(
        "cakes",
        "food",
        "bakery",
        "cakes,cake|cookies,biscuits|wedding cakes,birthday cakes|confectionery,sweets",
        "torte,torta,tortu|kolači,kolača,keks|svadbene torte,rođendanske torte"
        "|poslastičarnica,poslastice,poslastica",
        "cakes,desserts",
        "torte,kolači",
        "chocolate,cream,packaging boxes",
        "čokolada,pavlaka,kutije",
        "Cafe",
    ),
    _topic(
        "raspberries",
        "agriculture",
        "fruit",
        "raspberries,raspberry|berries,blackberries|frozen fruit,freezing|orchard,plantation",
        "malina,maline,malinama,malinjak|jagodičasto voće,kupine|smrznuto voće,zamrzavanje"
        "|zasad,zasada,plantaža",
        "fresh raspberries,frozen berries",
        "maline,smrznute maline",
        "seedlings,irrigation,cold storage",
        "sadnice,navodnjavanje,hladnjača",
        "Fruit exporter",
    ),
    _topic(
        "herbs",
        "agriculture",
        "organic",
        "medicinal herbs,herbs|herbal tea,tea blends|dried plants,drying|chamomile,mint,sage",
        "lekovito bilje,lekovitog bilja,bilje|biljni čaj,čajevi,čajeva|sušeno bilje,sušenje"
        "|kamilica,nana,žalfija",
        "herbal tea,dried herbs",
        "biljni čaj,sušeno bilje",
        "dryer,paper bags,seeds",
        "sušara,papirne kese,seme",
        "Pharmacy chain",
    ),
    _topic(
        "vegetables",
        "agriculture",
        "organic",
        "organic vegetables,vegetables|greenhouse,polytunnel|tomatoes,peppers,cucumbers"
        "|farmers market,box scheme",
        "organsko povrće,povrća,povrće|plastenik,plastenika,staklenik|paradajz,krastavci"
        "|pijaca,pijaci,zeleni pijac",
        "fresh vegetables,organic tomatoes",
        "sveže povrće,paradajz",
        "seedlings,greenhouse foil,compost",
        "rasad,folija,kompost",
        "Restaurant",
    ),
    _topic(
        "mushrooms",
        "agriculture",
        "organic",
        "mushrooms,mushroom|oyster mushrooms,shiitake|growing substrate,straw|forest fungi",
        "pečurke,pečuraka,gljive|bukovača,bukovače,šitake|supstrat,supstrata,slama"
        "|šumske gljive,vrganji",
        "fresh mushrooms,oyster mushrooms",
        "sveže pečurke,bukovače",
        "substrate,spawn,climate control",
        "supstrat,micelijum,klima komora",
        "Restaurant",
    ),
    _topic(
        "wine",
        "food",
        "drinks",
        "wine,wines|vineyard,grapes|winery,cellar|tasting room,wine tasting",
        "vino,vina,vinima|vinograd,vinograda,grožđe|vinarija,vinarije,podrum"
        "|degustacija,degustacije",
        "local wine,craft wine",
        "lokalno vino,vina",
        "oak barrels,bottles,corks",
        "hrastova burad,flaše,čepovi",
        "Hotel",
    ),
    _topic(
        "rakija",
        "food",
        "drinks",
        "fruit brandy,brandy|distillery,distilling|plum brandy,quince brandy|aged in oak",
        "rakija,rakije,rakiju,šljivovica|destilerija,destilacija,pečenje rakije"
        "|dunjevača,kajsijevača"
        "|odležala u hrastu,burad",
        "fruit brandy,plum brandy",
        "rakija,šljivovica",
        "copper still,bottles,barrels",
        "kazan,flaše,burad",
        "Duty free shop",
    ),
    _topic(
        "knitwear",
        "textiles",
        "textile",
        "knitwear,knitting,knitted|wool,woollen,yarn|sweaters,cardigans|handmade clothing",
        "pletenje,pletene,pletenih,štrikanje|vuna,vune,vunene,pređa|džemperi,džempera,džemper"
        "|ručno rađena odeća,rukotvorine",
        "knitted sweaters,wool garments",
        "pleteni džemperi,vunena odeća",
        "wool yarn,knitting machine",
        "vunena pređa,pletaća mašina",
        "Fashion boutique",
    ),
    _topic(
        "tailoring",
        "textiles",
        "textile",
        "tailoring,tailor,sewing|dresses,dress|alterations,made to measure|fabric,fabrics",
        "krojenje,krojačica,šivenje,šije|haljine,haljina,haljinu|prepravke,po meri"
        "|tkanina,tkanine,štof",
        "custom dresses,uniforms",
        "haljine,uniforme",
        "sewing machines,fabric",
        "šivaće mašine,tkanine",
        "Hotel",
    ),
    _topic(
        "embroidery",
        "creative",
        "handicraft",
        "embroidery,embroidered|traditional motifs,folk patterns|souvenirs,gifts|tablecloths",
        "vez,veza,vezene,vezenje|tradicionalni motivi,narodni motivi|suveniri,suvenira,pokloni"
        "|stolnjaci,stolnjaka,miljei",
        "embroidered souvenirs,gifts",
        "vezeni suveniri,pokloni",
        "linen,threads,frames",
        "lan,konac,đerđef",
        "Souvenir shop",
    ),
    _topic(
        "pottery",
        "creative",
        "handicraft",
        "pottery,ceramics,ceramic|clay,glazes|kiln,wheel|handmade bowls,mugs",
        "grnčarija,keramika,keramike,keramičke|glina,gline,glazura"
        "|peć za keramiku,grnčarski točak"
        "|ručno rađene činije,šolje",
        "handmade ceramics,mugs",
        "keramika,šolje",
        "clay,kiln,glazes",
        "glina,peć,glazure",
        "Concept store",
    ),
    _topic(
        "furniture",
        "furniture",
        "wood",
        "furniture,wooden furniture|carpentry,joinery,carpenter|solid oak,walnut|tables,chairs",
        "nameštaj,nameštaja,drveni nameštaj|stolarija,stolar,stolarska radionica"
        "|masivni hrast,orah"
        "|stolovi,stolice,stolica",
        "wooden furniture,tables",
        "drveni nameštaj,stolovi",
        "timber,sawmill,varnish",
        "građa,pilana,lak",
        "Hotel",
    ),
    _topic(
        "upcycled",
        "furniture",
        "wood",
        "upcycled furniture,restoration|old furniture,vintage|painted,chalk paint|second hand",
        "restauracija,restauriranje,obnova nameštaja|stari nameštaj,vintidž|farbanje,bojenje"
        "|polovni,polovnog",
        "restored furniture,vintage pieces",
        "obnovljen nameštaj,vintidž komadi",
        "paint,tools,old furniture",
        "boje,alat,stari nameštaj",
        "Interior design studio",
    ),
    _topic(
        "rural_tourism",
        "tourism",
        "tourism",
        "rural tourism,village tourism|guest house,farm stay|ethno village,traditional house"
        "|hiking,nature trips",
        "seoski turizam,seoskog turizma,seosko domaćinstvo|smeštaj,smeštaja,apartmani"
        "|etno selo,etno kuća,etno kuće|planinarenje,izleti,izleta",
        "guest accommodation,local tours",
        "smeštaj,izleti",
        "booking platform,furniture,linens",
        "platforma za rezervacije,posteljina",
        "Travel agency",
    ),
    _topic(
        "wellness",
        "tourism",
        "tourism",
        "spa,wellness|massage,therapy|thermal springs,spa town|retreat,yoga",
        "banja,banje,velnes|masaža,masaže,terapija|termalni izvori,lekovita voda"
        "|joga,odmor,retreat",
        "wellness packages,massage",
        "velnes paketi,masaže",
        "massage tables,oils,towels",
        "stolovi za masažu,ulja,peškiri",
        "Hotel",
    ),
    _topic(
        "cosmetics",
        "cosmetics",
        "cosmetics",
        "natural cosmetics,skincare|soap,soaps,handmade soap|creams,balms|essential oils",
        "prirodna kozmetika,kozmetike,nega kože|sapun,sapuna,sapuni|kreme,krema,melem,meleme"
        "|eterična ulja,eteričnih ulja",
        "natural soap,face cream",
        "sapun,krema",
        "essential oils,bottles,shea butter",
        "eterična ulja,bočice,ši puter",
        "Drugstore",
    ),
    _topic(
        "candles",
        "creative",
        "handicraft",
        "candles,candle|beeswax,soy wax|scented,aroma|home decor,decorations",
        "sveće,sveća,svećama|pčelinji vosak,sojin vosak|mirisne,mirisa,aroma|dekoracija,dekoracije",
        "scented candles,gifts",
        "mirisne sveće,pokloni",
        "wax,wicks,moulds",
        "vosak,fitilji,kalupi",
        "Gift shop",
    ),
    _topic(
        "web_shop",
        "ict",
        "digital",
        "online shop,web shop,e-commerce|website,web development|online payments|digital marketing",
        "internet prodavnica,onlajn prodavnica,veb prodavnica|sajt,sajta,izrada sajtova"
        "|onlajn plaćanje,plaćanja|digitalni marketing,društvene mreže",
        "e-commerce services,websites",
        "izrada sajtova,onlajn prodaja",
        "hosting,payment gateway",
        "hosting,platni servis",
        "Retail chain",
    ),
    _topic(
        "mobile_app",
        "ict",
        "digital",
        "mobile app,mobile application,apps|software,developers,programming|startup,platform"
        "|android,ios",
        "mobilna aplikacija,aplikacije,aplikaciju|softver,programiranje,programera"
        "|startap,platforma"
        "|android,ajos",
        "software development,apps",
        "razvoj softvera,aplikacije",
        "developers,cloud servers",
        "programeri,serveri",
        "Telecom operator",
    ),
    _topic(
        "accounting",
        "finance",
        "services",
        "bookkeeping,accounting,accountant|tax returns,taxes|payroll,invoices|small companies",
        "knjigovodstvo,knjigovođa,knjigovodstvene usluge|porez,poreske prijave,poreza"
        "|plate,fakture,faktura|mala preduzeća,preduzetnici",
        "bookkeeping services,tax advice",
        "knjigovodstvene usluge,poreski saveti",
        "accounting software,office",
        "knjigovodstveni program,kancelarija",
        "Business association",
    ),
    _topic(
        "childcare",
        "education",
        "education",
        "kindergarten,preschool,childcare|children,kids|playroom,games|montessori,early learning",
        "vrtić,vrtića,predškolsko|deca,dece,deci|igraonica,igraonice,igre|montesori,rano učenje",
        "childcare,birthday parties",
        "čuvanje dece,rođendani",
        "toys,furniture,learning materials",
        "igračke,nameštaj,didaktički materijal",
        "Municipality",
    ),
    _topic(
        "language_school",
        "education",
        "education",
        "language school,language courses|english lessons,german lessons"
        "|tutoring,private lessons"
        "|online classes",
        "škola jezika,kursevi jezika,kurs|engleski,nemački,časovi engleskog"
        "|privatni časovi,časova"
        "|onlajn nastava,nastave",
        "language courses,translation",
        "kursevi jezika,prevodi",
        "textbooks,classroom,laptops",
        "udžbenici,učionica,laptopovi",
        "Company HR",
    ),
    _topic(
        "elderly_care",
        "health",
        "care",
        "elderly care,care for the elderly|home care,caregivers|nursing,assistance|seniors",
        "nega starih,briga o starima,starijih|kućna nega,negovateljica,negovateljice"
        "|medicinska sestra,pomoć|penzioneri,starije osobe",
        "home care services,caregivers",
        "kućna nega,negovateljice",
        "medical equipment,training",
        "medicinska oprema,obuka",
        "Health centre",
    ),
    _topic(
        "physio",
        "health",
        "care",
        "physiotherapy,physiotherapist|rehabilitation,recovery|sports injuries|exercise,pilates",
        "fizioterapija,fizioterapeut,fizikalna terapija|rehabilitacija,oporavak|sportske povrede"
        "|vežbe,vežbanje,pilates",
        "rehabilitation,physiotherapy",
        "rehabilitacija,fizioterapija",
        "therapy equipment,treatment room",
        "aparati za terapiju,prostor",
        "Sports club",
    ),
    _topic(
        "solar",
        "energy",
        "energy",
        "solar panels,photovoltaic,solar power|renewable energy,green energy"
        "|installation,installer"
        "|energy efficiency,insulation",
        "solarni paneli,solarnih panela,solarna elektrana|obnovljivi izvori,zelena energija"
        "|montaža,ugradnja,instalacija|energetska efikasnost,izolacija",
        "solar installation,energy audits",
        "ugradnja solarnih panela,energetski pregled",
        "solar panels,inverters",
        "paneli,invertori",
        "Factory",
    ),
    _topic(
        "cleaning",
        "services",
        "services",
        "cleaning services,cleaning|office cleaning,offices|eco detergents,green cleaning"
        "|housekeeping,laundry",
        "čišćenje,usluge čišćenja,čistačica|čišćenje kancelarija,poslovnog prostora"
        "|ekološki deterdženti,deterdženata|pranje veša,peglanje",
        "cleaning services,laundry",
        "usluge čišćenja,pranje veša",
        "detergents,vacuum cleaners,van",
        "deterdženti,usisivači,kombi",
        "Hotel",
    ),
    _topic(
        "catering",
        "food",
        "bakery",
        "catering,caterer|events,weddings,celebrations|buffet,finger food|meal delivery,lunches",
        "ketering,keteringa|proslave,svadbe,događaji|švedski sto,zalogaji|dostava hrane,ručkovi",
        "catering,lunch delivery",
        "ketering,dostava ručka",
        "commercial kitchen,food boxes",
        "industrijska kuhinja,kutije za hranu",
        "Company HR",
    ),
)

GROUP_NAMES: dict[str, tuple[str, str]] = {
    "preserves": ("Fruit and Vegetable Processing", "Prerada voća i povrća"),
    "bees": ("Beekeepers", "Pčelari"),
    "dairy": ("Dairy Producers", "Mlekari"),
    "bakery": ("Bakery and Food Services", "Pekari i ugostitelji"),
    "fruit": ("Berry Growers", "Proizvođači jagodičastog voća"),
    "organic": ("Organic Agriculture", "Organska poljoprivreda"),
    "drinks": ("Wine and Spirits", "Vino i rakija"),
    "textile": ("Textile and Fashion", "Tekstil i moda"),
    "handicraft": ("Creative Crafts", "Stari zanati"),
    "wood": ("Wood and Furniture", "Drvo i nameštaj"),
    "tourism": ("Rural and Wellness Tourism", "Seoski turizam"),
    "cosmetics": ("Natural Cosmetics", "Prirodna kozmetika"),
    "digital": ("ICT and Digital", "IKT"),
    "services": ("Business Services", "Poslovne usluge"),
    "education": ("Education Innovators", "Obrazovanje"),
    "care": ("Health and Care", "Zdravlje i nega"),
    "energy": ("Green Energy", "Zelena energija"),
}
