"""Every table of the store as a Parquet file (``PATH/<table>.parquet``)."""

from __future__ import annotations

from pathlib import Path

import duckdb

from wirecoder.store.schema import DERIVED_TABLES, STORY_TABLES


def export_parquet(con: duckdb.DuckDBPyConnection, folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for table in (*STORY_TABLES, *DERIVED_TABLES):
        path = folder / f"{table}.parquet"
        # The path is ours, but quote it the SQL way in case the folder holds a quote.
        quoted = str(path).replace("'", "''")
        con.execute(f"COPY {table} TO '{quoted}' (FORMAT parquet)")
        written.append(path)
    return written
