"""Dates: the publication date, and (later) temporal expressions resolved against it."""

from __future__ import annotations

from datetime import date


def parse_iso_date(value: str | None) -> date | None:
    """The date in an ISO string (``YYYY-MM-DD``, time part ignored), or None."""
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
