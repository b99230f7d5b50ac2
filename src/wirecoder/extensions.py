"""The ``Doc`` extensions wirecoder's components share.

Values are plain JSON-like dicts and lists (not objects) so that Docs cross process
boundaries in ``nlp.pipe(..., n_process=N)``, which serialises ``doc.user_data``.
"""

from __future__ import annotations

from spacy.tokens import Doc

# name -> what it holds; every name carries the wc_ prefix so none clashes with others'.
DOC_EXTENSIONS: dict[str, str] = {
    "wc_meta": "story metadata: id, title, published, outlet, url",
    "wc_mentions": "actor words found: registry entries, countries, agent (sector) words",
    "wc_entities": "document-level actors (coreference chains), each a resolved Actor dict",
    "wc_coref": "token index (as str) of a mention head -> index into wc_entities",
    "wc_events": "coded events, each a dict shaped like the record's Event",
    "wc_quotes": "quotations and indirect speech, each a dict shaped like the record's Quote",
    "wc_sources": "outlets, documents and anonymous sources cited, shaped like Source",
    "wc_places": "place names found: resolved places, metonyms and demonyms, and the focus",
    "wc_times": "temporal expressions found, each with its resolved When or the reason not",
    "wc_reasons": "reasons found: kind, text, span, the events explained, holder, attribution",
    "wc_warnings": "warnings about this story, as '[Wnnn] message' strings",
}


def register_extensions() -> None:
    for name in DOC_EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


register_extensions()
