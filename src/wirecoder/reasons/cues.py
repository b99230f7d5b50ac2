"""The cue lexicon (``data/reasons/cues.tsv``) and its matcher."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Span

CUES_FILE = Path(__file__).resolve().parent.parent / "data" / "reasons" / "cues.tsv"
ROLES = ("cause", "purpose", "effect", "expect", "justify")


@dataclass(frozen=True)
class Cue:
    words: tuple[str, ...]
    by_lemma: bool
    role: str
    strong: bool


@dataclass(frozen=True)
class CueHit:
    start: int  # token index in the Doc
    end: int
    cue: Cue

    @property
    def phrase(self) -> str:
        return " ".join(self.cue.words)


@lru_cache(maxsize=1)
def cue_index() -> dict[str, list[Cue]]:
    """First word -> cues starting with it, longest first (the longest match wins)."""
    text = CUES_FILE.read_text("utf-8")
    index: dict[str, list[Cue]] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        phrase, match, role, strength = line.split("\t")
        if role not in ROLES:
            raise ValueError(f"cues.tsv: unknown role {role!r}")
        cue = Cue(tuple(phrase.split()), match == "lemma", role, strength == "strong")
        index.setdefault(cue.words[0], []).append(cue)
    for cues in index.values():
        cues.sort(key=lambda c: -len(c.words))
    return index


def find_cues(sent: Span) -> list[CueHit]:
    """Non-overlapping cue matches in a sentence, left to right."""
    index = cue_index()
    words = [t.lower_ for t in sent]
    lemmas = [t.lemma_.lower() for t in sent]
    hits: list[CueHit] = []
    i = 0
    while i < len(words):
        found = None
        for key in {words[i], lemmas[i]}:
            for cue in index.get(key, ()):
                seq = lemmas if cue.by_lemma else words
                n = len(cue.words)
                if tuple(seq[i : i + n]) == cue.words and (found is None or n > len(found.words)):
                    found = cue
        if found is None:
            i += 1
            continue
        hits.append(CueHit(sent.start + i, sent.start + i + len(found.words), found))
        i += len(found.words)
    return hits
