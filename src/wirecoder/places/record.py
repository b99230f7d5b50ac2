"""``doc._.wc_places`` -> the record's ``places``: resolved places only.

Metonyms and demonyms are not places (they count for the focus, which is listed), and an
unresolved name has no coordinates, so the record leaves both out; the component's
warning counts the unresolved ones.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

PLACE_FIELDS = ("text", "span", "name", "geonameid", "lat", "lon", "country", "admin1",
                "precision", "role")


def record_places(doc: Doc) -> list[dict[str, Any]]:
    return [
        {key: place[key] for key in PLACE_FIELDS}
        for place in doc._.wc_places or []
        if place.get("kind") == "place" and place.get("resolved")
    ]
