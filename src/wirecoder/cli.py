"""The ``wirecoder`` command."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from wirecoder import __version__


@click.group()
@click.version_option(__version__, prog_name="wirecoder")
def main() -> None:
    """Political event coding from news text: who did what to whom, according to whom."""


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write records here instead of standard output.")
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl", "table"]), default=None,
              help="json: one record (or an array); jsonl: one record a line; table: a summary.")
@click.option("--workers", default=1, show_default=True, help="Processes for nlp.pipe.")
def code(inputs: tuple[str, ...], output: Path | None, fmt: str | None, workers: int) -> None:
    """Code INPUTS (.txt, .html, .jsonl files, folders of them, or - for stdin)."""
    from wirecoder.api import code_stories
    from wirecoder.ingest import InputError, Story, read_inputs

    stories: list[Story] = []
    failures = 0
    for item in read_inputs(list(inputs)):
        if isinstance(item, InputError):
            failures += 1
            label = f"{item.origin}" + (f" ({item.id})" if item.id else "")
            click.echo(f"skipped {label}: {item.message}", err=True)
        else:
            stories.append(item)
    if not stories:
        raise click.ClickException("nothing could be coded" + (f" ({failures} inputs failed)"
                                                               if failures else ""))
    records = code_stories(stories, n_process=workers)
    # One object only for one document read from one file (or stdin text); a folder, a
    # .jsonl file or several inputs give JSONL even when a single story survives.
    first = Path(inputs[0])
    single = (len(inputs) == 1 and len(stories) + failures == 1 and not first.is_dir()
              and first.suffix.lower() != ".jsonl")
    fmt = fmt or ("json" if single else "jsonl")
    if fmt == "table":
        from rich.console import Console

        from wirecoder.summary import print_summary

        with _open(output) as stream:
            print_summary(records, Console(file=stream, width=160 if output else None))
        return
    with _open(output) as stream:
        if fmt == "jsonl":
            for record in records:
                stream.write(record.to_json() + "\n")
        else:
            items = [record.to_dict() for record in records]
            payload = items[0] if len(items) == 1 else items
            stream.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")


@main.command()
@click.argument("inputs", nargs=-1, required=True)
def sources(inputs: tuple[str, ...]) -> None:
    """Print a sourcing report for INPUTS: claims with speakers and chains, outlets,
    unattributed quotations, and the share of sentences with an attribution."""
    from wirecoder.api import code_stories
    from wirecoder.ingest import InputError, read_inputs
    from wirecoder.sourcing.report import render

    stories = []
    for item in read_inputs(list(inputs)):
        if isinstance(item, InputError):
            click.echo(f"skipped {item.origin}: {item.message}", err=True)
        else:
            stories.append(item)
    if not stories:
        raise click.ClickException("nothing could be coded")
    for n, record in enumerate(code_stories(stories)):
        click.echo(("\n" if n else "") + render(record))


@main.command()
def schema() -> None:
    """Print the record's JSON Schema."""
    from wirecoder.record import json_schema

    click.echo(json.dumps(json_schema(), indent=2))


@main.group()
def actors() -> None:
    """The actor registry."""


@actors.command("import")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="Registry JSONL file to write; load it with WIRECODER_ACTORS=PATH.")
def import_actors(path: Path, output: Path) -> None:
    """Convert a PETRARCH/Phoenix actor or agent dictionary into registry JSONL."""
    from wirecoder.actors.petrarch_import import import_petrarch, write_jsonl

    count = write_jsonl(import_petrarch(path), output)
    click.echo(f"wrote {count} entries to {output}", err=True)


@main.command()
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the answer as JSON.")
@click.option("--encoder", is_flag=True,
              help="Let the fine-tuned encoder judge unsure sentences (slower, more accurate).")
def why(path: Path, as_json: bool, encoder: bool) -> None:
    """The reasons a story gives for its main events, grouped by who gives them."""
    from wirecoder.api import make_doc
    from wirecoder.ingest import InputError, read_inputs
    from wirecoder.pipeline import load_pipeline
    from wirecoder.reasons.why import explain, format_why

    items = list(read_inputs([str(path)]))
    story = next((i for i in items if not isinstance(i, InputError)), None)
    if story is None:
        raise click.ClickException(f"{path}: nothing could be read")
    config = {"wirecoder_reasons": {"encoder": True}} if encoder else {}
    summary = explain(load_pipeline(**config)(make_doc(story)))
    click.echo(json.dumps(summary, ensure_ascii=False, indent=2) if as_json
               else format_why(summary))


class _open:
    def __init__(self, path: Path | None) -> None:
        self.path = path

    def __enter__(self):  # type: ignore[no-untyped-def]
        self.stream = self.path.open("w", encoding="utf-8") if self.path else sys.stdout
        return self.stream

    def __exit__(self, *exc: object) -> None:
        if self.path:
            self.stream.close()


# Corpus mode (ingest, query, plot, export, spark) lives in its own module.
from wirecoder.corpus_cli import COMMANDS as _CORPUS_COMMANDS  # noqa: E402

for _command in _CORPUS_COMMANDS:
    main.add_command(_command)


if __name__ == "__main__":
    main()
