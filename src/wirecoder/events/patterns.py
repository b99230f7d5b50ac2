"""Code one spaCy predicate with the verb and noun trigger lexicon.

The verb lexicon (``data/verb_patterns.jsonl``, from PETRARCH-2, see NOTICE-petrarch.txt)
holds one entry per verb lemma or lemma + particle, each with a base code and patterns
over the words of the subject, the object and prepositional phrases. An entry is parsed
and compiled the first time its lemma is seen, so the engine only pays for verbs that
occur. The noun table (``data/noun_triggers.tsv``) maps event nouns to codes.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from spacy.tokens import Token

__all__ = ["TriggerMatch", "is_trigger_lemma", "match_noun", "match_verb",
           "noun_target_preps"]

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
# xcomp and ccomp are left out on purpose: their words belong to another predicate.
OBJECT_DEPS = frozenset({"dobj", "obj", "attr", "acomp", "oprd", "dative", "prt"})
PREP_DEPS = frozenset({"prep", "agent"})
PARTICLE_DEPS = PREP_DEPS | OBJECT_DEPS

_PREFIX = re.compile(r'^\{"lemma":("(?:[^"\\]|\\.)*"),"particle":(null|"(?:[^"\\]|\\.)*")')


@dataclass(frozen=True)
class TriggerMatch:
    code: str  # CAMEO code
    specificity: int  # 0 = the verb's base code, >0 = words matched by a pattern
    pattern: str | None  # a readable form of the pattern that matched, for debugging
    # Paired PETRARCH codes [a:b]: the event the object performs on the subject.
    reverse_code: str | None = None
    # True when the event runs from the object to the subject ([:b] patterns, e.g.
    # "appear before court" is the court acting on the subject).
    reverse: bool = False


# A slot matches if one alternative's words are all present; single-word alternatives
# are kept as one set so the common case is a set intersection.
@dataclass(frozen=True)
class _Slot:
    singles: frozenset[str]
    phrases: tuple[frozenset[str], ...]

    def found_in(self, words: frozenset[str]) -> bool:
        return not self.singles.isdisjoint(words) or any(p <= words for p in self.phrases)

    def names(self, heads: frozenset[str], words: frozenset[str]) -> bool:
        """A single word must be a head; a phrase ("ballistic missile") may use modifiers."""
        return not self.singles.isdisjoint(heads) or any(p <= words for p in self.phrases)


@dataclass(frozen=True)
class _Pattern:
    code: str | None
    reverse_code: str | None
    reverse: bool
    subject: tuple[_Slot, ...]
    object: tuple[_Slot, ...]
    preps: tuple[tuple[str, tuple[_Slot, ...]], ...]
    size: int
    text: str


@dataclass
class _Entry:
    code: str | None
    particle: frozenset[str]
    patterns: tuple[_Pattern, ...]
    needs_subject: bool
    needs_object: bool
    needs_preps: bool


@dataclass
class _Lexicon:
    raw: dict[str, list[str]]  # lemma -> JSON lines, compiled on first use
    compiled: dict[str, list[_Entry]] = field(default_factory=dict)


def _slot(alternatives: list[str]) -> _Slot:
    return _slot_of(tuple(alternatives))


@cache
def _slot_of(alternatives: tuple[str, ...]) -> _Slot:
    # PETRARCH's synonym sets (weapons, troops: 100+ words) recur in hundreds of
    # patterns; one compiled slot serves them all.
    singles = frozenset(a for a in alternatives if " " not in a)
    phrases = tuple(frozenset(a.split()) for a in alternatives if " " in a)
    return _Slot(singles, phrases)


def _describe(raw: dict) -> str:
    def words(slots: list[list[str]]) -> str:
        return " ".join("|".join(s[:3]) + ("|..." if len(s) > 3 else "") for s in slots)

    parts = [words(raw["subject"]), "*", words(raw["object"])]
    parts += [f"({p['prep']} {words(p['words'])})".replace(" )", ")") for p in raw["preps"]]
    return " ".join(p for p in parts if p)


def _compile_pattern(raw: dict) -> _Pattern:
    subject = tuple(_slot(s) for s in raw["subject"])
    obj = tuple(_slot(s) for s in raw["object"])
    preps = tuple((p["prep"], tuple(_slot(s) for s in p["words"])) for p in raw["preps"])
    size = len(subject) + len(obj) + sum(1 + len(slots) for _, slots in preps)
    return _Pattern(raw["code"], raw.get("reverse_code"), bool(raw.get("reverse")),
                    subject, obj, preps, size, _describe(raw))


def _compile_entry(line: str) -> _Entry:
    raw = json.loads(line)
    # Most specific first, so the first full match is the best one; sorted() is stable,
    # so ties keep the dictionary's order.
    patterns = tuple(sorted((_compile_pattern(p) for p in raw["patterns"]),
                            key=lambda p: -p.size))
    return _Entry(
        code=raw["code"],
        particle=frozenset((raw["particle"] or "").split()),
        patterns=patterns,
        needs_subject=any(p.subject for p in patterns),
        needs_object=any(p.object for p in patterns),
        needs_preps=any(p.preps for p in patterns),
    )


@cache
def _verb_lexicon() -> _Lexicon:
    text = resources.files("wirecoder").joinpath("data/verb_patterns.jsonl").read_text("utf-8")
    raw: dict[str, list[str]] = {}
    for line in text.splitlines():
        found = _PREFIX.match(line)
        if found:
            raw.setdefault(json.loads(found.group(1)), []).append(line)
    return _Lexicon(raw)


def _entries(lemma: str) -> list[_Entry]:
    lexicon = _verb_lexicon()
    entries = lexicon.compiled.get(lemma)
    if entries is None:
        compiled = [_compile_entry(line) for line in lexicon.raw.get(lemma, ())]
        # Phrasal entries with the longest particle first; the bare verb last.
        entries = sorted(compiled, key=lambda e: -len(e.particle))
        lexicon.compiled[lemma] = entries
    return entries


# Clauses inside a phrase are other predicates: "issued an ultimatum to halt attacks"
# is an ultimatum, not an attack, so their words do not match the phrase's patterns.
CLAUSE_DEPS = frozenset({"acl", "relcl", "advcl", "ccomp", "xcomp", "csubj", "parataxis"})


def _words(tokens: list[Token]) -> frozenset[str]:
    """Lemmas and lowercased forms of the tokens' phrases, less the clauses within."""
    found: set[str] = set()
    stack = list(tokens)
    while stack:
        word = stack.pop()
        found.add(word.lemma_.lower())
        found.add(word.lower_)
        stack.extend(c for c in word.children if c.dep_ not in CLAUSE_DEPS)
    return frozenset(found)


