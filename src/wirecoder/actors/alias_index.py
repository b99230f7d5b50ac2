"""Exact, case-sensitive matching of registry aliases against a Doc's tokens.

Tens of thousands of aliases would cost seconds to turn into ``Doc`` patterns for a
``PhraseMatcher`` at every start. Aliases are instead tokenized once with the
pipeline's own tokenizer, the splits cached on disk (keyed by the aliases, the spaCy
version and the tokenizer's rules), and matched as tuples of token texts: longest
match first, left to right, never overlapping.
"""

from __future__ import annotations

from collections.abc import Sequence

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from wirecoder.cache import cached


def tokenize_aliases(nlp: Language, aliases: Sequence[str]) -> list[tuple[str, ...]]:
    """The token texts of each alias, from the on-disk cache when it holds them."""
    key = "\x1e".join([spacy.about.__version__, repr(sorted(nlp.tokenizer.rules or {})[:50]),
                        "\x1f".join(aliases)])

    def build() -> list[tuple[str, ...]]:
        docs = nlp.tokenizer.pipe(aliases, batch_size=1000)
        return [tuple(t.text for t in doc) for doc in docs]

    return cached("aliases", key, build, valid=lambda v: len(v) == len(aliases))


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
                if i + n > len(words):
                    continue  # a shorter slice would match a shorter alias, misplaced
                label = self.labels.get(tuple(words[i:i + n]))
                if label is not None:
                    found.append((label, i, i + n))
                    matched = n
                    break
            i += matched or 1
        return found
