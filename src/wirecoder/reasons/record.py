"""The record's ``reasons`` from a coded Doc (kept apart from the component so the
serializer imports nothing heavy)."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc


def record_reasons(doc: Doc) -> list[dict[str, Any]]:
    """The component's reasons less its working fields (keys starting with "_")."""
    if not Doc.has_extension("wc_reasons"):
        return []
    return [{k: v for k, v in r.items() if not k.startswith("_")}
            for r in (doc._.wc_reasons or [])]
