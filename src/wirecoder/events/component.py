"""``wirecoder_events``: the event coder.

Each verbal or nominal trigger in the lexicon (``wirecoder.events.patterns``) becomes
an event when the parse gives it at least one actor: sources and targets come from
``wirecoder.events.arguments``, actors from ``wirecoder.actors.resolve``, the code's
names, scores and PLOVER mapping from ``wirecoder.events.taxonomy``.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from wirecoder.actors.resolve import MentionIndex, actors_from_head, phrase_tokens
from wirecoder.events import arguments as args
from wirecoder.events.modality import (
    ALLEGE_LEMMAS,
    CARRIER_LEMMAS,
    FRAME_LEMMAS,
    INTENT_LEMMAS,
    REPORT_LEMMAS,
    frame_of,
    modality_of,
)
from wirecoder.events.patterns import TriggerMatch, match_noun, match_verb, noun_target_preps
from wirecoder.events.taxonomy import cameo, framed_code
from wirecoder.extensions import register_extensions

# Verbs that only carry the noun after them ("launched an attack", "held talks").
LIGHT_VERBS = {
    "launch",
    "carry",
    "conduct",
    "stage",
    "hold",
    "make",
    "have",
    "mount",
    "begin",
    "start",
    "continue",
    "undertake",
    "perform",
    "commit",
    "express",
    "announce",
    "give",
    "take",
    # Verbs of degree, joining and leading: "intensified attacks", "joined the protest",
    # "led a delegation", "reached an agreement", "waged war", "filed a lawsuit".
    "intensify",
    "increase",
    "escalate",
    "step",
    "join",
    "lead",
    "organize",
    "organise",
    "reach",
    "wage",
    "file",
    "deliver",
    "pay",
    # Repeating a demand or an appeal is making it again: the noun is the event.
    "reiterate",
    "repeat",
    "renew",
    "restate",
    "voice",
    # Saying it online: "tweeted his support" is the support.
    "tweet",
}
# Inflected forms too: the lemmatizer reads some as other words ("staged" -> "stag").
_LIGHT_FORMS = {
    form
    for verb in LIGHT_VERBS
    for form in (verb, f"{verb}s", f"{verb}d" if verb.endswith("e") else f"{verb}ed",
                 f"{verb[:-1]}ing" if verb.endswith("e") else f"{verb}ing")
}


def _is_light(verb: Token) -> bool:
    return verb.lemma_.lower() in LIGHT_VERBS or verb.lower_ in _LIGHT_FORMS


# Verbs that only say an event happened: "riots broke out", "fighting erupted between X
# and Y": the noun is the event, the verb's phrases are its own.
_OCCURRENCE_LEMMAS = {"erupt", "occur", "happen", "flare", "rage", "spread", "break"}


def _is_occurrence(verb: Token) -> bool:
    lemma = verb.lemma_.lower()
    if lemma == "break":  # "broke out", not "broke the ceasefire"
        return any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children)
    return lemma in _OCCURRENCE_LEMMAS


# Verbs of sending and summoning whose purpose clause names the act: "sent inspectors to
# investigate", "summoned the ambassador to protest".
_MEANS_LEMMAS = {"send", "dispatch", "summon"}

# Verbs that stage a labour strike rather than launch a military one.
_STRIKE_STAGING = {"stage", "hold", "call", "begin", "start", "continue", "join", "organize",
                   "organise"}

# "X said Y must do Z" is a demand on Y.
_OBLIGATION_AUX = {"must", "should", "ought"}
_EMBEDDING_DEPS = {"ccomp", "advcl", "relcl", "acl", "pcomp", "csubj"}
# Acts done with a partner: the "with" phrase anywhere in the clause names the target
# ("discussed enhancing co-operation ... with the Iraqi defence minister").
PARTNER_ROOTS = {"03", "04", "05", "06"}
COOPERATIVE_ROOTS = {"03", "04", "05", "06", "07", "08"}
PLACE_TARGET_ROOTS = {
    "02", "03", "05", "06", "07", "08", "09", "10", "11", "12", "13", "14", "15", "16", "17",
    "18", "19", "20",
}
# Codes whose two sides act together: "Iran and Iraq met" is a meeting of each with the other.
RECIPROCAL_ROOTS = {"03", "04", "05", "06", "07", "08", "19", "20"}
_NOUN_POS = {"NOUN", "PROPN"}
# A trigger noun inside a name names the organisation or the document, not an event.
_NAME_ENTITIES = {"ORG", "GPE", "PERSON", "NORP", "FAC", "LOC", "LAW", "WORK_OF_ART", "PRODUCT",
                  "EVENT"}  # "Iraq War veteran"
# Verbs of complaint whose clause is the complaint: "X is failing ..., the group protested".
_COMPLAINT_CODES = {"protest": "111", "complain": "114", "charge": "112", "allege": "112"}
# Protests and riots: done by crowds, often named only by where they are.
_CROWD_ROOTS = {"14"}
# Complaints and accusations target whom they are about, not whom they are made to.
_AUDIENCE_LAST_ROOTS = {"11"}
# Nouns of saying, asking, offering and giving, whose "from" phrase is their source.
_FROM_SOURCE_ROOTS = {"01", "02", "03", "04", "05", "07", "10", "11", "12", "13"}


class EventCoder:
    """Codes the events of each sentence.

    min_confidence (float): events scored below this are dropped.
    """

    def __init__(
        self, nlp: Language, name: str = "wirecoder_events", *, min_confidence: float = 0.0
    ) -> None:
        register_extensions()
        self.name = name
        self.min_confidence = min_confidence

    def __call__(self, doc: Doc) -> Doc:
        index = MentionIndex(doc)
        events: list[dict[str, Any]] = []
        for sent in doc.sents:
            events.extend(self._code_sentence(sent, index))
        events = [e for e in events if e["confidence"] >= self.min_confidence]
        for n, event in enumerate(events, 1):
            event["id"] = f"e{n}"
        doc._.wc_events = events
        return doc

    def _code_sentence(self, sent: Span, index: MentionIndex) -> list[dict[str, Any]]:
        found: list[dict[str, Any]] = []
        claimed: set[int] = set()  # noun triggers already coded through their light verb
        for token in sent:
            if token.pos_ == "VERB":
                if token.dep_ == "acl" and token.tag_ == "VBN" and not any(
                    c.dep_ == "agent" for c in token.children
                ) and not args.misread_predicate(token):
                    continue  # "the curfew imposed in Sudan": a state named, not an act told
                match = self._verb_match(token, claimed)
                if match is None:
                    continue
                source, target = self._verb_arguments(token, index, match.code)
            elif token.pos_ in _NOUN_POS and token.i not in claimed:
                if token.ent_type_ in _NAME_ENTITIES:
                    continue  # "Asia-Pacific Economic Cooperation", "Treaty of Rome"
                if token.dep_ == "compound":
                    continue  # a kind, not an act: "war veteran", "aid workers"
                if token.dep_ == "dobj" and match_verb(token.head) is not None:
                    continue  # "deployed peacekeepers": the verb's pattern reads its object
                match = match_noun(token)
                if match is None:
                    continue
                governor = args.governing_verb(token)
                if (match.code == "190" and token.lemma_.lower() == "strike"
                        and governor is not None
                        and governor.lemma_.lower() in _STRIKE_STAGING | {"go"}):
                    match = TriggerMatch("143", 1, "go on strike")  # a labour strike
                source, target = self._noun_arguments(token, match, governor, index)
            else:
                continue
            if not source and not target:
                continue
            found.extend(self._events(token, match, source, target, sent, index))
        # News leads with the act: a sentence's later events are likelier background.
        triggers = {e["_trigger_i"] for e in found}
        order = {i: rank for rank, i in enumerate(sorted(triggers))}
        for event in found:
            penalty = min(0.3, 0.1 * order[event["_trigger_i"]])
            # An act named inside another event's clause ("demanded that X cancel plans
            # to sell", "rejected an invitation to attend") is that event's content, not
            # the sentence's main event (CAMEO codes the governing verb).
            penalty += 0.15 * _governing_triggers(sent.doc[event["_trigger_i"]], triggers)
            event["confidence"] = round(max(0.05, event["confidence"] - penalty), 2)
        return self._drop_repeats(found)

    @staticmethod
    def _verb_match(verb: Token, claimed: set[int]) -> TriggerMatch | None:
        lemma = verb.lemma_.lower()
        if lemma == "call" and any(c.dep_ in ("oprd", "xcomp") for c in verb.children) and not any(
            c.dep_ == "prep" and c.lower_ in ("for", "on") for c in verb.children
        ):
            return None  # naming, not phoning: "what he called a senseless act"
        if (_is_light(verb) or _is_occurrence(verb)) and any(
            c.dep_ in ("nsubjpass", "nsubj") and match_noun(c) is not None
            and (c.dep_ == "nsubjpass" or _is_occurrence(verb)) for c in verb.children
        ):
            # "a meeting was held", "talks to be held in Moscow": the noun is the event,
            # coded on its own.
            return None
        if _is_light(verb):
            # Before the frames: "reiterated its demand that X ..." is the demand.
            for obj in args.objects_of(verb):
                noun = match_noun(obj)
                if noun is None:
                    # "undertook a mediation mission", "staged a protest march": the
                    # event is named by the modifier of a head that names none.
                    noun = next((m for m in (match_noun(c) for c in obj.children
                                             if c.dep_ == "compound") if m), None)
                if noun is not None:
                    claimed.add(obj.i)
                    if obj.lemma_.lower() == "strike" and noun.code == "190" and (
                        lemma in _STRIKE_STAGING or verb.lower_ in _LIGHT_FORMS
                        and verb.lower_.startswith("stag")
                    ):
                        # "staged / held / called a strike" is a labour strike (143);
                        # "launched a strike" stays a military one.
                        return TriggerMatch("143", 1, "stage * strike")
                    return noun
        if lemma in _MEANS_LEMMAS and any(
            match_verb(c) is not None for c in _purposes(verb)
        ):
            return None  # "sent a team to investigate": the purpose is the act
        has_object = bool(args.objects_of(verb))
        if (lemma in FRAME_LEMMAS or lemma in INTENT_LEMMAS or lemma in CARRIER_LEMMAS) and any(
            _is_complement(c, has_object) and match_verb(c) is not None for c in verb.children
        ):
            return None  # "threatened to strike": the complement carries the event
        clauses = [c for c in verb.children if c.dep_ == "ccomp"]
        if lemma in _COMPLAINT_CODES and clauses and not args.objects_of(verb):
            return TriggerMatch(_COMPLAINT_CODES[lemma], 1, f"{lemma} that *")
        if lemma in REPORT_LEMMAS and clauses:
            if any(
                a.dep_ == "aux" and a.lower_ in _OBLIGATION_AUX
                for clause in clauses
                for a in clause.children
            ):
                return TriggerMatch(code="100", specificity=1, pattern="say that * must")
            return None  # a verb of saying that frames another event is its attribution
        return match_verb(verb)

    @staticmethod
    def _verb_arguments(verb: Token, index: MentionIndex, code: str) -> tuple[list, list]:
        subject = args.subject_of(verb)
        source: list[dict[str, Any]] = []
        target: list[dict[str, Any]] = []
        passive = args.is_passive(verb)
        if passive:
            agent = args.agent_of(verb)
            source = actors_from_head(agent, index) if agent is not None else []
            if not source:
                source = _doer_of_cause(verb, index)
            if subject is not None:
                target = actors_from_head(subject, index) or _actors_in_preps(subject, index)
        elif subject is not None:
            source = actors_from_head(subject, index)
            if not source and subject.dep_ == "dobj" and subject.head.pos_ == "VERB":
                # "X issued a declaration demanding ...": the text speaks for its issuer.
                issuer = args.subject_of(subject.head)
                if issuer is not None and issuer.i != subject.i:
                    source = actors_from_head(issuer, index)
        if not source and not passive and subject is not None:
            source = _unknown_named(subject)
        if not target and code[:2] in PARTNER_ROOTS:
            target = _partner(verb, index)
        if not target:
            target = _find_target(verb, index, depth=0, code=code)
        if not target and verb.head.pos_ == "VERB" and verb in _purposes(verb.head):
            # "dispatched inspectors to a plant in Iran to monitor ...": the purpose is
            # carried out on whom the governing act reached.
            target = _find_target(verb.head, index, depth=3)
        if not target and code[:2] in PLACE_TARGET_ROOTS:
            # An act with no one named falls on the place: "bombs exploded in Kabul",
            # "lifted the curfew in Montenegro" (CAMEO codes the place's people or
            # government). Not for statements or meetings, whose place is only a venue.
            place_preps = ("in", "near", "across", "throughout")
            heads = [verb, *args.objects_of(verb)]
            if verb.dep_ == "advcl" and args.is_infinitive(verb):
                # "dispatched inspectors to a plant in Iran to monitor ...": the purpose
                # is served where the governing act went.
                heads += [verb.head, *args.objects_of(verb.head)]
                heads += args.prep_objects(verb.head, ("to",))
            for pobj in (p for head in heads for p in args.prep_objects(head, place_preps)):
                target = actors_from_head(pobj, index)
                if target:
                    break
        # Statements and meetings only have a venue: "met in Geneva" locates no one.
        act_place = _act_country(verb, index) if code[:2] in PLACE_TARGET_ROOTS else None
        if target and not any(a.get("country") for a in target) and act_place:
            # "bombed villages in northern Iraq": the place of the act locates its target.
            target = [_with_country(a, act_place) for a in target]
        if source and not any(a.get("country") for a in source):
            # "students throughout Indonesia", "prisoners rioted at a jail in Dili": a
            # group of no stated nationality is located by its phrase, else by the act.
            where = _place_in(subject, index) if subject is not None and not passive else None
            country = where[1] if where else act_place
            if country:
                source = [_with_country(a, country) for a in source]
        if passive and not source and act_place and code[:2] == "17":
            # "was arrested in Lebanon": the authorities of the place did it.
            for pobj in args.prep_objects(verb, _ACT_PLACE_PREPS):
                place = index.covering(pobj)
                if place is not None and place.get("country") == act_place:
                    source = actors_from_head(pobj, index)
                    break
        if not target:
            # "demanded that X ...", "reiterated its demand that X ...": the one the
            # clause asks something of.
            clauses = [c for c in verb.children if c.dep_ == "ccomp"]
            clauses += [c for obj in args.objects_of(verb) for c in obj.children
                        if c.dep_ in ("acl", "ccomp") and match_noun(obj) is not None]
            for clause in clauses:
                clause_subject = args.subject_of(clause)
                if clause_subject is not None:
                    target = actors_from_head(clause_subject, index)
                    break
        return source, _without(target, source)

    @staticmethod
    def _noun_arguments(noun: Token, match: TriggerMatch, verb: Token | None,
                        index: MentionIndex) -> tuple[list, list]:
        """``verb``: the verb the noun hangs from (``arguments.governing_verb``)."""
        target_preps = noun_target_preps(match.pattern or noun.lemma_) or noun_target_preps(
            noun.lemma_)
        source: list[dict[str, Any]] = []
        for child in noun.children:
            if child.dep_ == "poss" or (
                child.dep_ in ("amod", "compound") and index.covering(child)
            ):
                source = actors_from_head(child, index)
                if source:
                    break
        if not source:
            # "a demand from the US President", "aid from Japan": what is said, offered
            # or given comes from its source (a withdrawal "from" a place does not).
            preps = ["by", "from"] if match.code[:2] in _FROM_SOURCE_ROOTS else ["by"]
            if "of" not in target_preps:
                # A noun whose target is never "of" has its doer there: "the visit of the
                # prime minister", "the resignation of the president".
                preps.append("of")
            # "the attack carried out by X" names its doer as "the attack by X" does.
            by = args.prep_objects(noun, preps) + args.participle_agents(noun)
            if by:
                source = actors_from_head(by[0], index)
        if not source and noun.dep_ == "pobj" and noun.head.lower_ in ("for", "of") and (
            noun.head.head.lemma_.lower() in ALLEGE_LEMMAS
        ):
            # "blamed Azerbaijan for the shelling", "accused X of attacks": the one blamed.
            for obj in args.objects_of(noun.head.head)[:1]:
                source = actors_from_head(obj, index)
        # The subject of "condemned the attack" or "were killed in an attack" did not
        # attack; the subject of "launched", "were implicated in" or a verb with no event
        # of its own did.
        if not source and verb is not None and (
            _is_light(verb) or match_verb(verb) is None
            or (args.is_passive(verb) and verb.lemma_.lower() in ALLEGE_LEMMAS)
        ):
            subject = args.subject_of(verb)
            if subject is not None and subject.i != noun.i:
                source = actors_from_head(subject, index)
        if not source and match.code[:2] in _CROWD_ROOTS:
            # "Protests erupted in Kenya", "riots across Iran": a crowd nobody names is
            # the place's people.
            heads = [noun, *([verb] if verb is not None and noun.head.i == verb.i else [])]
            for pobj in (p for head in heads for p in args.prep_objects(
                    head, ("in", "across", "throughout"))):
                place = index.covering(pobj)
                if place is not None and place.get("country") and place["kind"] != "agent":
                    source = actors_from_head(pobj, index)
                    break
        target: list[dict[str, Any]] = []
        heads = [noun]
        if noun.dep_ == "nsubjpass" or (noun.dep_ == "nsubj" and _is_occurrence(noun.head)) or (
            noun.dep_ == "dobj" and noun.head.pos_ == "VERB" and match_verb(noun.head) is None
        ):
            # "talks were held in Moscow between X and Y", "send arms to Pakistan"
            heads.append(noun.head)
        elif noun.dep_ == "pobj" and verb is not None and noun.head.head.i == verb.i and (
            match_verb(verb) is None
        ):
            # "were engaged in ethnic cleansing against X", "took part in attacks on X"
            heads.append(verb)
        preps = target_preps or ("to", "against", "on", "with")
        for obj in (p for head in heads for p in args.prep_objects(head, preps)):
            target = _phrase_actors(obj, index)
            if target:
                if not source and len(target) > 1 and obj.head.lower_ == "between":
                    # "talks between Israel and Hamas": each side acts with the other.
                    source, target = target, []
                break
        if not target and match.code[:2] != "01":
            # "Germany's refusal to send tanks to Ukraine", "an offer to mediate between
            # X and Y": the act the noun is about names its target.
            for clause in args.noun_clauses(noun):
                target = _find_target(clause, index, depth=2)
                if target:
                    break
        if not target and verb is not None and _is_light(verb):
            # "staged a hunger strike ... in protest against X"
            target = _in_protest(verb, index)
        return source, _without(target, source)

    def _events(
        self, trigger: Token, match: TriggerMatch, source: list, target: list, sent: Span,
        index: MentionIndex,
    ) -> list[dict[str, Any]]:
        code = cameo(match.code)
        target = [_as_counterpart(a, source) for a in target]
        modality = modality_of(trigger)
        frame = frame_of(trigger)
        condition = _condition_of(trigger)
        if frame is not None:
            # The threat or refusal is what happened; the act it names is its code.
            code = cameo(framed_code(frame, code.code) or code.code)
            modality = "asserted" if modality == "intended" else modality
        elif condition is not None and (
            condition[0] == "unless" or code.code[:2] not in COOPERATIVE_ROOTS
        ) and modality in ("intended", "hypothetical"):
            # "will withdraw its troops unless ...", "will strike if ...": an act made
            # conditional on the other side's conduct is a threat (CAMEO 13).
            code = cameo(framed_code("threaten", code.code) or code.code)
            modality = "asserted"
        elif modality == "intended":
            code = cameo(framed_code("intent", code.code) or code.code)
        elif modality == "negated" and code.code[:2] in COOPERATIVE_ROOTS:
            # "will not accept", "did not agree": CAMEO codes the refusal, which happened.
            code = cameo(framed_code("refuse", code.code) or code.code)
            modality = "asserted"
        if code.code.startswith("13") and not target and condition is not None:
            # The one threatened is the one whose conduct the threat is conditional on.
            subject = args.subject_of(condition[1])
            if subject is not None:
                target = _without(actors_from_head(subject, index), source)
        if code.code.startswith("01") and not target:
            return []  # a statement with no addressee is attribution, not an event
        if not target and len(source) > 1 and (
            code.code[:2] in RECIPROCAL_ROOTS or args.says_each_other(trigger)
        ):
            pairs = [([a], [b]) for a in source for b in source if a is not b]
        else:
            pairs = [(source, target)]
        doc = trigger.doc
        trigger_end = trigger.i + 1
        for child in trigger.children:
            if child.dep_ == "prt" and child.i == trigger_end:
                trigger_end += 1
        main_clause = _in_main_clause(trigger)
        events = []
        for src, tgt in pairs:
            confidence = 0.4 + (0.15 if match.specificity else 0.0)
            confidence += 0.2 if any(a.get("country") for a in src) else 0.0
            confidence += 0.15 if any(a.get("country") for a in tgt) else 0.0
            confidence -= 0.2 if code.code.startswith("01") else 0.0
            confidence += 0.2 if main_clause else -0.1
            confidence -= 0.05 if trigger.pos_ != "VERB" else 0.0
            events.append(
                {
                    "id": "",
                    "cameo": code.code,
                    "cameo_name": code.name,
                    "goldstein": code.goldstein,
                    "quad_class": code.quad_class,
                    "plover": {
                        "event": code.plover_event,
                        "mode": code.plover_mode,
                        "context": list(code.plover_context),
                    },
                    "source": src,
                    "target": tgt,
                    "trigger": _span(doc[trigger.i : trigger_end]),
                    "evidence": _span(sent),
                    "modality": modality,
                    "attribution": None,
                    "location": None,
                    "date": None,
                    "confidence": round(min(max(confidence, 0.05), 0.95), 2),
                    "_trigger_i": trigger.i,
                }
            )
        return events

    @staticmethod
    def _drop_repeats(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """One event per (code root, dyad) in a sentence: "discussed ... during a meeting"
        is one meeting, told twice."""
        kept: list[dict[str, Any]] = []
        seen: set[tuple] = set()
        # The more specific reading of the same act wins ("offered" 030 vs "offered to
        # negotiate" 036); order in the sentence is restored afterwards.
        ranked = sorted(events, key=lambda e: (-len(e["cameo"]), -e["confidence"], e["_trigger_i"]))
        for event in ranked:
            key = (
                event["cameo"][:2],
                tuple(a.get("code") or a["text"] for a in event["source"]),
                tuple(a.get("code") or a["text"] for a in event["target"]),
            )
            loose = (event["cameo"][:2], key[1], ())
            if key in seen or (not event["target"] and loose in {(k[0], k[1], ()) for k in seen}):
                continue
            seen.add(key)
            kept.append(event)
        kept.sort(key=lambda e: e["_trigger_i"])
        for event in kept:
            event.pop("_trigger_i", None)
        return kept


def _find_target(verb: Token, index: MentionIndex, depth: int, code: str = "",
                 ) -> list[dict[str, Any]]:
    """The first actor among the verb's objects and target phrases that names a country,
    else the first actor at all: "offered its troops to Lebanon's president" targets the
    president, the troops being the source's own. ``code``: the event's, when known."""
    # A complaint's "to" phrase names whom it is made to, after whom it is about.
    audience_last = code[:2] in _AUDIENCE_LAST_ROOTS
    # What a statement's object is for is its content, not its addressee: "expressed
    # readiness to train Iraqi forces" is said to no one.
    clauses = not code.startswith("01")
    candidates: list[list[dict[str, Any]]] = []
    for obj in args.objects_of(verb):
        if not _owned_by_subject(obj):
            candidates.append(_phrase_actors(obj, index, clauses=clauses))
        for pobj in args.prep_objects(obj, args.TARGET_PREPS | {"by"}):
            candidates.append(_phrase_actors(pobj, index))
    # "kidnapped up to 16 advisers": the parser hangs the phrase under the particle.
    heard = []  # "complained to the UN over Israeli raids": the UN only hears it
    for head in [verb, *(c for c in verb.children if c.dep_ == "prt")]:
        for pobj in args.prep_objects(head, args.TARGET_PREPS | ({"about"} if audience_last
                                                                  else set())):
            if audience_last and pobj.head.lower_ == "to":
                heard.append(_phrase_actors(pobj, index))
            else:
                candidates.append(_phrase_actors(pobj, index))
    candidates += heard
    candidates.append(_in_protest(verb, index))
    found = [c for c in candidates if c]
    located = [c for c in found if any(a.get("country") for a in c)]
    if located or found:
        return (located or found)[0]
    if depth < 3:
        # Purpose clauses carry the act on: "staged a strike to protest against X".
        # "donated and delivered goods to X": the verbs share the later one's object.
        shared = [] if args.objects_of(verb) else [
            c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"
            and not any(g.dep_ in args.SUBJECT_DEPS for g in c.children)]
        for chained in [*args.chained_verbs(verb), *args.purpose_clauses(verb), *shared]:
            found_there = _find_target(chained, index, depth + 1, code)
            if found_there:
                return found_there
    return []


# Named entities that act: a subject named so is an actor even when nothing says whose.
_ACTING_ENTITIES = {"ORG", "PERSON", "NORP", "GPE"}


# Nouns that name organised groups of people: whatever the registry lacks, "the local
# council", "several Muslim groups", "the company" act as bodies do.
_ACTING_NOUNS = {
    "group", "council", "committee", "company", "firm", "union", "association",
    "organization", "organisation", "movement", "party", "coalition", "alliance",
    "federation", "league", "network", "board", "commission", "agency", "institute",
    "foundation", "society", "church", "community", "tribe", "clan", "faction", "body",
    "authority", "administration", "assembly", "court", "tribunal", "panel", "office",
    "bank", "corporation", "organiser", "organizer", "campaigner", "activist", "protester",
    "demonstrator", "villager", "resident", "farmer", "worker", "student", "militia",
}


def _unknown_named(head: Token) -> list[dict[str, Any]]:
    """An actor missing from the registry still acts: "The Third World Water Forum
    concluded ...", with its text and no code."""
    named = head.ent_type_ in _ACTING_ENTITIES and head.pos_ == "PROPN"
    if not named and head.lemma_.lower() not in _ACTING_NOUNS:
        return []
    tokens = phrase_tokens(head)
    while len(tokens) > 1 and tokens[0].dep_ == "det":
        tokens = tokens[1:]
    span = head.doc[tokens[0].i : tokens[-1].i + 1]
    return [{"text": span.text, "span": _span(span), "code": None, "country": None,
             "sector": None, "entity": None, "name": None}]


