"""From a cue to a reason: which words are the reason and which the thing it explains,
read off the dependency parse around the cue."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from wirecoder.reasons.cues import CueHit

_CLAUSE_DEPS = {"advcl", "xcomp", "ccomp", "acl", "relcl", "conj", "pcomp"}
_SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}


@dataclass
class ReasonSpans:
    """Token index sets (Doc indices): the reason, and what it explains or follows from."""

    reason: list[int]
    other: list[int]
    anchor: Token  # the verb or noun the reason attaches to


def _inside(sent: Span, tokens: object) -> list[int]:
    return sorted(t.i for t in tokens if sent.start <= t.i < sent.end)  # type: ignore[attr-defined]


def _clause_of(token: Token) -> Token:
    """The nearest verb (or the root) at or above ``token``."""
    node = token
    for _ in range(64):
        if node.pos_ in ("VERB", "AUX") or node.head is node:
            return node
        node = node.head
    return node


def _trim(sent: Span, ids: list[int]) -> list[int]:
    """Drop punctuation and conjunctions at the edges, then keep the run around the
    middle (a reason is one stretch of text)."""
    doc = sent.doc
    ids = sorted(ids)
    given = set(ids)
    while ids and (doc[ids[0]].is_punct or doc[ids[0]].is_space
                   or doc[ids[0]].dep_ in ("cc", "mark")):
        ids.pop(0)
    while ids and (doc[ids[-1]].is_punct or doc[ids[-1]].is_space or doc[ids[-1]].dep_ == "cc"):
        ids.pop()
    # A quoted word at an edge keeps both its marks ("“control” and divide"), not one.
    if ids and sum(doc[i].is_quote for i in ids) % 2:
        if ids[0] - 1 in given and doc[ids[0] - 1].is_quote:
            ids.insert(0, ids[0] - 1)
        elif ids[-1] + 1 in given and doc[ids[-1] + 1].is_quote:
            ids.append(ids[-1] + 1)
    return ids


def weak_cue_holds(hit: CueHit, sent: Span) -> bool:
    """Whether a weak cue is used in its causal sense here: "to" as the mark of a purpose
    clause (not a preposition), "for"/"over"/"after" on a verb (not "support for X",
    "for years"), "as"/"since" as a clause mark (not "as well as")."""
    doc = sent.doc
    first = doc[hit.start]
    if hit.cue.by_lemma and hit.cue.role == "effect":
        # "X strengthened Y" is a consequence; "he wants to strengthen Y" is an aim.
        return any(c.dep_ in ("nsubj", "csubj") for c in first.children) and not any(
            c.dep_ == "aux" and c.lower_ == "to" for c in first.children)
    if hit.end - hit.start > 1 or hit.cue.by_lemma:
        return True
    word = first.lower_
    if word == "to":
        return first.dep_ == "aux" and first.head.dep_ == "advcl"
    if word in ("as", "since"):
        return first.dep_ == "mark"
    if first.dep_ == "prep":
        objects = [c for c in first.children if c.dep_ in ("pobj", "pcomp")]
        temporal = any(o.ent_type_ in ("DATE", "TIME") for o in objects)
        return first.head.pos_ in ("VERB", "AUX") and bool(objects) and not temporal
    return first.dep_ in ("mark", "advcl", "acl", "xcomp")


def _first_stretch(sent: Span, ids: list[int]) -> list[int]:
    """The reason's own words: stop at a gap, at "according to" and at a participle
    after a comma (", saying ..."), which belong to the reporting, not the reason."""
    doc = sent.doc
    kept: list[int] = []
    for i in sorted(ids):
        if kept and (i != kept[-1] + 1 or doc[i].lower_ == "according" or (
                doc[i].tag_ == "VBG" and doc[i - 1].text == "," and doc[i].dep_ == "advcl")):
            break
        kept.append(i)
    return kept


def spans_for(hit: CueHit, sent: Span) -> ReasonSpans | None:
    doc = sent.doc
    cue_ids = set(range(hit.start, hit.end))
    first, last = doc[hit.start], doc[hit.end - 1]
    role = hit.cue.role
    if role == "effect":
        verb = first if first.pos_ in ("VERB", "AUX") else _clause_of(first)
        subject = [c for c in verb.children if c.dep_ in _SUBJECT_DEPS]
        if first.dep_ == "advmod" or not subject:
            # "therefore", "as a result": the clause they sit in follows from the one before.
            clause = _clause_of(first)
            reason = [i for i in _inside(sent, clause.subtree) if i not in cue_ids]
            other = [i for i in range(sent.start, min(reason or [sent.end])) if i not in cue_ids]
            return ReasonSpans(_trim(sent, reason), _trim(sent, other), clause)
        cause = _inside(sent, subject[0].subtree)
        # The consequence is the verb and its object ("will complicate U.S. support for
        # X"), not the adverbials around it ("according to ...", "despite ...").
        start = verb.i
        while start - 1 > max(cause, default=-1) and doc[start - 1].dep_ in ("aux", "neg"):
            start -= 1
        objects = [c for c in verb.children if c.dep_ in ("dobj", "attr", "ccomp", "xcomp")
                   or (c.dep_ == "prep" and c.lower_ in ("to", "in"))]
        end = max((t.i for o in objects for t in o.subtree), default=verb.i) + 1
        reason = [i for i in range(start, min(end, sent.end)) if i not in cause]
        return ReasonSpans(_trim(sent, reason), _trim(sent, cause), verb)
    if role == "expect" and first.lower_ == "far":
        # "It is not far-fetched that X": the expectation is X.
        head = _clause_of(first)
        for clause in (c for c in head.children if c.dep_ in ("ccomp", "csubj", "advcl")):
            reason = [i for i in _inside(sent, clause.subtree) if i not in cue_ids]
            return ReasonSpans(_trim(sent, reason), [], head)
        return None
    # Cause, purpose, expectation and justification cues introduce the reason after them.
    if last.dep_ == "aux" or (last.lower_ == "to" and last.head.pos_ in ("VERB", "AUX")):
        governed = last.head  # "to" + infinitive: the infinitive's clause
    elif last.dep_ == "mark":
        governed = last.head
    elif any(c.dep_ in ("pobj", "pcomp", "ccomp", "dobj", "xcomp") for c in last.children):
        governed = last
    elif any(c.dep_ in ("pobj", "pcomp", "dobj", "xcomp", "ccomp") for c in first.children):
        governed = first
    else:
        governed = last.head if last.head.i > last.i else last
    reason = [i for i in _inside(sent, governed.subtree) if i not in cue_ids]
    reason = _first_stretch(sent, [i for i in reason if i > hit.start] or reason)
    if not reason:
        return None
    anchor = governed.head if governed.head.i not in cue_ids else _clause_of(first.head)
    anchor = _clause_of(anchor)
    taken = set(reason) | cue_ids
    other = [i for i in _inside(sent, anchor.subtree) if i not in taken]
    return ReasonSpans(_trim(sent, reason), _trim(sent, other), anchor)
