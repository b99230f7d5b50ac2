"""Whose reason it is (the holder), what kind it is, and who reports it (attribution)."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Span, Token

from wirecoder.actors.resolve import MentionIndex, actors_from_head
from wirecoder.events.arguments import head_chain
from wirecoder.events.modality import REPORT_LEMMAS

_SUBJECT_DEPS = {"nsubj", "nsubjpass"}
# Words around a cited outlet that are not its name ("a Jerusalem Post report").
_REPORT_NOUNS = {"report", "reports", "statement", "translation", "article", "story", "account"}
_SPECULATIVE = {"would", "could", "may", "might", "likely", "possibly", "perhaps", "probably"}


def reporting_verb(token: Token) -> Token | None:
    """The verb of saying whose reported clause holds ``token``, if any."""
    node = token
    for _ in range(32):
        if node.head is node:
            return None
        if node.dep_ in ("ccomp", "xcomp", "advcl") and node.head.lemma_.lower() in REPORT_LEMMAS:
            return node.head
        node = node.head
    return None


def saying_verb(participle: Token) -> Token | None:
    """The nearest verb of saying with a subject above a participle ("claimed that ...,
    saying ..."), the parser often attaching the participle to a verb inside the claim."""
    for node in head_chain(participle.head, 7):
        if node.lemma_.lower() in REPORT_LEMMAS and any(
                c.dep_ in _SUBJECT_DEPS for c in node.children):
            return node
    return None


def speaker_of(verb: Token, index: MentionIndex) -> dict[str, Any] | None:
    for child in verb.children:
        if child.dep_ in _SUBJECT_DEPS:
            found = actors_from_head(child, index)
            return found[0] if found else plain_actor(child)
    return None


def according_to(sent: Span, index: MentionIndex) -> dict[str, Any] | None:
    """The outlet or person of "according to X" in the sentence."""
    for token in sent:
        if token.lower_ == "according" and token.i + 1 < sent.end and \
                sent.doc[token.i + 1].lower_ == "to":
            objects = [c for c in sent.doc[token.i + 1].children if c.dep_ == "pobj"]
            if objects and objects[0].lower_ in _REPORT_NOUNS:
                # "a Jerusalem Post report": the outlet, not a place its name contains.
                actor = plain_actor(objects[0])
                return None if actor["text"].lower() in _REPORT_NOUNS else actor
            if objects:
                found = actors_from_head(objects[0], index)
                return found[0] if found else plain_actor(objects[0])
    return None


def plain_actor(head: Token) -> dict[str, Any]:
    """An uncoded actor: the noun and its modifiers before it, less determiners and report
    nouns ("a Jerusalem Post report" -> "Jerusalem Post"; "a translation by X" -> X)."""
    if head.lower_ in _REPORT_NOUNS:
        for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in ("by", "of")):
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                return plain_actor(obj)
    words = [t for t in head.subtree if t.i <= head.i and t.dep_ not in ("det", "punct", "case")
             and t.lower_ not in _REPORT_NOUNS]
    words = [t for t in words if t.i >= min(w.i for w in words)] if words else [head]
    start, end = words[0].idx, words[-1].idx + len(words[-1].text)
    text = head.doc[words[0].i : words[-1].i + 1].text
    return {"text": text, "span": {"start": start, "end": end, "text": text}, "code": None,
            "country": None, "sector": None, "entity": None, "name": None}


def motive_holder(anchor: Token, cue_token: Token, index: MentionIndex) -> dict[str, Any] | None:
    """Whose aim: the possessor of the goal noun ("its goal"), else the subject of the
    clause the aim belongs to, or that subject's possessor ("Iran's desire")."""
    candidates: list[Token] = []
    for node in (cue_token, cue_token.head):
        candidates += [c for c in node.children if c.dep_ == "poss"]
    for child in anchor.children:
        if child.dep_ in _SUBJECT_DEPS:
            candidates += [c for c in child.children if c.dep_ == "poss"]
            candidates.append(child)
    for candidate in candidates:
        found = actors_from_head(candidate, index)
        if found:
            return found[0]
    return None


def is_speculative(tokens: list[Token]) -> bool:
    return any(t.lower_ in _SPECULATIVE for t in tokens)


def kind_of(role: str, reported: bool) -> str:
    """The record's kind from the cue's role; a reason a speaker gives for a side is a
    justification."""
    if role == "effect":
        return "consequence"
    if role == "expect":
        return "expectation"
    if role == "justify" or reported:
        return "justification"
    return "motive" if role == "purpose" else "cause"


def attribution_for(explained: list[dict[str, Any]], span: tuple[int, int],
                    quotes: list[dict[str, Any]] | None) -> dict[str, Any] | None:
    """The explained event's attribution, else the quote that holds the reason; None is
    the author's own (the sourcing component fills both when it runs before this one)."""
    for event in explained:
        if event.get("attribution"):
            return event["attribution"]
    for quote in quotes or []:
        quote_id = quote.get("id")
        for content in quote.get("content") or []:
            if content["start"] <= span[0] and span[1] <= content["end"]:
                return {"speaker": quote.get("speaker"), "outlets": list(quote.get("via") or []),
                        "chain": [], "quote": quote_id}
    return None


def quote_of(span: tuple[int, int], quotes: list[dict[str, Any]] | None) -> dict[str, Any] | None:
    for quote in quotes or []:
        for content in quote.get("content") or []:
            if content["start"] <= span[0] and span[1] <= content["end"]:
                return quote
    return None
