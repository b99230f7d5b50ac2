"""The sourcing tables (``data/sourcing/*.tsv``), read once per process."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True)
class Outlet:
    id: str
    name: str
    aliases: tuple[str, ...]
    type: str
    country: str | None
    affiliation: str | None


@dataclass(frozen=True)
class Cue:
    lemma: str
    cls: str  # speech, evidence, cognition
    content: str  # any, clause, quote


def _rows(name: str) -> list[dict[str, str]]:
    text = resources.files("wirecoder").joinpath(f"data/sourcing/{name}").read_text("utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


@lru_cache(maxsize=1)
def cues() -> dict[str, Cue]:
    return {r["lemma"]: Cue(r["lemma"], r["class"], r["content"]) for r in _rows("cues.tsv")}


@dataclass(frozen=True)
class NounCue:
    lemma: str
    kind: str  # act, agent
    preps: frozenset[str]


@lru_cache(maxsize=1)
def noun_cues() -> dict[str, NounCue]:
    return {r["lemma"]: NounCue(r["lemma"], r["kind"], frozenset(r["preps"].split("|")))
            for r in _rows("nouns.tsv")}


@lru_cache(maxsize=1)
def outlets() -> tuple[Outlet, ...]:
    found = []
    for row in _rows("outlets.tsv"):
        slug = "".join(c if c.isalnum() else "-" for c in row["name"].lower()).strip("-")
        aliases = tuple(a for a in (row["aliases"] or "").split("|") if a)
        found.append(
            Outlet(
                id=f"outlet:{slug}",
                name=row["name"],
                aliases=aliases,
                type=row["type"],
                country=row["country"] or None,
                affiliation=row["affiliation"] or None,
            )
        )
    return tuple(found)


@lru_cache(maxsize=1)
def anonymous_heads() -> frozenset[str]:
    return frozenset(r["text"] for r in _rows("anonymous.tsv") if r["kind"] == "head")


@lru_cache(maxsize=1)
def anonymous_phrases() -> tuple[str, ...]:
    return tuple(r["text"] for r in _rows("anonymous.tsv") if r["kind"] == "phrase")


@lru_cache(maxsize=1)
def document_types() -> dict[str, str]:
    return {r["lemma"]: r["type"] for r in _rows("documents.tsv")}
