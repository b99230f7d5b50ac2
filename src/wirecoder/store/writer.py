"""Writes a batch of stories' rows in one transaction: a batch is stored whole or not at all.

That is what makes ingest crash-safe: a run killed mid-batch leaves the database as it was
after the last committed batch, and the rerun codes the lost batch again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import duckdb
import pyarrow as pa

from wirecoder.store.rows import Rows
from wirecoder.store.schema import STORY_TABLES


class BatchWriter:
    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con = con
        # Arrow schemas read from the tables themselves, so rows are typed exactly as the
        # columns are and an insert is one columnar copy.
        self.schemas: dict[str, pa.Schema] = {
            name: con.sql(f"SELECT * FROM {name} LIMIT 0").to_arrow_table().schema
            for name in STORY_TABLES
        }

    def write(self, batches: Iterable[Rows]) -> int:
        """Store the rows of several stories in one transaction; returns the story count."""
        merged: Rows = {name: [] for name in STORY_TABLES}
        for rows in batches:
            for name, items in rows.items():
                merged[name].extend(items)
        if not merged["stories"]:
            return 0
        self.con.execute("BEGIN TRANSACTION")
        try:
            for name in STORY_TABLES:
                items = merged[name]
                if not items:
                    continue
                table = pa.Table.from_pylist(items, schema=self.schemas[name])
                self.con.register("_wc_batch", table)
                self.con.execute(f"INSERT INTO {name} SELECT * FROM _wc_batch")
                self.con.unregister("_wc_batch")
            self.con.execute("COMMIT")
        except Exception:
            self.con.execute("ROLLBACK")
            raise
        return len(merged["stories"])


def stored_keys(con: duckdb.DuckDBPyConnection, keys: list[str]) -> set[str]:
    """Which of ``keys`` are already stored (looked up per batch, so memory stays flat)."""
    if not keys:
        return set()
    table = pa.table({"story_key": keys})
    con.register("_wc_keys", table)
    try:
        found = con.execute("SELECT s.story_key FROM stories s JOIN _wc_keys k "
                            "USING (story_key)").fetchall()
    finally:
        con.unregister("_wc_keys")
    return {row[0] for row in found}


def stored_stories(con: duckdb.DuckDBPyConnection, keys: list[str]
                   ) -> dict[str, tuple[str, dt.datetime | None]]:
    """Which of ``keys`` are already stored: key -> (story id, ingested_at)."""
    if not keys:
        return {}
    con.register("_wc_keys", pa.table({"story_key": keys}))
    try:
        found = con.execute("SELECT s.story_key, s.id, s.ingested_at FROM stories s "
                            "JOIN _wc_keys k USING (story_key)").fetchall()
    finally:
        con.unregister("_wc_keys")
    return {key: (story_id, at) for key, story_id, at in found}