def _purposes(verb: Token) -> list[Token]:
    """The verb's purpose clauses; after a verb of sending or summoning an infinitive
    complement is one too ("summoned the ambassador to complain")."""
    found = args.purpose_clauses(verb)
    if verb.lemma_.lower() in _MEANS_LEMMAS:
        found += [c for c in verb.children if c.dep_ == "xcomp" and args.is_infinitive(c)]
    return found


def _doer_of_cause(verb: Token, index: MentionIndex) -> list[dict[str, Any]]:
    """"Were killed in a Kurdish rebel attack", "wounded during an Israeli raid": a passive
    act with no agent was done by whoever did the event it happened in."""
    for pobj in args.prep_objects(verb, ("in", "during", "by")):
        match = match_noun(pobj)
        if match is not None:
            source, _ = EventCoder._noun_arguments(pobj, match, verb, index)
            if source:
                return source
    return []


def _in_protest(verb: Token, index: MentionIndex) -> list[dict[str, Any]]:
    """The target of "in protest against X", "in retaliation for X's raid": an event noun
    after "in" names whom the act answers."""
    heads = [verb, *(args.objects_of(verb) if verb.pos_ in ("VERB", "AUX") else [])]
    for pobj in (p for head in heads for p in args.prep_objects(head, ("in",))):
        if match_noun(pobj) is None:
            continue
        for inner in args.prep_objects(pobj, (*noun_target_preps(pobj.lemma_), "of", "at")):
            found = _phrase_actors(inner, index)
            if found:
                return found
    return []


