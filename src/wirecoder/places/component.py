"""``wirecoder_places``: finds place names, resolves them, places each event.

A place name comes from spaCy's GPE/LOC/FAC entities, from ORG/PERSON entities that
name a country or region exactly (the small model calls "Kentucky" an ORG), and from the
actor recognizer's country, capital, city and demonym mentions. Each is resolved to a
gazetteer entry in the story's context; names used as actors ("Washington said") and
demonyms ("Iraqi") are marked as non-places but still count towards the story's focus.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from wirecoder.extensions import register_extensions
from wirecoder.places.gazetteer import (
    Candidate,
    Gazetteer,
    fold,
    gazetteer,
    towns_anywhere,
    towns_in,
    towns_of,
)
from wirecoder.places.resolve import (
    BARE_DIRECTIONS,
    NOT_A_PART,
    Lookup,
    choose,
    is_unambiguous,
    lookup,
)

# Not in errors.py yet: the shared warning table is another stage's file.
W_UNRESOLVED = "[W050] {count} place name(s) not found in the gazetteer: {names}."

_PLACE_LABELS = {"GPE", "LOC", "FAC"}
# Entities the model often mislabels; kept only when they name a country or region exactly.
_MAYBE_LABELS = {"ORG", "PERSON", "NORP"}
_STRONG_KINDS = {"country", "admin1", "region", "continent"}
_ORG_CITY_POPULATION = 100_000
_METROPOLIS = 500_000
# Words that make an organisation's name a site's: the place it is named after locates
# things ("a bomb at the University of Baghdad").
_SITE_WORDS = {
    "university", "college", "school", "hospital", "airport", "stadium", "arena", "mosque",
    "church", "cathedral", "temple", "shrine", "market", "mall", "prison", "jail", "hotel",
    "camp", "base", "station", "port", "square", "park", "bridge", "palace", "embassy",
    "consulate", "zoo", "museum", "theatre", "theater", "courthouse", "refinery", "mine",
}
# Entities that name an organisation, a work or an event: a place inside one is part of
# the name.
_NAME_LABELS = {"ORG", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW"}
# A place name as the subject of these verbs stands for its government or people.
_ACTOR_VERBS = {
    "say", "warn", "announce", "accuse", "condemn", "threaten", "deny", "reject", "urge",
    "call", "insist", "claim", "respond", "agree", "sign", "impose", "demand", "refuse",
    "vow", "pledge", "want", "believe", "blame", "welcome", "criticize", "criticise",
    "approve", "decide", "plan", "seek", "hope", "offer", "support", "oppose", "tell",
    "ask", "order", "expel", "recall", "summon", "sanction", "retaliate", "protest",
    "confirm", "state", "declare", "argue", "admit", "acknowledge", "promise",
    "send", "deploy", "launch", "strike", "attack", "invade", "recognize", "recognise",
    "veto", "vote", "negotiate", "meet", "host", "backed", "back", "fund", "arm",
}
_PRECISION_RANK = {"facility": 5, "city": 4, "county": 3.5, "admin1": 3, "region": 2,
                   "country": 1, "continent": 0}
# "North American", "Latin American": a region's people, not the country's.
_REGION_PREFIXES = {"north", "south", "central", "latin", "east", "west", "southeast",
                    "northeast", "southwest", "northwest", "sub saharan", "pan"}


class PlaceResolver:
    """Resolves the story's place names and writes ``doc._.wc_places``; fills each
    event's ``location``.

    nlp (Language): the pipeline (unused; spaCy passes it).
    name (str): the component name.
    """

    def __init__(self, nlp: Language, name: str = "wirecoder_places") -> None:
        register_extensions()
        self.name = name
        self.gaz: Gazetteer = gazetteer()

    def __call__(self, doc: Doc) -> Doc:
        items = self.detect(doc)
        self.resolve(doc, items)
        focus = self.focus(items)
        self.fill_unresolved(items, focus)
        places = [self._record(doc, item) for item in items]
        # Places by sentence, so locating each event looks at its own sentence only: a
        # long story with many events and many places stays linear.
        by_sent: dict[int, list[dict[str, Any]]] = {}
        for item in items:
            if item["kind"] == "place" and item.get("candidate"):
                root = doc[item["start"]:item["end"]].root
                item["root"] = root.i
                by_sent.setdefault(root.sent.start, []).append(item)
        for event in doc._.wc_events or []:
            event["location"] = self._event_location(doc, event, by_sent, focus)
        used = {id(e["location"]) for e in doc._.wc_events or [] if e.get("location")}
        for item, place in zip(items, places, strict=True):
            if item.get("event_place") is not None and id(item["event_place"]) in used:
                place["role"] = "event"
        for cand in focus:
            place = _place_dict(cand, self.gaz, text=cand.name, span=None)
            place.update(role="focus", kind="place", start=None, end=None, resolved=True,
                         reason=None)
            places.append(place)
        doc._.wc_places = places
        unresolved = [p["text"] for p in places if not p["resolved"] and p["kind"] == "place"]
        if unresolved:
            shown = ", ".join(sorted(set(unresolved))[:10])
            warnings = list(doc._.wc_warnings or [])
            warnings.append(W_UNRESOLVED.format(count=len(unresolved), names=shown))
            doc._.wc_warnings = warnings
        return doc

    # --- detection

    def detect(self, doc: Doc) -> list[dict[str, Any]]:
        """Candidate place names as token spans, with a hint of what they are."""
        items: dict[tuple[int, int], dict[str, Any]] = {}
        taken: set[int] = set()
        mentions = doc._.wc_mentions or []
        # A name the registry gives to an organisation, group or person is an actor, even
        # where the tagger calls it a place ("the IRGC"); a person entry whose name is a
        # place the tables know is the registry's noise ("Basra"), not an actor.
        actor_names = {
            (m["start"], m["end"]) for m in mentions
            if m.get("kind") == "entity" and m.get("type") not in ("country", None)
            and not (m.get("type") == "person"
                     and fold(doc[m["start"]:m["end"]].text) in self.gaz.exact)
        }
        # The registry's demonyms where the tagger calls them places ("Emirati").
        demonym_spans = {(m["start"], m["end"]): m["country"] for m in mentions
                         if m.get("kind") == "demonym" and m.get("country")}
        # Tokens of an organisation's or a title's name that is not itself a place: a place
        # named inside it ("the Jerusalem Post") is not where anything happens.
        in_name: set[int] = set()

        def add(start: int, end: int, kind: str, country: str | None = None) -> None:
            if any(i in taken for i in range(start, end)):
                return
            if kind == "place" and any(i in in_name for i in range(start, end)):
                kind = "embedded"
            taken.update(range(start, end))
            items[(start, end)] = {"start": start, "end": end, "kind": kind, "country": country}
            if kind == "demonym":
                # A region's people ("European", "Latin American"), not a country's.
                items[(start, end)]["region"] = self.gaz.region_demonyms.get(
                    fold(doc[start:end].text))

        for ent in doc.ents:
            span = _trim(ent)
            if span is None:
                continue
            if (span.start, span.end) in actor_names:
                if ent.label_ not in _PLACE_LABELS:
                    in_name.update(range(span.start, span.end))
                    part = self._place_part(span) if len(span) > 1 else None
                    if part is not None:
                        add(part.start, part.end, "place")
                continue
            if ent.label_ in _PLACE_LABELS:
                span = self._extend(span)
            key = fold(span.text)
            if (span.start, span.end) in demonym_spans and key not in self.gaz.exact:
                add(span.start, span.end, "demonym", demonym_spans[(span.start, span.end)])
            elif ent.label_ in _PLACE_LABELS:
                add(span.start, span.end, "place")
            elif ent.label_ == "NORP" and key in self.gaz.region_demonyms:
                add(span.start, span.end, "demonym")
            elif ent.label_ == "NORP" and key in self.gaz.demonyms:
                add(span.start, span.end, "demonym", self.gaz.demonyms[key])
            elif ent.label_ in _MAYBE_LABELS and len(span) <= 3 and _names_region(
                lookup(self.gaz, span.text), city=ent.label_ == "ORG"
            ):
                add(span.start, span.end, "place")
            elif ent.label_ == "ORG" and any(t.lower_ in _SITE_WORDS for t in span):
                # A site named as an organisation ("the University of Baghdad"): where
                # things happen, so the place it is named after is a place.
                part = self._place_part(span) if len(span) > 1 else None
                if part is not None:
                    add(part.start, part.end, "place")
            elif ent.label_ in _NAME_LABELS and len(span) > 1:
                in_name.update(range(span.start, span.end))
                part = self._place_part(span)
                if part is not None:
                    add(part.start, part.end, "place")
        for start, end in self._datelines(doc):
            add(start, end, "place")
        for mention in mentions:
            kind = mention.get("kind")
            if kind == "capital" and (mention["start"], mention["end"]) in items:
                items[(mention["start"], mention["end"])]["capital_of"] = mention.get("country")
            if kind == "demonym" and fold(
                doc[mention["start"]:mention["end"]].text
            ) in self.gaz.region_demonyms:
                add(mention["start"], mention["end"], "demonym")
            elif kind == "demonym" and mention.get("country"):
                text = fold(doc[mention["start"]:mention["end"]].text)
                before = doc[mention["start"] - 1].lower_ if mention["start"] else ""
                if before in _REGION_PREFIXES or (
                    text not in self.gaz.demonyms and text.split(" ")[0] in _REGION_PREFIXES
                ):
                    continue
                add(mention["start"], mention["end"], "demonym", mention["country"])
            elif kind in ("city", "capital") or (
                kind == "entity" and mention.get("type") == "country"
            ):
                # The registry's country, for a name the tables lack ("Serb").
                add(mention["start"], mention["end"], "place", mention.get("country"))
        # A name listed with organisations only ("the Hezbollah, Badr, and Asaib Ahl
        # al-Haq brigades") names one too, unless it is a country, a region or a big
        # city ("NATO and Tunis").
        org_tokens = {i for start, end in actor_names for i in range(start, end)
                      if (start, end) not in demonym_spans}
        for key, item in list(items.items()):
            if item["kind"] != "place":
                continue
            span = doc[item["start"]:item["end"]]
            conjuncts = span.root.conjuncts
            if conjuncts and any(t.i in org_tokens for t in conjuncts) and not any(
                t.ent_type_ in _PLACE_LABELS and t.i not in org_tokens for t in conjuncts
            ) and not any(c.kind in _STRONG_KINDS or c.population >= _METROPOLIS
                          for c in self.gaz.exact.get(fold(span.text), ())):
                del items[key]
        return sorted(items.values(), key=lambda item: item["start"])

    def _extend(self, span: Span) -> Span:
        """The entity with a capitalised word or two beside it where together they name
        a place the tables know and the entity alone is a part of it: "Baja" before
        "California", "Virgin Islands" after "U.S."."""
        doc, start, end = span.doc, span.start, span.end
        if start > 0 and doc[start - 1].is_title and not doc[start - 1].ent_type_ and (
            fold(doc[start - 1:end].text) in self.gaz.exact
        ):
            start -= 1
        for n in (2, 1):
            if end + n <= len(doc) and doc[end + n - 1].text[:1].isupper() and (
                fold(doc[start:end + n].text) in self.gaz.exact
            ):
                end += n
                break
        return doc[start:end] if (start, end) != (span.start, span.end) else span

    def _datelines(self, doc: Doc) -> list[tuple[int, int]]:
        """Datelines the tagger misses in capitals ("TORONTO — ...", "OKLAHOMA CITY (AP)"):
        up to three capitalised words opening the story or a line, then a comma, a
        dash, a bracket or a colon (or anything, at the story's very start), naming a
        country, a first-level region or a city the tables know."""
        found = []
        starts = [0] + [t.i + 1 for t in doc if "\n" in t.text and t.i + 1 < len(doc)]
        for start in starts:
            end = start
            while end < len(doc) and end - start < 3 and doc[end].is_upper and (
                doc[end].is_alpha and len(doc[end]) > 1
            ):
                end += 1
            if end == start or doc[start].ent_type_:
                continue
            follows = doc[end].text if end < len(doc) else ""
            if not (start == 0 or follows[:1] in (",", "\u2014", "\u2013", "-", "(", ":")):
                continue
            if any(exact and c.kind in ("city", "admin1", "country")
                   for c, exact in lookup(self.gaz, doc[start:end].text).candidates):
                found.append((start, end))
        return found

    def _place_part(self, span: Span) -> Span | None:
        """The place an organisation's name starts or ends with ("Pakistan Army",
        "Kentucky State Police", "Bank of England"): a country, a first-level region, a
        county, a named region or a city of 100,000 people or more, by its whole name."""
        for n in range(len(span) - 1, 0, -1):
            for part in (span[:n], span[len(span) - n:]):
                key = fold(part.text)
                if not part[0].text[:1].isupper() or key in NOT_A_PART or (
                    key in BARE_DIRECTIONS
                ):
                    continue
                # The tables' own names only: a demonym ("Georgian Ministry of Defence")
                # is the demonym mentions' to find.
                if any(c.kind in _STRONG_KINDS or c.kind == "county" or (
                    c.kind == "city" and c.population >= 100_000)
                       for c in self.gaz.exact.get(key, ())):
                    return part
        return None

    # --- resolution

    def resolve(self, doc: Doc, items: list[dict[str, Any]]) -> None:
        found: list[Lookup] = []
        countries: Counter[str] = Counter()
        admin1s: set[tuple[str, str]] = set()
        for item in items:
            text = doc[item["start"]:item["end"]].text
            item["text"] = text
            if item["kind"] == "demonym":
                cand = item.get("region") or self.gaz.countries.get(item["country"] or "")
                found.append(Lookup([(cand, True)] if cand else []))
                if cand and cand.country:
                    countries[cand.country] += 1
                continue
            result = lookup(self.gaz, text)
            country = self.gaz.countries.get(item["country"] or "")
            if country is not None and not any(exact for _c, exact in result.candidates):
                # The registry's country beats a loose spelling ("Kazakh": not Petropavl).
                result = Lookup([(country, True)])
            found.append(result)
        # Context in two rounds: countries, regions and counties first; then, once the
        # towns of the regions named are among the candidates, cities ("Glasgow" in a
        # story that names Kentucky is not Scotland's).
        for cities in (False, True):
            for item, result in zip(items, found, strict=True):
                if item["kind"] in ("demonym", "embedded") or not is_unambiguous(result):
                    continue
                if cities != all(c.kind == "city" for c, _ in result.candidates):
                    continue
                best = choose(result, Counter(), set())
                if best is None or not best.country:
                    continue
                countries[best.country] += 1
                # A region named, or a county or city found in one region only.
                regions = {(c.country, c.admin1) for c, _ in result.candidates}
                if best.admin1 and best.kind != "country" and len(regions) == 1:
                    admin1s.add((best.country, best.admin1))
            if cities or not admin1s:
                continue
            # Towns under 15,000 people, for the regions the story names; ranked as loose
            # names where a namesake abroad is in a country the story names too, so
            # "Paris" in a Kentucky story that mentions France stays French.
            for item, result in zip(items, found, strict=True):
                if item["kind"] not in ("place", "embedded"):
                    continue
                key = fold(item["text"])
                key = key[:-2] if key.endswith("'s") else key
                have = {c for c, _ in result.candidates}
                for country, code in sorted(admin1s):
                    for town in towns_in(country, code, key):
                        if town not in have:
                            abroad = any(c.country != town.country and countries.get(c.country)
                                         for c in have)
                            result.candidates.append((town, not abroad))
        by_start = {item["start"]: (i, item) for i, item in enumerate(items)}
        chosen: list[Candidate | None] = [None] * len(items)
        # Qualifiers first ("Tripoli, Lebanon": Lebanon), so the qualified name sees them.
        for item in items:
            nxt = by_start.get(item["end"] + 1)
            end = item["end"]
            if nxt is not None and end < len(doc) and doc[end].text == ",":
                qual = choose(found[nxt[0]], countries, admin1s)
                if qual is not None and qual.kind in ("country", "admin1"):
                    item["qualifier"] = qual
        for i, item in enumerate(items):
            chosen[i] = choose(found[i], countries, admin1s, item.get("qualifier"))
            capital_of = item.get("capital_of")
            if capital_of and chosen[i] is not None and chosen[i].kind == "city" and (
                chosen[i].country == capital_of
            ):
                # A capital the registry knows ("WASHINGTON (RNS)"): in its country, the
                # biggest city of the name, not a town of a region the story names.
                chosen[i] = max((c for c, _e in found[i].candidates
                                 if c.kind == "city" and c.country == capital_of),
                                key=lambda c: c.population, default=chosen[i])
            item["candidate"] = chosen[i]
            item["approximated"] = found[i].approximated
            if item["kind"] == "place" and chosen[i] is not None and self._is_metonym(
                doc, item, chosen[i]
            ):
                item["kind"] = "metonym"

    def fill_unresolved(self, items: list[dict[str, Any]], focus: list[Candidate]) -> None:
        """Names the tables lack. A town of the region or country that qualifies the name
        ("Visbek, Germany"), else of a region the story's places lie in, else of a country
        the story is about; else a street, a building or a village too small for
        any table, placed at its qualifier or at the story's focus (its main city, else its
        main country), where a local story's small places mostly are. A story with no
        country at all takes a town whose name only one country has."""
        todo = [it for it in items if it["kind"] == "place" and it.get("candidate") is None]
        if not todo:
            return
        countries = [c.country for c in focus if c.kind == "country"]
        regions = sorted({(c.country, c.admin1) for it in items
                          if it["kind"] == "place" and (c := it.get("candidate")) is not None
                          and c.kind in ("city", "admin1", "county") and c.admin1
                          and c.country in countries})
        city = next((c for c in focus if c.kind == "city"), None)
        main = city or next((c for c in focus if c.kind == "country"), None)
        for item in todo:
            key = fold(item["text"])
            key = key[:-2] if key.endswith("'s") else key
            if len(key) < 3 or key in BARE_DIRECTIONS:
                continue
            qual: Candidate | None = item.get("qualifier")
            if qual is not None:
                towns = list(towns_in(qual.country, qual.admin1, key)
                             if qual.kind == "admin1" and qual.admin1
                             else towns_of(qual.country, key))
            else:
                towns = [t for code in regions for t in towns_in(*code, key)]
                for country in countries:
                    towns = towns or list(towns_of(country, key))
            if not towns and qual is None and main is None:
                # No country to look in: a town's name found in one country only.
                towns = list(towns_anywhere(key))
                if len({t.country for t in towns}) != 1:
                    towns = []
            if towns:
                item["candidate"] = max(towns, key=lambda t: t.population)
                continue
            place = qual or main
            if place is not None:
                item["candidate"] = place
                item["approximated"] = "focus"

    @staticmethod
    def _is_metonym(doc: Doc, item: dict[str, Any], cand: Candidate) -> bool:
        if cand.kind not in ("country", "city"):
            return False
        root = doc[item["start"]:item["end"]].root
        return root.dep_ in ("nsubj", "nsubjpass", "agent") and (
            root.head.lemma_.lower() in _ACTOR_VERBS
        ) or (root.dep_ == "pobj" and root.head.lower_ == "by" and root.head.head.pos_ == "VERB")

    # --- focus and event locations

    def focus(self, items: list[dict[str, Any]]) -> list[Candidate]:
        """The countries the story is most about (every mention counts, actors and
        demonyms too), then its most mentioned city in one of them."""
        countries: Counter[str] = Counter()
        cities: Counter[int] = Counter()
        by_id: dict[int, Candidate] = {}
        for item in items:
            cand = item.get("candidate")
            if cand is None or not cand.country or item["kind"] == "embedded":
                continue
            countries[cand.country] += 1
            if cand.kind == "city" and item["kind"] == "place" and cand.geonameid:
                cities[cand.geonameid] += 1
                by_id[cand.geonameid] = cand
        if not countries:
            return []
        top = countries.most_common(1)[0][1]
        keep = [c for c, n in countries.most_common() if n == top or (n >= 2 and 2 * n >= top)]
        focus = [self.gaz.countries[c] for c in keep[:3] if c in self.gaz.countries]
        for gid, _n in cities.most_common():
            if by_id[gid].country in keep:
                focus.append(by_id[gid])
                break
        return focus

    def _event_location(self, doc: Doc, event: dict[str, Any],
                        by_sent: dict[int, list[dict[str, Any]]],
                        focus: list[Candidate]) -> dict[str, Any] | None:
        trigger = event.get("trigger") or {}
        span = doc.char_span(trigger.get("start", 0), trigger.get("end", 0),
                             alignment_mode="expand")
        if span is not None and len(span):
            head = _clause_head(span.root)
            in_sent = by_sent.get(span.root.sent.start, [])
            in_clause = [it for it in in_sent if _under(doc[it["root"]], head)]
            best = _most_specific(in_clause, span.root.i)
            if best is not None:
                return self._location(best, "")
            best = _most_specific(in_sent, span.root.i)
            if best is not None:
                return self._location(best, "sentence:")
        if focus:
            cand = next((c for c in focus if c.kind == "city"), focus[0])
            place = _place_dict(cand, self.gaz, text=cand.name, span=None)
            place["precision"] = "focus:" + place["precision"]
            return place
        return None

    def _location(self, item: dict[str, Any], prefix: str) -> dict[str, Any]:
        place = _place_dict(item["candidate"], self.gaz, text=item["text"],
                            span=item["span"], approximated=item.get("approximated"))
        place["precision"] = prefix + place["precision"]
        item["event_place"] = place
        return place

    def _record(self, doc: Doc, item: dict[str, Any]) -> dict[str, Any]:
        span = doc[item["start"]:item["end"]]
        item["span"] = {"start": span.start_char, "end": span.end_char, "text": span.text}
        cand: Candidate | None = item.get("candidate")
        if cand is None:
            place: dict[str, Any] = {
                "text": span.text, "span": item["span"], "name": span.text, "geonameid": None,
                "lat": None, "lon": None, "country": None, "admin1": None, "precision": None,
                "resolved": False, "reason": "not in gazetteer",
            }
        else:
            place = _place_dict(cand, self.gaz, text=span.text, span=item["span"],
                                approximated=item.get("approximated"))
            place.update(resolved=True, reason=None)
        place.update(role="mention", kind=item["kind"], start=item["start"], end=item["end"])
        return place


def _place_dict(cand: Candidate, gaz: Gazetteer, *, text: str, span: dict[str, Any] | None,
                approximated: str | None = None) -> dict[str, Any]:
    region = gaz.admin1.get((cand.country, cand.admin1 or ""))
    return {
        "text": text, "span": span, "name": cand.name, "geonameid": cand.geonameid,
        "lat": cand.lat, "lon": cand.lon, "country": cand.country,
        "admin1": region.name if region else cand.admin1,
        "precision": approximated or cand.kind,
    }


def _names_region(found: Lookup, city: bool = False) -> bool:
    """The whole name (not a part of it) is a country or region, or with ``city`` a city
    of 100,000 people or more (the tagger often calls "Edmonton" an organisation; a
    person named "Florence" is likelier than a club of that name, so not for persons)."""
    return found.approximated is None and any(
        exact and (c.kind in _STRONG_KINDS or (
            city and c.kind == "city" and c.population >= _ORG_CITY_POPULATION))
        for c, exact in found.candidates)


def _trim(ent: Span) -> Span | None:
    """The entity without a leading "the" or a trailing possessive."""
    start, end = ent.start, ent.end
    while start < end and ent.doc[start].lower_ == "the":
        start += 1
    while end > start and ent.doc[end - 1].text in ("'s", "\u2019s", "'"):
        end -= 1
    return ent.doc[start:end] if end > start else None


def _clause_head(token: Token) -> Token:
    """The verb whose clause holds the token: the token itself when it is a verb."""
    # Tokens are views made afresh on each access: compare their indices, never identity.
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
        token = token.head
    return token


def _under(token: Token, head: Token) -> bool:
    """``token`` lies in ``head``'s clause: ``head`` is an ancestor, with no other verb
    between them that starts a clause of its own."""
    while token.i != head.i:
        if token.head.i == token.i:
            return False
        if token.pos_ == "VERB" and token.dep_ in ("ccomp", "advcl", "relcl", "conj", "xcomp"):
            return False
        token = token.head
    return True


def _most_specific(items: list[dict[str, Any]], anchor: int) -> dict[str, Any] | None:
    if not items:
        return None
    return max(items, key=lambda it: (
        _PRECISION_RANK.get(it.get("approximated") or it["candidate"].kind, 0),
        -abs(it["start"] - anchor),
    ))


@Language.factory(
    "wirecoder_places",
    assigns=["doc._.wc_places"],
    requires=["doc._.wc_mentions", "doc._.wc_events", "token.dep"],
    default_config={},
)
def make_place_resolver(nlp: Language, name: str) -> PlaceResolver:
    return PlaceResolver(nlp, name)
