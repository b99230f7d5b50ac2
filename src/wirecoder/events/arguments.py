"""Who did it and to whom: the source and target phrases of a trigger.

Reads spaCy's dependency parse: subjects and ``by``-agents are sources, objects and
the objects of target prepositions are targets; passives swap them; control verbs
("ready to provide", "discussed enhancing co-operation with X") lend their subject to
the verb they govern, and an object that is not an actor passes the search on to its
own prepositional phrases ("support for Iraqi armed forces").
"""

from __future__ import annotations

from spacy.tokens import Token

SUBJECT_DEPS = {"nsubj", "csubj"}
PASSIVE_SUBJECT_DEPS = {"nsubjpass", "csubjpass"}
OBJECT_DEPS = {"dobj", "dative", "attr", "oprd"}
TARGET_PREPS = {
    "with",
    "against",
    "on",
    "to",
    "at",
    "into",
    "toward",
    "towards",
    "upon",
    "for",
    "from",
    "over",
}


def head_chain(token: Token, limit: int) -> list[Token]:
    """The token and up to ``limit`` of its heads, nearest first, up to the root."""
    chain = [token]
    while len(chain) <= limit and chain[-1].head.i != chain[-1].i:
        chain.append(chain[-1].head)
    return chain


# Verbs whose subject, not their object, does what their "to" clause says: "promised
# Iraq to train its army" is a promise to train; "summoned the ambassador to complain",
# "sent inspectors to investigate" are the summoner's complaint and the sender's inquiry.
SUBJECT_CONTROL = {"promise", "vow", "pledge", "swear", "offer", "threaten", "send",
                   "dispatch", "summon"}


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in PASSIVE_SUBJECT_DEPS or c.dep_ == "auxpass" for c in verb.children)


def subject_of(verb: Token) -> Token | None:
    """The grammatical subject (active or passive), climbing control and coordination."""
    seen = 0
    node: Token | None = verb
    while node is not None and seen < 6:
        for child in node.children:
            if child.dep_ in SUBJECT_DEPS or child.dep_ in PASSIVE_SUBJECT_DEPS:
                return child
        if node.dep_ == "relcl" or (node.dep_ == "acl" and node.tag_ == "VBG") or (
            misread_predicate(node)
        ):
            # "protesters who demanded", "protesters demanding": the noun does it.
            return node.sent.root if node.dep_ == "acl" and node.tag_ != "VBG" else node.head
        if node.dep_ == "pcomp" and node.head.dep_ == "prep":
            # Object control: "accused Ukraine of attacking", "barred X from entering",
            # "blamed X for shelling": the one said to do it is the governing verb's object.
            governor = node.head.head
            if governor.pos_ in ("VERB", "AUX"):
                objects = objects_of(governor)
                if objects:
                    return objects[0]
                # Subject control: "resorted to throwing stones", "insisted on meeting".
                node = governor
                seen += 1
                continue
            if governor.pos_ == "ADJ" and governor.dep_ == "acomp":
                # "X are guilty of violating", "X is capable of launching"
                node = governor
                seen += 1
                continue
        if node.dep_ == "xcomp" and is_infinitive(node) and (
            node.head.lemma_.lower() not in SUBJECT_CONTROL
        ):
            # Object control: "urged Myanmar's army to release", "ordered the paper to
            # suspend publication", "called on Russia to withdraw": the one urged, ordered
            # or called on is to do it.
            objects = [o for o in [*objects_of(node.head),
                                   *prep_objects(node.head, ("on", "upon"))]
                       if o.i < node.i]
            if objects:
                return objects[0]
        if node.dep_ in ("xcomp", "conj", "acomp") or (
            node.dep_ == "advcl" and is_infinitive(node)
        ):
            node = node.head
            seen += 1
            continue
        if node.dep_ == "acl" and is_infinitive(node):
            # "Iraq's decision to expel", "an attempt by rebels to seize": the noun's owner.
            owner = next((c for c in node.head.children if c.dep_ == "poss"), None)
            owner = owner or next(iter(prep_objects(node.head, ("by",))), None)
            if owner is not None:
                return owner
        if (
            node.dep_ == "acl"
            and is_infinitive(node)
            and node.head.dep_ in ("dobj", "attr")
            and node.head.head.pos_ in ("VERB", "AUX")
        ):
            # "expresses readiness to train": the one ready is the one who expresses it.
            node = node.head.head
            seen += 1
            continue
        return None
    return None


def is_infinitive(verb: Token) -> bool:
    """A "to" clause: "ready to provide", "sent a team to investigate"."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def noun_clauses(noun: Token) -> list[Token]:
    """The clauses that tell what a noun is for: "an invitation to attend", "a law
    recognizing", "a plan to send troops"."""
    return [c for c in noun.children
            if c.dep_ == "acl" and c.pos_ in ("VERB", "AUX") and (
                is_infinitive(c) or c.tag_ == "VBG")]


