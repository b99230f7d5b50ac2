"""A readable summary of records, for a person at a terminal (``--format table``).

One block per event: the dyad and code on the first line, its PLOVER type, Goldstein
score, modality and confidence on the second, the sentence it came from on the third.
Blocks rather than table columns, so long names and sentences stay readable at 80
columns.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.console import Console
from rich.markup import escape

from wirecoder.record import Actor, Document, Event
from wirecoder.sourcing.spans import QUOTE_CHARS

HEADER = "source -> CAMEO code (name) -> target · PLOVER · Goldstein · modality · confidence"


def actor_label(actors: list[Actor]) -> str:
    if not actors:
        return "-"
    return " + ".join(f"{escape(a.text)} [bold]\\[{a.code or '?'}][/bold]" for a in actors)


def event_block(event: Event) -> str:
    plover = event.plover.event or "no PLOVER type"
    if event.plover.mode:
        plover += f"/{event.plover.mode}"
    goldstein = "n/a" if event.goldstein is None else f"{event.goldstein:+.1f}"
    sentence = " ".join(event.evidence.text.split())
    if not (sentence[:1] in QUOTE_CHARS and sentence[-1:] in QUOTE_CHARS):
        sentence = f"“{sentence}”"  # a quoted sentence already wears its marks
    return (
        f"[bold cyan]{event.id}[/bold cyan]  {actor_label(event.source)} -> "
        f"[bold]{event.cameo}[/bold] ({escape(event.cameo_name)}) -> {actor_label(event.target)}\n"
        f"    {plover} · Goldstein {goldstein} · {event.modality} · "
        f"confidence {event.confidence:.2f}\n"
        f"    [dim]{escape(sentence)}[/dim]"
    )


def print_summary(records: Iterable[Document], console: Console | None = None) -> None:
    console = console or Console()
    for record in records:
        title = record.title or record.id
        console.print(f"[bold]{escape(title)} — {len(record.events)} events[/bold]")
        console.print(f"[dim]{HEADER}[/dim]\n")
        for event in record.events:
            console.print(event_block(event), soft_wrap=False)
            console.print()
        for warning in record.warnings:
            console.print(f"[yellow]warning[/yellow] {escape(warning)}")
