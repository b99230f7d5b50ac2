"""The sources a story cites: outlets and agencies (from the registry), state media,
documents (reports, statements, translations, posts) and anonymous informants.

Each source is a plain dict shaped like the record's ``Source``, plus ``_tokens`` (the
token ranges of its mentions) and ``_outlet`` (the outlet a document came from) for the
component's own use; both are dropped before the record is written.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Token
from spacy.util import filter_spans

from wirecoder.sourcing.lexicon import (
    Outlet,
    anonymous_heads,
    anonymous_phrases,
    document_types,
    outlets,
)

# "Tasnim, which is close to the Qods Force": the words that state an outlet's ties.
_TIE_WORDS = {"close", "affiliated", "linked", "tied", "run", "owned", "controlled",
              "associated", "aligned", "backed", "funded", "loyal", "connected", "part"}
_STATE_MEDIA = {"tv", "television", "media", "broadcaster", "radio", "news", "agency"}
_ANAPHORIC_DETS = {"the", "this", "that", "these", "those"}


class OutletMatcher:
    """Registry outlets by name and alias (case-sensitive: "Time" is not "time")."""

    def __init__(self, nlp: Language) -> None:
        self.by_id: dict[str, Outlet] = {}
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        for outlet in outlets():
            self.by_id[outlet.id] = outlet
            names = [outlet.name, *outlet.aliases]
            self.matcher.add(outlet.id, list(nlp.tokenizer.pipe(names)))

    def find(self, doc: Doc) -> list[tuple[int, int, Outlet]]:
        spans = [doc[s:e] for _, s, e in self.matcher(doc)]
        labels = {(s, e): doc.vocab.strings[m] for m, s, e in self.matcher(doc)}
        return [(sp.start, sp.end, self.by_id[labels[(sp.start, sp.end)]])
                for sp in filter_spans(spans)]


class SourceTable:
    """The story's sources, and which token belongs to which source."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.sources: list[dict[str, Any]] = []
        self.by_token: dict[int, str] = {}
        self._by_key: dict[str, dict[str, Any]] = {}

    def _add(self, key: str, fields: dict[str, Any], start: int, end: int) -> dict[str, Any]:
        source = self._by_key.get(key)
        if source is None:
            source = {"id": f"s{len(self.sources) + 1}", **fields, "mentions": [],
                      "_tokens": [], "_outlet": fields.pop("_outlet", None)}
            self.sources.append(source)
            self._by_key[key] = source
        if (start, end) not in source["_tokens"]:
            span = self.doc[start:end]
            source["_tokens"].append((start, end))
            source["mentions"].append(
                {"start": span.start_char, "end": span.end_char, "text": span.text})
        for i in range(start, end):
            self.by_token.setdefault(i, source["id"])
        return source

    def get(self, source_id: str) -> dict[str, Any]:
        return next(s for s in self.sources if s["id"] == source_id)

    def add_outlets(self, found: list[tuple[int, int, Outlet]]) -> None:
        for start, end, outlet in found:
            source = self._add(outlet.id, {
                "name": outlet.name, "type": outlet.type, "country": outlet.country,
                "affiliation": outlet.affiliation, "_outlet": None,
            }, start, end)
            stated = stated_affiliation(self.doc, start, end)
            if stated:
                source["affiliation"] = stated  # the story's own words outrank the table

    def add_state_media(self, country_of: Any) -> None:
        """"state TV", "Iranian state media", "the state news agency"."""
        doc = self.doc
        for token in doc:
            if token.lower_ not in ("state", "state-run") or token.i + 1 >= len(doc):
                continue
            nxt = doc[token.i + 1]
            if nxt.lower_ not in _STATE_MEDIA:
                continue
            end = token.i + 2
            if nxt.lower_ == "news" and end < len(doc) and doc[end].lower_ == "agency":
                end += 1
            start = token.i
            while start > 0 and doc[start - 1].pos_ in ("ADJ", "PROPN"):
                start -= 1
                if doc[start].is_sent_start:
                    break
            country = country_of(doc[start:end])
            name = doc[start:end].text
            source = self._add(f"state:{country or name.lower()}", {
                "name": name, "type": "state media", "country": country,
                "affiliation": "state-run",
            }, start, end)
            stated = stated_affiliation(doc, start, end)
            if stated:
                source["affiliation"] = stated

    def add_phrase_source(self, head: Token, start: int, end: int,
                          country: str | None) -> str | None:
        """A document or anonymous source named by an attribution's source phrase; None
        when the phrase names a person, an outlet or nothing of the kind."""
        doc = self.doc
        if head.i in self.by_token:
            return self.by_token[head.i]
        lemma = head.lemma_.lower()
        kind = document_types().get(lemma)
        if kind is not None:
            return self._document(head, start, end, kind)
        text = doc[start:end].text
        lowered = text.lower()
        anonymous = any(p in lowered for p in anonymous_phrases())
        named = any(t.pos_ == "PROPN" and t.ent_type_ == "PERSON" for t in doc[start:end])
        if anonymous or (lemma in anonymous_heads() and not named and head.pos_ == "NOUN"):
            name = doc[start:end].text if start < end else head.text
            source = self._add(f"anon:{start}", {
                "name": name, "type": "anonymous", "country": country, "affiliation": None,
            }, start, end)
            return str(source["id"])
        return None

    def _document(self, head: Token, start: int, end: int, kind: str) -> str:
        doc = self.doc
        outlet_id = next((self.by_token[i] for i in range(start, end)
                          if i in self.by_token and i != head.i), None)
        modifiers = [c for c in head.children if c.dep_ not in ("det", "punct")]
        dets = [c for c in head.children if c.dep_ == "det"]
        if outlet_id is None and not modifiers and dets and dets[0].lower_ in _ANAPHORIC_DETS:
            # "the report": the document of that kind named last.
            for source in reversed(self.sources):
                if source["type"] == kind and source["_tokens"][0][0] < start:
                    self._add(source["_key"], {}, start, end)
                    return str(source["id"])
        name_start = start + 1 if doc[start].dep_ == "det" else start
        name = doc[name_start:head.i + 1].text if outlet_id is None else (
            f"{self.get(outlet_id)['name']} {head.text}"
        )
        country = self.get(outlet_id)["country"] if outlet_id else None
        key = f"doc:{start}"
        source = self._add(key, {"name": name, "type": kind, "country": country,
                                 "affiliation": None, "_outlet": outlet_id}, start, end)
        source["_key"] = key
        return str(source["id"])


def stated_affiliation(doc: Doc, start: int, end: int) -> str | None:
    """The ties a story states for an outlet right beside its name: ", which is close
    to the Qods Force", "the IRGC-affiliated Tasnim"."""
    i = end
    if i + 2 < len(doc) and doc[i].text == "," and doc[i + 1].lower_ in ("which", "that"):
        verb = doc[i + 2]
        j = i + 3 if verb.lemma_ == "be" else i + 2
        if j < len(doc) and doc[j].lower_ in ("seen", "considered", "widely", "regarded"):
            j += 1
        if j < len(doc) and doc[j].lower_ in _TIE_WORDS:
            k = doc[j].right_edge.i + 1 if doc[j].right_edge.i >= j else j + 1
            k = max(k, verb.right_edge.i + 1) if verb.i >= i + 2 else k
            while k > j and doc[k - 1].is_punct:
                k -= 1
            return doc[j:k].text
    if start >= 3 and doc[start - 2].text == "-" and doc[start - 1].lower_ in _TIE_WORDS:
        return f"{doc[start - 1].text} to {doc[start - 3].text}".replace(
            "affiliated to", "affiliated with")
    return None


def public_source(source: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in source.items() if not k.startswith("_")}
