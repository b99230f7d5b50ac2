"""Ingest: code every story not yet stored and write it, batch by batch, then merge.

Stories are keyed by a hash of their normalised text (``keys.story_key``), so a rerun
skips what is stored and a copy of a story under another id or file is stored once.

Memory stays flat however many stories a run reads: which keys (and ids) are stored is
looked up in the database, a chunk of stories at a time, and only the stories handed to
the coder but not yet committed are held in memory; the merge streams (``merge.py``).
"""

from __future__ import annotations

import datetime as dt
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

import duckdb

from wirecoder.ingest import InputError, Story
from wirecoder.store.inputs import Item, read_corpus
from wirecoder.store.keys import story_key
from wirecoder.store.merge import merge_events
from wirecoder.store.rows import story_rows
from wirecoder.store.writer import BatchWriter, stored_stories

# Stories per transaction: small enough that a crash loses little work, large enough
# that the per-transaction cost stays well under the coding time.
DEFAULT_BATCH = 64
_LOOKUP_CHUNK = 256


@dataclass
class IngestReport:
    read: int = 0
    stored: int = 0
    already_stored: int = 0
    duplicates: int = 0
    failed: int = 0
    events: int = 0
    mentions: int = 0
    seconds: float = 0.0
    messages: list[str] = field(default_factory=list)

    @property
    def done(self) -> int:
        return self.stored + self.already_stored + self.duplicates + self.failed


Notify = Callable[[IngestReport], None]


def ingest(inputs: Sequence[str | Path], con: duckdb.DuckDBPyConnection, *,
           workers: int = 1, batch_size: int = DEFAULT_BATCH,
           on_progress: Notify | None = None,
           on_message: Callable[[str], None] | None = None) -> IngestReport:
    """Code and store every new story in ``inputs``; returns what happened."""
    from wirecoder.api import code_stories

    report = IngestReport()
    started = time.perf_counter()

    def say(message: str) -> None:
        report.messages.append(message)
        if on_message:
            on_message(message)

    def notify() -> None:
        if on_progress:
            on_progress(report)

    pending: deque[tuple[str, str | None]] = deque()
    inflight = InFlight()

    def fresh() -> Iterator[Story]:
        for story, key in new_stories(read_corpus(inputs), con, report, say, notify,
                                      inflight=inflight):
            pending.append((key, story.origin))
            yield story

    writer = BatchWriter(con)
    batch = []
    batch_keys: list[str] = []

    def write() -> None:
        report.stored += writer.write(batch)
        # Committed: from now on the database answers for these keys.
        inflight.done(batch_keys)
        batch.clear()
        batch_keys.clear()

    for record in code_stories(fresh(), n_process=workers):
        key, origin = pending.popleft()
        batch.append(story_rows(record, key, origin=origin))
        batch_keys.append(key)
        report.mentions += len(record.events)
        if len(batch) >= batch_size:
            write()
            notify()
    write()
    notify()
    report.events = merge_events(con)
    report.seconds = time.perf_counter() - started
    return report


@dataclass
class InFlight:
    """Stories handed to the coder but not committed yet (at most a batch or two): the
    only story keys a run holds in memory."""

    ids: dict[str, str] = field(default_factory=dict)    # key -> id
    keys: dict[str, str] = field(default_factory=dict)   # id -> key

    def add(self, key: str, story_id: str) -> None:
        self.ids[key] = story_id
        self.keys[story_id] = key

    def done(self, keys: list[str]) -> None:
        for key in keys:
            story_id = self.ids.pop(key, None)
            if story_id is not None and self.keys.get(story_id) == key:
                del self.keys[story_id]


def new_stories(items: Iterator[Item], con: duckdb.DuckDBPyConnection, report: IngestReport,
                say: Callable[[str], None], notify: Callable[[], None], *,
                inflight: InFlight | None = None) -> Iterator[tuple[Story, str]]:
    """The stories not stored yet, with their keys; bad items and copies are reported.

    A key is new when neither the database nor ``inflight`` has it; one the database
    stored during this run (``ingested_at`` at or after its start) is a copy read twice.
    """
    inflight = inflight if inflight is not None else InFlight()
    started = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    while True:
        chunk = list(islice(items, _LOOKUP_CHUNK))
        if not chunk:
            return
        stories: list[tuple[Story, str]] = []
        for item in chunk:
            report.read += 1
            if isinstance(item, InputError):
                report.failed += 1
                say(f"skipped {item.origin}" + (f" ({item.id})" if item.id else "")
                    + f": {item.message}")
                continue
            stories.append((item, story_key(item.text, item.title)))
        stored = stored_stories(con, [key for _, key in stories])
        known_ids = _stored_ids(con, [story.id for story, _ in stories])
        for story, key in stories:
            first: str | None = inflight.ids.get(key)
            if first is None and key in stored:
                first_id, ingested_at = stored[key]
                if ingested_at is None or ingested_at < started:
                    report.already_stored += 1
                    continue
                first = first_id
            if first is not None:
                report.duplicates += 1
                say(f"skipped {story.origin} ({story.id}): the same text as story "
                    f"{first!r}, stored once")
                continue
            other = inflight.keys.get(story.id) or known_ids.get(story.id)
            if other is not None and other != key:
                say(f"warning {story.origin} ({story.id}): another story has this id with "
                    "different text; both are stored, told apart by their content hash")
            inflight.add(key, story.id)
            yield story, key
        notify()


def _stored_ids(con: duckdb.DuckDBPyConnection, ids: list[str]) -> dict[str, str]:
    if not ids:
        return {}
    import pyarrow as pa

    con.register("_wc_ids", pa.table({"id": ids}))
    try:
        rows = con.execute("SELECT s.id, s.story_key FROM stories s JOIN _wc_ids USING (id)"
                           ).fetchall()
    finally:
        con.unregister("_wc_ids")
    return dict(rows)
