"""Where stories come from: files, folders and stdin, each turned into a stream of stories.

One bad input becomes one ``InputError`` in the stream; nothing here raises for bad data.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from itertools import chain
from pathlib import Path
from typing import BinaryIO

from wirecoder.errors import Errors, WirecoderError
from wirecoder.ingest.html import story_from_html
from wirecoder.ingest.jsonl import read_jsonl_lines
from wirecoder.ingest.story import (
    DEFAULT_MAX_CHARS,
    InputError,
    Story,
    check_max_chars,
    one_line,
)
from wirecoder.ingest.text import story_from_text_bytes

STDIN = "-"
STDIN_ORIGIN = "<stdin>"
TEXT_SUFFIXES = frozenset({".txt"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSONL_SUFFIXES = frozenset({".jsonl"})
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES

Item = Story | InputError


def read_inputs(
    inputs: Sequence[str | Path], *, max_chars: int = DEFAULT_MAX_CHARS
) -> Iterator[Item]:
    """Yield a ``Story`` or an ``InputError`` for every story in ``inputs``, in order.

    Each input is a .txt, .html, .htm or .jsonl file, a folder of them (read recursively
    in sorted order; hidden entries and other suffixes are skipped), or ``"-"`` for stdin.
    """
    check_max_chars(max_chars)
    for source in inputs:
        if str(source) == STDIN:
            yield from read_stdin(max_chars=max_chars)
            continue
        path = Path(source)
        if path.is_dir():
            for file in walk_folder(path):
                yield from read_file(file, max_chars=max_chars)
        elif not path.exists():
            yield InputError(str(path), None, "[E009] " + Errors.E009.format(path=path))
        elif path.suffix.lower() not in SUPPORTED_SUFFIXES:
            message = Errors.E010.format(suffix=path.suffix, path=path)
            yield InputError(str(path), None, "[E010] " + message)
        else:
            yield from read_file(path, max_chars=max_chars)


def walk_folder(folder: Path) -> Iterator[Path]:
    """Supported files under ``folder``, sorted by name at each level, hidden ones skipped.

    Linked folders are not followed, so a link cycle cannot make the walk endless.
    """
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):
            yield from walk_folder(Path(entry.path))
        elif Path(entry.name).suffix.lower() in SUPPORTED_SUFFIXES:
            yield Path(entry.path)


def read_file(path: Path, *, max_chars: int = DEFAULT_MAX_CHARS) -> Iterator[Item]:
    """Stories from one file, chosen by suffix; read errors become ``InputError`` E014."""
    origin = str(path)
    suffix = path.suffix.lower()
    try:
        with path.open("rb") as stream:
            if suffix in JSONL_SUFFIXES:
                yield from read_jsonl_lines(
                    stream, origin=origin, stem=path.stem, max_chars=max_chars
                )
            else:
                yield _read_document(stream, suffix, origin, path.stem, max_chars)
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        yield InputError(origin, None, "[E014] " + Errors.E014.format(path=path, reason=reason))


def read_stdin(*, max_chars: int = DEFAULT_MAX_CHARS) -> Iterator[Item]:
    """Stories from stdin, sniffed: JSONL if it opens with '{', HTML with '<', else text."""
    stream: BinaryIO | None = getattr(sys.stdin, "buffer", None)
    if stream is None:  # a text-only stand-in (tests, notebooks): encode it back
        lines: Iterable[bytes] = (line.encode("utf-8", "surrogateescape") for line in sys.stdin)
    else:
        lines = stream
    lines = iter(lines)
    # Read only the leading blank lines, so a JSONL stream is still read line by line.
    head: list[bytes] = []
    first = b""
    for line in lines:
        head.append(line)
        first = line.lstrip().lstrip(b"\xef\xbb\xbf").lstrip()
        if first:
            break
    rest = chain(head, lines)
    if first.startswith(b"{"):
        yield from read_jsonl_lines(rest, origin=STDIN_ORIGIN, stem=None, max_chars=max_chars)
        return
    suffix = ".html" if first.startswith(b"<") else ".txt"
    yield _read_document(_LineReader(rest), suffix, STDIN_ORIGIN, None, max_chars)


def _read_document(
    stream: BinaryIO | _LineReader, suffix: str, origin: str, stem: str | None, max_chars: int
) -> Item:
    try:
        if suffix in HTML_SUFFIXES:
            return story_from_html(stream.read(), id=stem, origin=origin, max_chars=max_chars)
        # Four bytes per character at most: reading more than that cannot change what is kept.
        budget = 4 * max_chars + 4
        data = stream.read(budget + 1)
        complete = len(data) <= budget
        return story_from_text_bytes(
            data[:budget], id=stem, origin=origin, complete=complete, max_chars=max_chars
        )
    except WirecoderError as exc:
        return InputError(origin, stem, one_line(str(exc)))


class _LineReader:
    """``read(n)`` over an iterator of byte lines (stdin after sniffing its first line)."""

    def __init__(self, lines: Iterable[bytes]) -> None:
        self._lines = iter(lines)

    def read(self, size: int = -1) -> bytes:
        parts: list[bytes] = []
        got = 0
        for line in self._lines:
            parts.append(line)
            got += len(line)
            if 0 <= size <= got:
                break
        return b"".join(parts)
