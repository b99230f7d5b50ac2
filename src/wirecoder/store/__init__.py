"""The corpus store: an embedded DuckDB database of coded stories, their event mentions,
and the events those mentions report (see ``docs/store.md`` for the schema)."""

from __future__ import annotations

from wirecoder.store.ingest import IngestReport, ingest
from wirecoder.store.merge import merge_events
from wirecoder.store.schema import SCHEMA_VERSION, connect

__all__ = ["SCHEMA_VERSION", "IngestReport", "connect", "ingest", "merge_events"]
