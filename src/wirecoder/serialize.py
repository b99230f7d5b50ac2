"""Doc -> record: reads the ``wc_`` extensions and builds a ``Document``."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from wirecoder.places.record import record_places
from wirecoder.reasons.record import record_reasons
from wirecoder.record import Document


def doc_to_dict(doc: Doc) -> dict[str, Any]:
    """The record of a coded Doc as plain JSON-ready data."""
    meta = doc._.wc_meta or {}
    return {
        "id": meta.get("id") or "",
        "title": meta.get("title"),
        "published": meta.get("published"),
        "outlet": meta.get("outlet"),
        "url": meta.get("url"),
        "text": doc.text,
        "events": list(doc._.wc_events or []),
        "quotes": list(doc._.wc_quotes or []),
        "sources": list(doc._.wc_sources or []),
        "places": record_places(doc),
        "reasons": record_reasons(doc),
        "warnings": list(doc._.wc_warnings or []),
    }


def doc_to_record(doc: Doc) -> Document:
    return Document.model_validate(doc_to_dict(doc))
