"""Token and character ranges: trimming, quote-mark expansion, subtraction."""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc

from wirecoder.sourcing.marks import QuoteRegion

# Punctuation that never belongs at the edge of an attributed span.
_EDGE_PUNCT = {",", ".", ";", ":", "—", "–", "-", "―", "--", "(", ")", "!", "?"}
QUOTE_CHARS = set("\"“”«»„'‘’`")


def trim_tokens(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` without edge punctuation and spaces; quote marks are kept."""
    while start < end and (doc[start].text in _EDGE_PUNCT or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].text in _EDGE_PUNCT or doc[end - 1].is_space):
        end -= 1
    return start, end


def char_range(doc: Doc, start: int, end: int) -> tuple[int, int]:
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)


class RegionIndex:
    """Quote regions by position, for "which quotation holds this character?"."""

    def __init__(self, regions: list[QuoteRegion]) -> None:
        self.regions = regions
        self.starts = [r.start for r in regions]

    def at(self, char: int) -> QuoteRegion | None:
        k = bisect_right(self.starts, char) - 1
        if k >= 0 and self.regions[k].start <= char < self.regions[k].end:
            return self.regions[k]
        return None

    def within(self, start: int, end: int) -> list[QuoteRegion]:
        """Regions that overlap ``[start, end)``."""
        k = max(bisect_right(self.starts, start) - 1, 0)
        found = []
        while k < len(self.regions) and self.regions[k].start < end:
            if self.regions[k].end > start:
                found.append(self.regions[k])
            k += 1
        return found


def expand_to_quotes(start: int, end: int, index: RegionIndex) -> tuple[int, int]:
    """Grow a character range so that it never cuts a quotation in two (the closing mark
    of a quote that ends the content belongs to it)."""
    for region in index.within(start, end):
        for part_start, part_end in region.parts:
            if part_start < end and part_end > start:
                start, end = min(start, part_start), max(end, part_end)
    return start, end


def is_quote_char(ch: str) -> bool:
    return ch in QUOTE_CHARS
