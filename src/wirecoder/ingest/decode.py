"""Bytes to text: UTF-8 with a BOM stripped, bad bytes counted (W003), binary refused (E002)."""

from __future__ import annotations

import codecs
import re

from wirecoder.errors import Errors, Warnings, WirecoderError
from wirecoder.ingest.checks import looks_binary_bytes

# surrogateescape maps each undecodable byte to one lone surrogate, so counting them
# counts bad bytes exactly; they are then shown as U+FFFD like errors="replace" would.
_ESCAPED = re.compile("[\udc80-\udcff]")


def decode_utf8(data: bytes, *, complete: bool = True) -> tuple[str, list[str]]:
    """Decode ``data`` as UTF-8; returns the text and its warnings.

    ``complete=False`` says the bytes were cut from a longer stream, so an unfinished
    multi-byte character at the end is dropped rather than counted as bad.
    Raises ``WirecoderError`` E002 when the bytes look binary.
    """
    control = looks_binary_bytes(data)
    if control:
        raise WirecoderError("E002", Errors.E002.format(count=control))
    decoder = codecs.getincrementaldecoder("utf-8-sig")(errors="surrogateescape")
    text = decoder.decode(data, final=complete)
    bad = len(_ESCAPED.findall(text))
    if not bad:
        return text, []
    return _ESCAPED.sub("\ufffd", text), ["[W003] " + Warnings.W003.format(count=bad)]


def is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True
