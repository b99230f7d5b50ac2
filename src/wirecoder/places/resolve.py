"""Place names -> gazetteer candidates, and the choice among them in a story's context.

Kept apart from the spaCy component so the scoring can be tested and benchmarked on
plain strings.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

from wirecoder.places.gazetteer import Candidate, Gazetteer, fold

# Words that make a name a facility, a district or an administrative unit of the place
# named by the rest ("Erbil Airport", "Nineveh province"): the rest is looked up and the
# place is approximated by it.
_FACILITY_WORDS = {
    "airport", "international airport", "air base", "airbase", "base", "military base",
    "stadium", "university", "hospital", "square", "bridge", "street", "port", "harbour",
    "harbor", "prison", "camp", "refugee camp", "mosque", "palace",
    "station", "dam", "border crossing", "crossing", "checkpoint", "airfield", "hotel",
}
_UNIT_WORDS = {
    "province": "admin1", "governorate": "admin1", "state": "admin1", "region": "admin1",
    "oblast": "admin1", "prefecture": "admin1", "county": "admin1", "district": "city",
    "city": "city", "town": "city", "village": "city",
}
_DIRECTIONS = tuple(f"{word} " for word in (
    "far north", "far south", "far west", "far east", "northern", "southern", "eastern",
    "western", "central", "north", "south", "east", "west", "northeastern", "northwestern",
    "southeastern", "southwestern", "northeast", "northwest", "southeast", "southwest",
))
# Prior weights: a country or a named region is what a bare name usually means; a city
# of a million or so outranks a first-level region of its name in its country ("Baghdad").
_PRIOR = {"country": 12.0, "continent": 11.0, "region": 11.0, "facility": 11.0, "admin1": 9.0,
          "county": 7.0}
_CONTEXT_BONUS = 5.0
_ADMIN1_BONUS = 3.0
_QUALIFIER_BONUS = 30.0
_LOOSE_PENALTY = 3.0


@dataclass
class Lookup:
    """The candidates for one name, how they were found and the precision they give."""

    candidates: list[tuple[Candidate, bool]] = field(default_factory=list)  # (cand, exact)
    approximated: str | None = None  # "facility" when the place is named after its site
    partial: bool = False  # found by a part of the name only: no context for the others


def lookup(gaz: Gazetteer, text: str) -> Lookup:
    key = fold(text)
    if key.endswith("'s"):
        key = key[:-2]
    if key in BARE_DIRECTIONS:  # "the West", "Eastern": no place of their own
        return Lookup()
    found = _direct(gaz, key)
    if any(exact for _c, exact in found.candidates):
        return found
    if key in gaz.demonyms:  # "Emirati" tagged as a place: its country
        return Lookup([(gaz.countries[gaz.demonyms[key]], True)])
    if found.candidates:
        return found
    if "," in key:
        return _direct(gaz, key.split(",")[0].strip())
    for prefix in _DIRECTIONS:
        if key.startswith(prefix):
            return _direct(gaz, key[len(prefix):])
    words = key.split()
    for n in (2, 1):
        if len(words) > n:
            tail, head = " ".join(words[-n:]), " ".join(words[:-n])
            if tail in _FACILITY_WORDS:
                inner = lookup(gaz, head)
                inner.approximated = "facility"
                return inner
            if tail in _UNIT_WORDS:
                inner = _direct(gaz, head)
                want = _UNIT_WORDS[tail]
                preferred = [c for c in inner.candidates if c[0].kind == want]
                if preferred:
                    inner.candidates = preferred
                return inner
    return _part(gaz, words)


BARE_DIRECTIONS = {word.strip() for word in _DIRECTIONS} | {"centre", "center"}
# Words that never name a place on their own, for the part-of-a-name fallback.
NOT_A_PART = {"north", "south", "east", "west", "central", "new", "st", "local", "city",
               "county", "of", "the", "and", "great", "grand", "upper", "lower", "old",
               "bay", "park", "river", "lake", "mount", "cape", "beach", "hill", "island",
               "valley", "point", "port", "fort", "little", "big"}
# Streets: their first word is rarely the place they are in ("Atlantic Avenue").
_STREET_WORDS = {"street", "avenue", "road", "lane", "drive", "boulevard", "parade", "way",
                 "place", "terrace", "crescent", "court", "st", "ave", "rd", "blvd"}


_PART_MIN_POPULATION = 100_000


def _part(gaz: Gazetteer, words: list[str]) -> Lookup:
    """A name the tables lack that starts or ends with one they know ("Metcalfe County
    Sheriff's Office", "Honolulu Star-Advertiser", "City of Montreal", "north west
    London"): the longest known leading, then trailing, part; approximated by it."""
    if not words or words[-1] in _STREET_WORDS:
        return Lookup()
    for n in range(len(words) - 1, 0, -1):
        for part in (words[:n], words[-n:]):
            if n == 1 and part[0] in NOT_A_PART:
                continue
            found = _direct(gaz, " ".join(part))
            found.candidates = [c for c in found.candidates if c[1] and (
                c[0].kind != "city" or c[0].population >= _PART_MIN_POPULATION)]
            if found.candidates:
                found.approximated = "facility"
                found.partial = True
                return found
    return Lookup()


def _direct(gaz: Gazetteer, key: str) -> Lookup:
    exact = gaz.exact.get(key, ())
    loose = [c for c in gaz.loose.get(key, ()) if c not in exact]
    return Lookup([(c, True) for c in exact] + [(c, False) for c in loose])


def prior(cand: Candidate, exact: bool, rivals: list[tuple[Candidate, bool]]) -> float:
    if cand.kind == "city":
        score = math.log10(cand.population + 10)
    else:
        # Size breaks ties between regions of one name ("Florida": the US state).
        score = _PRIOR.get(cand.kind, 10.0) + math.log10(cand.population + 1) / 100
        if cand.kind == "admin1" and any(
            r.kind == "city" and r.country == cand.country and r.population >= 600_000
            for r, _ in rivals
        ):
            score = 3.0
    return score if exact else score - _LOOSE_PENALTY


# A city the story's context favours yields to a namesake abroad this many times bigger
# and of at least this many people, unless a region or a qualifier names it: "Paris" in a
# story that names the United States is still France's, "Rome" Italy's.
_METROPOLIS_RATIO = 30
_METROPOLIS = 500_000


def choose(found: Lookup, countries: Counter[str], admin1s: set[tuple[str, str]],
           qualifier: Candidate | None = None) -> Candidate | None:
    """The best candidate given the story's countries and regions and an explicit
    qualifier ("Tripoli, Lebanon": Lebanon)."""
    best = _best(found, countries, admin1s, qualifier)
    if best is None or best.kind != "city" or qualifier is not None:
        return best
    named_region = bool(best.admin1 and (best.country, best.admin1) in admin1s)
    big = max((c for c, exact in found.candidates if exact and c.kind == "city"
               # A region the story names keeps its town against a namesake abroad
               # ("Glasgow" in a Kentucky story), not against its own country's capital.
               and not (named_region and c.country != best.country)),
              key=lambda c: c.population, default=best)
    if big.population >= max(_METROPOLIS, _METROPOLIS_RATIO * best.population):
        return big
    return best


def _best(found: Lookup, countries: Counter[str], admin1s: set[tuple[str, str]],
          qualifier: Candidate | None) -> Candidate | None:
    best: tuple[float, Candidate] | None = None
    for cand, exact in found.candidates:
        score = prior(cand, exact, found.candidates)
        if countries.get(cand.country):
            score += _CONTEXT_BONUS
        if cand.admin1 and (cand.country, cand.admin1) in admin1s:
            score += _ADMIN1_BONUS
        if qualifier is not None and qualifier is not cand and (
            qualifier.country == cand.country
            and (qualifier.kind != "admin1" or qualifier.admin1 == cand.admin1)
        ):
            score += _QUALIFIER_BONUS
        if best is None or score > best[0]:
            best = (score, cand)
    return best[1] if best else None


def is_unambiguous(found: Lookup) -> bool:
    """All candidates in one country, or a country itself among the exact ones: safe to
    use as context before anything is chosen."""
    if not found.candidates or found.partial:
        return False
    countries = [c for c, exact in found.candidates if c.kind == "country" and exact]
    if countries:
        # "Georgia": the country, unless a first-level region of another country has the
        # name too.
        return not any(c.kind == "admin1" and exact and c.country != countries[0].country
                       for c, exact in found.candidates)
    return len({c.country for c, _ in found.candidates}) == 1
