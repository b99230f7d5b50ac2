"""Inputs for ingest: everything ``read_inputs`` reads, plus CSV files (id, text, title,
published, outlet, url columns), and a cheap estimate of how many stories there are."""

from __future__ import annotations

import csv
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from wirecoder.errors import WirecoderError
from wirecoder.ingest import InputError, Story, read_inputs, story_from_text
from wirecoder.ingest.sources import SUPPORTED_SUFFIXES, walk_folder

Item = Story | InputError
_CSV_FIELDS = ("id", "title", "published", "outlet", "url")


def read_corpus(inputs: Sequence[str | Path]) -> Iterator[Item]:
    """Stories from files, folders (CSV files in them included) and stdin, in order."""
    for source in inputs:
        path = Path(source)
        if str(source) != "-" and path.suffix.lower() == ".csv":
            yield from read_csv(path)
            continue
        yield from read_inputs([source])
        if str(source) != "-" and path.is_dir():
            for csv_path in sorted(path.rglob("*.csv")):
                if not any(part.startswith(".") for part in csv_path.relative_to(path).parts):
                    yield from read_csv(csv_path)


def read_csv(path: Path) -> Iterator[Item]:
    origin = str(path)
    try:
        stream = path.open(encoding="utf-8", errors="replace", newline="")
    except OSError as exc:
        yield InputError(origin, None, f"[E014] Cannot read {path}: {exc.strerror}.")
        return
    csv.field_size_limit(sys.maxsize)
    with stream:
        reader = csv.DictReader(stream)
        if not reader.fieldnames or "text" not in reader.fieldnames:
            yield InputError(origin, None, f"[S006] CSV file {path} has no 'text' column.")
            return
        try:
            for number, row in enumerate(reader, start=2):
                where = f"{origin}:{number}"
                meta = {k: (row.get(k) or None) for k in _CSV_FIELDS}
                try:
                    yield story_from_text(row.get("text") or "", origin=where, **{
                        **meta, "id": meta["id"] or f"{path.stem}:{number}"})
                except WirecoderError as exc:
                    yield InputError.from_exception(where, meta["id"], exc)
        except csv.Error as exc:
            yield InputError(origin, None, f"[S007] CSV file {path} is malformed: {exc}.")


def estimate_total(inputs: Sequence[str | Path]) -> int | None:
    """Stories to expect, counted without parsing (lines of JSONL/CSV, one per other file),
    so the progress bar has an ETA; None for stdin."""
    total = 0
    for source in inputs:
        if str(source) == "-":
            return None
        path = Path(source)
        files = list(walk_folder(path)) + sorted(path.rglob("*.csv")) if path.is_dir() \
            else [path]
        for file in files:
            suffix = file.suffix.lower()
            if suffix in (".jsonl", ".csv"):
                try:
                    with file.open("rb") as stream:
                        lines = sum(1 for line in stream if line.strip())
                except OSError:
                    continue
                total += lines - (1 if suffix == ".csv" and lines else 0)
            elif suffix in SUPPORTED_SUFFIXES:
                total += 1
    return total
