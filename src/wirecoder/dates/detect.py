"""Finds temporal expressions in a Doc: spaCy's DATE entities plus patterns for what the
small model misses or cuts short ("since 2014" arrives as "2014", which loses the range)."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from wirecoder.dates.vocab import DAY_PARTS, MONTHS, NUMBER_WORDS

# Month names only capitalised: "may" and "march" are also a modal and a verb.
_MON = "(?:" + "|".join(sorted((m.capitalize() for m in MONTHS), key=len, reverse=True)) + r")\.?"
_WD = "(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_NUM = r"(?:\d+|" + "|".join(NUMBER_WORDS) + ")"
_ORD = "(?:st|nd|rd|th)?"
_YEAR = r"(?:1[0-9]|2[0-9])\d\d"
_PART = r"(?:early|mid|late)[- ]"

_POINT = (
    rf"{_YEAR}-\d\d-\d\d"
    rf"|(?:{_WD},? )?{_MON} \d{{1,2}}{_ORD}(?:,? {_YEAR})?"
    rf"|(?:{_WD},? )?\d{{1,2}}{_ORD} (?:of )?{_MON}(?:,? {_YEAR})?"
    rf"|(?:{_PART})?{_MON},? {_YEAR}"
    rf"|(?:the )?(?:{_PART})?(?:1[0-9]|2[0-9])\d0s"
    rf"|{_PART}{_YEAR}"
)
# A bare year only inside a range or after "since": alone, "2000 troops" is a count, and
# spaCy's DATE entities already find the years that are years.
_RANGE_POINT = rf"{_POINT}|{_YEAR}"
_RELATIVE = (
    rf"(?i:yesterday|today|tonight|tomorrow|last night"
    rf"|(?:earlier|later) this (?:week|month|year)"
    rf"|(?:the )?(?:past|last|previous) (?:{_NUM} )?(?:days|weeks|months|years|decade)"
    rf"|(?:last|this|next|coming) (?:week|month|year|weekend)"
    rf"|{_NUM} (?:days?|weeks?|months?|years?|decades?) ago)"
    rf"|(?:(?i:last|this|next|coming) )?{_WD}(?: (?:{'|'.join(DAY_PARTS)}))?"
)
_EXPRESSION = re.compile(
    rf"\b(?:(?:(?i:between|from) (?:{_RANGE_POINT}) ?(?:and|to|until|through|-|\u2013) ?"
    rf"(?:{_RANGE_POINT}))"
    rf"|(?i:since) (?:{_RANGE_POINT}|{_MON}|{_RELATIVE})"
    rf"|(?:{_POINT})"
    rf"|(?:{_RELATIVE}))\b"
)
# Words before an entity that change what it means: "since 2014" runs to publication;
# "from" only opens a range the entity closes ("from" + "2019 to 2021").
_PREFIXES = {"since", "between"}
_RANGE_WORDS = re.compile(r" to | until | through |-|\u2013")


def candidate_spans(doc: Doc) -> list[tuple[int, int]]:
    """Character spans that may be temporal expressions, in text order; they may overlap
    (an entity "last year, Sept. 5" and the patterns' "last year" and "Sept. 5"), and the
    caller keeps the ones that resolve."""
    found: list[tuple[int, int]] = []
    for ent in doc.ents:
        if ent.label_ != "DATE":
            continue
        start = ent.start_char
        before = doc[ent.start - 1].lower_ if ent.start > 0 else ""
        if before in _PREFIXES or (before == "from" and _RANGE_WORDS.search(ent.text)):
            start = doc[ent.start - 1].idx
        found.append((start, ent.end_char))
    found.extend(m.span() for m in _EXPRESSION.finditer(doc.text))
    return sorted(set(found))
