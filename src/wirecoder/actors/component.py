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

from wirecoder.actors.registry import default_registry, load_agents
from wirecoder.dates import parse_iso_date
from wirecoder.extensions import register_extensions

# Aliases of these kinds name a country, not the entry's own organisation or person.
_COUNTRY_KINDS = {"demonym", "capital"}


class ActorRecognizer:
    """Marks actor mentions with their registry entry, country and sector.

    nlp (Language): the pipeline, whose tokenizer builds the phrase patterns.
    name (str): the component name.
    """

    def __init__(self, nlp: Language, name: str = "wirecoder_actors") -> None:
        register_extensions()
        self.name = name
        self.registry = default_registry()
        # Proper names match case-sensitively ("US" is not "us", "Turkey" not "turkey").
        self.names = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.agents = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._labels: dict[int, tuple[str, str]] = {}
        by_key: dict[tuple[str, str], set[str]] = {}
        for alias, entry, kind in self.registry.alias_items():
            if kind == "weak":
                continue
            kind = kind if kind in _COUNTRY_KINDS else "name"
            forms = by_key.setdefault((entry.id, kind), set())
            forms.add(alias)
            if kind == "name" and len(alias) > 3:
                forms.add(alias.upper())  # all-caps headlines
        for (entry_id, kind), aliases in by_key.items():
            label = f"{kind}|{entry_id}"
            self._labels[nlp.vocab.strings.add(label)] = (kind, entry_id)
            self.names.add(label, list(nlp.tokenizer.pipe(sorted(aliases))))
        self.agent_sectors = load_agents()
        for phrase, sector in self.agent_sectors.items():
            label = f"agent|{sector}"
            self._labels[nlp.vocab.strings.add(label)] = ("agent", sector)
        by_sector: dict[str, list[str]] = {}
        for phrase, sector in self.agent_sectors.items():
            by_sector.setdefault(sector, []).append(phrase)
        for sector, phrases in by_sector.items():
            self.agents.add(f"agent|{sector}", list(nlp.tokenizer.pipe(phrases)))

    def __call__(self, doc: Doc) -> Doc:
        meta = doc._.wc_meta or {}
        day = parse_iso_date(meta.get("published"))
        matches = self.names(doc)
        spans = [doc[s:e] for _, s, e in matches]
        labels = {(s, e): self._labels[m] for m, s, e in matches}
        kept = {(sp.start, sp.end) for sp in filter_spans(spans)}
        mentions: list[dict[str, Any]] = []
        for (start, end), (kind, entry_id) in labels.items():
            if (start, end) not in kept:
                continue
            entry = self.registry.get(entry_id)
            if entry is None:
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


@Language.factory(
    "wirecoder_actors",
    assigns=["doc._.wc_mentions"],
    requires=["token.pos", "token.lemma"],
    default_config={},
)
def make_actor_recognizer(nlp: Language, name: str) -> ActorRecognizer:
    return ActorRecognizer(nlp, name)
