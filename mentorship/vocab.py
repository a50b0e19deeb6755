"""The fixed vocabularies of the public contract: sectors, stages, needs, languages, countries."""

from __future__ import annotations

SECTOR_LABELS: dict[str, dict[str, str]] = {
    "agriculture": {"en": "Agriculture", "sr": "Poljoprivreda"},
    "food": {"en": "Food and drink", "sr": "Hrana i piće"},
    "textiles": {"en": "Textiles and clothing", "sr": "Tekstil i odeća"},
    "furniture": {"en": "Furniture and wood", "sr": "Nameštaj i drvo"},
    "construction": {"en": "Construction", "sr": "Građevinarstvo"},
    "manufacturing": {"en": "Manufacturing", "sr": "Proizvodnja"},
    "tourism": {"en": "Tourism and hospitality", "sr": "Turizam i ugostiteljstvo"},
    "services": {"en": "Business services", "sr": "Poslovne usluge"},
    "health": {"en": "Health and medicine", "sr": "Zdravstvo i medicina"},
    "education": {"en": "Education", "sr": "Obrazovanje"},
    "ict": {"en": "ICT", "sr": "IKT"},
    "finance": {"en": "Finance", "sr": "Finansije"},
    "creative": {"en": "Creative industries", "sr": "Kreativne industrije"},
    "cosmetics": {"en": "Cosmetics", "sr": "Kozmetika"},
    "trade": {"en": "Trade", "sr": "Trgovina"},
    "energy": {"en": "Energy", "sr": "Energetika"},
    "other": {"en": "Other", "sr": "Ostalo"},
}
SECTORS: tuple[str, ...] = tuple(SECTOR_LABELS)

STAGE_LABELS: dict[str, str] = {
    "idea": "Idea",
    "early": "Early (registered, under 3 years)",
    "growth": "Growth",
}
STAGES: tuple[str, ...] = tuple(STAGE_LABELS)
STAGE_LABELS_SR: dict[str, str] = {
    "idea": "Ideja",
    "early": "Rana faza (registrovano, manje od 3 godine)",
    "growth": "Rast",
}

NEEDS: tuple[str, ...] = ("mentor", "partner", "cluster")

LANGUAGES: frozenset[str] = frozenset(
    """aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv
    cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht
    hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la
    lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj
    om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv
    sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh
    zu""".split()
)

LANGUAGE_NAMES: dict[str, str] = {
    "sr": "Serbian",
    "en": "English",
    "de": "German",
    "fr": "French",
    "it": "Italian",
    "es": "Spanish",
    "ru": "Russian",
    "hr": "Croatian",
    "bs": "Bosnian",
    "mk": "Macedonian",
    "sl": "Slovenian",
    "hu": "Hungarian",
    "ro": "Romanian",
    "bg": "Bulgarian",
    "sq": "Albanian",
    "el": "Greek",
    "tr": "Turkish",
    "zh": "Chinese",
}
LANGUAGE_NAMES_SR: dict[str, str] = {
    "sr": "Srpski",
    "en": "Engleski",
    "de": "Nemački",
    "fr": "Francuski",
    "it": "Italijanski",
    "es": "Španski",
    "ru": "Ruski",
    "hr": "Hrvatski",
    "bs": "Bosanski",
    "mk": "Makedonski",
    "sl": "Slovenački",
    "hu": "Mađarski",
    "ro": "Rumunski",
    "bg": "Bugarski",
    "sq": "Albanski",
    "el": "Grčki",
    "tr": "Turski",
    "zh": "Kineski",
}

# ISO 3166-1 alpha-2, plus XK (Kosovo), which the region's registries use.
COUNTRIES: frozenset[str] = frozenset(
    """AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ
    BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO
    DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU
    GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW
    KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU
    MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW
    PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF
    TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS XK YE YT
    ZA ZM ZW""".split()
)


def sector_label(slug: str | None, lang: str = "en") -> str:
    if not slug:
        return ""
    labels = SECTOR_LABELS.get(slug)
    if labels is None:
        return slug
    return labels.get(lang, labels["en"])


def stage_label(stage: str | None, lang: str = "en") -> str:
    if not stage:
        return ""
    labels = STAGE_LABELS_SR if lang == "sr" else STAGE_LABELS
    return labels.get(stage, STAGE_LABELS.get(stage, stage))


def language_name(code: str, lang: str = "en") -> str:
    if lang == "sr" and code in LANGUAGE_NAMES_SR:
        return LANGUAGE_NAMES_SR[code]
    return LANGUAGE_NAMES.get(code, code)
