"""HTML pages: trafilatura finds the article text and its metadata, offline."""

from __future__ import annotations

import logging

from wirecoder.errors import Errors, WirecoderError
from wirecoder.ingest.checks import looks_binary_bytes
from wirecoder.ingest.decode import decode_utf8, is_utf8
from wirecoder.ingest.story import DEFAULT_MAX_CHARS, Story, story_from_text

# trafilatura logs every page it cannot use; the reader reports those as E005 instead.
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)


def story_from_html(
    data: bytes,
    *,
    id: str | None,
    origin: str,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> Story:
    """A ``Story`` from the bytes of an HTML page; raises ``WirecoderError`` E002/E005."""
    # Imported late: trafilatura and lxml take a while to load and only HTML needs them.
    from trafilatura import bare_extraction

    if not data.strip():
        raise WirecoderError("E001", Errors.E001)
    warnings: list[str] = []
    page: str | bytes
    if is_utf8(data):
        page, warnings = decode_utf8(data)
    else:
        # Not UTF-8: let trafilatura honour the page's own <meta charset> or guess it.
        control = looks_binary_bytes(data)
        if control:
            raise WirecoderError("E002", Errors.E002.format(count=control))
        page = data
    try:
        # bare_extraction only parses what it is given; it never fetches the URL it finds.
        # favor_precision: without it a page of menus comes back as "text" ("Home World"),
        # and boilerplate coded as events is worse than a skipped page.
        found = bare_extraction(
            page,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            favor_precision=True,
        )
    except Exception as exc:  # a parser crash on one odd page must not sink the batch
        raise WirecoderError("E005", f"{Errors.E005} ({type(exc).__name__})") from exc
    text = getattr(found, "text", None) if found is not None else None
    if not text or not text.strip():
        raise WirecoderError("E005", Errors.E005)
    return story_from_text(
        text,
        id=id,
        title=getattr(found, "title", None),
        published=getattr(found, "date", None),
        outlet=getattr(found, "sitename", None),
        url=getattr(found, "url", None),
        max_chars=max_chars,
        origin=origin,
        warnings=warnings,
    )
