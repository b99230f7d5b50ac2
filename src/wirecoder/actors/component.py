"""``wirecoder_actors``: finds the words that name actors.

Registry entries (countries, organisations, people), demonyms, capitals used as
metonyms and agent words (minister, army, rebels) become ``doc._.wc_mentions``. Turning
a noun phrase into one coded actor is ``wirecoder.actors.resolve``'s job.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.util import filter_spans

from wirecoder.actors.alias_index import AliasIndex, tokenize_aliases
from wirecoder.actors.registry import default_registry, load_agents
from wirecoder.dates import parse_iso_date
from wirecoder.extensions import register_extensions
from wirecoder.places.gazetteer import cities

# Aliases of these kinds name a country, not the entry's own organisation or person.
_COUNTRY_KINDS = {"demonym", "capital"}
_PLACE_LABELS = {"GPE", "LOC", "FAC"}
_DIRECTION_WORDS = {"north", "south", "east", "west", "central", "northern", "southern",
                    "eastern", "western", "northeast", "northwest", "southeast", "southwest",
                    "north east", "upper", "lower", "middle", "centre", "center", "district",
                    "region", "province", "capital", "coast", "coastal", "highlands",
                    "islands", "lakes", "mountain", "plateau", "river", "valley", "far"}
_REGION_WORDS = {"state", "province", "region", "oblast", "governorate", "prefecture", "krai",
                 "county", "district", "territory"}
# Words that, right after a place name, make it the seat of a local body ("Oxford
# University", "Delhi police", "Lagos residents"), and, before "of", the office or body
# whose place follows ("the mayor of Lyon", "University of Bologna").
_SEAT_WORDS = {"university", "college", "police", "hospital", "council", "municipality",
               "mayor", "governor", "residents", "airport", "port", "prison", "court",
               "archbishop", "bishop", "diocese", "city", "town", "school", "institute"}


class ActorRecognizer:
    """Marks actor mentions with their registry entry, country and sector.

    nlp (Language): the pipeline, whose tokenizer splits the aliases.
    name (str): the component name.
    """

    def __init__(self, nlp: Language, name: str = "wirecoder_actors") -> None:
        register_extensions()
        self.name = name
        self.registry = default_registry()
        # Proper names match case-sensitively ("US" is not "us", "Turkey" not "turkey").
        # Cities first: a registry alias for the same words (a capital) replaces them.
        self.cities = cities()
        # First-level regions ("Kano State government", "Sindh province") give a country;
        # cities and registry names for the same words come later and replace them.
        self.regions = _region_countries(self.cities, self.registry)
        aliases: list[str] = list(self.regions)
        labels: list[str] = [f"region|{name}" for name in self.regions]
        aliases += list(self.cities)
        labels += [f"city|{name}" for name in self.cities]
        for alias, entry, kind in self.registry.alias_items():
            if kind == "weak":
                continue
            aliases.append(alias)
            labels.append(f"{kind if kind in _COUNTRY_KINDS else 'name'}|{entry.id}")
        # Other transliterations of a person's name ("Mohammed Hussein" for "Mohamed
        # Husein"), after every real alias, which they never replace.
        spelled = len(aliases)
        known = set(aliases)
        for alias, entry, kind in self.registry.alias_items():
            if entry.type == "person" and kind in ("name", "alias"):
                for variant in transliterations(alias):
                    if variant not in known:
                        known.add(variant)
                        aliases.append(variant)
                        labels.append(f"name|{entry.id}")
        self.names = AliasIndex()
        tokenized = tokenize_aliases(nlp, aliases)
        for number, (tokens, label) in enumerate(zip(tokenized, labels, strict=True)):
            if number >= spelled and tokens in self.names.labels:
                continue
            self.names.add(tokens, label)
            if not label.startswith(("demonym|", "city|")) and sum(map(len, tokens)) > 3:
                self.names.add(tuple(t.upper() for t in tokens), label)  # all-caps headlines
        # Country names and demonyms of one word, by first letter and length, for
        # spotting misspelt ones.
        self.spellings: dict[tuple[str, int], list[tuple[str, str]]] = {}
        for entry in self.registry:
            if (entry.type not in ("country", "ethnic_group") or entry.id.startswith("petrarch-")
                    or not entry.country):
                continue
            for word in (entry.name, *entry.aliases, *entry.demonyms):
                if " " not in word and len(word) >= 5 and word.isalpha():
                    self.spellings.setdefault((word[0], len(word)), []).append(
                        (word, entry.country))
        self.agent_sectors = load_agents()
        self.agents = PhraseMatcher(nlp.vocab, attr="LOWER")
        by_sector: dict[str, list[str]] = {}
        for phrase, sector in self.agent_sectors.items():
            by_sector.setdefault(sector, []).append(phrase)
        for sector, phrases in by_sector.items():
            self.agents.add(sector, list(nlp.tokenizer.pipe(phrases)))

    def __call__(self, doc: Doc) -> Doc:
        meta = doc._.wc_meta or {}
        day = parse_iso_date(meta.get("published"))
        mentions: list[dict[str, Any]] = []
        for label, start, end in self.names(doc):
            kind, entry_id = label.split("|", 1)
            if kind in ("region", "city") and _inside_longer_name(doc, start):
                continue  # "Union" in "the Soviet Union", "Georgia" in "South Georgia"
            if kind == "region":
                alone = meta.get("phrase") and end - start == len(doc)
                # "Kano State", "Sindh province": the word after says it is a region.
                named = (end < len(doc) and doc[end].lower_ in _REGION_WORDS) or _seat(
                    doc, start, end) or (end - start > 1 and doc[end - 1].lower_ in
                                         _REGION_WORDS)  # "Northern Territory"
                if doc[start].ent_type_ not in _PLACE_LABELS and not (alone or named):
                    continue
                mentions.append({
                    "start": start, "end": end, "kind": "region", "entity": None,
                    "name": entry_id, "type": "region", "code": self.regions[entry_id],
                    "country": self.regions[entry_id], "sector": None,
                })
                continue
            if kind == "city":
                # City names are also surnames and words: trust them only where the
                # tagger saw a place.
                # A standalone actor phrase that is only a city name ("Mariupol") names
                # the city: the tagger has no sentence to see a place in.
                alone = (meta.get("phrase") and end - start == len(doc)
                         and not doc[start].is_upper)  # "GRU" is no airport code
                named = (end < len(doc) and doc[end].lower_ in _REGION_WORDS) or _seat(
                    doc, start, end)
                if doc[start].ent_type_ not in _PLACE_LABELS and not (alone or named):
                    continue
                city = self.cities[entry_id]
                mentions.append({
                    "start": start, "end": end, "kind": "city", "entity": None,
                    "name": city.name, "type": "city", "code": city.country,
                    "country": city.country, "sector": None,
                })
                continue
            entry = self.registry.get(entry_id)
            if entry is None:
                continue
            text = doc[start:end].text
            if kind == "name" and self._is_city_alias(text, entry):
                kind = "city"  # PETRARCH lists a country's cities among its names
                city = self.cities[text]
                if doc[start].ent_type_ not in _PLACE_LABELS and not (
                        meta.get("phrase") and end - start == len(doc)):
                    continue
                mentions.append({
                    "start": start, "end": end, "kind": "city", "entity": None,
                    "name": city.name, "type": "city", "code": city.country,
                    "country": city.country, "sector": None,
                })
                continue
            if kind == "name":
                code, country, sector = entry.code_on(day)
            else:
                # A capital as actor is its government ("Baghdad said"); a demonym gives
                # only the country, the noun it modifies gives the sector.
                country = entry.country
                sector = "GOV" if kind == "capital" else None
                code = f"{country}{sector or ''}" if country else None
            mentions.append({
                "start": start, "end": end, "kind": "entity" if kind == "name" else kind,
                "entity": entry.id, "name": entry.name,
                # A territory is a place as much as an actor: typed like a country, so
                # wirecoder_places keeps it a place ("fighting in Abkhazia").
                "type": "country" if entry.type == "territory" else entry.type,
                "code": code, "country": country, "sector": sector,
            })
        taken = {i for m in mentions for i in range(m["start"], m["end"])}
        mentions += self._misspelled_countries(doc, taken)
        taken = {i for m in mentions for i in range(m["start"], m["end"])}
        agent_spans = filter_spans([doc[s:e] for _, s, e in self.agents(doc)])
        for span in agent_spans:
            if any(i in taken for i in range(span.start, span.end)):
                continue
            sector = self.agent_sectors.get(span.text.lower())
            if sector is None:
                continue
            if span[0].text[:1].isupper() and all(
                    t.ent_type_ in ("GPE", "LOC") and t.ent_iob_ == "I" for t in span):
                continue  # the end of a place's name: "Union" in "the Soviet Union"
            mentions.append({
                "start": span.start, "end": span.end, "kind": "agent", "entity": None,
                "name": None, "type": "agent", "code": None, "country": None, "sector": sector,
            })
        mentions.sort(key=lambda m: m["start"])
        doc._.wc_mentions = mentions
        return doc


    def _misspelled_countries(self, doc: Doc, taken: set[int]) -> list[dict[str, Any]]:
        """Country names and demonyms one typing slip away ("Ethopia", "Afganistan",
        "Phillippines"): a capitalised word of six letters or more that nothing else
        matched and the tagger does not call a person."""
        found = []
        for token in doc:
            text = token.text
            if (token.i in taken or len(text) < 6 or not text.isalpha() or not text.istitle()
                    or token.ent_type_ == "PERSON" or text in self.cities):
                continue  # "Columbia" is a city, not a slip for Colombia
            for length in (len(text) - 1, len(text), len(text) + 1):
                matches = {country for name, country in
                           self.spellings.get((text[0], length), ()) if _one_slip(text, name)}
                if len(matches) == 1:
                    country = matches.pop()
                    found.append({
                        "start": token.i, "end": token.i + 1, "kind": "demonym",
                        "entity": country, "name": text, "type": "country", "code": country,
                        "country": country, "sector": None,
                    })
                    break
        return found

    def _is_city_alias(self, text: str, entry: Any) -> bool:
        """A country entry's alias that is one of its cities, not a name of the country
        itself ("Kharkiv" among Ukraine's names, but not "Kuwait" or "Singapore")."""
        city = self.cities.get(text)
        if city is None or city.country != entry.country:
            return False
        own = self.registry.country_by_code(entry.country or "")
        if own is None:
            return False
        names = {own.name, *own.aliases, *own.weak_aliases}
        # The entry stands for the country (PETRARCH's country lists, whatever their type).
        return entry.name in names and text not in names | set(own.demonyms)


def _inside_longer_name(doc: Doc, start: int) -> bool:
    """The words continue a place's name that began with a capitalised word before them
    that is no direction ("Soviet Union", but not "northern Kaduna"); an organisation's
    name may end in its place ("... Alliance Northern Territory")."""
    if start == 0 or doc[start].ent_iob_ != "I" or doc[start].ent_type_ not in _PLACE_LABELS:
        return False
    before = doc[start - 1]
    return before.text[:1].isupper() and before.lower_ not in _DIRECTION_WORDS


def _seat(doc: Doc, start: int, end: int) -> bool:
    """A capitalised place name that a seat word follows ("Oxford University") or that
    follows "<seat word> of (the)" ("the mayor of Lyon")."""
    if not doc[start].text[:1].isupper():
        return False
    if end < len(doc) and doc[end].lower_ in _SEAT_WORDS:
        return True
    before = start - 1
    if before >= 0 and doc[before].lower_ == "the":
        before -= 1
    return (before >= 1 and doc[before].lower_ == "of"
            and doc[before - 1].lower_ in _SEAT_WORDS)


# Spellings of the same Arabic (and other) names in English-language news.
_SPELLINGS = [
    ("Mohamed", "Mohammed", "Muhammad", "Mohammad", "Muhammed"),
    ("Ahmed", "Ahmad"),
    ("Hussein", "Husein", "Hussain", "Husain"),
    ("Abdel", "Abdul", "Abdal"),
    ("Mahmoud", "Mahmud"),
    ("Hassan", "Hasan"),
    ("Abdullah", "Abdallah"),
    ("Yousef", "Youssef", "Yusuf"),
    ("Al-", "al-", "El-", "el-", "Al ", "al ", "El ", "el "),
]
_SPELLING_OF = {w: group for group in _SPELLINGS for w in group}
# The article is respelled only where the name writes it with a hyphen ("al-Bashir" ->
# "El Bashir"); "Al " with a space is too often a first name.
_SPELLING_RE = re.compile(r"\b(?:Al-|El-|al-|el-)|\b(?:" + "|".join(
    w for group in _SPELLINGS for w in group if w[-1] not in "- ") + r")\b")


def transliterations(name: str) -> list[str]:
    """Other spellings of ``name``: one word at a time respelled from ``_SPELLINGS``, and
    every "Al-"/"El-" in the other case ("Nawaf al-Ahmad al-Sabah")."""
    forms: list[str] = []
    for match in _SPELLING_RE.finditer(name):
        for other in _SPELLING_OF[match.group(0)]:
            if other != match.group(0):
                forms.append(name[:match.start()] + other + name[match.end():])
    swapped = re.sub(r"\b(Al|El|al|el)-", lambda m: m.group(1).swapcase()[0]
                     + m.group(1)[1:] + "-", name)
    if swapped != name:
        forms.append(swapped)
    return [f for f in dict.fromkeys(forms) if f != name]


def _one_slip(word: str, target: str) -> bool:
    """True when ``word`` is ``target`` with one letter added, dropped, changed or two
    neighbours swapped inside the word (and is not ``target`` itself). A different
    ending makes another word more often than a slip ("Brazile", "Burman", "Franco")."""
    if word == target:
        return False
    if len(word) == len(target):
        diff = [i for i, (a, b) in enumerate(zip(word, target, strict=True)) if a != b]
        if diff[-1] >= len(word) - 1:
            return False
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                  and word[diff[0]] == target[diff[1]]
                                  and word[diff[1]] == target[diff[0]])
    short, long = sorted((word, target), key=len)
    if len(long) - len(short) != 1:
        return False
    i = 0
    while i < len(short) and short[i] == long[i]:
        i += 1
    return i < len(short) - 1 and short[i:] == long[i + 1:]


