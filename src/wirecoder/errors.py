"""Every error and warning wirecoder raises, numbered, in one catalogue.

A message names the bad value and the fix. Warnings that concern one document are
also written into that record's ``warnings`` list, so nothing is silently dropped.
"""

from __future__ import annotations


class WirecoderError(ValueError):
    """A problem the user can fix: bad input, a missing file, a bad option."""

    def __init__(self, code: str, message: str) -> None:
        self.code = code
        super().__init__(f"[{code}] {message}")


class WirecoderWarning(UserWarning):
    """Something was read or coded only in part."""


class Errors:
    E001 = "Input is empty or whitespace only."
    E002 = "Input looks binary (it holds {count} control bytes): pass text, HTML or JSONL."
    E003 = "Input is not valid UTF-8 (byte {position}); re-encode it as UTF-8."
    E004 = "Input is {size:,} characters, over the limit of {limit:,}; split it or raise max_chars."
    E005 = "HTML holds no article text that trafilatura could extract."
    E006 = "JSONL line {line} is not a JSON object: {reason}."
    E007 = "JSONL line {line} has no 'text' string."
    E008 = "'published' must be an ISO date (YYYY-MM-DD); got {value!r}."
    E009 = "No such file or folder: {path}."
    E010 = "Unsupported input type {suffix!r} for {path}: use .txt, .html, .htm or .jsonl."
    E011 = "Actor file {path} line {line}: {reason}."
    E012 = "The spaCy model {name!r} is not installed: run `pip install {package}`."
    E013 = "Component {name!r} needs {needs!r}, which no earlier component assigns."
    E014 = "Cannot read {path}: {reason}."


class Warnings:
    W001 = "Text does not look like English (stopword share {share:.2f}); events may be missed."
    W002 = "Text was truncated to {limit:,} characters for coding."
    W003 = "Input had {count} undecodable bytes, replaced with U+FFFD."
    W004 = "No publication date: event dates cannot be resolved."
