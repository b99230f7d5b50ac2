"""``wirecoder_sourcing``: quotes, sources, reporting chains, and who asserts each event.

Runs after ``wirecoder_events``: it reads the parse, the actors and coreference
(``wc_mentions``, ``wc_entities``, ``wc_coref``) and the events, writes ``wc_quotes`` and
``wc_sources``, and sets each event's ``attribution`` and, where sourcing changes it, its
``modality``.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from wirecoder.actors.resolve import MentionIndex, actor_from_phrase
from wirecoder.extensions import register_extensions
from wirecoder.sourcing.attributions import Attribution, SentenceReader
from wirecoder.sourcing.chains import attribute_events, build_chains
from wirecoder.sourcing.labels import label_attributions
from wirecoder.sourcing.marks import scan_quotes
from wirecoder.sourcing.quotes import drop_restated, kind_of, place_regions
from wirecoder.sourcing.sources import OutletMatcher, SourceTable, public_source
from wirecoder.sourcing.spans import RegionIndex

# Warnings this component writes into the record (numbered apart from errors.py's W00x).
W051 = "[W051] {count} quote mark(s) never close (first at character {at}); each quotation \
was read to the end of its paragraph."
W052 = "[W052] {count} closing quote mark(s) have no opening mark (first at character {at})."
_RELATIVE = {"who", "which", "that", "whom"}


def _span(doc: Doc, start: int, end: int) -> dict[str, Any]:
    span = doc[start:end]
    return {"start": span.start_char, "end": span.end_char, "text": span.text}


class SourcingCoder:
    """Finds quotes and sources and attributes events to them."""

    def __init__(self, nlp: Language, name: str = "wirecoder_sourcing") -> None:
        register_extensions()
        self.name = name
        self.outlets = OutletMatcher(nlp)

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text  # rebuilt on every access: read it once
        scan = scan_quotes(text)
        regions = RegionIndex(scan.regions)
        reader = SentenceReader(doc, regions)
        attributions: list[Attribution] = []
        for sent in doc.sents:
            attributions.extend(reader.read(sent))
        # A label's line may hold attributions of its own (nested); a label whose name is
        # already some cue's source was read from the parse.
        taken = {a.source for a in attributions if a.source is not None}
        attributions.extend(a for a in label_attributions(doc, text) if a.source not in taken)
        attributions = drop_restated(doc, attributions)
        attributions = place_regions(doc, text, attributions, scan.regions)
        index = MentionIndex(doc)
        table = SourceTable(doc)
        table.add_outlets(self.outlets.find(doc))
        table.add_state_media(lambda span: _country_in(span, index))
        quotes = [self._quote(doc, text, a, regions, index, table) for a in attributions]
        quotes.sort(key=lambda q: q["content"][0]["start"] if q["content"] else 0)
        for n, quote in enumerate(quotes, 1):
            quote["id"] = f"q{n}"
        build_chains(quotes, table)
        events = doc._.wc_events or []
        attribute_events(events, quotes, doc)
        doc._.wc_quotes = [{k: v for k, v in q.items() if not k.startswith("_")}
                           for q in quotes]
        doc._.wc_sources = [public_source(s) for s in table.sources]
        warnings = list(doc._.wc_warnings or [])
        unclosed = [r for r in scan.regions if r.unclosed]
        if unclosed:
            warnings.append(W051.format(count=len(unclosed), at=unclosed[0].start))
        if scan.stray_closers:
            warnings.append(W052.format(count=len(scan.stray_closers),
                                        at=scan.stray_closers[0]))
        doc._.wc_warnings = warnings
        return doc

    def _quote(self, doc: Doc, text: str, attribution: Attribution, regions: RegionIndex,
               index: MentionIndex, table: SourceTable) -> dict[str, Any]:
        speaker = None
        via: list[str] = []
        if attribution.source is not None and attribution.source_head is not None:
            start, end = attribution.source
            speaker = self._speaker(doc, attribution.source_head, start, end, index)
            source_id = table.add_phrase_source(doc[attribution.source_head], start, end,
                                                speaker.get("country"))
            if source_id is not None:
                via.append(source_id)
        for _cue, head in attribution.via:
            token = doc[head]
            start, end = token.left_edge.i, token.right_edge.i + 1
            source_id = table.add_phrase_source(token, start, end, _country_in(
                doc[start:end], index))
            if source_id is not None and source_id not in via:
                via.append(source_id)
        cue = _span(doc, *attribution.cue) if attribution.cue is not None else None
        content = [{"start": a, "end": b, "text": text[a:b]} for a, b in attribution.content]
        return {
            "id": "",
            "kind": kind_of(attribution.content, regions),
            "cue": cue,
            "speaker": speaker,
            "content": content,
            "unattributed": speaker is None and not via,
            "via": via,
            "_anchor": attribution.anchor,
            "_carried": attribution.carried,
        }

    def _speaker(self, doc: Doc, head_i: int, start: int, end: int,
                 index: MentionIndex) -> dict[str, Any]:
        head = doc[head_i]
        named = head
        if head.lower_ in _RELATIVE and head.head.dep_ == "relcl":
            named = head.head.head  # "Flynn, who said": the speaker is Flynn
        actor = actor_from_phrase(named, index)
        if (actor is None or actor.get("entity") is None) and named.pos_ == "PROPN":
            actor = _entity_by_name(doc, start, end, index) or actor
        while end > start and doc[end - 1].is_punct and not _closes(doc[start:end]):
            end -= 1
        base = {"code": None, "country": None, "sector": None, "entity": None, "name": None}
        actor = {**base, **(actor or {})}
        actor["text"] = doc[start:end].text
        actor["span"] = _span(doc, start, end)
        return actor


def _closes(span: Span) -> bool:
    """The span's last mark closes an apposition or a bracket opened inside it."""
    last = span[-1].text
    inner = span[:-1].text
    return last == "," and "," in inner or last == ")" and "(" in inner


def _name_words(text: str) -> set[str]:
    return {w for w in text.lower().replace("-", " ").split() if w.isalpha() and len(w) > 2}


def _entity_by_name(doc: Doc, start: int, end: int, index: MentionIndex) -> dict[str, Any] | None:
    """A later surname the parser did not tag as a person ("Abbasi said") still names the
    person named in full before: the same subset rule coreference uses."""
    words = _name_words(" ".join(t.text for t in doc[start:end] if t.pos_ == "PROPN"))
    if not words:
        return None
    for entity in reversed(index.entities):
        if words <= _name_words(str(entity.get("name") or "")):
            return dict(entity)
    return None


def _country_in(span: Span, index: MentionIndex) -> str | None:
    for token in span:
        mention = index.covering(token)
        if mention is not None and mention.get("country"):
            return str(mention["country"])
    return None


@Language.factory(
    "wirecoder_sourcing",
    assigns=["doc._.wc_quotes", "doc._.wc_sources"],
    requires=["doc._.wc_events", "doc._.wc_entities", "token.dep"],
    default_config={},
)
def make_sourcing(nlp: Language, name: str) -> SourcingCoder:
    return SourcingCoder(nlp, name)
