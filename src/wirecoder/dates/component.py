"""``wirecoder_dates``: resolves the story's temporal expressions and dates each event.

An event takes the date of its own clause, else of a clause that governs it, else the
nearest in its sentence, else the publication date. It runs after the event coder (and
the other components that read or write events), as the last stage.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Token

from wirecoder.dates import parse_iso_date
from wirecoder.dates.detect import candidate_spans
from wirecoder.dates.expressions import Resolution, resolve_expression
from wirecoder.dates.vocab import FUTURE_AUXILIARIES
from wirecoder.extensions import register_extensions

_CLAUSE_POS = {"VERB", "AUX"}


@dataclass(slots=True)
class _Expression:
    start: int  # character offsets
    end: int
    text: str
    root: Token
    clause: Token  # the verb the expression hangs from, else the sentence root
    resolution: Resolution

    @property
    def usable(self) -> bool:
        # An unresolved relative expression still claims its clause: with no publication
        # date, "yesterday" must not be replaced by a year found elsewhere in the sentence.
        return self.resolution.value is not None or self.resolution.relative

    def when(self) -> dict[str, str] | None:
        value = self.resolution.value
        return value.when(self.text) if value else None


def _clause_of(token: Token) -> Token:
    """The nearest verb above ``token`` (the token itself when it is one)."""
    while token.pos_ not in _CLAUSE_POS and token.head.i != token.i:
        token = token.head
    return token


def _looks_forward(clause: Token) -> bool:
    return any(
        child.dep_ in ("aux", "auxpass") and child.lower_ in FUTURE_AUXILIARIES
        for child in clause.children
    )


def _ancestors(token: Token) -> list[int]:
    chain = [token.i]
    while token.head.i != token.i:
        token = token.head
        chain.append(token.i)
    return chain


def _tree_distance(a: Token, b: Token) -> int:
    up_a, up_b = _ancestors(a), _ancestors(b)
    depth_b = {i: n for n, i in enumerate(up_b)}
    for n, i in enumerate(up_a):
        if i in depth_b:
            return n + depth_b[i]
    return len(up_a) + len(up_b)


def find_expressions(doc: Doc, published: Any = None) -> list[_Expression]:
    """The doc's temporal expressions, resolved, without overlaps: of overlapping
    candidates the one that resolves wins, then the longer."""
    reference = parse_iso_date(published) if isinstance(published, str) else published
    found: list[_Expression] = []
    full_text = doc.text  # Doc.text is rebuilt on every access: read it once
    for start, end in candidate_spans(doc):
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        text = full_text[start:end]
        # The clause starts above the expression: its own root may be tagged a verb.
        clause = _clause_of(span.root.head) if span.root.head.i != span.root.i else span.root
        resolution = resolve_expression(text, reference, future=_looks_forward(clause))
        found.append(_Expression(start, end, text, span.root, clause, resolution))
    found.sort(key=lambda e: (not e.usable, e.start - e.end, e.start))
    kept: list[_Expression] = []
    for expression in found:
        if all(expression.end <= k.start or expression.start >= k.end for k in kept):
            kept.append(expression)
    return sorted(kept, key=lambda e: e.start)


def _date_of(trigger: Token, expressions: list[_Expression]) -> _Expression | None:
    sent = trigger.sent
    in_sentence = [
        e for e in expressions if e.usable and sent.start <= e.root.i < sent.end
    ]
    if not in_sentence:
        return None
    clause = _clause_of(trigger)
    own = [e for e in in_sentence if e.clause.i == clause.i]
    if own:
        return min(own, key=lambda e: (_tree_distance(e.root, trigger), abs(e.root.i - trigger.i)))
    governing = _ancestors(clause)
    above = [e for e in in_sentence if e.clause.i in governing]
    if above:
        return min(above, key=lambda e: governing.index(e.clause.i))
    return min(in_sentence, key=lambda e: abs(e.root.i - trigger.i))


class DateResolver:
    """Resolves temporal expressions against ``doc._.wc_meta["published"]`` and sets each
    event's ``date``; every expression found, resolved or not, goes to ``doc._.wc_times``.
    """

    def __init__(self, nlp: Language, name: str = "wirecoder_dates") -> None:
        register_extensions()
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        published = (doc._.wc_meta or {}).get("published")
        expressions = find_expressions(doc, published)
        doc._.wc_times = [
            {
                "start": e.start, "end": e.end, "text": e.text, "when": e.when(),
                "reason": e.resolution.reason,
            }
            for e in expressions
        ]
        reference = parse_iso_date(published)
        for event in doc._.wc_events or []:
            event["date"] = self._event_date(doc, event, expressions, reference)
        return doc

    @staticmethod
    def _event_date(doc: Doc, event: dict[str, Any], expressions: list[_Expression],
                    reference: Any) -> dict[str, str] | None:
        trigger = event.get("trigger") or {}
        span = doc.char_span(trigger.get("start", 0), trigger.get("end", 0),
                             alignment_mode="expand")
        chosen = _date_of(span.root, expressions) if span is not None and len(span) else None
        if chosen is not None:
            return chosen.when()
        if reference is None:
            return None
        # text "" says the date was taken from publication, not from the story's words.
        day = reference.isoformat()
        return {"start": day, "end": day, "precision": "day", "text": ""}


@Language.factory(
    "wirecoder_dates",
    assigns=["doc._.wc_times", "doc._.wc_events"],
    requires=["doc._.wc_events", "doc._.wc_meta", "token.dep", "doc.ents"],
)
def make_date_resolver(nlp: Language, name: str) -> DateResolver:
    return DateResolver(nlp, name)
