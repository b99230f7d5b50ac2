"""Reader for the Causal News Corpus V2 (CASE 2023 task 3) files, by path.

The corpus stays outside the repository (DESIGN.md section 5); training and benchmarks
read it from ``../shared/gold/causal``. Texts are pre-tokenised (tokens joined by single
spaces), so a relation becomes one label per space-separated token.
"""

from __future__ import annotations

import ast
import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # spaCy only for parse(): the encoder's training reads the corpus without it
    from spacy.language import Language
    from spacy.tokens import Span

_TAG = re.compile(r"</?(ARG0|ARG1|SIG\d)>")


@dataclass
class Relation:
    """Token indices of one relation's cause, effect and signal words."""

    cause: set[int] = field(default_factory=set)
    effect: set[int] = field(default_factory=set)
    signal: set[int] = field(default_factory=set)


@dataclass
class Sentence:
    index: str  # "{doc_id}_{sent_id}", the join key of both subtasks
    text: str
    label: int
    relations: list[Relation] = field(default_factory=list)

    @property
    def tokens(self) -> list[str]:
        return self.text.split(" ")


def parse_tagged(tagged: str) -> Relation:
    """One ``text_w_pairs`` string -> token labels. A tag inside a token (``p.m.</ARG0>,``)
    labels the whole token, as the official scorer does."""
    relation = Relation()
    open_tags: set[str] = set()
    token_i = 0
    for chunk in tagged.split(" "):
        # Tags closed inside this chunk still cover it when text precedes the closing tag.
        covering = set(open_tags)
        for m in _TAG.finditer(chunk):
            name = m.group(1)
            if m.group(0).startswith("</"):
                if _TAG.sub("", chunk[: m.start()]):
                    covering.add(name)
                open_tags.discard(name)
            else:
                open_tags.add(name)
                covering.add(name)
        if not _TAG.sub("", chunk):
            continue
        for name in covering | open_tags:
            _label(relation, name, token_i)
        token_i += 1
    return relation


def _label(relation: Relation, name: str, i: int) -> None:
    if name == "ARG0":
        relation.cause.add(i)
    elif name == "ARG1":
        relation.effect.add(i)
    else:
        relation.signal.add(i)


def _rows(path: Path) -> Iterator[dict[str, str]]:
    # The files start with a byte-order mark; utf-8-sig strips it from the first header.
    with path.open(encoding="utf-8-sig", newline="") as stream:
        yield from csv.DictReader(stream)


def read_split(folder: Path, split: str) -> list[Sentence]:
    """All sentences of ``split`` ("train" or "dev") with their label and relations."""
    sentences = [
        Sentence(index=row["index"], text=row["text"], label=int(row["label"]))
        for row in _rows(folder / f"{split}_subtask1.csv")
    ]
    by_index = {s.index: s for s in sentences}
    for row in _rows(folder / f"{split}_subtask2_grouped.csv"):
        key = f"{row['doc_id']}_{row['sent_id']}"
        sentence = by_index.get(key)
        if sentence is None:
            continue
        for tagged in ast.literal_eval(row["causal_text_w_pairs"]):
            sentence.relations.append(parse_tagged(tagged))
    return sentences


def without_overlap(train: list[Sentence], dev: list[Sentence]) -> list[Sentence]:
    """Train minus the sentences that also occur in dev (6 in V2)."""
    dev_texts = {s.text for s in dev}
    return [s for s in train if s.text not in dev_texts]


def parse(nlp: Language, sentences: list[Sentence], batch_size: int = 256) -> list[Span]:
    """Parse each sentence on its own given tokens, so token i is the corpus's token i."""
    from spacy.tokens import Doc

    docs = (Doc(nlp.vocab, words=s.tokens) for s in sentences)
    return [doc[:] for doc in nlp.pipe(docs, batch_size=batch_size)]
