"""Attributions -> the record's quotes: carried speakers, unattributed quotations, kinds."""

from __future__ import annotations

import re
from bisect import bisect_right

from spacy.tokens import Doc

from wirecoder.sourcing.attributions import Attribution
from wirecoder.sourcing.marks import QuoteRegion
from wirecoder.sourcing.spans import RegionIndex, is_quote_char

# A quotation shorter than this share of its sentence, inside running text, is a scare
# quote ("seeking to “control” Iraq"), not a quotation of its own.
_STANDALONE_SHARE = 0.5
# At most this many characters of the cue's sentence ("said to the TV.") between a
# quotation and the next, for the next to continue the first speaker.
_CUE_TAIL = 120
# A sentence ending inside that stretch ("said after the meeting. He didn't ...") means
# someone else may speak next; "Everett, Wash., recently" does not end one.
_SENTENCE_END = re.compile(r"[.!?]\s+[A-Z]")


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _last_char(doc: Doc, attribution: Attribution) -> int:
    ends = [b for _, b in attribution.content]
    for rng in (attribution.cue, attribution.source):
        if rng is not None:
            ends.append(doc[rng[1] - 1].idx + len(doc[rng[1] - 1].text))
    return max(ends)


_PERSONAL = {"he", "she", "they", "i", "we", "it"}


def drop_restated(doc: Doc, attributions: list[Attribution]) -> list[Attribution]:
    """An attribution inside another's content whose source is a pronoun ("Clinton said
    she thinks X", "he said he plans to Y") restates the outer speaker: the outer one
    says it all. A named inner source ("Bamberg said the videos show X") is a step of
    the chain and stays."""
    spans = sorted(c for a in attributions if a.cue is not None for c in a.content)
    starts = [a for a, _ in spans]
    kept = []
    for attribution in attributions:
        if attribution.cue is not None and attribution.source_head is not None and (
                doc[attribution.source_head].lower_ in _PERSONAL):
            at = doc[attribution.cue[0]].idx
            k = bisect_right(starts, at)
            if any(a <= at < b for a, b in spans[max(0, k - 8):k]):
                continue
        kept.append(attribution)
    return kept


def place_regions(
    doc: Doc, text: str, attributions: list[Attribution], regions: list[QuoteRegion]
) -> list[Attribution]:
    """Quotations no attribution covers: a cue-less quotation right after a quoted speaker
    continues that speaker ("“A,” he said. “B.”"); a standalone one with no speaker is
    returned as an attribution with no cue and no source (unattributed)."""
    ordered = sorted(attributions, key=lambda a: min(c for c, _ in a.content))
    covered = [c for a in ordered for c in a.content]
    covered.sort()
    unattributed: list[Attribution] = []
    k = 0
    # Attributions ordered by where they end, for "the quotation just before".
    by_end = sorted(ordered, key=lambda a: _last_char(doc, a))
    e = 0
    previous: Attribution | None = None
    for region in regions:
        while k < len(covered) and covered[k][1] <= region.start:
            k += 1
        if k < len(covered) and _overlaps(covered[k], (region.start, region.end)):
            continue
        while e < len(by_end) and _last_char(doc, by_end[e]) <= region.start:
            previous = by_end[e]
            e += 1
        if previous is not None and _plainly_continues(doc, text, previous, region):
            previous.content.extend(region.parts)
            continue
        if not _standalone(doc, text, region):
            continue
        first = doc.char_span(region.start, region.end, alignment_mode="expand")
        anchor = first.start if first is not None else 0
        placed = Attribution(cue=None, source=None, source_head=None,
                             content=list(region.parts), anchor=anchor)
        unattributed.append(placed)
        previous = placed
    return ordered + unattributed


def _plainly_continues(doc: Doc, text: str, previous: Attribution, region: QuoteRegion) -> bool:
    if previous.source is None or not previous.content:
        return False
    between = text[_last_char(doc, previous) : region.start]
    last = previous.content[-1]
    if not is_quote_char(text[last[0]]):
        return False
    if not any(ch.isalnum() for ch in between):
        return True
    # "“I would,” Melanie said to the TV. “I would, Donald.”": the rest of the cue's
    # sentence, then the next quotation straight after it.
    rest = between.rstrip()
    return (len(rest) <= _CUE_TAIL and "\n" not in between and rest[-1:] in (".", ":", ",")
            and not _SENTENCE_END.search(rest[:-1]) and ";" not in rest
            and not any(map(is_quote_char, rest)))


def _standalone(doc: Doc, text: str, region: QuoteRegion) -> bool:
    span = doc.char_span(region.start, min(region.start + 1, len(text)),
                         alignment_mode="expand")
    if span is None:
        return False
    sent = span[0].sent
    before = text[sent.start_char : region.start]
    if not any(ch.isalnum() for ch in before):
        return True
    inside = sum(b - a for a, b in region.parts)
    return inside >= _STANDALONE_SHARE * max(sent.end_char - sent.start_char, 1)


def kind_of(content: list[tuple[int, int]], regions: RegionIndex) -> str:
    quoted = 0
    total = 0
    for a, b in content:
        total += b - a
        for region in regions.within(a, b):
            for p, q in region.parts:
                quoted += max(0, min(b, q) - max(a, p))
    if total and quoted >= total - 2:
        return "direct"
    return "mixed" if quoted else "indirect"