def _region_countries(city_table: dict[str, Any], registry: Any) -> dict[str, str]:
    """Region name -> country, for names that point to one country only and are neither
    a city elsewhere nor a name of any country ("Georgia", "Punjab" and "Central" left
    out)."""
    from wirecoder.places.gazetteer import fold, gazetteer

    gaz = gazetteer()
    claimed: dict[str, set[str]] = {}
    for (country, _code), region in gaz.admin1.items():
        # A region of one or two towns (a parish of a small island state) is too small to
        # own a name ("Long Island" of the Bahamas).
        claimed.setdefault(region.name, set()).add(country if region.population >= 3 else "")
        # A region or a city of 100,000 of the same name elsewhere ("Toledo") makes the
        # name no sure sign of this country.
        for place in gaz.exact.get(fold(region.name), ()):
            if place.kind == "admin1" or (place.kind == "city" and place.population >= 100_000):
                claimed[region.name].add(place.country if place.population >= 3 else "")
    state_names = {alias for alias, entry, _ in registry.alias_items()
                   if entry.type == "country" or entry.id.startswith("petrarch-")}
    table = {}
    for name, countries in claimed.items():
        if (len(countries) != 1 or len(name) < 4 or not name[0].isupper() or name in state_names
                or set(name.lower().replace("-", " ").split()) <= _DIRECTION_WORDS):
            continue  # "South", "Eastern District": directions, not names
        country = next(iter(countries))
        if not country:
            continue
        city = city_table.get(name)
        if city is not None and city.country != country:
            continue
        table[name] = country
    return table


@Language.factory(
    "wirecoder_actors",
    assigns=["doc._.wc_mentions"],
    requires=["token.pos", "token.lemma"],
    default_config={},
)
def make_actor_recognizer(nlp: Language, name: str) -> ActorRecognizer:
    return ActorRecognizer(nlp, name)
