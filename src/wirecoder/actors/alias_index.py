"""Exact, case-sensitive matching of registry aliases against a Doc's tokens.

Tens of thousands of aliases would cost seconds to turn into ``Doc`` patterns for a
``PhraseMatcher`` at every start. Aliases are instead tokenized once with the
pipeline's own tokenizer, the splits cached on disk (keyed by the aliases, the spaCy
version and the tokenizer's rules), and matched as tuples of token texts: longest
match first, left to right, never overlapping.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Sequence
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

CACHE_ENV = "WIRECODER_CACHE"


def cache_dir() -> Path:
    configured = os.environ.get(CACHE_ENV)
    if configured:
        return Path(configured)
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "wirecoder"


def tokenize_aliases(nlp: Language, aliases: Sequence[str]) -> list[tuple[str, ...]]:
    """The token texts of each alias, from the on-disk cache when it holds them."""
    digest = hashlib.sha1(spacy.about.__version__.encode())
    digest.update(repr(sorted(nlp.tokenizer.rules or {})[:50]).encode())
    digest.update("\x1f".join(aliases).encode("utf-8", "surrogatepass"))
    path = cache_dir() / f"aliases-{digest.hexdigest()[:20]}.pickle"
    try:
        with path.open("rb") as handle:
            cached = pickle.load(handle)
        if len(cached) == len(aliases):
            return cached
    except (OSError, pickle.PickleError, EOFError, ValueError):
        pass
    splits = [tuple(t.text for t in doc) for doc in nlp.tokenizer.pipe(aliases, batch_size=1000)]
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        with temporary.open("wb") as handle:
            pickle.dump(splits, handle, protocol=pickle.HIGHEST_PROTOCOL)
        temporary.replace(path)
    except OSError:
        pass  # a read-only home only costs the next start the same tokenizing time
    return splits


class AliasIndex:
    """Token-tuple -> label, with the lengths to try for each first token."""

    def __init__(self) -> None:
        self.labels: dict[tuple[str, ...], str] = {}
        self.lengths: dict[str, tuple[int, ...]] = {}

    def add(self, tokens: tuple[str, ...], label: str) -> None:
        """A later label for the same tokens replaces the earlier one."""
        if not tokens:
            return
        self.labels[tokens] = label
        known = self.lengths.get(tokens[0], ())
        if len(tokens) not in known:
            self.lengths[tokens[0]] = tuple(sorted((*known, len(tokens)), reverse=True))

    def __call__(self, doc: Doc) -> list[tuple[str, int, int]]:
        words = [t.text for t in doc]
        found = []
        i = 0
        while i < len(words):
            matched = 0
            for n in self.lengths.get(words[i], ()):
                label = self.labels.get(tuple(words[i:i + n]))
                if label is not None:
                    found.append((label, i, i + n))
                    matched = n
                    break
            i += matched or 1
        return found