class _Context:
    """The word sets around one verb, each computed at most once and only if asked for."""

    def __init__(self, verb: Token) -> None:
        self.verb = verb
        self.children = list(verb.children)
        self._subject: frozenset[str] | None = None
        self._object: frozenset[str] | None = None
        self._heads: frozenset[str] | None = None
        self._subject_heads: frozenset[str] | None = None
        self._preps: dict[str, frozenset[str]] | None = None

    def passive(self) -> list[Token]:
        """The passive subject, which is the verb's logical object: "a summit was held"."""
        found = [c for c in self.children if c.dep_ == "nsubjpass"]
        if found and self.verb.dep_ == "relcl" and found[0].tag_ in ("WDT", "WP"):
            return [self.verb.head]  # "the conference which was held in London"
        return found

    def subjects(self) -> list[Token]:
        if self.passive():
            # "protesters were beaten by police": the agent is the doer
            return [g for c in self.children if c.dep_ == "agent"
                    for g in c.children if g.dep_ == "pobj"]
        subjects = [c for c in self.children if c.dep_ in SUBJECT_DEPS]
        if not subjects and self.verb.dep_ == "conj":
            # "X met Y and discussed Z": the second verb shares the first's subject
            subjects = [c for c in self.verb.head.children if c.dep_ in SUBJECT_DEPS]
        return subjects

    def subject(self) -> frozenset[str]:
        if self._subject is None:
            self._subject = _words(self.subjects())
        return self._subject

    def subject_heads(self) -> frozenset[str]:
        if self._subject_heads is None:
            self._subject_heads = _head_words(self.subjects())
        return self._subject_heads

    def objects(self) -> list[Token]:
        found = [c for c in self.children if c.dep_ in OBJECT_DEPS]
        if self.verb.dep_ == "relcl":
            # "the summit that Iran held": the relative pronoun stands for its noun
            found = [self.verb.head if c.tag_ in ("WP", "WDT") else c for c in found]
        if all(c.dep_ == "prt" for c in found):
            found += self.passive() or self.relativized()
        return found

    def relativized(self) -> list[Token]:
        """The noun a relative clause with its own subject leaves out as its object:
        "the advantage she has held", "the town rebels captured"."""
        verb = self.verb
        if verb.dep_ != "relcl" or any(
                c.dep_ == "nsubj" and c.tag_ in ("WP", "WDT") for c in self.children):
            return []
        has_subject = any(c.dep_ == "nsubj" for c in self.children)
        return [verb.head] if has_subject else []

    def object(self) -> frozenset[str]:
        if self._object is None:
            self._object = _words(self.objects())
        return self._object

    def object_heads(self) -> frozenset[str]:
        """The object's head nouns with their compounds: "an energy research center" ->
        {center, research, energy}; "some of the prisoners" -> {some, prisoner}."""
        if self._heads is None:
            self._heads = _head_words(self.objects())
        return self._heads

    def preps(self) -> dict[str, frozenset[str]]:
        if self._preps is None:
            # Prepositions of the verb and of its object: "called for talks",
            # "demanded the release of prisoners".
            heads = [self.verb, *(o for o in self.objects() if o.dep_ != "prt")]
            found: dict[str, set[str]] = {}
            for head in heads:
                for child in head.children:
                    is_prep = child.dep_ in PREP_DEPS or (
                        child.dep_ == "dative" and child.pos_ == "ADP")  # "gave it to X"
                    if is_prep and not _temporal(child):
                        words = found.setdefault(child.lower_, set())
                        words.update(_words([child]))
            self._preps = {prep: frozenset(words) for prep, words in found.items()}
        return self._preps


