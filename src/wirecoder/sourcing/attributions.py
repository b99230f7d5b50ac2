"""Attributions from the parse: a cue, its source and its content, sentence by sentence.

Three shapes cover most of news sourcing (PARC's and Citron's: cue, source, content):
a verb of saying with a complement clause or a quotation ("X said (that) ...",
"“...,” X said", "X said: “...”"), "according to X, ..." and participles that hang a
claim on the main clause's subject ("..., saying that ..."). Every step reads token
edges, never whole subtrees, so a sentence of 10,000 words costs one pass.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from wirecoder.sourcing.lexicon import cues, document_types, noun_cues
from wirecoder.sourcing.spans import RegionIndex, char_range, expand_to_quotes, trim_tokens

_SUBJECTS = ("nsubj", "nsubjpass", "csubj")
_CLIMB = {"xcomp", "conj", "advcl", "ccomp", "acl"}
_CONTENT_DEPS = ("ccomp",)
_LEFT_CUE_DEPS = {"aux", "auxpass", "neg", "advmod"}
_VIA_VERBS = {"cite", "quote"}
_WHEN = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
         "yesterday", "today", "tonight", "later"}
# Where words were said, which PolNeAR counts as part of the cue ("said in an interview").
# Not a statement or a letter: a document that carries the words is left out of the
# cue ("said in a statement"), as PolNeAR spans it.
_SETTINGS = {"interview", "email", "e-mail", "speech", "post",
             "tweet", "twitter", "facebook", "briefing", "memo", "op-ed", "essay", "video",
             "conference", "call", "message", "blog", "remarks", "ad", "column"}
# Prepositions that take what a cue is about ("talked about", "warned against").
_PERIODS = {"week", "month", "year", "night", "morning", "evening", "afternoon", "summer",
            "spring", "fall", "winter"}
# Verbs that lead into a cue with "to" or a gerund, inside PolNeAR's cue span.
_LEAD_INS = {"go", "appear", "seem", "continue", "begin", "start", "avoid", "decline",
             "refuse", "try", "stop", "keep"}
# Nouns of saying that take a that-clause ("the claim that", "reports that").
_NOUN_CUES = {"claim", "report", "statement", "allegation", "assertion", "suggestion",
              "warning", "charge", "accusation", "promise", "pledge", "argument", "belief",
              "announcement", "insistence", "assurance", "admission", "denial", "rumor",
              "rumour", "speculation", "complaint", "prediction", "estimate", "contention",
              "notion", "message", "news", "finding", "conclusion", "testimony", "threat"}
# Verbs whose subject receives what a noun of saying says ("faced questions about").
_RECEIVING = {"face", "receive", "draw", "attract", "get", "meet", "hear", "read", "come",
              "take", "see", "have", "provoke", "spark", "prompt", "trigger", "fuel"}
# Singular nouns without a determiner that name who hears ("told staff", "urged police").
_HEARERS = {"staff", "police", "congress", "parliament", "management", "leadership", "family",
            "press", "media", "everyone", "everybody", "anyone", "somebody", "someone"}
# Adverbs that mark a clause as hearsay (Biber et al. 1999, stance adverbials of the
# source of knowledge); "apparently" and "evidently" mark the reporter's own inference.
_EVIDENTIALS = {"reportedly", "allegedly", "purportedly", "supposedly", "reputedly",
                "presumably"}
_DATIVE = {"tell", "ask", "inform", "assure", "remind", "warn", "urge", "encourage"}
_OBJECT_DEPS = {"dobj", "xcomp", "oprd", "prep", "dative", "ccomp", "npadvmod"}
_ABOUT = {"about", "of", "on", "against"}
_OBJECT_PREPS = {"as", "to", "for", "of", "about", "against", "with", "into", "from"}
_PREPS = {"call": {"on", "for"}, "point": {"to"}, "push": {"for"}, "argue": {"for", "against"},
          "appeal": {"for", "to"}, "warn": {"about", "of", "against"},
          "agree": {"with", "on"}, "disagree": {"with", "on"}}
# "I think", "you know": a speaker's hedges inside a quotation, not attributions.
_HEDGERS = {"i", "you", "we"}


@dataclass
class Attribution:
    """One attribution; token ranges are ``[start, end)``, content is character ranges."""

    cue: tuple[int, int] | None
    source: tuple[int, int] | None
    source_head: int | None
    content: list[tuple[int, int]]
    anchor: int  # the cue's head token, or the first content token
    via: list[tuple[tuple[int, int], int]] = field(default_factory=list)  # (cue, source head)
    carried: bool = False  # the speaker was carried over from the quotation before


def _cue_range(verb: Token) -> tuple[int, int]:
    """The verb with the auxiliaries, negation and adverbs right before it, and its
    particle ("has long said", "pointed out")."""
    doc = verb.doc
    start = verb.i
    head = verb.head
    if (verb.dep_ in ("xcomp", "advcl") and head.lemma_.lower() in _LEAD_INS and head.i < verb.i
            and all(doc[k].head in (head, verb) and doc[k].dep_ in ("prt", "aux")
                    for k in range(head.i + 1, verb.i))):
        start = head.i  # "went on to discuss", "appeared to suggest", "avoids condemning"
        verb_left = head
    else:
        verb_left = verb
    while start > 0:
        token = doc[start - 1]
        # "has once again said": auxiliaries and adverbs of the verb, or of those adverbs.
        if token.dep_ in _LEFT_CUE_DEPS and (token.head.i == verb_left.i or (
                token.head.dep_ == "advmod" and token.head.head.i == verb_left.i
                and token.i < token.head.i < verb_left.i)):
            start -= 1
        else:
            break
    end = verb.i + 1
    for child in sorted(verb.children, key=lambda t: t.i):
        if child.i != end:
            continue
        if child.dep_ == "prt":
            end += 1
        elif child.dep_ == "npadvmod" and child.lower_ in _WHEN:
            end += 1  # "said Friday"
        elif child.dep_ == "advmod" and (child.lower_ in ("later", "today", "again", "then")
                                         or child.lower_.endswith("ly")):
            end += 1  # "added later", "said sarcastically"
        elif (child.dep_ == "npadvmod" and child.right_edge.i - child.i == 0
              and child.i - child.left_edge.i == 1 and child.lemma_.lower() in _PERIODS):
            end = child.i + 1  # "said last month"
        elif child.dep_ == "prep" and child.lower_ in ("in", "on") and child.n_rights:
            obj = next((g for g in child.rights if g.dep_ == "pobj"), None)
            if obj is not None and obj.lemma_.lower() in _SETTINGS and obj.i - child.i <= 4:
                end = obj.i + 1  # "said in an interview", "wrote on Twitter"
    if end < len(doc) and doc[end].text == ":":
        end += 1  # "added:" (PolNeAR's cue takes the colon)
    return start, end


def _object_content(verb: Token, cue_end: int) -> tuple[int, tuple[int, int]] | None:
    """What a cue takes as its object ("questioned the health of X", "urged supporters to
    monitor polling places", "called Clinton a champion", "wants to triple the program",
    "talked about the debate"): the cue's end and the content's token range."""
    right = [c for c in verb.children if c.i > verb.i]
    deps = {c.dep_: c for c in reversed(right)}
    dobj, xcomp = deps.get("dobj"), deps.get("xcomp")
    if dobj is None and "oprd" in deps and not any(
            c.dep_ in ("dobj", "nsubjpass", "auxpass") for c in verb.children if c.i < verb.i):
        # "called Trump a liar", parsed as two predicates (not "what they call X", not
        # the passive "was called a liar")
        dobj = deps["oprd"]
    if dobj is not None and dobj.i >= cue_end:
        if verb.lemma_.lower() in _DATIVE and xcomp is None and not _mass_noun(dobj):
            return None  # "told reporters": the object is who heard it
        # The verb's own prepositions go with the object only as its complements ("cited
        # X as Y", "likened X to Y"), not as when or where ("attacked X in tweets").
        tail = [c for c in right if c.i >= dobj.i and c.dep_ in _OBJECT_DEPS
                and (c.dep_ != "prep" or c.lower_ in _OBJECT_PREPS) and not _bare_wh(c)]
        start, end = dobj.left_edge.i, max(c.right_edge.i for c in tail) + 1
    else:
        preps = _PREPS.get(verb.lemma_.lower(), _ABOUT)
        prep = next((c for c in right if c.dep_ == "prep" and c.lower_ in preps
                     and c.i - cue_end <= 2), None)
        obj = None if prep is None else next(
            (g for g in prep.children if g.dep_ in ("pobj", "pcomp")
             and g.ent_type_ not in ("DATE", "TIME")), None)  # not "said on Monday"
        if obj is not None:
            cue_end = prep.i + 1  # "called on X to Y", "talked about X"
            start, end = obj.left_edge.i, obj.right_edge.i + 1
            if xcomp is not None and xcomp.i > obj.i:
                end = xcomp.right_edge.i + 1
        elif xcomp is not None and xcomp.i >= cue_end and (
                _to_clause(xcomp) or xcomp.tag_ == "VBG" and xcomp.i == cue_end):
            # "wants to triple the program", "proposed dropping carried interest"
            start, end = _edges(xcomp)
            end = _without_participle(xcomp, end)
        else:
            return None
    start, end = trim_tokens(verb.doc, start, end)
    if end - start < 1 or end - start == 1 and verb.doc[start].pos_ not in ("PROPN", "NOUN"):
        return None  # "attacked Machado" is content, "did it" is not
    return cue_end, (start, end)


def _to_clause(xcomp: Token) -> bool:
    """A "to" clause, negated or not ("wants to win", "vowed not to repeat it"); not the
    anonymity formula ("asked not to be named"), a passive, which describes the source."""
    first = xcomp.left_edge
    if (first.lower_ in ("not", "never") and first.i + 1 < len(xcomp.doc)
            and not any(c.dep_ == "auxpass" for c in xcomp.children)):
        first = xcomp.doc[first.i + 1]
    return first.lower_ == "to"


def _misparsed_clauses(verb: Token) -> list[Token]:
    """A complement clause the parser hung on a verb of saying as an adverbial one: "Trump
    said after the convention he would not accept", "have not said when they would act".
    A clause with its own subject and no conjunction of time or condition; not after an
    object ("said nothing when they arrived")."""
    if any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in verb.children):
        return []
    found = []
    for child in verb.rights:
        if child.dep_ != "advcl" or child.tag_ in ("VBG", "VBN"):
            continue
        marks = [g.lower_ for g in child.children if g.dep_ == "mark"]
        if any(m not in ("that", "whether") for m in marks):
            continue
        if any(g.dep_ in ("nsubj", "nsubjpass") for g in child.children):
            found.append(child)
    return found


def _mass_noun(token: Token) -> bool:
    """A singular noun with no determiner ("urged restraint", "urges retaliation on
    Russia"): what is urged, not whom; a hearer has a determiner, a name or a plural."""
    return (token.tag_ == "NN" and token.lemma_.lower() not in _HEARERS
            and not any(c.dep_ in ("det", "poss") for c in token.children))


def _without_participle(head: Token, end: int) -> int:
    """The end of a clause without a participle that trails it after a comma ("that he
    had his hands up, contradicting the police"): the reporter's gloss, not the words."""
    doc = head.doc
    for child in head.rights:
        if (child.dep_ == "advcl" and child.tag_ == "VBG" and child.left_edge.i > head.i
                and doc[child.left_edge.i - 1].text == ","):
            return min(end, child.left_edge.i - 1)
    return end


def _bare_wh(clause: Token) -> bool:
    """A question word standing alone ("expresses readiness ... why?"): the writer's own
    question tacked on, not a clause anyone said."""
    return clause.tag_ in ("WRB", "WP", "WDT") and all(c.is_punct for c in clause.children)


def _inside_content(token: Token, attributions: list[Attribution]) -> bool:
    return any(a <= token.idx < b for attribution in attributions
               for a, b in attribution.content)


def _noun_cue_start(noun: Token) -> int:
    """The noun with the adjectives and the indefinite article before it, which PolNeAR
    counts in the cue ("withering criticism for", "a protest of"); not a possessor."""
    allowed: set[int] = set()
    for child in noun.lefts:
        if child.dep_ == "amod" or child.dep_ == "det" and child.lower_ in ("a", "an"):
            allowed.update(range(child.left_edge.i, child.i + 1))
    start = noun.i
    while start - 1 in allowed:
        start -= 1
    return start


def _unrealized(verb: Token) -> bool:
    """Words nobody has said: "too early to tell", "fair to say", "Now tell us"; an
    infinitive after a verb ("wanted to know", "went on to discuss") often is a saying."""
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return verb.head.pos_ == "ADJ" and verb.dep_ in ("xcomp", "ccomp", "advcl")
    return verb.tag_ == "VB" and verb.dep_ == "ROOT" and not any(
        c.dep_ in ("nsubj", "aux") for c in verb.children)


def _relative_object(
    verb: Token, cue_end: int
) -> tuple[int, list[tuple[int, int]]] | None:
    """A cue whose object is a relative or wh- word before it and what it is described
    as after it: "an explosion that the mayor described as “an intentional act”": the
    word and the description."""
    wh = next((c for c in verb.children if c.dep_ in ("dobj", "pobj") and c.i < verb.i
               and c.tag_ in ("WP", "WDT")), None)
    if wh is None:
        return None
    right = [c for c in verb.children if c.i >= cue_end]
    # Only "described as": "what they call X" is as often the reporter's own framing.
    prep = next((c for c in right if c.dep_ == "prep" and c.lower_ == "as"
                 and c.i == cue_end), None)
    named = None if prep is None else next(
        (g for g in prep.children if g.dep_ == "pobj"), None)
    if prep is None or named is None:
        return None
    cue_end = prep.i + 1
    start = named.left_edge.i
    end = max([named.right_edge.i] + [c.right_edge.i for c in right if c.i > named.i]) + 1
    start, end = trim_tokens(verb.doc, start, end)
    if end <= start:
        return None
    return cue_end, [(wh.i, wh.i + 1), (start, end)]


def subject_of(verb: Token) -> Token | None:
    """The cue's source: its own subject, a passive's by-agent, or, for participles and
    chained verbs ("claimed ..., saying that"), the subject of the clause above."""
    node = verb
    if verb.tag_ == "VBG" and verb.dep_ in ("advcl", "conj", "xcomp"):
        # "X claimed ..., saying that": the one saying is the main clause's subject.
        for _ in range(8):
            if node.dep_ not in _CLIMB or node.head is node:
                break
            node = node.head
    for _ in range(6):
        agent = None
        subjects = [c for c in node.children if c.dep_ in ("nsubj", "csubj")]
        if len(subjects) > 1:
            # "“... Full panic mode,” said Leslie Wimes": the parser makes the quotation's
            # last words a subject too; the speaker is the one after the verb.
            return next((c for c in subjects if c.i > node.i), subjects[-1])
        if subjects:
            return subjects[0]
        for child in node.children:
            if child.dep_ == "agent":
                agent = next((g for g in child.children if g.dep_ == "pobj"), None)
        if agent is not None:
            return agent
        for child in node.children:
            if child.dep_ == "nsubjpass":
                return None  # "it was said that": no source in the text
        if (node.dep_ == "pcomp" and node.tag_ == "VBG" and node.head.dep_ == "prep"
                and node.head.head.pos_ in ("VERB", "AUX")
                and any(c.dep_ == "ccomp" for c in node.children)):
            # "began by saying he would never", "was mocked for saying that": the one
            # saying is the subject of the clause the preposition hangs on.
            node = node.head.head
            continue
        if node.dep_ not in _CLIMB or node.head is node:
            return None
        node = node.head
    return None


def _edges(token: Token) -> tuple[int, int]:
    return token.left_edge.i, token.right_edge.i + 1


def _source_range(head: Token) -> tuple[int, int]:
    start, end = _edges(head)
    doc = head.doc
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and doc[end - 1].is_space:
        end -= 1
    return start, end


def _set_off(doc: Doc, head: Token, start: int, end: int) -> tuple[int, int]:
    """A subject before its cue as PolNeAR spans it: without a participle set off by a
    comma ("Trump, speaking to veterans,"), with the comma that closes an apposition
    ("Phil Lovas, the campaign chairman,") and the bracket it opened ("Pence (R-IN)")."""
    for child in head.rights:
        if (child.dep_ in ("acl", "advcl") and child.tag_ in ("VBG", "VBN") and child.i - 1 > head.i
                and doc[child.left_edge.i - 1].text == ","):
            end = child.left_edge.i - 1
            break
        if child.dep_ == "prep" and any(g.dep_ == "pobj" and g.ent_type_ == "DATE"
                                        for g in child.children):
            end = min(end, child.i)  # "a group of doctors in 2015 sent": when, not who
            break
    while end > start and doc[end - 1].text == ",":
        end -= 1
    inside = doc[start:end]
    if end < len(doc) and (
            doc[end].text == ")" and inside.text.count("(") > inside.text.count(")")
            or doc[end].text == "," and end - start > 2 and any(t.text == "," for t in inside)):
        end += 1
    return start, end


def _merge_chained_cues(doc: Doc, found: list[Attribution]) -> list[Attribution]:
    """A cue whose "to" clause is a cue of its own is one cue with it: "wanted to know
    who", "refused to endorse Trump" (PolNeAR spans "wanted to know"); the inner verb's
    content is what is attributed."""
    by_anchor = {a.anchor: a for a in found if a.cue is not None}
    dropped: set[int] = set()
    for inner in found:
        token = doc[inner.anchor]
        outer = by_anchor.get(token.head.i)
        if (outer is None or outer is inner or token.dep_ != "xcomp" or inner.cue is None
                or outer.cue is None):
            continue
        if inner.cue[0] <= outer.cue[0] < inner.cue[1]:
            dropped.add(id(outer))  # "refused to endorse" already spans "refused"
            continue
        if (not outer.cue[1] <= inner.cue[0]
                or any(doc[k].dep_ not in ("aux", "neg", "advmod", "prt")
                       for k in range(outer.cue[1], inner.cue[0]))):
            continue
        inner.cue = (outer.cue[0], inner.cue[1])
        if inner.source is None:
            inner.source, inner.source_head = outer.source, outer.source_head
        dropped.add(id(outer))
    return [a for a in found if id(a) not in dropped]


def _cut_inner_cues(doc: Doc, found: list[Attribution]) -> None:
    """A source span stops before a relative clause that holds a cue of its own: in
    "Mr. Obama, who understood that ..., told X" the speaker of "told" is "Mr. Obama" and
    "who" that of "understood" (PolNeAR marks one layer: no cue inside a source)."""
    anchors = [a.anchor for a in found]
    for attribution in found:
        if attribution.source is None or attribution.source_head is None:
            continue
        start, end = attribution.source
        head = doc[attribution.source_head]
        for anchor in anchors:
            if not start <= anchor < end or anchor == head.i:
                continue
            node = doc[anchor]
            while node.head.i != head.i and node.head.i != node.i:
                node = node.head
            if node.head.i == head.i and node.dep_ in ("relcl", "acl") and node.i > head.i:
                end = min(end, node.left_edge.i)
        if end == attribution.source[1]:
            continue
        while end > start + 1 and doc[end - 1].text in (",", "--", "—"):
            end -= 1
        attribution.source = (start, end)


def _closing_comma(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """The comma that closes a phrase set off inside the span ("the poll, conducted in
    May,"), which PolNeAR's source spans take."""
    if end < len(doc) and doc[end].text == "," and any(t.text == "," for t in doc[start:end]):
        end += 1
    return start, end


def _clip_source(doc: Doc, attribution: Attribution) -> None:
    """A speaker's span that runs over its own cue (a misparse: "A union representing
    flight attendants endorsed Clinton, another example of ...") ends before the cue, and
    one that opens with a dateline ("WASHINGTON -- President Obama") starts after it."""
    if attribution.source is None or attribution.cue is None:
        return
    start, end = attribution.source
    cue_start = attribution.cue[0]
    if start < cue_start < end:
        end = cue_start
        while end > start + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
            end -= 1
    head = attribution.source_head
    for k in range(start + 1, min(end - 1, start + 6)):
        if doc[k].text in ("--", "—", "-") and all(
                t.is_upper or t.is_punct or t.is_space for t in doc[start:k]):
            start = k + 1
            # The parser may hang the name on the dateline ("WASHINGTON" nsubj, the
            # name its apposition): the speaker is the span's own root.
            head = next((t.i for t in doc[start:end] if not start <= t.head.i < end), None)
            break
    if head is None or not start <= head < end:
        return  # the clip lost the head: keep the parse's span rather than guess
    attribution.source = (start, end)
    attribution.source_head = head


def _according(token: Token) -> Token | None:
    """The source of "according to X" when ``token`` is its "according"."""
    if token.lower_ != "according":
        return None
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if nxt is None or nxt.lower_ != "to":
        return None
    return next((c for c in nxt.children if c.dep_ == "pobj"), None)


def _minus(
    doc: Doc, start: int, end: int, holes: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Token range ``[start, end)`` without the holes, as trimmed non-empty pieces."""
    pieces = []
    cursor = start
    for hole_start, hole_end in sorted(holes):
        if hole_end <= cursor or hole_start >= end:
            continue
        pieces.append((cursor, max(cursor, hole_start)))
        cursor = max(cursor, hole_end)
    pieces.append((cursor, end))
    trimmed = [trim_tokens(doc, a, b) for a, b in pieces]
    return [(a, b) for a, b in trimmed if b > a]


class SentenceReader:
    """Finds the attributions of one document, sentence by sentence."""

    def __init__(self, doc: Doc, regions: RegionIndex) -> None:
        self.doc = doc
        self.text = doc.text  # Doc.text is rebuilt on every access
        self.regions = regions
        self.lexicon = cues()
        self.nouns = noun_cues()

    def read(self, sent: Span) -> list[Attribution]:
        found: list[Attribution] = []
        accordings: list[tuple[Token, Token]] = []
        # Positions of "according to" and "citing", so that each cue looks them up in
        # its clause by range instead of walking the clause.
        self._via_tokens: list[Token] = []
        for token in sent:
            if token.lemma_.lower() in _VIA_VERBS and token.dep_ in ("advcl", "xcomp", "prep"):
                self._via_tokens.append(token)
            source = _according(token)
            if source is not None:
                accordings.append((token, source))
                self._via_tokens.append(token)
        for token in sent:
            if token.lower_ == "according":
                continue
            if token.pos_ not in ("VERB", "AUX") or token.lemma_.lower() not in self.lexicon:
                continue
            attribution = self._verb_attribution(token, sent)
            if attribution is not None:
                found.append(attribution)
        for according, source in accordings:
            self._according_attribution(according, source, sent, found)
        fronted = self._fronted_document(sent)
        if fronted is not None:
            found.append(fronted)
        for token in sent:
            if token.lower_ in _EVIDENTIALS and token.dep_ == "advmod":
                hearsay = self._evidential(token)
                if hearsay is not None:
                    found.append(hearsay)
        found = _merge_chained_cues(self.doc, found)
        _cut_inner_cues(self.doc, found)
        for attribution in found:
            _clip_source(self.doc, attribution)
        outer = list(found)
        for token in sent:
            if token.pos_ == "NOUN" and token.lemma_.lower() in _NOUN_CUES:
                attribution = self._noun_attribution(token)
                if attribution is not None:
                    found.append(attribution)
                    continue
            if (token.pos_ == "NOUN" and token.lemma_.lower() in self.nouns
                    and not _inside_content(token, outer)):
                # A stance noun inside what a verb's speaker says is part of their words
                # ("says Clinton is lying about her support for the deal").
                attribution = self._noun_prep_attribution(token)
                if attribution is not None:
                    found.append(attribution)
            elif token.pos_ == "ADJ" and token.dep_ == "acomp" and token.head.lemma_ == "be":
                cue = self.lexicon.get(token.lower_)
                if cue is not None and cue.cls == "stance":
                    attribution = self._stance_attribution(token)
                    if attribution is not None:
                        found.append(attribution)
        return found

    def _stance_attribution(self, adj: Token) -> Attribution | None:
        """A person's stance stated with "be" and an adjective: "she was sure Trump would
        win", "we are convinced this is the only country", "some were willing to go
        forward", "you're worried about how that money might affect aid"."""
        be = adj.head
        subject = next((c for c in be.children if c.dep_ == "nsubj"), None)
        if (subject is None or subject.lower_ in ("it", "this", "that", "there")
                or self.regions.at(adj.idx) is not None):
            return None
        doc = self.doc
        cue_start = _cue_range(be)[0]
        cue_end = adj.i + 1
        comp = next((c for c in adj.rights if c.dep_ in ("ccomp", "xcomp")), None) or next(
            (c for c in be.rights if c.dep_ == "ccomp" and c.i > adj.i), None)
        if comp is None:
            prep = next((c for c in adj.rights if c.dep_ == "prep" and c.i == adj.i + 1
                         and c.lower_ in ("about", "of", "that")), None)
            comp = None if prep is None else next(
                (g for g in prep.children if g.dep_ in ("pobj", "pcomp")), None)
            if comp is None:
                return None
            cue_end = prep.i + 1
        start, end = trim_tokens(doc, comp.left_edge.i, comp.right_edge.i + 1)
        if end - start < 2:
            return None
        source_range = _set_off(doc, subject, *_source_range(subject))
        return Attribution(
            cue=(cue_start, cue_end),
            source=source_range,
            source_head=subject.i,
            content=self._with_quotes([char_range(doc, start, end)]),
            anchor=adj.i,
        )

    def _noun_prep_attribution(self, noun: Token) -> Attribution | None:
        """A noun of saying or stance with what it is about: "claims of abuse", "his
        adulation of Putin", "she is a staunch opponent of the death penalty"."""
        cue = self.nouns[noun.lemma_.lower()]
        doc = self.doc
        prep = next((c for c in noun.rights if c.i == noun.i + 1 and c.dep_ == "prep"
                     and c.lower_ in cue.preps), None)
        obj = None if prep is None else next(
            (g for g in prep.children if g.dep_ in ("pobj", "pcomp")), None)
        if obj is None or self.regions.at(noun.idx) is not None:
            return None
        start, end = trim_tokens(doc, obj.left_edge.i, obj.right_edge.i + 1)
        if end <= start or end - start == 1 and doc[start].pos_ == "PRON":
            return None
        cue_start = _noun_cue_start(noun)
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        source = None
        if noun.dep_ == "attr" and noun.head.lemma_ == "be":
            # "X is a staunch opponent of Y": the copula's subject holds the stance.
            subject = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
            if subject is not None and subject.i < noun.head.i:
                owner, cue_start = subject, _cue_range(noun.head)[0]
        elif noun.dep_ == "appos" and noun.head.i > noun.i and cue.kind == "agent":
            owner = noun.head  # "A passionate defender of RT, Mr. Schultz said"
        elif cue.kind == "agent":
            return None  # "critics of the plan say": who speaks, not what is said
        light = self._light_verb(noun, owner)
        if light is not None:
            owner, cue_start = light
        if owner is not None:
            source = _source_range(owner)
            if owner.i < noun.i:
                source = _set_off(doc, owner, *source)
        return Attribution(
            cue=(cue_start, prep.i + 1),
            source=source,
            source_head=owner.i if owner is not None else None,
            content=self._with_quotes([char_range(doc, start, end)]),
            anchor=noun.i,
        )

    def _evidential(self, adverb: Token) -> Attribution | None:
        """An adverb that marks a clause as hearsay: "he allegedly brandished a pistol",
        "Clinton Campaign Reportedly Scrambling": the cue, with no source in the text;
        the clause around it, less the adverb and its conjunction, is the content."""
        doc = self.doc
        verb = adverb.head
        if (verb.pos_ not in ("VERB", "AUX", "ADJ") or verb.lemma_.lower() in self.lexicon
                or self.regions.at(adverb.idx) is not None):
            return None
        start = min([verb.i] + [c.left_edge.i for c in verb.lefts
                                if c.dep_ not in ("mark", "cc", "punct", "prep")])
        end = max([verb.i] + [c.right_edge.i for c in verb.rights
                              if c.dep_ not in ("punct", "cc", "conj")]) + 1
        pieces = _minus(doc, start, end, [(adverb.i, adverb.i + 1)])
        if sum(b - a for a, b in pieces) < 2:
            return None
        return Attribution(cue=(adverb.i, adverb.i + 1), source=None, source_head=None,
                           content=self._with_quotes([char_range(doc, a, b)
                                                      for a, b in pieces]),
                           anchor=adverb.i)

    def _colon_quote(self, verb: Token) -> list[tuple[int, int]]:
        """A verb of saying, its hearer and a colon before a quotation: "McCaskill scolded
        him: “The scientific community is ...”"."""
        doc = self.doc
        after = verb.right_edge.i + 1
        colon = next((c for c in verb.rights if c.text == ":"), None)
        if colon is not None:
            after = colon.i + 1
        elif after < len(doc) and doc[after].text == ":":
            after += 1
        else:
            return []
        if doc[after - 1].text != ":" or self.regions.at(verb.idx) is not None:
            return []
        j = doc[after - 1].idx + 1
        while j < len(self.text) and self.text[j] in " \n\t\xa0":
            j += 1
        region = self.regions.at(j)
        return list(region.parts) if region is not None and region.start == j else []

    def _quoted_name(self, verb: Token, cue_end: int) -> list[tuple[int, int]]:
        """"what she called a “rant”", "which Tim Cook called “total political crap”":
        a relative object and the name it is given, when the name is quoted (the
        speaker's words, not the reporter's framing, as in "what they call reform")."""
        doc = self.doc
        wh = next((c for c in verb.children if c.dep_ in ("dobj", "pobj") and c.i < verb.i
                   and c.tag_ in ("WP", "WDT")), None)
        name = next((c for c in verb.children if c.dep_ in ("oprd", "attr", "dobj")
                     and c.i >= cue_end), None)
        if wh is None or name is None:
            return []
        a, b = trim_tokens(doc, name.left_edge.i, name.right_edge.i + 1)
        if b <= a or not any(self.regions.at(doc[k].idx) is not None for k in range(a, b)):
            return []
        return [char_range(doc, wh.i, wh.i + 1), char_range(doc, a, b)]

    def _fronted_document(self, sent: Span) -> Attribution | None:
        """A clause opened by "In" and a document that states it: "In this poll, Trump
        rose 1 point", "In the report, the agency estimates ..." -- the document is the
        source, as with "according to". Not when the clause has a cue of its own ("In a
        statement, the mayor said"): then the document is only where it was said."""
        doc = self.doc
        first = next((t for t in sent if not (t.is_punct or t.is_space)), None)
        if first is None or first.lower_ != "in" or first.dep_ != "prep":
            return None
        verb = first.head
        obj = next((g for g in first.children if g.dep_ == "pobj"), None)
        if (obj is None or obj.lemma_.lower() not in document_types()
                or obj.lemma_.lower() == "interview"  # where its subject spoke, not who
                or verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() in self.lexicon
                or self.regions.at(first.idx) is not None):
            return None
        comma = obj.right_edge.i + 1
        if comma >= sent.end or doc[comma].text != ",":
            return None
        start, end = trim_tokens(doc, comma + 1, sent.end)
        if end - start < 3 or not any(t.dep_ in ("nsubj", "nsubjpass") for t in verb.children):
            return None
        return Attribution(
            cue=(first.i, first.i + 1),
            source=_closing_comma(doc, *_source_range(obj)),
            source_head=obj.i,
            content=self._with_quotes([char_range(doc, start, end)]),
            anchor=first.i,
        )

    def _light_verb(self, noun: Token, owner: Token | None) -> tuple[Token, int] | None:
        """The verb that puts a noun of saying forward, with its subject as the one who
        says it: "Trump is raising questions about X", "Democrats persisted in arguments
        that", "Trump continues his adulation of Putin". Not a verb of receiving ("has
        faced questions about"), nor a cue of its own ("dismissed claims of fraud")."""
        verb = noun.head
        if noun.dep_ == "pobj" and verb.dep_ == "prep" and verb.i == noun.i - 1:
            verb = verb.head
        elif noun.dep_ != "dobj":
            return None
        if (verb.pos_ not in ("VERB", "AUX") or verb.i > noun.i
                or verb.lemma_.lower() in _RECEIVING or verb.lemma_.lower() in self.lexicon
                or owner is not None and owner.pos_ != "PRON"):
            return None
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.i > verb.i:
            return None
        return subject, _cue_range(verb)[0]

    def _noun_attribution(self, noun: Token) -> Attribution | None:
        """A noun of saying with a that-clause: "his claim that X", "reports that X"."""
        clause = next((c for c in noun.rights if c.dep_ in ("acl", "ccomp")
                       and c.left_edge.lower_ == "that" and c.left_edge.i == noun.i + 1
                       and any(g.dep_ == "mark" for g in c.children)), None)
        if clause is None or self.regions.at(noun.idx) is not None:
            return None
        start, end = trim_tokens(self.doc, *_edges(clause))
        if end - start < 3:
            return None
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        if owner is None:
            by = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("by", "from")),
                      None)
            owner = None if by is None else next(
                (g for g in by.children if g.dep_ == "pobj"), None)
        cue_start = noun.i
        light = self._light_verb(noun, owner)
        if light is not None:
            owner, cue_start = light
        return Attribution(
            cue=(cue_start, noun.i + 1),
            source=_source_range(owner) if owner is not None else None,
            source_head=owner.i if owner is not None else None,
            content=self._with_quotes([char_range(self.doc, start, end)]),
            anchor=noun.i,
        )

    # ------------------------------------------------------------------ verbs of saying

    def _verb_attribution(self, verb: Token, sent: Span) -> Attribution | None:
        cue = self.lexicon[verb.lemma_.lower()]
        doc = self.doc
        if cue.cls == "raising":
            return self._raising(verb)
        clauses = [c for c in verb.children if c.dep_ in _CONTENT_DEPS and not _bare_wh(c)]
        if not clauses and cue.cls == "speech" and cue.content != "quote":
            clauses = _misparsed_clauses(verb)
        subject = subject_of(verb)
        inside = self.regions.at(verb.idx)
        if inside is not None and not inside.unclosed or (
                cue.cls == "cognition" and subject is not None and subject.lower_ in _HEDGERS):
            return None  # "I think", "who would have thought" inside a quotation
        if _unrealized(verb):
            return None
        cue_range = _cue_range(verb)
        content: list[tuple[int, int]] = []
        if clauses and cue.content not in ("quote", "as"):
            for clause in clauses:
                start, end = _edges(clause)
                if clause.dep_ == "advcl":
                    # "said after the convention he would": when it was said, not what.
                    start = min(g.left_edge.i for g in clause.children
                                if g.dep_ in ("nsubj", "nsubjpass", "advmod", "mark", "aux"))
                end = _without_participle(clause, end)
                holes = self._according_holes(clause)
                if subject is not None and start <= subject.i < end:
                    holes.append(_edges(subject))
                for a, b in _minus(doc, start, end, holes):
                    content.append(char_range(doc, a, b))
        elif cue.content not in ("clause", "object", "as"):
            content = self._quoted_content(verb, sent, subject)
        if not content and verb.dep_ in ("parataxis", "advcl") and cue.content in ("any", "all"):
            # "..., he told me, is that ...", "as the minister said": the sentence around.
            content = self._parenthetical(verb, subject, cue_range, sent)
        if (not content and (cue.content in ("object", "all") or cue.content == "as" and any(
                c.dep_ == "prep" and c.lower_ == "as" and c.i > verb.i for c in verb.children))
                and subject is not None
                # "video that shows the blast" displays; "the poll shows Clinton ahead" claims
                and not (cue.cls == "evidence" and subject.tag_ in ("WDT", "WP"))
                and (verb.dep_ in ("xcomp", "advcl") and verb.head.lemma_.lower() in _LEAD_INS
                     or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children))
                and self.regions.at(verb.idx) is None):
            # Not "to encourage" and not a verb inside a quotation.
            found = _object_content(verb, cue_range[1])
            if found is not None:
                cue_end, (a, b) = found
                cue_range = (cue_range[0], max(cue_range[1], cue_end))
                content = [char_range(doc, a, b)]
            else:
                found_wh = _relative_object(verb, cue_range[1])
                if found_wh is not None:
                    cue_end, pieces = found_wh
                    cue_range = (cue_range[0], max(cue_range[1], cue_end))
                    content = [char_range(doc, a, b) for a, b in pieces]
                else:
                    content = self._quoted_name(verb, cue_range[1])
        if not content and cue.cls == "speech" and cue.content != "quote":
            # "The issue was first reported by X", "Quiros was accused of fraud": the
            # passive's subject is what is said; "by" or "of" ends the cue.
            passive = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
            if passive is not None and passive.i < verb.i and self.regions.at(verb.idx) is None:
                a, b = trim_tokens(doc, *_edges(passive))
                if b - a >= 1 and doc[a].pos_ != "PRON":
                    content = [char_range(doc, a, b)]
                    nxt = cue_range[1]
                    if nxt < len(doc) and doc[nxt].head.i == verb.i and doc[nxt].dep_ in (
                            "agent", "prep") and doc[nxt].lower_ in ("by", "of", "for"):
                        cue_range = (cue_range[0], nxt + 1)
                        obj = next((g for g in doc[nxt].children
                                    if g.dep_ in ("pcomp", "pobj")), None)
                        if doc[nxt].lower_ != "by" and obj is not None:
                            # "was accused of using funds": what he did is said too.
                            a, b = trim_tokens(doc, obj.left_edge.i, obj.right_edge.i + 1)
                            if b > a:
                                content.append(char_range(doc, a, b))
        if not content and subject is None:
            content = self._raising_passive(verb)
        if not content and cue.cls == "speech" and cue.content in ("any", "all"):
            content = self._parenthetical(verb, subject, cue_range, sent)
        if not content and cue.cls == "speech" and subject is not None:
            content = self._colon_quote(verb)
        if not content:
            return None
        content = self._with_quotes(content)
        content = self._adjacent_quotes(content, verb)
        source_range = None
        if subject is not None:
            source_range = _source_range(subject)
            if subject.i < verb.i:
                source_range = _set_off(doc, subject, *source_range)
        return Attribution(
            cue=cue_range,
            source=source_range,
            source_head=subject.i if subject is not None else None,
            content=content,
            anchor=verb.i,
            via=self._vias(verb),
        )

    def _raising(self, verb: Token) -> Attribution | None:
        """"Melania seems to have vanished", "Republicans seem confident they have the
        votes": the reporter's inference, with no source in the text; the subject and
        what it seems are the content. Not "appears to suggest" (the cue is "suggest")."""
        doc = self.doc
        subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
        comp = next((c for c in verb.children if c.i > verb.i and (
            c.dep_ == "xcomp" and c.left_edge.lower_ == "to" or c.dep_ in ("acomp", "attr"))),
            None)
        if (subject is None or comp is None or self.regions.at(verb.idx) is not None
                or subject.lower_ in ("it", "there", "this", "that", "which", "who")
                or comp.lemma_.lower() in self.lexicon):
            return None
        cue_range = _cue_range(verb)
        pieces = [trim_tokens(doc, *_edges(subject)), trim_tokens(doc, comp.left_edge.i,
                                                                  comp.right_edge.i + 1)]
        if any(b <= a for a, b in pieces):
            return None
        return Attribution(cue=cue_range, source=None, source_head=None,
                           content=[char_range(doc, a, b) for a, b in pieces],
                           anchor=verb.i)

    def _raising_passive(self, verb: Token) -> list[tuple[int, int]]:
        """"Obama's veto is expected to come before Friday", "he is said to be ill": no
        source in the text; the subject and the "to" clause are what is expected."""
        doc = self.doc
        passive = next((c for c in verb.children if c.dep_ == "nsubjpass" and c.i < verb.i),
                       None)
        xcomp = next((c for c in verb.children if c.dep_ == "xcomp" and c.i > verb.i
                      and c.left_edge.lower_ == "to"), None)
        if passive is None or xcomp is None or doc[passive.left_edge.i].pos_ == "PRON" and (
                passive.left_edge.i == passive.right_edge.i) or self.regions.at(verb.idx):
            return []
        pieces = [trim_tokens(doc, *_edges(passive)), trim_tokens(doc, *_edges(xcomp))]
        return [char_range(doc, a, b) for a, b in pieces if b > a]

    def _parenthetical(
        self, verb: Token, subject: Token | None, cue_range: tuple[int, int], sent: Span
    ) -> list[tuple[int, int]]:
        """A cue with no complement that is set off from the words it attributes: "The
        museum, Mr. Bush said, celebrated ...", "..., experts say.", "..., said X."; the
        content is the rest of the sentence, in pieces around the source and cue."""
        doc = self.doc
        if subject is None or subject.head.i != verb.i or self.regions.at(verb.idx) is not None:
            return []
        hole_start = min(cue_range[0], subject.left_edge.i)
        hole_end = max(cue_range[1], subject.right_edge.i + 1)
        as_clause = verb.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)
        if verb.dep_ == "parataxis" or as_clause:
            # "..., he told me, is that ...", "Hawaii, as one adviser pointed out, does not".
            hole_start = min(hole_start, verb.left_edge.i)
            hole_end = max(hole_end, verb.right_edge.i + 1)
            start, end = _edges(verb.head)
        elif verb.dep_ == "ROOT" and hole_start > sent.start:
            # Only punctuation after the cue, and a comma before it.
            if any(not (t.is_punct or t.is_space) for t in doc[hole_end:sent.end]):
                return []
            if doc[hole_start - 1].text not in (",", "—", "--"):
                return []
            start, end = sent.start, hole_start
        else:
            return []
        pieces = _minus(doc, start, end, [(hole_start, hole_end)])
        if sum(b - a for a, b in pieces) < 2:
            return []
        return [char_range(doc, a, b) for a, b in pieces]

    def _quoted_content(
        self, verb: Token, sent: Span, subject: Token | None
    ) -> list[tuple[int, int]]:
        """The quotations a cue with no clause introduces: those in its sentence, or the
        one right after "said:"."""
        verb_char = verb.idx
        own = {verb_char}
        if subject is not None:
            own.add(subject.idx)
        found = []
        for region in self.regions.within(sent.start_char, sent.end_char):
            if any(region.start <= c < region.end for c in own):
                continue
            found.extend(region.parts)
        if found:
            return found
        before = sent.start_char
        while before > 0 and self.text[before - 1] in " \t\xa0":
            before -= 1
        if before > 0 and subject is not None and all(
                t.is_punct or t.i >= subject.left_edge.i for t in sent if t.i < verb.i):
            # "“... votes?” Trump said, looking out": the question mark ended the sentence
            # before the cue; the quotation just before is what was said.
            region = self.regions.at(before - 1)
            if region is not None and region.end == before:
                return list(region.parts)
        # "X said:" at the sentence's end, the quotation in the next sentence or paragraph.
        end = sent.end_char
        text = self.text
        j = end
        while j < len(text) and text[j] in " \n\t\xa0":
            j += 1
        if sent.text.rstrip().endswith(":"):
            region = self.regions.at(j)
            if region is not None:
                return list(region.parts)
            if "\n" in text[sent.start_char + len(sent.text.rstrip()):j] and j < len(text):
                # "Limbaugh added:" and a paragraph set off without quote marks.
                stop = text.find("\n", j)
                stop = len(text) if stop < 0 else stop
                while stop > j and text[stop - 1] in " \t\xa0":
                    stop -= 1
                if stop > j:
                    return [(j, stop)]
        return []

    def _with_quotes(self, content: list[tuple[int, int]]) -> list[tuple[int, int]]:
        grown = [expand_to_quotes(a, b, self.regions) for a, b in content]
        merged: list[tuple[int, int]] = []
        for a, b in sorted(set(grown)):
            if merged and a <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], b))
            else:
                merged.append((a, b))
        return merged

    def _adjacent_quotes(
        self, content: list[tuple[int, int]], verb: Token
    ) -> list[tuple[int, int]]:
        """A quotation right after the content, set off by a comma at most, goes on with
        it ("ready to provide “advice and assistance,” “including in training”")."""
        text = self.text
        end = content[-1][1]
        for _ in range(4):
            j = end
            while j < len(text) and text[j] in " ,\xa0":
                j += 1
            region = self.regions.at(j)
            if region is None or region.start != j or region.start <= verb.idx < region.end:
                break
            content.append(region.parts[0])
            end = region.parts[0][1]
        return content

    def _according_holes(self, clause: Token) -> list[tuple[int, int]]:
        """"according to X" inside a clause is not part of what X's clause says."""
        start, end = _edges(clause)
        return [
            _edges(t) for t in self._via_tokens
            if start <= t.i < end and t.lower_ == "according"
        ]

    def _vias(self, verb: Token) -> list[tuple[tuple[int, int], int]]:
        """Outlets the cue passes through: "according to X" in its clause, "citing X"."""
        vias = []
        start, end = _edges(verb)
        for token in self._via_tokens:
            if not start <= token.i < end:
                continue
            source = _according(token)
            if source is not None:
                vias.append(((token.i, token.i + 2), source.i))
            elif token.lower_ != "according":
                obj = next((c for c in token.children if c.dep_ in ("dobj", "pobj")), None)
                if obj is not None:
                    vias.append(((token.i, token.i + 1), obj.i))
        return vias

    # ------------------------------------------------------------------ according to

    def _according_attribution(
        self, according: Token, source: Token, sent: Span, found: list[Attribution]
    ) -> None:
        doc = self.doc
        for attribution in list(found):
            if any(head == source.i for _, head in attribution.via):
                cue = self.lexicon.get(doc[attribution.anchor].lemma_.lower())
                if cue is not None and cue.cls == "speech" and cue.content != "object":
                    return  # already the via of a verb of saying in this sentence
                # "Clinton plans to visit Charlotte, according to an aide": the aide says
                # it; "plans" is the reporter's paraphrase of what the aide said.
                found.remove(attribution)
        hole = _edges(according)
        pieces = _minus(doc, sent.start, sent.end, [hole])
        if not pieces:
            return
        # "According to X, A." or "A, according to X." : the larger side is the claim.
        start, end = max(pieces, key=lambda p: p[1] - p[0])
        found.append(
            Attribution(
                cue=(according.i, according.i + 2),
                source=_source_range(source),
                source_head=source.i,
                content=self._with_quotes([char_range(doc, start, end)]),
                anchor=according.i,
            )
        )
