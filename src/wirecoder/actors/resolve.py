"""From a noun phrase to coded actors: country + sector, registry entity, coreference.

The phrase around an argument's head token is read for the words that
``wirecoder_actors`` marked: a registry entity that covers the head names the actor
outright; otherwise a country (name, demonym, capital, possessive) and the agent word
nearest the head combine into a CAMEO-style code ("Iraqi defense minister" -> IRQGOV).
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Token

# Dependents that belong to the phrase naming the actor; relative clauses and most
# prepositional phrases say something else about it.
_PHRASE_DEPS = {"compound", "amod", "poss", "nmod", "det", "flat", "nummod", "case", "quantmod"}
_OF_PREPS = {"of"}
PRONOUNS = {"he", "him", "his", "she", "her", "they", "them", "their", "it", "its"}


class MentionIndex:
    """Token index -> the mention covering it, built once per Doc."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.mentions: list[dict[str, Any]] = doc._.wc_mentions or []
        self.by_token: dict[int, dict[str, Any]] = {}
        for mention in self.mentions:
            for i in range(mention["start"], mention["end"]):
                self.by_token[i] = mention
        self.entities: list[dict[str, Any]] = doc._.wc_entities or []
        self.coref: dict[str, int] = doc._.wc_coref or {}

    def covering(self, token: Token) -> dict[str, Any] | None:
        return self.by_token.get(token.i)


def phrase_tokens(head: Token) -> list[Token]:
    """The head and the dependents that name it, in text order."""
    found = [head]
    stack = [head]
    while stack:
        token = stack.pop()
        for child in token.children:
            keep = (
                child.dep_ in _PHRASE_DEPS
                or (child.dep_ == "prep" and child.lower_ in _OF_PREPS and token.i == head.i)
                or (child.dep_ == "pobj" and token.lower_ in _OF_PREPS)
            )
            if keep:
                found.append(child)
                stack.append(child)
    return sorted(found, key=lambda t: t.i)


def _span(doc: Doc, start: int, end: int) -> dict[str, Any]:
    span = doc[start:end]
    return {"start": span.start_char, "end": span.end_char, "text": span.text}


def actor_from_phrase(head: Token, index: MentionIndex) -> dict[str, Any] | None:
    """The actor that the phrase around ``head`` names, or None when it names none."""
    doc = head.doc
    linked = index.coref.get(str(head.i))
    tokens = phrase_tokens(head)
    start, end = tokens[0].i, tokens[-1].i + 1
    # Trim leading determiners so the span is the name, not "the".
    while start < end - 1 and doc[start].dep_ == "det" and doc[start].i != head.i:
        start += 1
    if linked is None and head.pos_ == "PRON":
        return _antecedent_in_frame(head, index)
    if linked is not None and linked < len(index.entities):
        resolved = dict(index.entities[linked])
        resolved["text"] = doc[start:end].text
        resolved["span"] = _span(doc, start, end)
        return resolved
    mentions = []
    seen: set[int] = set()
    for token in tokens:
        mention = index.covering(token)
        if mention is not None and id(mention) not in seen:
            seen.add(id(mention))
            mentions.append(mention)
    head_mention = index.covering(head)
    country = sector = entity = name = code = None
    if head_mention is not None and head_mention["kind"] == "entity":
        entity, name = head_mention["entity"], head_mention["name"]
        code, country, sector = (
            head_mention["code"],
            head_mention["country"],
            head_mention["sector"],
        )
    else:
        # The head's own agent word first, then the agent word nearest the head.
        # An agent word used as a modifier ("military installations") names no actor.
        agents = [
            m
            for m in mentions
            if m["kind"] == "agent" and doc[m["end"] - 1].pos_ in ("NOUN", "PROPN")
        ]
        agents.sort(key=lambda m: (m is not head_mention, abs(m["end"] - 1 - head.i)))
        if agents:
            sector = agents[0]["sector"]
        # A named body in the phrase ("IRGC commander", "commander of the IRGC") gives
        # its country, and its own sector outranks the agent word: its people share it.
        named = [m for m in mentions if m["kind"] == "entity"]
        places = [m for m in mentions if m["kind"] in ("demonym", "capital", "city")]
        if named:
            country = named[-1]["country"]
            sector = named[-1]["sector"] or sector
        elif places:
            country = places[-1]["country"]
        if country is None and sector is not None:
            country = _located_in(head, index)
        # A capital as actor is its government, another city its people (CAMEO).
        if head_mention is not None and head_mention["kind"] == "capital":
            sector = sector or "GOV"
        if head_mention is not None and head_mention["kind"] == "city":
            sector = sector or "CVL"
        if country is None and sector is None:
            return None
        code = f"{country or ''}{sector or ''}" or None
    return {
        "text": doc[start:end].text,
        "span": _span(doc, start, end),
        "code": code,
        "country": country,
        "sector": sector,
        "entity": entity,
        "name": name,
    }


def _located_in(head: Token, index: MentionIndex) -> str | None:
    """The country of "rebels in the Ivory Coast", "students from Iraq"."""
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in ("in", "from", "throughout", "across"):
            for pobj in child.children:
                mention = index.covering(pobj)
                if (
                    mention is not None
                    and mention["country"]
                    and (mention["kind"] != "entity" or mention["type"] == "country")
                ):
                    return mention["country"]
    return None


def _antecedent_in_frame(pronoun: Token, index: MentionIndex) -> dict[str, Any] | None:
    """A subject pronoun inside a reported or governed clause refers to the subject of
    the clause above it: "Hungary has said it will support", "Syria says it is willing"."""
    if pronoun.dep_ not in ("nsubj", "nsubjpass", "poss") or pronoun.lower_ not in PRONOUNS | {
        "we",
        "our",
        "us",
    }:
        return None
    node = pronoun.head
    for _ in range(5):
        if node.dep_ not in ("ccomp", "xcomp", "advcl", "conj", "acomp", "dobj", "pobj", "prep"):
            return None
        node = node.head
        for child in node.children:
            if child.dep_ in ("nsubj", "nsubjpass") and child.pos_ != "PRON":
                found = actor_from_phrase(child, index)
                if found is not None:
                    return {
                        **found,
                        "text": pronoun.text,
                        "span": _span(pronoun.doc, pronoun.i, pronoun.i + 1),
                    }
    return None


def actors_from_head(head: Token, index: MentionIndex) -> list[dict[str, Any]]:
    """Every actor a head names: coordinated heads ("Iran and Iraq") and coordinated
    country modifiers ("Hungarian and Romanian officials") give one actor each."""
    heads = [head] + [t for t in head.conjuncts if t.i > head.i]
    actors: list[dict[str, Any]] = []
    for h in heads:
        actor = actor_from_phrase(h, index)
        if actor is None:
            continue
        split = _split_coordinated_modifiers(h, index, actor)
        actors.extend(split or [actor])
    return actors


def _split_coordinated_modifiers(
    head: Token, index: MentionIndex, actor: dict[str, Any]
) -> list[dict[str, Any]]:
    modifiers = [c for c in head.children if c.dep_ == "amod" and c.conjuncts]
    result = []
    for modifier in modifiers:
        for part in (modifier, *modifier.conjuncts):
            mention = index.covering(part)
            if mention is None or mention["kind"] not in ("demonym", "country"):
                continue
            country = mention["country"]
            result.append(
                {
                    **actor,
                    "country": country,
                    "entity": None,
                    "name": None,
                    "code": f"{country}{actor['sector'] or ''}",
                }
            )
    return result if len(result) > 1 else []
