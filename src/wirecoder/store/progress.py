"""Ingest progress: a rich bar with rate and ETA on a terminal, one line per update
otherwise (logs and pipes get a readable record, not control codes)."""

from __future__ import annotations

import sys
import time
from types import TracebackType

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskProgressColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from wirecoder.store.ingest import IngestReport


class IngestProgress:
    def __init__(self, total: int | None) -> None:
        self.console = Console(stderr=True)
        self.total = total
        self.live = self.console.is_terminal
        self.started = time.perf_counter()
        self.progress = Progress(
            TextColumn("ingest"), BarColumn(), MofNCompleteColumn(), TaskProgressColumn(),
            TextColumn("{task.fields[rate]:.1f} stories/s"), TimeElapsedColumn(),
            TextColumn("ETA"), TimeRemainingColumn(), console=self.console,
            disable=not self.live)
        self.task = self.progress.add_task("ingest", total=total, rate=0.0)

    def __enter__(self) -> IngestProgress:
        self.progress.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.progress.stop()

    def update(self, report: IngestReport) -> None:
        elapsed = max(time.perf_counter() - self.started, 1e-9)
        rate = report.stored / elapsed
        done = report.done
        if self.total is not None and done > self.total:
            self.total = done
            self.progress.update(self.task, total=done)
        self.progress.update(self.task, completed=done, rate=rate)
        if not self.live:
            of = f"/{self.total}" if self.total else ""
            print(f"ingest: {done}{of} done, {report.stored} stored, {rate:.1f} stories/s",
                  file=sys.stderr, flush=True)

    def message(self, text: str) -> None:
        self.progress.console.print(text, markup=False, highlight=False) if self.live \
            else print(text, file=sys.stderr, flush=True)
