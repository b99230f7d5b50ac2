"""Readers: turn files, folders and stdin into ``Story`` objects, or ``InputError`` skips.

``read_inputs`` is the one entry point for batches; ``story_from_text`` wraps text that
is already in memory (``wirecoder.code`` uses it). One bad record never sinks a batch:
it becomes an ``InputError`` in the stream and reading goes on.
"""

from __future__ import annotations

from wirecoder.ingest.checks import check_text
from wirecoder.ingest.sources import read_inputs
from wirecoder.ingest.story import InputError, Story, story_from_text

__all__ = ["InputError", "Story", "check_text", "read_inputs", "story_from_text"]
