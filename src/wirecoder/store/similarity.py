"""How alike two mentions are: actors, codes, dates, places and the words of the sentence."""

from __future__ import annotations

import math
import re
import sys
from dataclasses import dataclass, field
from datetime import date

from spacy.lang.en.stop_words import STOP_WORDS

# Meeting, agreeing and promising to cooperate are reported either way round ("A met
# B", "B hosted A", "A and B agreed to ...").
SYMMETRIC_ROOTS = frozenset({"03", "04", "05"})
# Places specific enough to tell two events apart; a country-level place is often only
# the country of one of the actors, so two reports may differ there and be one event.
_SPECIFIC = ("city", "admin1")
DATE_WINDOW_DAYS = 2
NEAR_KM = 100.0
_WORD = re.compile(r"[a-z]{3,}")


@dataclass(slots=True)
class Mention:
    mention_id: str
    story_key: str
    source_country: str | None
    source_sector: str | None
    target_country: str | None
    target_sector: str | None
    cameo: str
    plover_event: str | None
    quad_class: int
    event_date: date | None
    place_country: str | None
    place_precision: str | None
    place_lat: float | None
    place_lon: float | None
    evidence_text: str
    words: frozenset[str] = field(default=frozenset())

    def __post_init__(self) -> None:
        if not self.words:
            self.words = content_words(self.evidence_text)


def content_words(text: str) -> frozenset[str]:
    # Crude stemming (first five letters) lets "struck"/"strike" not match but
    # "negotiations"/"negotiators" match: reports of one event share their nouns.
    # Stems are interned: the merge holds a window of mentions, and their words repeat.
    return frozenset(sys.intern(w[:5]) for w in _WORD.findall(text.lower())
                     if w not in STOP_WORDS)


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def side_score(country_a: str | None, sector_a: str | None, country_b: str | None,
               sector_b: str | None) -> float | None:
    """1 for the same country+sector, less when one report leaves something unknown,
    None when they disagree (different countries, or different known sectors)."""
    if country_a and country_b and country_a != country_b:
        return None
    if sector_a and sector_b and sector_a != sector_b:
        return None
    score = 0.0
    if country_a and country_b:
        score += 0.7
    elif country_a or country_b:
        score += 0.2
    if sector_a and sector_b:
        score += 0.3
    elif not (sector_a or sector_b) and country_a and country_b:
        score += 0.3  # the same bare country on both reports
    elif sector_a or sector_b:
        score += 0.1
    return score


def dyad_score(a: Mention, b: Mention) -> float | None:
    direct = _pair(a.source_country, a.source_sector, b.source_country, b.source_sector,
                   a.target_country, a.target_sector, b.target_country, b.target_sector)
    if a.cameo[:2] in SYMMETRIC_ROOTS and b.cameo[:2] in SYMMETRIC_ROOTS:
        swapped = _pair(a.source_country, a.source_sector, b.target_country, b.target_sector,
                        a.target_country, a.target_sector, b.source_country, b.source_sector)
        if swapped is not None and (direct is None or swapped > direct):
            return swapped
    return direct


def _pair(c1: str | None, s1: str | None, c2: str | None, s2: str | None, t1: str | None,
          u1: str | None, t2: str | None, u2: str | None) -> float | None:
    source = side_score(c1, s1, c2, s2)
    target = side_score(t1, u1, t2, u2)
    if source is None or target is None:
        return None
    return source + target


def codes_compatible(a: Mention, b: Mention) -> bool:
    """The same CAMEO root, or two codes PLOVER files under the same event type."""
    if a.cameo[:2] == b.cameo[:2]:
        return True
    return bool(a.plover_event) and a.plover_event == b.plover_event


def dates_compatible(a: Mention, b: Mention, window: int = DATE_WINDOW_DAYS) -> bool:
    if a.event_date is None or b.event_date is None:
        return a.event_date is None and b.event_date is None
    return abs((a.event_date - b.event_date).days) <= window


def places_compatible(a: Mention, b: Mention, near_km: float = NEAR_KM) -> bool:
    """Two specific places (city, region) must be near; anything vaguer may be one."""
    if _specific(a) and _specific(b):
        return haversine_km(a.place_lat, a.place_lon, b.place_lat,  # type: ignore[arg-type]
                            b.place_lon) <= near_km  # type: ignore[arg-type]
    return True


def _specific(m: Mention) -> bool:
    return (m.place_lat is not None and m.place_lon is not None
            and (m.place_precision or "").endswith(_SPECIFIC))


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def match_score(a: Mention, b: Mention) -> float | None:
    """How strongly two mentions look like one event; None when they cannot be."""
    if not (codes_compatible(a, b) and dates_compatible(a, b) and places_compatible(a, b)):
        return None
    dyad = dyad_score(a, b)
    if dyad is None:
        return None
    return dyad + 2.0 * jaccard(a.words, b.words)
