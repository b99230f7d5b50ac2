"""Exports of a corpus store: GDELT 2.0 event table, PLOVER JSONL, Parquet of every table."""

from __future__ import annotations

from wirecoder.export.gdelt import GDELT_COLUMNS, export_gdelt
from wirecoder.export.parquet import export_parquet
from wirecoder.export.plover import export_plover

__all__ = ["GDELT_COLUMNS", "export_gdelt", "export_parquet", "export_plover"]
