"""Whether an event is said to have happened: asserted, reported, intended,
hypothetical, negated or alleged, read from the clause that holds its trigger.

The sourcing work refines this (chains, outlets, historical dates); these rules cover
the grammar: negation, conditionals and modals, verbs of intent, of accusation and of
saying that govern the trigger.
"""

from __future__ import annotations

from spacy.tokens import Token

from wirecoder.events.arguments import head_chain
from wirecoder.events.patterns import match_verb

INTENT_LEMMAS = {
    "plan", "intend", "want", "seek", "aim", "ready", "prepare", "hope", "offer", "promise",
    "vow", "pledge", "expect", "wish", "readiness", "willingness", "intention",
    "agree", "propose", "consider", "willing", "prepared", "determined", "eager",
    "keen", "commit", "undertake", "resolve", "swear", "intent",
}
# Verbs whose complement is the act itself, done, not intended: "decided to allow" is
# allowing, "continued to send arms" is sending them, "tried to storm" an assault.
CARRIER_LEMMAS = {
    "decide", "try", "attempt", "manage", "continue", "resume", "begin", "start", "move",
}
ALLEGE_LEMMAS = {"accuse", "allege", "implicate", "suspect", "blame", "charge", "claim"}
REPORT_LEMMAS = {
    "say", "tell", "report", "state", "announce", "add", "note", "according", "claim", "hint",
    "insist", "stress", "confirm", "suggest", "declare", "reiterate", "assert", "explain",
    "indicate", "believe", "think", "argue", "write", "boast", "acknowledge", "admit",
    "conclude", "rule",
}
HYPOTHETICAL_AUX = {"could", "might", "may"}
FUTURE_AUX = {"will", "shall", "'ll", "wo"}
_NEGATIONS = {"not", "n't", "never", "no"}


def _under_report(chain: list[Token]) -> bool:
    return any(node.lemma_.lower() in REPORT_LEMMAS for node in chain[1:])


def modality_of(trigger: Token) -> str:
    chain = head_chain(trigger, 6)
    own = chain[:2] if trigger.pos_ != "VERB" else chain[:1]
    for node in own:
        if any(c.dep_ == "neg" for c in node.children):
            return "negated"
    reported = _under_report(chain)
    if trigger.lemma_.lower() in ALLEGE_LEMMAS and any(
        c.dep_ in ("auxpass", "nsubjpass") for c in trigger.children
    ):
        # "were implicated in attacks", "is accused of": the passive states an allegation
        # about its subject, not an accusation the story's actors made.
        return "alleged"
    # Modal verbs speak for the trigger's own clause: the verb and the verbs it is the
    # complement of ("will be ready to train"), never for a noun's governing verb.
    clause = [trigger] if trigger.pos_ == "VERB" else []
    node = trigger
    if not clause and trigger.dep_ == "dobj" and trigger.head.pos_ == "VERB" and (
        match_verb(trigger.head) is None
    ):
        # "would tighten the blockade": a verb with no event of its own is the noun's clause.
        node = trigger.head
        clause = [node]
    while clause and node.dep_ in ("xcomp", "conj", "acomp") and node.head.i != node.i:
        node = node.head
        clause.append(node)
    for node in chain[:3]:
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in node.children):
            return "hypothetical"
    for node in clause:
        auxes = {c.lower_ for c in node.children if c.dep_ == "aux"}
        if auxes & HYPOTHETICAL_AUX:
            return "hypothetical"
        # Reported speech shifts "will" back to "would": "said he would host" is a
        # stated intention, not a conditional.
        if "would" in auxes and not reported:
            return "hypothetical"
        if auxes & FUTURE_AUX or "would" in auxes:
            return "intended"
    for node in chain[1:]:
        lemma = node.lemma_.lower()
        if lemma in ALLEGE_LEMMAS:
            return "alleged"
        if lemma in INTENT_LEMMAS:
            return "intended"
        if lemma in REPORT_LEMMAS:
            return "reported"
    return "asserted"


# Verbs whose complement is coded as a threat or a refusal of the act it names.
FRAME_LEMMAS = {
    "threaten": "threaten", "warn": "threaten", "vow": "threaten",
    "refuse": "refuse", "reject": "refuse", "decline": "refuse",
}


def frame_of(trigger: Token) -> str | None:
    """'threaten' or 'refuse' when the trigger is the complement of such a verb
    ("threatened to strike", "refused to meet"), else None."""
    node = trigger
    if node.dep_ == "conj":  # "refused to deploy or train": the first complement's frame
        node = node.head
    if node.dep_ != "xcomp" or node.head.i == node.i:
        return None
    return FRAME_LEMMAS.get(node.head.lemma_.lower())