# A phrase that names no actor itself may hold one: "the removal of President X",
# "Serbia's suppression of ...", "a demand from the US President", "rallies by group X".
# "a suspension of air links with Serbia", "a war against Iraq"
_INNER_PREPS = ("of", "from", "by", "with", "against")
# Prepositions whose object locates the phrase: "parties to the conflict in Iraq".
_PLACE_PREPS = ("in", "near", "inside", "across", "throughout", "from", "of")  # "town of Goma"


def _phrase_actors(head: Token, index: MentionIndex, depth: int = 0, clauses: bool = False,
                   ) -> list[dict[str, Any]]:
    """The actors a target phrase names, looking inside it when its head names none,
    and locating a countryless actor by a place named in its own phrase. ``clauses``: an
    object's target may be that of the act it is for."""
    found = actors_from_head(head, index)
    if not found and depth < 2 and head.pos_ in _NOUN_POS:
        # A possessive pronoun points back at the source ("restrictions on its market").
        inner = [c for c in head.children
                 if (c.dep_ == "poss" and c.pos_ != "PRON") or c.dep_ == "appos"]
        inner += args.prep_objects(head, _INNER_PREPS)
        inner += args.participle_agents(head)  # "the demonstration staged by students"
        for token in inner:
            found = _phrase_actors(token, index, depth + 1)
            if found:
                break
    place = _place_in(head, index)
    if found and place is not None and not any(a.get("country") for a in found):
        found = [_with_country(a, place[1]) for a in found]
    if not found and clauses:
        # What the phrase is for carries the act on: "rejected an invitation to attend a
        # meeting of X", "approved a law recognizing X's victory".
        for clause in args.noun_clauses(head):
            found = _find_target(clause, index, depth=2, code="")
            if found:
                return found
    if not found and depth == 0 and place is not None:
        # "troops to a force in Liberia", "aid to camps in Kenya": the place's people.
        found = actors_from_head(place[0], index)
    return found


