"""``wirecoder_coref``: document-level actor coreference.

A person is first named in full ("Iraqi Defense Minister Thabet Mohammed Saeed Reza
al-Abbasi"); later "Abbasi", "Thabet Reza", "the minister" and "he" point back to him
and inherit his code. The rules are the ones news style follows: a later name is a
subset of an earlier full name; a definite description repeats a title the person was
given; a personal pronoun refers to the most recent person named.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Token

from wirecoder.actors.resolve import MentionIndex, actor_from_phrase
from wirecoder.extensions import register_extensions

_PERSON_PRONOUNS = {"he", "him", "his", "she", "her", "himself", "herself"}
# Parts of Arabic and other names too common to identify a person on their own.
_NAME_PARTICLES = {"al", "el", "bin", "ibn", "abu", "abd", "de", "van", "von", "-", "mohammed"}


class _Entity:
    def __init__(self, actor: dict[str, Any], name_words: set[str], titles: set[str]) -> None:
        self.actor = actor
        self.name_words = name_words
        self.titles = titles


def _name_words(tokens: list[Token]) -> set[str]:
    return {t.lower_ for t in tokens if t.lower_ not in _NAME_PARTICLES and t.is_alpha}


class ActorCoref:
    """Links names, descriptions and pronouns to the person first named in full."""

    def __init__(self, nlp: Language, name: str = "wirecoder_coref") -> None:
        register_extensions()
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.wc_entities = []
        doc._.wc_coref = {}
        index = MentionIndex(doc)
        entities: list[_Entity] = []
        links: dict[str, int] = {}
        person_heads = self._person_heads(doc, index)
        last_person: int | None = None
        for token in doc:
            if token.i in person_heads:
                name_tokens = person_heads[token.i]
                words = _name_words(name_tokens)
                found = self._match_name(entities, words)
                if found is None:
                    actor = actor_from_phrase(token, index) or {
                        "text": token.text, "code": None, "country": None, "sector": None,
                        "entity": None, "name": None,
                    }
                    actor = dict(actor)
                    actor.pop("span", None)
                    if actor.get("entity") is None:
                        actor["entity"] = "local:" + "-".join(t.lower_ for t in name_tokens)
                        actor["name"] = " ".join(t.text for t in name_tokens)
                    titles = {
                        t.lemma_.lower() for t in token.subtree
                        if index.covering(t) and index.covering(t)["kind"] == "agent"
                    }
                    entities.append(_Entity(actor, words, titles))
                    found = len(entities) - 1
                elif entities[found].actor.get("country") is None:
                    better = actor_from_phrase(token, index)
                    if better and better.get("country"):
                        entities[found].actor.update(
                            {k: better[k] for k in ("code", "country", "sector")}
                        )
                links[str(token.i)] = found
                last_person = found
            elif token.lower_ in _PERSON_PRONOUNS and token.pos_ == "PRON":
                if last_person is not None:
                    links[str(token.i)] = last_person
            elif self._is_description(token, index):
                found = self._match_title(entities, token)
                if found is not None:
                    links[str(token.i)] = found
                    last_person = found
        doc._.wc_entities = [e.actor for e in entities]
        doc._.wc_coref = links
        return doc

    @staticmethod
    def _person_heads(doc: Doc, index: MentionIndex) -> dict[int, list[Token]]:
        """Head token -> name tokens, for every PERSON entity and registry person."""
        heads: dict[int, list[Token]] = {}
        for ent in doc.ents:
            if ent.label_ != "PERSON":
                continue
            # The tagger calls many group and outlet names PERSON: trust the registry
            # and the gazetteer over it, and a name that only modifies a common noun
            # ("the Tasnim news agency") names that thing, not a person.
            covering = [index.covering(t) for t in ent]
            if any(m is not None and m.get("type") not in ("person", "agent") for m in covering):
                continue
            root = ent.root
            if root.dep_ == "compound" and root.head.pos_ == "NOUN":
                continue
            heads[root.i] = list(ent)
        for mention in index.mentions:
            if mention.get("type") == "person":
                span = doc[mention["start"]:mention["end"]]
                heads[span.root.i] = list(span)
        return heads

    @staticmethod
    def _match_name(entities: list[_Entity], words: set[str]) -> int | None:
        if not words:
            return None
        for i in range(len(entities) - 1, -1, -1):
            if words <= entities[i].name_words:
                return i
        return None

    @staticmethod
    def _is_description(token: Token, index: MentionIndex) -> bool:
        """'the commander', 'the Iraqi defense minister': a definite agent noun, unnamed."""
        if token.pos_ not in ("NOUN", "PROPN"):
            return False
        mention = index.covering(token)
        if mention is None or mention["kind"] != "agent":
            return False
        if mention["end"] - 1 != token.i:
            return False
        return any(c.dep_ == "det" and c.lower_ == "the" for c in token.children) and not any(
            c.ent_type_ == "PERSON" for c in token.children
        )

    @staticmethod
    def _match_title(entities: list[_Entity], token: Token) -> int | None:
        title = token.lemma_.lower()
        for i in range(len(entities) - 1, -1, -1):
            if title in entities[i].titles:
                return i
        return None


@Language.factory(
    "wirecoder_coref",
    assigns=["doc._.wc_entities", "doc._.wc_coref"],
    requires=["doc._.wc_mentions", "doc.ents"],
    default_config={},
)
def make_actor_coref(nlp: Language, name: str) -> ActorCoref:
    return ActorCoref(nlp, name)