# Words that only count, portion out or gather the noun after "of": "dozens of
# protesters", "a delegation of observers" names protesters and observers.
PARTITIVES = frozenset({
    "some", "many", "most", "all", "several", "few", "none", "any", "each", "both", "one",
    "dozen", "dozens", "hundred", "hundreds", "thousand", "thousands", "million",
    "millions", "number", "group", "lot", "lots", "part", "rest", "majority", "handful",
    "batch", "series", "wave", "round", "kind", "type", "sort", "pair", "couple", "total",
    "more", "other", "others", "member", "members", "delegation", "mission", "team",
    "contingent", "unit", "squad", "crowd", "band", "convoy", "shipment", "consignment",
    "package", "body", "panel",
})
# Nouns too light to say what they are without their compound: a "ceasefire agreement"
# is a ceasefire, "peace talks" are about peace, a "research center" is a center.
LIGHT_HEADS = frozenset({
    "agreement", "accord", "deal", "pact", "treaty", "talks", "talk", "negotiation",
    "negotiations", "process", "plan", "operation", "operations", "campaign", "program",
    "programme", "effort", "efforts", "initiative", "proposal", "measure", "measures",
    "action", "activity", "activities", "mission", "conference", "summit", "meeting",
    "arrangement", "resolution", "package", "bill", "law", "order", "line", "system",
    "systems", "term", "sentence",
})
# Amounts name what they count with "of" or "in": "$1.3 billion in artillery".
_AMOUNT_ENTITIES = frozenset({"MONEY", "QUANTITY", "CARDINAL", "PERCENT"})
# Dependents that are the head itself under another name, or another head beside it.
_HEAD_PARTS = frozenset({"flat", "conj", "appos"})


def _head_words(tokens: list[Token]) -> frozenset[str]:
    """Lemmas and forms of the phrases' heads and conjuncts, following partitive "of"
    ("dozens of protesters") and the doer of a deverbal noun ("patrols by police"): the
    modifiers of a noun say what kind it is, not what it is."""
    found: set[str] = set()
    stack = list(tokens)
    while stack:
        word = stack.pop()
        lemma = word.lemma_.lower()
        found.add(lemma)
        found.add(word.lower_)
        light = lemma in LIGHT_HEADS or word.lower_ in LIGHT_HEADS
        amount = word.pos_ == "NUM" or word.ent_type_ in _AMOUNT_ENTITIES
        counts = amount or lemma in PARTITIVES or word.lower_ in PARTITIVES
        for child in word.children:
            dep = child.dep_
            prep = child.lower_
            if dep in _HEAD_PARTS or (light and dep == "compound"):
                stack.append(child)
            elif dep in ("prep", "agent") and (
                    (prep == "of" and counts) or (prep == "in" and amount) or prep == "by"):
                stack.extend(g for g in child.children if g.dep_ == "pobj")
    return frozenset(found)