_ACT_PLACE_PREPS = ("in", "near", "across", "throughout", "at")


# Clauses that tell what happened at the same time and place: "killed 23 people when
# they blew themselves up in Tel Aviv".
_SAME_TIME_MARKS = {"when", "as", "while"}


def _act_country(verb: Token, index: MentionIndex) -> str | None:
    """The country of the place where the act happened: "in Kabul", "at a jail in Dili",
    "blocked roads in Algiers" (the place of what it was done to)."""
    heads = [verb, *args.objects_of(verb)]
    heads += [c for c in verb.children if c.dep_ == "advcl" and any(
        m.dep_ == "advmod" and m.lower_ in _SAME_TIME_MARKS or m.dep_ == "mark"
        and m.lower_ in _SAME_TIME_MARKS for m in c.children)]
    for pobj in (p for head in heads for p in args.prep_objects(head, _ACT_PLACE_PREPS)):
        place = index.covering(pobj)
        if place is not None and place.get("country") and place["kind"] != "agent":
            return place["country"]
        inner = _place_in(pobj, index)  # "at a jail in East Timor's capital"
        if inner is not None:
            return inner[1]
    return None


def _place_in(head: Token, index: MentionIndex) -> tuple[Token, str] | None:
    """The first place named after a locating preposition in the phrase, with its
    country."""
    for token in head.subtree:
        if token.dep_ != "pobj" or token.head.lower_ not in _PLACE_PREPS:
            continue
        place = index.covering(token)
        if place is None or not place.get("country"):
            continue
        if place["kind"] in ("capital", "city", "region") or (
            place["kind"] == "entity" and place.get("type") == "country"
        ):
            return token, place["country"]
    return None


