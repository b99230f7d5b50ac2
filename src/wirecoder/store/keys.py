"""Story keys: the same story text always gets the same key, whatever its id or file."""

from __future__ import annotations

import hashlib
import unicodedata


def normalise_text(text: str) -> str:
    # NFC and collapsed whitespace: a re-wrapped or re-encoded copy of a story is the
    # same story, but a changed word is not.
    return " ".join(unicodedata.normalize("NFC", text).split())


def story_key(text: str, title: str | None = None) -> str:
    """sha256 (hex) of the normalised headline and text."""
    body = normalise_text(text)
    if title:
        body = normalise_text(title) + "\n" + body
    return hashlib.sha256(body.encode("utf-8", "surrogatepass")).hexdigest()