def _object_matches(slots: tuple[_Slot, ...], context: _Context) -> bool:
    # A one-word slot names what the object (or subject) is, so it must be the head ("set
    # up a research center" is no investigation); longer patterns spell out the phrase.
    obj = context.object()
    if len(slots) == 1:
        return slots[0].names(context.object_heads(), obj)
    return all(slot.found_in(obj) for slot in slots)


def _matches(pattern: _Pattern, context: _Context) -> bool:
    if pattern.subject:
        subject = context.subject()
        if len(pattern.subject) == 1:
            if not pattern.subject[0].names(context.subject_heads(), subject):
                return False
        elif not all(slot.found_in(subject) for slot in pattern.subject):
            return False
    if pattern.object and not _object_matches(pattern.object, context):
        return False
    if pattern.preps:
        preps = context.preps()
        for prep, slots in pattern.preps:
            words = preps.get(prep)
            if words is None or not all(slot.found_in(words) for slot in slots):
                return False
    return True


def _temporal(prep: Token) -> bool:
    return prep.dep_ == "prep" and any(
        g.dep_ == "pobj" and g.ent_type_ in ("DATE", "TIME") for g in prep.children)


class _DocMemo:
    """Answers for the tokens of the doc last asked about: the coder asks about the same
    verb from several places (its own match, a noun's governor, a frame's complement)."""

    def __init__(self) -> None:
        self.doc: object = None
        self.length = -1
        self.found: dict[int, TriggerMatch | None] = {}

    def get(self, token: Token) -> tuple[bool, TriggerMatch | None]:
        # A retokenized doc is the same object with other tokens: its length tells.
        if token.doc is not self.doc or len(token.doc) != self.length:
            self.doc, self.length, self.found = token.doc, len(token.doc), {}
        if token.i in self.found:
            return True, self.found[token.i]
        return False, None


_VERB_MEMO = _DocMemo()


def match_verb(token: Token) -> TriggerMatch | None:
    """The CAMEO code of a verb predicate, or None if the lexicon codes no event for it."""
    known, match = _VERB_MEMO.get(token)
    if not known:
        match = _VERB_MEMO.found[token.i] = _match_verb(token)
    return match


def _match_verb(token: Token) -> TriggerMatch | None:
    entries = _entries(token.lemma_.lower())
    if not entries:
        return None
    context = _Context(token)
    entry = entries[-1]
    if entry.particle or len(entries) > 1:
        # "called Erdogan on Monday": a preposition of time is no particle.
        nearby = {c.lemma_.lower() for c in context.children
                  if c.dep_ in PARTICLE_DEPS and not _temporal(c)}
        chosen = next((e for e in entries if e.particle <= nearby), None)
        if chosen is None:
            return None  # only phrasal entries exist and no particle is present
        entry = chosen
    for pattern in entry.patterns:
        if _matches(pattern, context):
            if pattern.code is None:
                return None  # the dictionary says this phrase is not an event
            return TriggerMatch(pattern.code, pattern.size, pattern.text,
                                pattern.reverse_code, pattern.reverse)
    return TriggerMatch(entry.code, 0, None) if entry.code else None


@cache
def _noun_table() -> dict[str, tuple[str, tuple[str, ...]]]:
    text = resources.files("wirecoder").joinpath("data/noun_triggers.tsv").read_text("utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and line[0] != "#"]
    # rows[0] is the column header
    return {r[0]: (r[1], tuple(p for p in r[2].split(";") if p)) for r in rows[1:]}


def match_noun(token: Token) -> TriggerMatch | None:
    """The CAMEO code of an event noun ("attacks", "air strike"), or None."""
    table = _noun_table()
    lemma, lower = token.lemma_.lower(), token.lower_
    for child in token.lefts:
        if child.dep_ in ("compound", "amod", "nmod"):  # nmod: "artillery and rocket fire"
            for head in (lemma, lower):
                phrase = f"{child.lemma_.lower()} {head}"
                if phrase in table:
                    return TriggerMatch(table[phrase][0], 1, phrase)
    for key in (lemma, lower):
        if key in table:
            return TriggerMatch(table[key][0], 0, None)
    return None


def noun_target_preps(lemma: str) -> tuple[str, ...]:
    """Prepositions that introduce the target of an event noun: "attack" -> ("on", "against")."""
    row = _noun_table().get(lemma.lower())
    return row[1] if row else ()


def is_trigger_lemma(lemma: str) -> bool:
    """Whether a lemma can trigger an event as a verb or as a noun (a cheap pre-filter)."""
    key = lemma.lower()
    return key in _verb_lexicon().raw or key in _noun_table()