def _owned_by_subject(obj: Token) -> bool:
    """"its troops", "their forces": the subject's own means, not whom the act is done to."""
    return any(c.dep_ == "poss" and c.lower_ in ("its", "their", "our") for c in obj.children)


def _with_country(actor: dict[str, Any], country: str) -> dict[str, Any]:
    sector = actor.get("sector")
    return {**actor, "country": country, "code": f"{country}{sector or ''}"}


def _as_counterpart(actor: dict[str, Any], source: list[dict[str, Any]]) -> dict[str, Any]:
    """"His Iranian counterpart" holds the source's office in another country."""
    words = actor["text"].lower().split()
    if actor.get("sector") or not source or not words or not words[-1].startswith("counterpart"):
        return actor
    sector = source[0].get("sector")
    country = actor.get("country")
    return {**actor, "sector": sector, "code": f"{country or ''}{sector or ''}" or None}


def _partner(verb: Token, index: MentionIndex) -> list[dict[str, Any]]:
    stack = list(verb.children)
    while stack:
        token = stack.pop(0)
        if token.dep_ in ("ccomp", "relcl", "advcl", "nsubj", "nsubjpass", "parataxis"):
            continue
        # "met with X"; "mediation between X and Y" names both sides.
        if token.dep_ == "prep" and token.lower_ in ("with", "between"):
            for pobj in (c for c in token.children if c.dep_ == "pobj"):
                found = actors_from_head(pobj, index)
                if found:
                    return found
        stack.extend(token.children)
    return []


