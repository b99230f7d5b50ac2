"""Whether an event is said to have happened: asserted, reported, intended,
hypothetical, negated or alleged, read from the clause that holds its trigger.

The sourcing work refines this (chains, outlets, historical dates); these rules cover
the grammar: negation, conditionals and modals, verbs of intent, of accusation and of
saying that govern the trigger.
"""

from __future__ import annotations

from spacy.tokens import Token

INTENT_LEMMAS = {
    "plan", "intend", "want", "seek", "aim", "ready", "prepare", "hope", "offer", "promise",
    "vow", "pledge", "expect", "wish", "readiness", "willingness", "intention", "decide",
    "agree", "propose", "consider", "threaten",
}
ALLEGE_LEMMAS = {"accuse", "allege", "implicate", "suspect", "blame", "charge", "claim"}
REPORT_LEMMAS = {
    "say", "tell", "report", "state", "announce", "add", "note", "according", "claim", "hint",
    "insist", "stress", "confirm", "suggest", "declare", "reiterate", "assert", "explain",
    "indicate", "believe", "think", "argue", "write", "boast", "acknowledge", "admit",
}
HYPOTHETICAL_AUX = {"would", "could", "might", "may"}
_NEGATIONS = {"not", "n't", "never", "no"}


def _clause_chain(trigger: Token, limit: int = 6) -> list[Token]:
    chain = [trigger]
    node = trigger
    for _ in range(limit):
        if node.head is node:
            break
        node = node.head
        chain.append(node)
    return chain


def modality_of(trigger: Token) -> str:
    chain = _clause_chain(trigger)
    own = chain[:2] if trigger.pos_ != "VERB" else chain[:1]
    for node in own:
        if any(c.dep_ == "neg" or c.lower_ in _NEGATIONS and c.dep_ in ("neg", "det") for c in node.children):
            return "negated"
    for node in chain[:3]:
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in node.children):
            return "hypothetical"
        if any(c.dep_ == "aux" and c.lower_ in HYPOTHETICAL_AUX for c in node.children):
            return "hypothetical"
    for node in chain[1:]:
        lemma = node.lemma_.lower()
        if lemma in ALLEGE_LEMMAS:
            return "alleged"
        if lemma in INTENT_LEMMAS:
            return "intended"
        if lemma in REPORT_LEMMAS:
            return "reported"
    return "asserted"
