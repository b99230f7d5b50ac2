"""A readable summary of records, for a person at a terminal (``--format table``)."""

from __future__ import annotations

from collections.abc import Iterable

from rich.console import Console
from rich.table import Table

from wirecoder.record import Actor, Document


def actor_label(actors: list[Actor]) -> str:
    if not actors:
        return "-"
    return " + ".join(f"{a.text} [{a.code or '?'}]" for a in actors)


def print_summary(records: Iterable[Document], console: Console | None = None) -> None:
    console = console or Console()
    for record in records:
        title = record.title or record.id
        table = Table(title=f"{title} — {len(record.events)} events", show_lines=True,
                      expand=True)
        table.add_column("source -> CAMEO (name) -> target", ratio=3)
        table.add_column("PLOVER", ratio=1)
        table.add_column("Goldstein", justify="right")
        table.add_column("modality")
        table.add_column("sentence", ratio=4)
        for event in record.events:
            plover = event.plover.event or "-"
            if event.plover.mode:
                plover += f"/{event.plover.mode}"
            table.add_row(
                f"{actor_label(event.source)} -> {event.cameo} ({event.cameo_name}) -> "
                f"{actor_label(event.target)}",
                plover,
                "" if event.goldstein is None else f"{event.goldstein:+.1f}",
                event.modality,
                event.evidence.text,
            )
        console.print(table)
        for warning in record.warnings:
            console.print(f"[yellow]warning[/yellow] {warning}")