def _actors_in_preps(head: Token, index: MentionIndex) -> list[dict[str, Any]]:
    for pobj in args.prep_objects(head, args.TARGET_PREPS):
        found = actors_from_head(pobj, index)
        if found:
            return found
    return []


def _in_main_clause(trigger: Token) -> bool:
    """Whether the trigger is the sentence's own predicate, not one embedded in an
    adverbial or relative clause (the main clause is what a story reports). What a verb
    of saying reports is the story's content: "X attacked Y, officials said" is main."""
    chain = args.head_chain(trigger, 7)
    if chain[-1].head.i != chain[-1].i:
        return False  # deeper than any main clause
    return not any(
        node.dep_ in _EMBEDDING_DEPS
        and not (node.dep_ == "ccomp" and node.head.lemma_.lower() in REPORT_LEMMAS)
        for node in chain[:-1]
    )


def _is_complement(child: Token, verb_has_object: bool) -> bool:
    """An infinitive complement; the parser sometimes hangs "swore to fight" as advcl.
    With an object, a "to" clause is a purpose: "began a strike to demand"."""
    return child.dep_ == "xcomp" or (
        not verb_has_object and child.dep_ == "advcl" and args.is_infinitive(child)
    )


def _condition_of(trigger: Token) -> tuple[str, Token] | None:
    """("unless" | "if", the condition's verb) for an act said to happen on a condition:
    "will withdraw unless Chad holds elections", "threatened to strike if ..."."""
    node = trigger
    for _ in range(3):
        # "threatened to stop talks if ...": the condition may hang from the complement.
        clauses = [node, *(c for c in node.children if c.dep_ == "xcomp")]
        for child in (c for clause in clauses for c in clause.children):
            if child.dep_ == "advcl":
                marks = {m.lower_ for m in child.children if m.dep_ == "mark"}
                for mark in ("unless", "if"):
                    if mark in marks:
                        return mark, child
        if node.dep_ != "xcomp" or node.head.i == node.i:
            break
        node = node.head  # "threatened to strike unless ...": the clause may hang higher
    return None


def _governing_triggers(trigger: Token, triggers: set[int]) -> int:
    """How many other event triggers of the sentence govern this one in the parse."""
    return sum(node.i in triggers for node in args.head_chain(trigger, 10)[1:])


def _without(target: list, source: list) -> list:
    taken = {(a.get("entity"), a["text"]) for a in source}
    return [a for a in target if (a.get("entity"), a["text"]) not in taken]


def _span(span: Span) -> dict[str, Any]:
    return {"start": span.start_char, "end": span.end_char, "text": span.text}


@Language.factory(
    "wirecoder_events",
    assigns=["doc._.wc_events"],
    requires=["doc._.wc_mentions", "doc._.wc_entities", "token.dep", "token.lemma"],
    default_config={"min_confidence": 0.0},
)
def make_event_coder(nlp: Language, name: str, min_confidence: float) -> EventCoder:
    return EventCoder(nlp, name, min_confidence=min_confidence)
