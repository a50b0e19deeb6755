"""Hand-written idea concepts per sector: a title, what the founder would offer, and for whom.

Sentences are in the founder's voice, as ideas are submitted; {city} is the founder's city.
"""

from __future__ import annotations

Concept = tuple[str, str, str]

CONCEPTS: dict[str, tuple[Concept, ...]] = {
    "agriculture": (
        (
            "Organic raspberry plantation",
            "I want to plant two hectares of organic raspberries near {city} and sell fresh and frozen fruit.",
            "Exporters to Germany and Austria pay a premium for organic raspberries, and the cooperative cold stores buy the rest.",
        ),
        (
            "Medicinal herb garden and drying room",
            "I plan to grow chamomile, mint, lemon balm and yarrow and dry them in a solar dryer.",
            "Tea packers, pharmacies and herbal cosmetics makers need dried herbs of steady quality.",
        ),
        (
            "Greenhouse seedlings for small growers",
            "I will produce pepper, tomato and cabbage seedlings in a heated greenhouse for farmers around {city}.",
            "Small vegetable growers now travel far for healthy seedlings and would buy them closer to home.",
        ),
        (
            "Acacia and linden honey under a regional label",
            "I keep bees and want to bottle acacia, linden and meadow honey under one regional brand with lab-tested quality.",
            "Shops, hotels and buyers in the diaspora want honey with a proven origin and analysis.",
        ),
        (
            "Goat farm with cheese room",
            "I want to expand my herd to a hundred goats and build a registered room for making cheese.",
            "Goat cheese sells well to restaurants, delicatessens and families with children who cannot drink cow's milk.",
        ),
        (
            "Plum orchard renewal with modern varieties",
            "I will replace an old plum orchard with Čačanska lepotica and Stanley trees on trellises and drip irrigation.",
            "Plums go fresh to retail chains, and the rest to dryers, jam makers and rakia producers.",
        ),
        (
            "Mushroom growing in an old barn",
            "I plan to grow oyster and shiitake mushrooms in a converted barn all year round.",
            "Restaurants and green markets in {city} buy fresh mushrooms every week and now get them from far away.",
        ),
        (
            "Aronia and blueberry farm",
            "I want to plant aronia and blueberries on acidic soil and make juice and dried berries.",
            "Health food shops and pharmacies sell aronia juice and dried blueberries as everyday superfoods.",
        ),
        (
            "Walnut and hazelnut orchard",
            "I will plant a walnut and hazelnut orchard and sell cracked kernels to bakeries and confectioners.",
            "Most nuts in our shops are imported, so bakeries and confectioners would switch to a local supplier.",
        ),
        (
            "Organic vegetable box scheme",
            "I will grow seasonal organic vegetables and deliver weekly boxes to families in {city}.",
            "Young families in {city} want organic vegetables but cannot find a farmer they trust.",
        ),
        (
            "Free-range eggs from pasture hens",
            "I want to keep 500 pasture-raised hens and sell free-range eggs with a clear origin label.",
            "Shops and bakeries ask for free-range eggs, and customers pay more for them.",
        ),
        (
            "Lavender field and essential oil",
            "I plan to plant lavender on dry hillside land and distil essential oil and sell dried bunches.",
            "Natural cosmetics makers buy lavender oil, and tourists and gift shops buy the dried bunches.",
        ),
        (
            "Hemp for seed and oil",
            "I want to grow industrial hemp and cold-press seed oil for food and cosmetics.",
            "Health food shops and cosmetics producers are looking for domestic hemp oil and seed.",
        ),
        (
            "Saffron growing pilot",
            "I will test saffron growing on half a hectare, since our dry autumns suit the crocus.",
            "Restaurants, spice traders and exporters pay a high price for saffron of known origin.",
        ),
        (
            "Sheep farm with lamb for restaurants",
            "I want to raise sheep on mountain pastures and sell lamb to restaurants.",
            "Restaurants and butchers in {city} want lamb of known origin all year, not only at Easter.",
        ),
    ),
    "food": (
        (
            "Traditional ajvar and winter food",
            "I make ajvar, pindjur and pickled peppers from local vegetables and want to move into a certified kitchen.",
            "People in cities and in the diaspora buy home-made winter food because they no longer make it themselves.",
        ),
        (
            "Jams without added sugar",
            "I want to produce fruit spreads sweetened only with fruit, from plums, quince and wild berries.",
            "Health food shops, pharmacies and parents of small children look for jams without added sugar.",
        ),
        (
            "Artisan sourdough bakery",
            "I plan to open a small bakery with sourdough bread and pastries from stone-ground flour.",
            "There is no sourdough bakery in my part of {city}, and cafés would take bread every morning.",
        ),
        (
            "Aged sheep cheese and kačkavalj",
            "I will make hard sheep and goat cheese by the Pirot recipe and age it in a cellar.",
            "Delicatessens, hotels and buyers abroad value aged cheese with a protected local tradition.",
        ),
        (
            "Home-made pita and burek to order",
            "I want to bake pita with cheese, pumpkin and leek and deliver it frozen to shops and offices.",
            "Working families and office canteens want home-made pita without baking it themselves.",
        ),
        (
            "Craft rakia from old plum varieties",
            "I plan to distil plum and quince rakia in small batches and age it in mulberry barrels.",
            "Restaurants, hotels and gift buyers pay well for aged rakia in a good bottle.",
        ),
        (
            "Dried fruit and healthy snacks",
            "I will dry apples, plums and pears without sulphur and pack them as snacks for schools and gyms.",
            "Schools, gyms and parents want healthy snacks without added sugar and sulphur.",
        ),
        (
            "Traditional cakes for celebrations",
            "I bake traditional cakes and cookies for slavas, weddings and christenings.",
            "Families order cakes for every slava and celebration, and event venues need a reliable baker.",
        ),
        (
            "Cold-pressed juices",
            "I want to press apple, beetroot and carrot juice and sell it fresh to cafés and gyms.",
            "Cafés, gyms and offices in {city} ask for fresh juice, but nobody supplies it locally.",
        ),
        (
            "Small family winery",
            "I will bottle red and white wine from our vineyard under my own label.",
            "Restaurants, wine shops and wine tourists want wines from small local cellars.",
        ),
        (
            "Traditional dried and smoked meat",
            "I plan to make dried and smoked meat following old family recipes in a registered smokehouse.",
            "Butchers, restaurants and the diaspora look for traditional dried meat with a clear origin.",
        ),
        (
            "Gluten-free bakery products",
            "I want to bake gluten-free bread and biscuits from buckwheat and millet flour.",
            "People with coeliac disease in {city} have to order gluten-free bread from Belgrade.",
        ),
        (
            "Herbal syrups and cordials",
            "I make elderflower, mint and rosehip syrups and want to sell them to cafés and shops.",
            "Cafés and shops want natural drinks instead of industrial syrups, especially in summer.",
        ),
        (
            "Kajmak and dairy from small farms",
            "I want to collect milk from neighbours and make kajmak, yoghurt and white cheese.",
            "Shops and restaurants in {city} look for real kajmak, and the neighbours need a buyer for their milk.",
        ),
        (
            "Catering with local dishes",
            "I plan a catering service for events and offices that cooks only with local, seasonal food.",
            "Companies, schools and event venues need catering, and guests like traditional dishes.",
        ),
    ),
    "textiles": (
        (
            "Sewing workshop for lohn orders",
            "I want to open a workshop with ten machines that sews garments for larger factories on lohn contracts.",
            "Leskovac factories outsource sewing whenever their own lines are full.",
        ),
        (
            "Modern kilim collection with Pirot motifs",
            "I will weave kilims with traditional Pirot motifs in modern colours and sizes for interiors.",
            "Interior designers, hotels and buyers abroad look for handmade rugs with a story.",
        ),
        (
            "Organic cotton baby clothing",
            "I plan to sew clothes and sleeping bags for babies from certified organic cotton.",
            "Young parents and baby shops want clothing from safe, certified materials.",
        ),
        (
            "Workwear and uniforms",
            "I want to produce workwear and uniforms for hospitals, hotels and factories.",
            "Hospitals, hotels and factories buy uniforms in volume every year.",
        ),
        (
            "Women's clothing brand sold online",
            "I design women's dresses and jackets and want to sell them through my own web shop.",
            "Women across Serbia and the region buy from small designers on Instagram.",
        ),
        (
            "Upholstery fabric sewing for furniture makers",
            "I will cut and sew covers for sofas and chairs for furniture factories.",
            "Furniture producers in Vranje and Kraljevo need reliable sewing subcontractors.",
        ),
        (
            "Knitwear from local wool",
            "I plan to knit sweaters, socks and caps from sheep wool spun in Serbia.",
            "Tourists, concept stores and customers abroad buy natural wool knitwear.",
        ),
        (
            "Embroidered folk-motif accessories",
            "I want to make bags, scarves and table linen with hand-embroidered folk motifs.",
            "Souvenir shops, museums and the diaspora buy authentic embroidered products.",
        ),
        (
            "Curtains and home textiles to measure",
            "I will sew curtains, cushions and bedspreads to measure for homes and guest houses.",
            "Families furnishing new flats and owners of guest houses in {city} want made-to-measure textiles.",
        ),
        (
            "Hotel linen and bedding",
            "I want to produce bed linen, towels and table cloths for hotels and guest houses.",
            "Hotels and guest houses replace linen every year and prefer a supplier close by.",
        ),
        (
            "School uniforms and sportswear",
            "I plan to sew sports kits and school uniforms for clubs and schools.",
            "Sports clubs and private schools order kits every season.",
        ),
        (
            "Mattress covers and quilted textiles",
            "I will sew quilted mattress covers and toppers for mattress producers.",
            "Mattress producers need quilted covers in volume and on time.",
        ),
    ),
    "furniture": (
        (
            "Solid-oak tables to measure",
            "I make solid-oak dining tables and benches to the customer's measure.",
            "Families furnishing houses and buyers abroad pay well for solid-wood tables.",
        ),
        (
            "Modular children's furniture",
            "I plan a line of modular beds, desks and shelves for children that grow with the child.",
            "Parents look for safe furniture from natural materials without harmful varnishes.",
        ),
        (
            "Upholstered sofas made to order",
            "I want to make upholstered sofas and armchairs to order in a small workshop.",
            "Customers want sofas in their own size and fabric, which big stores do not offer.",
        ),
        (
            "Restoration of old furniture",
            "I restore old wooden furniture and reupholster armchairs for homes and cafés.",
            "Many families keep their grandparents' furniture, and cafés want a vintage look.",
        ),
        (
            "Hotel and restaurant furniture",
            "I will produce tables, chairs and bar counters for hotels, restaurants and cafés.",
            "Hotels and restaurants renovate every few years and want durable furniture with a local look.",
        ),
        (
            "Furniture parts for larger manufacturers",
            "I want to cut and edge furniture parts on CNC machines for larger manufacturers.",
            "Manufacturers such as Hanibal in Vranje buy parts from subcontractors when orders peak.",
        ),
        (
            "Wooden toys and play equipment",
            "I plan to make wooden toys, puzzles and playground elements from beech wood.",
            "Kindergartens, toy shops and parents prefer wooden toys to plastic ones.",
        ),
        (
            "Fitted kitchens and wardrobes",
            "I will design and fit kitchens and wardrobes for new apartments.",
            "New apartment buildings in {city} mean steady demand for fitted furniture.",
        ),
        (
            "Garden furniture from local wood",
            "I want to make garden benches, tables and pergolas from locust and oak wood.",
            "Garden centres, guest houses and owners of weekend houses buy garden furniture every spring.",
        ),
        (
            "Wooden frames for upholstered furniture",
            "I will make wooden frames for sofas and beds and deliver them to upholstery factories.",
            "Upholstery factories in southern Serbia need frames delivered on time and to measure.",
        ),
        (
            "Office furniture for small firms",
            "I plan to produce simple, durable desks and storage for small offices and co-working spaces.",
            "Small firms and co-working spaces want good furniture at a lower price than imported brands.",
        ),
    ),
    "construction": (
        (
            "Facade insulation crew",
            "I run a crew that insulates facades and want to take on municipal energy-efficiency jobs.",
            "Municipalities co-finance facade insulation, so families are applying in large numbers.",
        ),
        (
            "Rooftop solar installation",
            "I plan to install rooftop solar panels for households and farms as prosumers.",
            "Households and farms want lower electricity bills now that they can become prosumers.",
        ),
        (
            "Interior finishing for new buildings",
            "I want to do drywall, plastering, painting and tiling for construction companies.",
            "Construction companies in {city} look for finishing crews that keep deadlines.",
        ),
        (
            "Bathroom renovation service",
            "I will offer complete bathroom renovations with a fixed price and deadline.",
            "Owners of older flats want one contractor with a fixed price instead of five tradesmen.",
        ),
        (
            "Eco building materials from hemp and straw",
            "I plan to produce hempcrete blocks and straw panels for low-energy houses.",
            "Builders of low-energy and passive houses import such materials today.",
        ),
        (
            "Energy audits for homes",
            "I want to offer energy audits and renovation plans so families can apply for subsidies.",
            "Families applying for energy-efficiency subsidies need an audit and a renovation plan.",
        ),
        (
            "Landscaping and green roofs",
            "I will design and build gardens, green roofs and courtyards for residential buildings.",
            "Investors and housing communities in {city} want green courtyards and roofs.",
        ),
        (
            "Prefabricated timber houses",
            "I plan to build small prefabricated timber houses for weekend plots and tourism.",
            "Owners of weekend plots and rural tourism hosts want quick, affordable houses.",
        ),
        (
            "Windows and doors installation",
            "I want to install PVC and wooden windows and doors with proper insulation.",
            "Most older houses in {city} still have old windows that lose heat.",
        ),
        (
            "Accessible home adaptations",
            "I will adapt homes for elderly and disabled people: ramps, bathrooms and handrails.",
            "Elderly people and families caring for them need safe homes and a builder they trust.",
        ),
        (
            "Heat pump installation",
            "I plan to install heat pumps and underfloor heating in renovated houses.",
            "Families leaving wood and oil heating ask for heat pumps, and subsidies now cover part of the cost.",
        ),
    ),
    "services": (
        (
            "Bookkeeping office for entrepreneurs",
            "I want to offer bookkeeping, payroll and tax returns for entrepreneurs at a fixed monthly price.",
            "New entrepreneurs in {city} need bookkeeping from day one and want a clear monthly price.",
        ),
        (
            "Translation agency for exporters",
            "I will translate contracts, labels and technical documents for companies that export.",
            "Exporters need certified translations of contracts, labels and manuals all the time.",
        ),
        (
            "Event organisation agency",
            "I plan to organise weddings, conferences and company events with local suppliers.",
            "Hotels, companies and families organise events all year and want one reliable organiser.",
        ),
        (
            "Office and apartment cleaning",
            "I want to start a professional cleaning service for offices and short-stay apartments.",
            "Offices and owners of short-stay apartments in {city} need cleaning they can rely on.",
        ),
        (
            "Marketing studio for small brands",
            "I will design logos, packaging and social media campaigns for small producers.",
            "Small producers have good products but weak labels and no online presence.",
        ),
        (
            "Export paperwork assistance",
            "I plan to help small producers with export documents, customs and certificates of origin.",
            "Small producers lose export orders because they do not know the paperwork.",
        ),
        (
            "Childcare and after-school centre",
            "I want to open an after-school centre with homework help and workshops.",
            "Working parents in {city} need safe care for children after school.",
        ),
        (
            "Co-working space",
            "I will open a co-working space with desks, a meeting room and business events.",
            "Freelancers and remote workers in {city} work from cafés for lack of a proper office.",
        ),
        (
            "Virtual assistant services",
            "I plan to offer remote administrative support: e-mail, scheduling and invoicing for small firms.",
            "Small firms cannot afford a full-time assistant but need help every week.",
        ),
        (
            "Product photography studio",
            "I want to photograph products for web shops and catalogues.",
            "Producers opening web shops need good photos to sell online.",
        ),
        (
            "Grant application writing",
            "I will prepare grant applications and business plans for farmers and small firms.",
            "Farmers and small firms miss IPARD and municipal grants because the applications are complex.",
        ),
        (
            "Elderly companionship service",
            "I plan a service of trained companions who visit elderly people, shop and run errands for them.",
            "Many elderly people in {city} live alone while their children work abroad.",
        ),
    ),
    "health": (
        (
            "Home care for elderly people",
            "I want to provide nursing care at home: injections, wound care, therapy and help with hygiene.",
            "Many elderly people in {city} live alone and their families abroad would pay for care.",
        ),
        (
            "Physiotherapy practice",
            "I plan to open a physiotherapy practice for sports injuries, back pain and rehabilitation.",
            "Patients wait months for physiotherapy in public health care.",
        ),
        (
            "Online nutrition counselling",
            "I will offer online nutrition plans and counselling for diabetes, weight and food intolerance.",
            "People with diabetes and food intolerances want a dietitian they can reach without travelling.",
        ),
        (
            "Herbal ointments and tinctures",
            "I make herbal ointments, tinctures and teas from wild plants and want to register them.",
            "Pharmacies and health food shops look for local natural products.",
        ),
        (
            "Mobile laboratory sampling",
            "I plan to collect blood samples at home and in villages and deliver them to a partner laboratory.",
            "Elderly patients in villages around {city} struggle to reach a laboratory.",
        ),
        (
            "Speech therapy centre for children",
            "I want to open a speech therapy and early development centre for children.",
            "Parents wait a long time for speech therapists and travel to bigger cities.",
        ),
        (
            "Natural cosmetics for sensitive skin",
            "I will produce creams and soaps with calendula and St John's wort for sensitive skin.",
            "Pharmacies and people with sensitive skin look for gentle natural cosmetics.",
        ),
        (
            "Medical aids rental",
            "I plan to rent wheelchairs, walkers and hospital beds to families caring for patients at home.",
            "Families caring for patients at home need aids for a few months and cannot afford to buy them.",
        ),
        (
            "Pilates and posture studio",
            "I want to run a pilates and posture correction studio with physiotherapist supervision.",
            "Office workers and women after pregnancy look for safe exercise under expert guidance.",
        ),
        (
            "Psychological counselling online",
            "I will offer online psychological counselling for young people and parents.",
            "Young people in smaller towns have no counsellor nearby and prefer online sessions.",
        ),
        (
            "Dental tourism coordination",
            "I plan to connect foreign patients with dental clinics and organise their stay.",
            "Patients from the diaspora and abroad come for dental work because it is cheaper here.",
        ),
        (
            "Food supplements from local herbs",
            "I want to make food supplements from nettle, rosehip and sea buckthorn grown locally.",
            "Pharmacy chains want domestic supplements to replace imported ones.",
        ),
    ),
    "tourism": (
        (
            "Rural guest house",
            "I want to renovate a village house into a guest house with four rooms and home-made meals.",
            "Families from Belgrade and Novi Sad and foreign tourists look for quiet stays in authentic villages.",
        ),
        (
            "Hiking and food tours",
            "I plan to guide hiking tours that end with tastings at village households.",
            "Foreign hikers and city groups want guided walks with real local food.",
        ),
        (
            "Wine route with tasting rooms",
            "I will design a wine route linking small wineries, with tastings and overnight stays.",
            "Wine tourists come for a weekend and want several cellars, food and a bed in one package.",
        ),
        (
            "Spa apartments with wellness packages",
            "I rent apartments to spa guests and want to add wellness packages with local therapists.",
            "Spa guests stay for a week or more and want more than a room.",
        ),
        (
            "Ethno restaurant with local produce",
            "I plan to open a restaurant serving traditional dishes made only from local produce.",
            "Tourists and locals look for a restaurant with honest traditional food.",
        ),
        (
            "Cooking workshops for tourists",
            "I want to teach tourists to make pita, ajvar and cakes in my kitchen.",
            "Foreign visitors want to cook with a local host, not just eat in restaurants.",
        ),
        (
            "Glamping by the river",
            "I will set up six glamping tents by the river with a shared kitchen and kayaks.",
            "Young couples and families want nature with comfort for a weekend.",
        ),
        (
            "Craft workshops for visitors",
            "I plan workshops where visitors weave, make pottery or paint icons with local masters.",
            "Tourist groups and schools want hands-on experiences with local crafts.",
        ),
        (
            "Cycling tours and bike rental",
            "I want to rent bikes and organise cycling tours along rivers and monasteries.",
            "Cyclists on the EuroVelo routes pass through and need rentals, repairs and guides.",
        ),
        (
            "Souvenir shop with local crafts",
            "I will open a shop selling local crafts, food and wine to tourists.",
            "Tourists in {city} find few places to buy authentic local products.",
        ),
        (
            "Farm stays for families",
            "I plan farm stays where children feed animals and families help with the harvest.",
            "City families want children to see where food comes from.",
        ),
        (
            "Monastery and heritage tours",
            "I want to organise small-group tours to monasteries, fortresses and Roman sites in the region.",
            "Foreign visitors and the diaspora want guided heritage trips with a good story.",
        ),
        (
            "Hostel for young travellers",
            "I plan a small hostel with a shared kitchen and bike storage in the centre of {city}.",
            "Backpackers and cyclists pass through {city} but find only hotels.",
        ),
    ),
    "ict": (
        (
            "Web shop platform for farmers",
            "I want to build a simple web shop platform where farmers sell produce directly to buyers.",
            "Farmers want to sell directly and keep more of the price.",
        ),
        (
            "Booking system for guest houses",
            "I will develop an online booking and channel manager for small guest houses.",
            "Guest houses manage bookings by phone and lose guests because of double bookings.",
        ),
        (
            "Mobile app for home care scheduling",
            "I plan an app that schedules home-care visits and informs families.",
            "Home-care services and families abroad want to know when a visit happened.",
        ),
        (
            "Coding school for children",
            "I want to run coding courses for children and teenagers in my town and online.",
            "Parents in {city} look for practical courses that prepare children for IT jobs.",
        ),
        (
            "Inventory software for small shops",
            "I will build inventory and invoicing software for small shops and workshops.",
            "Small shops still keep stock in notebooks and cannot see what sells.",
        ),
        (
            "Digital marketplace for home-made food",
            "I plan an online marketplace for registered home-made food producers.",
            "City customers want home-made food and producers want buyers outside their village.",
        ),
        (
            "Farm management app",
            "I want to make an app that records spraying, irrigation and harvest for GlobalG.A.P. records.",
            "Farmers preparing for certification must keep records and hate the paperwork.",
        ),
        (
            "Websites for small businesses",
            "I build websites and web shops for small businesses at affordable prices.",
            "Small businesses in {city} are still not online or have outdated sites.",
        ),
        (
            "IT support for offices",
            "I plan to offer IT support, backups and cybersecurity basics for small offices.",
            "Small offices have no IT staff and lose data when something breaks.",
        ),
        (
            "Online course platform in Serbian",
            "I want to build an online course platform for crafts and business skills in Serbian.",
            "Women in smaller towns want to learn new skills without travelling.",
        ),
        (
            "Production planning tool for workshops",
            "I will build a simple planning tool for sewing and furniture workshops.",
            "Workshops still plan production on paper and miss delivery dates because of it.",
        ),
    ),
    "manufacturing": (
        (
            "CNC machining and welding workshop",
            "I run a CNC and welding workshop and want to supply parts to larger manufacturers.",
            "Larger manufacturers in Kragujevac and Čačak outsource small series to reliable suppliers.",
        ),
        (
            "Food packaging and gift boxes",
            "I produce cardboard boxes and gift packaging for food producers and want a printing line.",
            "Food producers, wineries and shops need packaging in small quantities.",
        ),
        (
            "Ceramic tableware workshop",
            "I plan to make ceramic plates, cups and tiles for restaurants and shops.",
            "Restaurants and concept shops want handmade tableware with a local look.",
        ),
        (
            "Natural soap and candle production",
            "I want to produce natural soaps and soy candles at a scale shops can order from.",
            "Gift shops, hotels and pharmacies order natural soaps and candles regularly.",
        ),
        (
            "Metal garden and balcony products",
            "I will make metal planters, railings and garden furniture.",
            "Garden centres and builders buy such products every season.",
        ),
        (
            "Recycled plastic products",
            "I plan to turn collected plastic into flower pots, boards and garden edging.",
            "Municipalities and garden centres want recycled products, and plastic waste is free.",
        ),
        (
            "Pocket spring mattress assembly",
            "I want to assemble mattresses using spring cores from a domestic producer.",
            "Hotels and furniture shops want good mattresses at a lower price than imported ones.",
        ),
        (
            "Jar filling and labelling service",
            "I will offer labelling and filling of jars and bottles for small food producers.",
            "Small food producers cannot afford their own filling line.",
        ),
        (
            "Paper bags and eco packaging",
            "I plan to make paper bags and compostable packaging for shops and bakeries.",
            "Shops and bakeries are moving away from plastic bags.",
        ),
        (
            "Contract production of cosmetics",
            "I want to produce creams and soaps under other brands' labels in a certified room.",
            "Small cosmetics brands need a certified producer for short runs.",
        ),
        (
            "Powder coating service",
            "I will open a powder coating line for metal parts from local workshops.",
            "Metal workshops around {city} now send parts far away for coating.",
        ),
    ),
}
