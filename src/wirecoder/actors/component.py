"""``wirecoder_actors``: finds the words that name actors.

Registry entries (countries, organisations, people), demonyms, capitals used as
metonyms and agent words (minister, army, rebels) become ``doc._.wc_mentions``. Turning
a noun phrase into one coded actor is ``wirecoder.actors.resolve``'s job.
"""

from __future__ import annotations

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
        aliases: list[str] = list(self.cities)
        labels: list[str] = [f"city|{name}" for name in self.cities]
        for alias, entry, kind in self.registry.alias_items():
            if kind == "weak":
                continue
            aliases.append(alias)
            labels.append(f"{kind if kind in _COUNTRY_KINDS else 'name'}|{entry.id}")
        self.names = AliasIndex()
        for tokens, label in zip(tokenize_aliases(nlp, aliases), labels, strict=True):
            self.names.add(tokens, label)
            if not label.startswith(("demonym|", "city|")) and sum(map(len, tokens)) > 3:
                self.names.add(tuple(t.upper() for t in tokens), label)  # all-caps headlines
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
            if kind == "city":
                # City names are also surnames and words: trust them only where the
                # tagger saw a place.
                # A standalone actor phrase that is only a city name ("Mariupol") names
                # the city: the tagger has no sentence to see a place in.
                alone = (meta.get("phrase") and end - start == len(doc)
                         and not doc[start].is_upper)  # "GRU" is no airport code
                if doc[start].ent_type_ not in _PLACE_LABELS and not alone:
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
                "entity": entry.id, "name": entry.name, "type": entry.type,
                "code": code, "country": country, "sector": sector,
            })
        taken = {i for m in mentions for i in range(m["start"], m["end"])}
        agent_spans = filter_spans([doc[s:e] for _, s, e in self.agents(doc)])
        for span in agent_spans:
            if any(i in taken for i in range(span.start, span.end)):
                continue
            sector = self.agent_sectors.get(span.text.lower())
            if sector is None:
                continue
            mentions.append({
                "start": span.start, "end": span.end, "kind": "agent", "entity": None,
                "name": None, "type": "agent", "code": None, "country": None, "sector": sector,
            })
        mentions.sort(key=lambda m: m["start"])
        doc._.wc_mentions = mentions
        return doc


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


@Language.factory(
    "wirecoder_actors",
    assigns=["doc._.wc_mentions"],
    requires=["token.pos", "token.lemma"],
    default_config={},
)
def make_actor_recognizer(nlp: Language, name: str) -> ActorRecognizer:
    return ActorRecognizer(nlp, name)
