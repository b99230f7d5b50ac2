"""Cheap checks on decoded text: binary content, length, date format, language."""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import cache
from itertools import islice

from wirecoder.errors import Errors, Warnings

# C0 controls other than tab, newline, vertical tab, form feed and carriage return, plus DEL.
# ESC (0x1b) counts too: real text files do not carry terminal escapes in bulk.
_CONTROL_CODES = [*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F]
CONTROL_BYTES = bytes(_CONTROL_CODES)
_CONTROL_CHARS = {code: None for code in _CONTROL_CODES}

# Above this share of control characters a file is taken for binary even without NULs.
BINARY_CONTROL_SHARE = 0.10

# W001: English news runs at roughly 0.4-0.5 stopword share; other languages share a few
# short words with English ("a", "in", "on") but stay well below this.
ENGLISH_STOPWORD_SHARE = 0.15
LANGUAGE_MIN_WORDS = 20
LANGUAGE_MAX_WORDS = 2_000

_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


def count_control(text: str) -> int:
    return len(text) - len(text.translate(_CONTROL_CHARS))


def looks_binary(text: str) -> int:
    """The number of control characters if ``text`` looks binary, else 0."""
    if not text:
        return 0
    count = count_control(text)
    if "\x00" in text or count / len(text) > BINARY_CONTROL_SHARE:
        return count
    return 0


def looks_binary_bytes(data: bytes) -> int:
    """As ``looks_binary``, on raw bytes, before any decoding is tried."""
    if not data:
        return 0
    count = len(data) - len(data.translate(None, CONTROL_BYTES))
    if b"\x00" in data or count / len(data) > BINARY_CONTROL_SHARE:
        return count
    return 0


def normalise_date(value: object) -> tuple[str | None, str | None]:
    """``(YYYY-MM-DD, None)`` for an ISO date or datetime; ``(None, E008 warning)`` otherwise."""
    if value is None or value == "":
        return None, None
    if isinstance(value, str):
        raw = value.strip()
        try:
            return date.fromisoformat(raw).isoformat(), None
        except ValueError:
            pass
        try:
            return datetime.fromisoformat(raw).date().isoformat(), None
        except ValueError:
            pass
    return None, "[E008] " + Errors.E008.format(value=value)


def truncate(text: str, limit: int) -> tuple[str, str | None]:
    """Cut ``text`` to at most ``limit`` characters at a paragraph or sentence end near it."""
    if len(text) <= limit:
        return text, None
    # Leading blank space would otherwise use up the budget (and could leave nothing).
    text = text.lstrip()
    if len(text) <= limit:
        return text, None
    head = text[:limit]
    # Look back at most 10,000 characters (half of a small limit), so the cut stays near it.
    floor = limit - min(limit // 2, 10_000)
    cut = head.rfind("\n\n", floor)
    if cut <= 0:
        ends = [head.rfind(mark, floor) for mark in (". ", "? ", "! ", ".\n", "?\n", "!\n")]
        best = max(ends)
        cut = best + 1 if best > 0 else -1
    if cut <= 0:
        cut = head.rfind(" ", floor)
    kept = head[:cut].rstrip() if cut > 0 else ""
    return kept or head.rstrip(), "[W002] " + Warnings.W002.format(limit=limit)


@cache
def _stop_words() -> frozenset[str]:
    # Imported late: it pulls in spaCy, which callers that only read files do not need.
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def stopword_share(text: str) -> tuple[float, int]:
    """Share of English stop words among the first 2,000 words, and the words counted."""
    words = [m.group().lower() for m in islice(_WORD.finditer(text), LANGUAGE_MAX_WORDS)]
    if not words:
        return 0.0, 0
    stop = _stop_words()
    return sum(word in stop for word in words) / len(words), len(words)


def check_text(text: str) -> list[str]:
    """Warnings for already-decoded text; today only W001 (does not look like English)."""
    share, words = stopword_share(text)
    if words >= LANGUAGE_MIN_WORDS and share < ENGLISH_STOPWORD_SHARE:
        return ["[W001] " + Warnings.W001.format(share=share)]
    return []