def purpose_clauses(verb: Token) -> list[Token]:
    """The verb's adverbial "to" clauses: "staged a strike to protest against X"."""
    return [c for c in verb.children if c.dep_ == "advcl" and is_infinitive(c)]


def participle_agents(noun: Token) -> list[Token]:
    """Who did what a noun's participle tells: "crimes committed by Croat forces",
    "the demonstration staged by students"."""
    found = []
    for child in noun.children:
        if child.dep_ == "acl" and child.tag_ == "VBN":
            agent = agent_of(child)
            if agent is not None:
                found.append(agent)
    return found


# Dependencies that keep a word inside the noun phrase it hangs from.
_NOUN_PHRASE_DEPS = {"pobj", "prep", "compound", "appos", "amod", "nmod"}


def misread_predicate(verb: Token) -> bool:
    """A sentence's verb the parser read as a reduced relative clause of its subject:
    in "Doctors from two aid groups donated goods to X." the root is "Doctors" and
    "donated" hangs from "groups" as if it were "goods donated by ...". A full sentence
    (ending in a stop, unlike a headline's "Three soldiers killed in blast") has a
    predicate, so a past-tense participle in the root's phrase is it."""
    if verb.dep_ != "acl" or verb.tag_ not in ("VBN", "VBD") or any(
        c.dep_ == "agent" for c in verb.children
    ):
        return False
    sent = verb.sent
    root = sent.root
    if root.pos_ not in ("NOUN", "PROPN") or sent[-1].text not in (".", "!", "?"):
        return False
    node = verb.head
    while node.i != root.i:
        if node.dep_ not in _NOUN_PHRASE_DEPS:
            return False
        node = node.head
    return True


def says_each_other(verb: Token) -> bool:
    """"accused each other", "traded accusations against one another": whatever the act,
    each side does it to the other."""
    heads = [*objects_of(verb), *prep_objects(verb, TARGET_PREPS)]
    # The parser reads "one another" either way round.
    return any({h.lower_, *(c.lower_ for c in h.children)} >= {"each", "other"}
               or {h.lower_, *(c.lower_ for c in h.children)} >= {"one", "another"}
               for h in heads)


def agent_of(verb: Token) -> Token | None:
    """The ``by`` phrase of a passive verb."""
    for child in verb.children:
        if child.dep_ == "agent":
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    return grandchild
    return None


def objects_of(verb: Token) -> list[Token]:
    # A dative that is a preposition ("gave money to Kenya") is a prepositional phrase.
    found = [c for c in verb.children if c.dep_ in OBJECT_DEPS and c.pos_ != "ADP"]
    return found or _shifted_object(verb)


def _shifted_object(verb: Token) -> list[Token]:
    """A heavy object moved after its "as" phrase: "denounced as a crime Serbia's
    suppression of ..."; the parser hangs it, with no comma between, in apposition to the
    "as" phrase or as its second object."""
    described = prep_objects(verb, ("as",))
    if len(described) > 1:
        return described[1:2]
    for pobj in described:
        for child in pobj.children:
            if child.dep_ == "appos" and child.left_edge.i == pobj.i + 1:
                return [child]
    return []


def prep_objects(token: Token, preps: set[str] | frozenset[str] | tuple[str, ...]) -> list[Token]:
    """Objects of the token's prepositions named in ``preps``, in text order."""
    found = []
    for child in token.children:
        if (child.dep_ == "prep" or (child.dep_ == "dative" and child.pos_ == "ADP")) and (
            child.lower_ in preps
        ):
            found.extend(g for g in child.children if g.dep_ == "pobj")
    return found


def chained_verbs(verb: Token) -> list[Token]:
    """Verbs governed by ``verb`` through xcomp or a gerund object, which carry its event
    further ("discussed enhancing", "ready to provide")."""
    found = []
    for child in verb.children:
        if child.dep_ == "xcomp" or (child.dep_ in ("dobj", "pcomp") and child.pos_ == "VERB"):
            found.append(child)
    return found


def governing_verb(noun: Token) -> Token | None:
    """The verb a nominal trigger hangs from: its object, or the object of its preposition."""
    node = noun
    for _ in range(4):
        head = node.head
        if head.i == node.i:
            return None
        if head.pos_ in ("VERB", "AUX"):
            return head
        if (
            node.dep_ not in ("pobj", "dobj", "conj", "appos")
            and head.pos_ != "ADP"
            and head.lemma_
            not in (
                "dozen",
                "number",
                "series",
                "wave",
                "spate",
                "string",
            )
        ):
            return None
        node = head
    return None
