"""JSONL: one story per line, read line by line so a file of any size streams."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from wirecoder.errors import Errors, WirecoderError
from wirecoder.ingest.decode import decode_utf8
from wirecoder.ingest.story import (
    DEFAULT_MAX_CHARS,
    InputError,
    Story,
    one_line,
    story_from_text,
)

_METADATA = ("title", "outlet", "url")


def read_jsonl_lines(
    lines: Iterable[bytes],
    *,
    origin: str,
    stem: str | None,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> Iterator[Story | InputError]:
    """Yield one ``Story`` or ``InputError`` per non-blank line, in order.

    ``stem`` names stories without an ``id`` as ``stem:N``; ``None`` (stdin) falls back
    to the hash of the text.
    """
    for number, raw in enumerate(lines, start=1):
        if raw.strip():
            yield _story_from_line(raw, number, f"{origin}:{number}", stem, max_chars)


def _story_from_line(
    raw: bytes, number: int, where: str, stem: str | None, max_chars: int
) -> Story | InputError:
    def bad_json(reason: object) -> InputError:
        return InputError(where, None, "[E006] " + one_line(Errors.E006.format(
            line=number, reason=reason)))

    try:
        line, warnings = decode_utf8(raw)
    except WirecoderError as exc:
        return bad_json(exc)
    try:
        obj: Any = json.loads(line)
    except json.JSONDecodeError as exc:
        return bad_json(exc.msg)
    except (ValueError, RecursionError) as exc:  # huge integers, absurd nesting
        return bad_json(exc)
    if not isinstance(obj, dict):
        return bad_json(f"got a JSON {type(obj).__name__}")
    story_id = _scalar(obj.get("id"))
    text = obj.get("text")
    if not isinstance(text, str):
        return InputError(where, story_id, "[E007] " + Errors.E007.format(line=number))
    meta = {key: _scalar(obj.get(key)) for key in _METADATA}
    try:
        return story_from_text(
            text,
            id=story_id if story_id is not None or stem is None else f"{stem}:{number}",
            title=meta["title"],
            published=obj.get("published"),
            outlet=meta["outlet"],
            url=meta["url"],
            max_chars=max_chars,
            origin=where,
            warnings=warnings,
        )
    except WirecoderError as exc:
        return InputError.from_exception(where, story_id, exc)


def _scalar(value: object) -> str | None:
    # Ids are often numbers in exported data; keep them, as strings, rather than drop them.
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, str | int | float):
        return str(value) or None
    return None
