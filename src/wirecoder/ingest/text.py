"""Plain-text stories: the whole file is the text; a short first line is also the headline."""

from __future__ import annotations

from wirecoder.ingest.decode import decode_utf8
from wirecoder.ingest.story import DEFAULT_MAX_CHARS, Story, story_from_text

HEADLINE_MAX_CHARS = 200


def headline(text: str) -> str | None:
    """The first line, if it reads like a headline: short, not the whole text, no final period.

    Wire copy puts the headline first; a body sentence ends in a period, a headline does
    not (it may end in "?" — "Why did the IRGC commander visit Baghdad?").
    """
    first, newline, rest = text.lstrip().partition("\n")
    first = first.strip()
    if not newline or not rest.strip() or not first:
        return None
    if len(first) >= HEADLINE_MAX_CHARS or first.endswith("."):
        return None
    return first


def story_from_text_bytes(
    data: bytes,
    *,
    id: str | None,
    origin: str,
    complete: bool = True,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> Story:
    """A ``Story`` from the bytes of a text file; raises ``WirecoderError`` E001/E002."""
    text, warnings = decode_utf8(data, complete=complete)
    # One newline convention, so offsets and the headline rule do not depend on the OS
    # that wrote the file.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return story_from_text(
        text,
        id=id,
        title=headline(text),
        max_chars=max_chars,
        origin=origin,
        warnings=warnings,
    )
