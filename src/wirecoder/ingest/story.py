"""What a reader yields: a ``Story`` to code, or an ``InputError`` that explains a skip."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from wirecoder.errors import Errors, Warnings, WirecoderError
from wirecoder.ingest.checks import check_text, looks_binary, normalise_date, truncate

DEFAULT_MAX_CHARS = 2_000_000

# Lone surrogates arrive through JSON escapes ("\ud800"); they cannot be written as UTF-8,
# so they would crash whatever serialises the record later.
_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass
class Story:
    """One story ready for the pipeline, with the metadata the record carries."""

    id: str
    text: str
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    url: str | None = None
    warnings: list[str] = field(default_factory=list)
    origin: str | None = None


@dataclass
class InputError:
    """One input that could not become a story; the batch goes on without it."""

    origin: str
    id: str | None
    message: str

    @classmethod
    def from_exception(cls, origin: str, id: str | None, exc: Exception) -> InputError:
        return cls(origin=origin, id=id, message=one_line(str(exc)))


def check_max_chars(max_chars: int) -> None:
    if max_chars < 1:
        raise ValueError(
            f"The 'max_chars' parameter must be at least 1. Got {max_chars!r} instead."
        )


def one_line(message: str) -> str:
    # Errors are printed one per line and parsed by scripts; stray newlines would split them.
    return " ".join(message.split())


def text_id(text: str) -> str:
    """A stable id for a story that came with no name: the first 12 hex digits of its SHA-1."""
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:12]


def story_from_text(
    text: str,
    *,
    id: str | None = None,
    title: str | None = None,
    published: str | None = None,
    outlet: str | None = None,
    url: str | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
    origin: str | None = None,
    warnings: list[str] | None = None,
) -> Story:
    """Validate decoded text and wrap it in a ``Story``.

    Raises ``WirecoderError`` E001 for empty text and E002 for binary-looking text. A bad
    ``published`` date does not sink the story: it is dropped with an E008 warning.
    ``warnings`` are carried over from decoding (e.g. W003).
    """
    check_max_chars(max_chars)
    if not text.strip():
        raise WirecoderError("E001", Errors.E001)
    control = looks_binary(text)
    if control:
        raise WirecoderError("E002", Errors.E002.format(count=control))
    notes = list(warnings or [])
    surrogates = len(_SURROGATE.findall(text))
    if surrogates:
        text = _SURROGATE.sub("\ufffd", text)
        notes.append("[W003] " + Warnings.W003.format(count=surrogates))
    date, date_warning = normalise_date(published)
    if date_warning:
        notes.append(date_warning)
    text, cut_warning = truncate(text, max_chars)
    if cut_warning:
        notes.append(cut_warning)
    notes.extend(check_text(text))
    return Story(
        id=id if id else text_id(text),
        text=text,
        title=_clean(title),
        published=date,
        outlet=_clean(outlet),
        url=_clean(url),
        warnings=notes,
        origin=origin,
    )


def _clean(value: str | None) -> str | None:
    if not value or not value.strip():
        return None
    return _SURROGATE.sub("\ufffd", value.strip())
