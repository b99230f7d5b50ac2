"""Direct quotations from quote marks: one linear pass over the characters.

News styles mix straight ("), curly (“ ”), angle (« ») and doubled-apostrophe ('')
marks. A quotation that runs over several paragraphs opens each paragraph with a mark
and closes only on the last; single marks (‘ ’ ') are nested quotes or apostrophes and
never open a quotation of their own. A mark that never closes ends its quotation at the
paragraph's end, with a warning: the text's structure could not be read there.
"""

from __future__ import annotations

from dataclasses import dataclass, field

_OPENERS = {"“": "curly", "«": "angle", "„": "curly"}
_CLOSERS = {"”": "curly", "»": "angle"}
_STRAIGHT = ('"', "''", "``")


@dataclass
class QuoteRegion:
    """One quoted stretch of text, marks included; ``parts`` are its paragraphs."""

    start: int
    end: int
    parts: list[tuple[int, int]] = field(default_factory=list)
    unclosed: bool = False


@dataclass
class MarkScan:
    regions: list[QuoteRegion]
    stray_closers: list[int]


def _mark_at(text: str, i: int) -> tuple[str, int] | None:
    """(family, width) of the quote mark starting at ``i``, if any."""
    ch = text[i]
    if ch in _OPENERS:
        return "open:" + _OPENERS[ch], 1
    if ch in _CLOSERS:
        return "close:" + _CLOSERS[ch], 1
    if ch == '"':
        return "straight", 1
    if ch in "'`" and text[i + 1 : i + 2] == ch:
        return "straight", 2
    return None


def _paragraph_opens_with_mark(text: str, start: int) -> bool:
    j = start
    while j < len(text) and text[j] in " \t\xa0":
        j += 1
    mark = _mark_at(text, j) if j < len(text) else None
    return mark is not None and (mark[0].startswith("open") or mark[0] == "straight")


def scan_quotes(text: str) -> MarkScan:
    regions: list[QuoteRegion] = []
    strays: list[int] = []
    open_at: int | None = None
    family: str | None = None
    pending: QuoteRegion | None = None  # a quotation continued from the paragraph above
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch == "\n":
            if open_at is not None:
                # Unclosed at the paragraph's end: continued when the next paragraph opens
                # with a mark (news style for long quotations), otherwise cut here.
                j = i
                while j < n and text[j] in "\n\r \t\xa0":
                    j += 1
                part_end = i
                region = pending or QuoteRegion(open_at, part_end)
                region.parts.append((open_at, part_end))
                region.end = part_end
                if j < n and _paragraph_opens_with_mark(text, j):
                    pending = region
                else:
                    region.unclosed = True
                    regions.append(region)
                    pending = None
                open_at = family = None
            elif pending is not None and text[i + 1 : i + 2] not in ("\n", ""):
                pass
            i += 1
            continue
        mark = _mark_at(text, i)
        if mark is None:
            i += 1
            continue
        kind, width = mark
        if open_at is None:
            if kind.startswith("close"):
                if pending is not None:
                    pending = None
                strays.append(i)
            else:
                open_at, family = i, kind.split(":")[-1]
                if pending is not None and text[pending.end : i].strip("\n\r \t\xa0"):
                    regions.append(_close_pending(pending))
                    pending = None
        elif kind == "straight" and family == "straight" or kind == f"close:{family}":
            end = i + width
            region = pending or QuoteRegion(open_at, end)
            region.parts.append((open_at, end))
            region.end = end
            regions.append(region)
            pending = None
            open_at = family = None
        elif kind.startswith("open") and family == kind.split(":")[-1]:
            # A second opener of the same family before a closer: the first never closed.
            region = pending or QuoteRegion(open_at, i)
            region.parts.append((open_at, _rstrip(text, open_at, i)))
            region.end = region.parts[-1][1]
            region.unclosed = True
            regions.append(region)
            pending = None
            open_at = i
        # Marks of another family inside an open quotation are nested quotes.
        i += width
    if open_at is not None:
        region = pending or QuoteRegion(open_at, n)
        end = _rstrip(text, open_at, n)
        region.parts.append((open_at, end))
        region.end = end
        region.unclosed = True
        regions.append(region)
    elif pending is not None:
        regions.append(_close_pending(pending))
    regions.sort(key=lambda r: r.start)
    return MarkScan(regions, strays)


def _close_pending(region: QuoteRegion) -> QuoteRegion:
    region.unclosed = True
    return region


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start + 1 and text[end - 1] in " \t\n\r\xa0":
        end -= 1
    return end
