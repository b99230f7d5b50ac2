"""From a noun phrase to coded actors: country + sector, registry entity, coreference.

The phrase around an argument's head token is read for the words that
``wirecoder_actors`` marked: a registry entity that covers the head names the actor
outright; otherwise a country (name, demonym, capital, possessive) and the agent word
nearest the head combine into a CAMEO-style code ("Iraqi defense minister" -> IRQGOV).
"""

from __future__ import annotations

from functools import cache
from typing import Any

from spacy.tokens import Doc, Token

# Dependents that belong to the phrase naming the actor; relative clauses and most
# prepositional phrases say something else about it.
_PHRASE_DEPS = {"compound", "amod", "poss", "nmod", "det", "flat", "nummod", "case", "quantmod"}
_OF_PREPS = {"of"}
PRONOUNS = {"he", "him", "his", "she", "her", "they", "them", "their", "it", "its"}
# PLOVER's sector for a person or group whose affiliation the words do not give.
UNK = "UNK"


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
    doc = head.doc
    found = [head]
    stack = [head]
    while stack:
        token = stack.pop()
        for child in token.children:
            keep = (
                child.dep_ in _PHRASE_DEPS
                # "of" chains stay in the phrase ("workers of the company of Tehran").
                or (child.dep_ == "prep" and child.lower_ in _OF_PREPS
                    and (token.i == head.i or token.dep_ in ("pobj", "compound")))
                or (child.dep_ == "pobj" and token.lower_ in _OF_PREPS)
                # "Vietnamese-led forces": the name hyphened to the modifier.
                or (child.dep_ == "npadvmod" and child.i + 1 < len(doc)
                    and doc[child.i + 1].text == "-")
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
    # Trim leading determiners and a possessor's "'s" so the span is the name:
    # "Iran's desire" has the holder "Iran", not "the" or "Iran's".
    while start < end - 1 and doc[start].dep_ == "det" and doc[start].i != head.i:
        start += 1
    while end - 1 > start and doc[end - 1].tag_ == "POS":
        end -= 1
    if linked is None and head.pos_ == "PRON":
        return _antecedent_in_frame(head, index)
    if linked is not None and linked < len(index.entities):
        resolved = dict(index.entities[linked])
        resolved["text"] = doc[start:end].text
        resolved["span"] = _span(doc, start, end)
        return resolved
    actor = _code_phrase(head, tokens, start, end, index,
                         located=lambda: _located_in(head, index), loose=False)
    if actor is None or not actor["country"]:
        actor = _with_apposition(head, actor, index) or actor
    elif actor.get("entity") and (index.covering(head) or {}).get("type") == "person":
        # A registry person whose description beside the name says what he is now: an
        # office of an IGO ("Kenzo Oshima, the UN relief coordinator"), or any office
        # where the registry knows only his country.
        described = _with_apposition(head, None, index)
        if described is not None and described["sector"] not in (None, UNK) and (
                described["country"] == "IGO" or not actor.get("sector")):
            actor = {**actor, "country": described["country"],
                     "sector": described["sector"], "code": described["code"]}
    if actor is not None and not actor["country"]:
        loyal = _loyal_to(head, index)
        if loyal:
            actor = {**actor, "country": loyal,
                     "code": f"{loyal}{actor.get('sector') or ''}"}
    return actor


def _loyal_to(head: Token, index: MentionIndex) -> str | None:
    """"Forces loyal to President Assad", "militants loyal to Iraq's al-Qaeda chief":
    those loyal to someone share that one's country (unlike "Iranian-backed")."""
    for child in head.children:
        if child.dep_ != "amod" or child.lower_ not in ("loyal", "faithful"):
            continue
        for prep in child.children:
            if prep.dep_ == "prep" and prep.lower_ == "to":
                for pobj in prep.children:
                    if pobj.dep_ == "pobj":
                        found = actor_from_phrase(pobj, index)
                        if found is not None and found["country"] and _is_state(
                                found["country"], index):
                            return str(found["country"])
    return None


def _with_apposition(head: Token, actor: dict[str, Any] | None, index: MentionIndex,
                     ) -> dict[str, Any] | None:
    """"Qatar's emir, Sheikh Hamad": a name the registry lacks takes the country (and,
    lacking one, the sector) of the description in apposition to it, either way round."""
    others = [c for c in head.children if c.dep_ == "appos"]
    if head.dep_ == "appos":
        others.append(head.head)
    # "Qatar's emir, Sheikh Hamad launched...": the parser often leaves a description
    # before the name unattached (dep) instead of in apposition to it.
    first = phrase_tokens(head)[0].i
    doc = head.doc
    if first >= 2 and doc[first - 1].text == "," and doc[first - 2].dep_ in ("dep", "appos") \
            and doc[first - 2].pos_ in ("NOUN", "PROPN") and doc[first - 2] not in others:
        others.append(doc[first - 2])
    for other in others:
        tokens = phrase_tokens(other)  # appos is no phrase dependency: never the head's
        described = _code_phrase(other, tokens, tokens[0].i, tokens[-1].i + 1, index,
                                 located=lambda o=other: _located_in(o, index), loose=False)
        if described is None or not described["country"]:
            continue
        sector = (actor or {}).get("sector") or described["sector"]
        country = described["country"]
        base = actor or described
        return {**base, "country": country, "sector": sector,
                "code": f"{country}{sector or ''}", "entity": base.get("entity"),
                "name": base.get("name")}
    return None


# Words after which a standalone phrase stops naming the actor and starts saying where
# it is or what it does ("rebels in the Ivory Coast", "FSB, Russia's security service").
_CUT_WORDS = {"in", "from", "at", "near", "on", "who", "which", "that", "based", "across",
              "throughout", "inside", "for", "with", "to", "after", "during", "loyal", "by"}
_LOCATION_WORDS = {"in", "from", "across", "throughout", "inside", "based"}
_KEEP_PUNCT = {"-", "'", "’", ".", "&", "/"}


def actor_from_text(doc: Doc, index: MentionIndex) -> dict[str, Any] | None:
    """The actor a standalone phrase names ("Boko Haram gunmen", "members of SANDF").

    The parser reads a short phrase as a sentence ("gunmen" as a verb, "crowd" as the
    root of "crowd control police"), so the phrase is read left to right instead: the
    words before the first preposition or comma are its core, the last noun of the core
    (or of the part before "of") its head, and an "in X" / "from X" after it places it.
    """
    words = [t for t in doc if not t.is_space]
    if not words:
        return None
    if len(words) == 1 and words[0].pos_ == "PRON":
        # A lone personal pronoun names someone the phrase does not identify.
        if words[0].lower_ in PRONOUNS - {"it", "its"}:
            return {"text": words[0].text, "span": _span(doc, words[0].i, words[0].i + 1),
                    "code": UNK, "country": None, "sector": UNK, "entity": None,
                    "name": None}
        return None
    cut = len(doc)
    for t in words[1:]:
        # "Somalia-based": a hyphen binds the word to the name before it.
        if doc[t.i - 1].text == "-":
            continue
        if (t.is_punct and t.text not in _KEEP_PUNCT) or t.lower_ in _CUT_WORDS:
            cut = t.i
            break
    core = [t for t in words if t.i < cut]
    of_at = next((t.i for t in core[1:] if t.lower_ == "of"), None)
    head_zone = [t for t in core if of_at is None or t.i < of_at]
    nouns = [t for t in head_zone if t.pos_ in ("NOUN", "PROPN", "PRON", "NUM")
             or index.covering(t) is not None]
    candidates = nouns or [t for t in head_zone if not t.is_punct and t.pos_ != "DET"]
    if not candidates:
        return None
    head = candidates[-1]
    start = core[0].i
    while start < head.i and doc[start].pos_ == "DET":
        start += 1
    end = core[-1].i + 1

    def located() -> str | None:
        seen = False
        for t in words:
            if t.i < cut:
                continue
            seen = seen or t.lower_ in _LOCATION_WORDS
            mention = index.covering(t)
            if seen and mention is not None and mention["country"] and (
                    mention["kind"] != "entity" or mention["type"] == "country"):
                return mention["country"]
        return None

    return _code_phrase(head, core, start, end, index, located=located, loose=True)


# A country named before these words backs, leads or arms the actor but is not its own
# ("Iranian-backed militias", "Saudi-funded groups").
_SPONSOR_WORDS = {"backed", "supported", "sponsored", "funded", "allied", "aligned",
                  "financed", "affiliated"}
# Entry types whose country an explicit country in the phrase corrects: "Chile's Defense
# Department" is not the Pentagon, "King Hassan of Morocco" not a Jordanian prince.
_CORRECTABLE_TYPES = {"organization", "person", "party"}
# Sectors of office: "former" makes their holder a former elite (CAMEO's ELI).
_OFFICE_SECTORS = {"GOV", "MIL", "LEG", "JUD", "SPY", "COP", "PTY", "OPP"}
_FORMER_WORDS = {"former", "ex", "ex-", "erstwhile"}
# CAMEO's code for transnational militant groups: a country in the phrase names the
# branch ("Iraq's al-Qaeda", "Syria's al-Qaeda affiliate").
_TRANSNATIONAL = "IMG"
# Words that name ordinary people (PLOVER's CVL): as the head noun of a sentence's
# argument too, since victims ("killed 23 people in Tel Aviv") are coded targets (PLOVER).
_LOOSE_CIVILIANS = {"people", "relatives", "locals", "inhabitants", "townspeople", "public"}


def _sponsoring(mention: dict[str, Any], doc: Doc) -> bool:
    """"Iranian-backed", "Iran backed": the word right after the name, or after its
    hyphen, says the country sponsors the actor."""
    after = doc[mention["end"]:mention["end"] + 2]
    if len(after) and after[0].text == "-":
        after = after[1:]
    return len(after) > 0 and after[0].lower_ in _SPONSOR_WORDS


def _code_phrase(head: Token, tokens: list[Token], start: int, end: int,
                 index: MentionIndex, *, located: Any, loose: bool) -> dict[str, Any] | None:
    """Country and sector from the mentions among ``tokens`` around ``head``.

    ``loose``: the words are known to name an actor (a standalone phrase), so the head's
    agent word counts whatever part of speech the tagger gave it ("Burkina Faso's
    displaced").
    """
    doc = head.doc
    mentions = []
    seen: set[int] = set()
    for token in tokens:
        mention = index.covering(token)
        if mention is not None and id(mention) not in seen:
            seen.add(id(mention))
            mentions.append(mention)
    head_mention = index.covering(head)
    country_marks = [m for m in mentions if m is not head_mention
                     and (m["kind"] == "demonym"
                          or (m["kind"] == "entity" and m["type"] == "country"))
                     and not _sponsoring(m, doc)]
    country = sector = entity = name = code = None
    if head_mention is not None and head_mention["kind"] == "entity":
        entity, name = head_mention["entity"], head_mention["name"]
        code, country, sector = (
            head_mention["code"],
            head_mention["country"],
            head_mention["sector"],
        )
        residence = [m for m in country_marks if m["kind"] == "demonym"
                     and m["end"] <= head_mention["start"]]
        if (head_mention["type"] == "country" and residence
                and doc[head_mention["end"] - 1].lower_.endswith("s")):
            # "Bosnian Serbs": a people living in the country the modifier names, and
            # like any people named by origin alone, civilians (PLOVER).
            country = residence[0]["country"]
            sector = sector or "CVL"
            code, entity, name = f"{country}{sector}", None, None
        elif country_marks and country_marks[-1]["country"] != country and (
                (head_mention["type"] in _CORRECTABLE_TYPES and _is_state(country, index))
                or country == _TRANSNATIONAL):
            if country != _TRANSNATIONAL:
                # "the Pakistani Senate" is not the US one: another body, unnamed here.
                entity = name = None
            country = country_marks[-1]["country"]
            code = f"{country}{sector or ''}"
    else:
        # The head's own agent word first, then the agent word nearest the head.
        # An agent word used as a modifier ("military installations") names no actor.
        # In a standalone phrase every agent word counts ("a paramilitary group"), but
        # UNK ("men", "group": people of unknown affiliation) only there, and last.
        agents = [
            m
            for m in mentions
            if m["kind"] == "agent"
            and (loose or (doc[m["end"] - 1].pos_ in ("NOUN", "PROPN") and m["sector"] != UNK))
        ]
        agents.sort(key=lambda m: (m["sector"] == UNK, m is not head_mention,
                                   abs(m["end"] - 1 - head.i)))
        if agents:
            sector = agents[0]["sector"]
            body = _body_of_office(head, agents)
            if body is not None:
                sector = body["sector"]
        elif head.lower_ in _LOOSE_CIVILIANS and (loose or head.pos_ == "NOUN"):
            sector = "CVL"
        # A named body in the phrase ("IRGC commander", "commander of the IRGC") gives
        # its country, and its own sector outranks the agent word: its people share it.
        # A one-person name followed by more name words is part of another person's name
        # ("Abdullah Ocalan" is not King Abdullah).
        named = [m for m in mentions if m["kind"] == "entity" and not _sponsoring(m, doc)
                 and not (m["type"] == "person" and head.pos_ == "PROPN"
                          and m["end"] == head.i and head_mention is None)]
        # A people split between states ("Kurds") names no country: it gives none.
        places = [m for m in mentions if m["kind"] in ("demonym", "capital", "city", "region")
                  and m["country"] and not _sponsoring(m, doc)]
        if named:
            country = named[-1]["country"]
            # "the EU legislature": the head's own office names the part of the IGO
            # (PLOVER codes EUR + LEG); otherwise the body's people share its sector.
            own_office = (country == "IGO" and head_mention is not None
                          and head_mention["kind"] == "agent" and sector not in (None, UNK))
            if own_office:
                code = f"IGO{named[-1]['sector'] or ''}{sector}"
            elif named[-1]["type"] != "person" or sector in (None, UNK):
                # A body's people share its sector; a person's followers or forces do
                # not share his office ("Assad's forces", "Djindjic's opposition").
                sector = named[-1]["sector"] or sector
            if named[-1]["type"] in _CORRECTABLE_TYPES and country_marks and \
                    country_marks[-1]["country"] != country and _is_state(country, index):
                country = country_marks[-1]["country"]
            elif country == _TRANSNATIONAL and country_marks:
                country = country_marks[-1]["country"]  # "Iraq's al-Qaeda frontman"
            if country is None and places:
                country = places[-1]["country"]
        elif places:
            country = places[-1]["country"]
            # "Bosnian Serbs", "Iraqi Kurds": a people named by a demonym lives in the
            # country the modifier before it names (CAMEO codes residence).
            if head_mention is not None and head_mention["kind"] == "demonym":
                before = [m for m in places if m["end"] <= head_mention["start"]
                          and m["kind"] == "demonym"]
                if before:
                    country = before[0]["country"]
        if sector is None and _names_a_people(head, mentions, head_mention, doc):
            sector = "CVL"
        # A standalone phrase placed somewhere ("targets in Syria") gives that country
        # even when no word in it says who the actor is.
        if country is None and (sector is not None or loose):
            country = located()
        # A capital as actor is its government, another city its people (CAMEO).
        if head_mention is not None and head_mention["kind"] == "capital":
            sector = sector or "GOV"
        if head_mention is not None and head_mention["kind"] == "city":
            sector = sector or "CVL"
        if country is None and sector is None:
            return None
        code = code or f"{country or ''}{sector or ''}" or None
    # "Kenyan President Daniel arap Moi" in a story dated after his term: the title the
    # text gives outranks the registry's dates (the story may be old, its date wrong).
    # So does an office title right before the name, where the registry's role that day
    # is another ("Palestinian Prime Minister Ismail Haniyeh" in a 2006 story, when the
    # registry, undated, knows him as Hamas's leader).
    if (head_mention is not None and head_mention["kind"] == "entity"
            and head_mention["type"] == "person" and not _former(tokens, head)):
        titles = [m for m in mentions if m["kind"] == "agent"
                  and m["sector"] in _OFFICE_SECTORS and m["end"] <= head_mention["start"]]
        adjacent = bool(titles) and _title_before(doc, titles[-1]["end"], head_mention["start"])
        # PETRARCH aliases often carry the title ("Secretary of State Warren Christopher").
        inside = _title_inside(doc, head_mention)
        if titles and (sector == "ELI" or (adjacent and titles[-1]["sector"] != sector)):
            sector = titles[-1]["sector"]
            code = f"{country or ''}{sector}"
        elif inside is not None and sector == "ELI":
            sector = inside
            code = f"{country or ''}{sector}"
    # "a former CIA official", "ex-president": CAMEO codes former office holders ELI.
    if _former(tokens, head) and (sector in _OFFICE_SECTORS
                                  or (head_mention or {}).get("type") == "person"):
        sector = "ELI"
        code = f"{country or ''}ELI"
    return {
        "text": doc[start:end].text,
        "span": _span(doc, start, end),
        "code": code,
        "country": country,
        "sector": sector,
        "entity": entity,
        "name": name,
    }


_PEOPLE_QUANTITIES = {"thousands", "hundreds", "dozens", "millions", "scores", "tens",
                      "crowds", "groups", "some", "many", "most", "all"}


def _names_a_people(head: Token, mentions: list[dict[str, Any]],
                    head_mention: dict[str, Any] | None, doc: Doc) -> bool:
    """"Thousands of Nigerians", "ethnic Albanians", "67 British nationals": people
    named only by their nationality or ethnicity, whom PLOVER codes as civilians
    (ETHNIC_GROUP CVL). A bare "the Iraqis" stays the nation: news uses it for the
    state's side as often as for its people."""
    plural = [m for m in mentions if m["kind"] == "demonym"
              and doc[m["end"] - 1].tag_ in ("NNS", "NNPS")]
    if not plural:
        return False
    if head_mention is not None and head_mention in plural:
        # "Iraqi Kurds", "Palestinians of the West Bank", "Syrians in Lebanon".
        return any((t.i < head_mention["start"] and t.pos_ in ("ADJ", "NUM", "PROPN"))
                   or (t.dep_ == "prep" and t.lower_ in ("of", "in", "from"))
                   for t in head.children)
    # "Thousands of Nigerians": a quantity whose "of" phrase is the people.
    quantity = head.lower_ in _PEOPLE_QUANTITIES or head.like_num
    return quantity and any(m["start"] > head.i for m in plural)


# Offices that every kind of body has: their holder belongs to the body's sector, not
# to government ("president of the teachers' union", "spokesman of the army").
_GENERIC_OFFICES = {"president", "chairman", "chairwoman", "chairperson", "chair", "head",
                    "leader", "director", "chief", "spokesman", "spokeswoman",
                    "spokesperson", "secretary", "official", "officials", "members"}


def _body_of_office(head: Token, agents: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The agent word of the body after "of" when the head is a generic office."""
    if head.lower_ not in _GENERIC_OFFICES:
        return None
    after = [m for m in agents if m["start"] > head.i and m["sector"] != UNK
             and any(t.lower_ == "of" for t in head.doc[head.i + 1:m["start"]])]
    return after[0] if after else None


# load_agents hands out a fresh copy of its table each call; titles are looked up for
# every person named, so the copy is made once.
@cache
def _agent_table() -> dict[str, str]:
    from wirecoder.actors.registry import load_agents

    return load_agents()


def _title_inside(doc: Doc, mention: dict[str, Any]) -> str | None:
    """The office sector of a title that opens a person's matched name, if any."""
    agents = _agent_table()
    words = [t.lower_ for t in doc[mention["start"]:mention["end"] - 1]]
    for n in range(min(len(words), 4), 0, -1):
        sector = agents.get(" ".join(words[:n]))
        if sector in _OFFICE_SECTORS:
            return sector
    return None


def _title_before(doc: Doc, title_end: int, name_start: int) -> bool:
    """The title runs into the name, nothing but a rank or an initial between them
    ("Prime Minister Ismail Haniyeh", "General Michel Aoun")."""
    return 0 <= name_start - title_end <= 1 and all(
        t.pos_ == "PROPN" for t in doc[title_end:name_start])


def _former(tokens: list[Token], head: Token) -> bool:
    return any(t.i <= head.i and (t.lower_ in _FORMER_WORDS or t.lower_.startswith("ex-"))
               for t in tokens)


def _is_state(country: str | None, index: MentionIndex) -> bool:
    """A state's code (not IGO, NGO, IMG...): only those are corrected by the phrase."""
    from wirecoder.actors.registry import default_registry

    return bool(country) and default_registry().country_by_code(country or "") is not None


def _located_in(head: Token, index: MentionIndex) -> str | None:
    """The country of "rebels in the Ivory Coast", "students from Iraq", "doctors from
    two American aid groups" (a demonym inside the place's own phrase)."""
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in ("in", "from", "throughout", "across"):
            for pobj in child.children:
                for token in [pobj] + [t for t in phrase_tokens(pobj) if t.i != pobj.i]:
                    mention = index.covering(token)
                    if (
                        mention is not None
                        and mention["country"]
                        and (mention["kind"] != "entity" or mention["type"] == "country")
                        and (token.i == pobj.i or mention["kind"] == "demonym")
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


def resolve_phrase_doc(doc: Doc) -> dict[str, Any] | None:
    """The actor a Doc holding one standalone phrase names (``wirecoder.resolve_actor``):
    read left to right first, then from the parse, whose roots may be the better heads
    of a longer phrase."""
    index = MentionIndex(doc)
    candidates = [actor_from_text(doc, index)]
    # Token objects are made afresh on each access, so compare indices, not identity.
    candidates += [actor_from_phrase(t, index) for t in doc if t.head.i == t.i]
    for actor in candidates:
        # A phrase that yields neither a code nor a country nor a sector names no actor
        # this resolver knows ("Joseph Monka", "two men").
        if actor is not None and (actor.get("code") or actor.get("country")
                                  or actor.get("sector")):
            return actor
    return None
