"""Corpus-mode commands: ingest, query, plot, export and spark (registered in cli.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

DB_OPTION = click.option("--db", default="corpus.duckdb", show_default=True,
                         type=click.Path(dir_okay=False), help="The corpus database (DuckDB).")


def _open(db: str, *, read_only: bool):  # type: ignore[no-untyped-def]
    from wirecoder.errors import WirecoderError
    from wirecoder.store import connect

    if read_only and not Path(db).exists():
        raise click.ClickException(f"no database at {db}; run `wirecoder ingest ... --db {db}`")
    try:
        return connect(db, read_only=read_only)
    except WirecoderError as exc:
        raise click.ClickException(str(exc)) from exc


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@DB_OPTION
@click.option("--workers", default=1, show_default=True, help="Processes for coding.")
@click.option("--batch-size", default=64, show_default=True,
              help="Stories stored per transaction.")
def ingest(inputs: tuple[str, ...], db: str, workers: int, batch_size: int) -> None:
    """Code INPUTS (folders, .txt, .html, .jsonl, .csv, - for stdin) into the database.

    Stories already stored (same text) are skipped, so a rerun, or a run after a crash,
    stores each story exactly once. Duplicate reports are merged into events at the end.
    """
    from wirecoder.store import ingest as run_ingest
    from wirecoder.store.inputs import estimate_total
    from wirecoder.store.progress import IngestProgress

    con = _open(db, read_only=False)
    total = estimate_total(inputs)
    with IngestProgress(total) as progress:
        report = run_ingest(list(inputs), con, workers=workers, batch_size=batch_size,
                            on_progress=progress.update, on_message=progress.message)
    con.close()
    rate = report.stored / report.seconds if report.seconds else 0.0
    click.echo(f"stored {report.stored} stories ({report.mentions} event mentions) in "
               f"{report.seconds:.1f} s, {rate:.1f} stories/s; skipped {report.already_stored}"
               f" already stored, {report.duplicates} duplicate texts, {report.failed} "
               f"unreadable; {report.events} events in {db}", err=True)
    if report.failed and not (report.stored or report.already_stored or report.duplicates):
        sys.exit(1)


@click.group()
def query() -> None:
    """Ask the corpus database: dyads over time, partners, top events, provenance."""


_FORMAT = click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]),
                       default="table", show_default=True)


def _show(frame, fmt: str) -> None:  # type: ignore[no-untyped-def]
    if fmt == "csv":
        click.echo(frame.to_csv(index=False), nl=False)
    elif fmt == "json":
        click.echo(frame.to_json(orient="records", date_format="iso", force_ascii=False))
    elif frame.empty:
        click.echo("(no rows)")
    else:
        click.echo(frame.to_string(index=False, max_colwidth=80))


@query.command("dyad")
@click.argument("actor_a")
@click.argument("actor_b")
@click.option("--by", type=click.Choice(["day", "week", "month", "year"]), default="month",
              show_default=True)
@click.option("--directed", is_flag=True, help="Only ACTOR_A -> ACTOR_B.")
@DB_OPTION
@_FORMAT
def query_dyad(actor_a: str, actor_b: str, by: str, directed: bool, db: str,
               fmt: str) -> None:
    """Events between ACTOR_A and ACTOR_B per period (country or code: IRN, IRNGOV)."""
    from wirecoder.store.queries import dyad

    _show(dyad(_open(db, read_only=True), actor_a, actor_b, by=by, directed=directed), fmt)


@query.command("partners")
@click.argument("actor")
@click.option("--limit", default=20, show_default=True)
@DB_OPTION
@_FORMAT
def query_partners(actor: str, limit: int, db: str, fmt: str) -> None:
    """ACTOR's partners ranked by events, with cooperation and conflict counts."""
    from wirecoder.store.queries import partners

    _show(partners(_open(db, read_only=True), actor, limit=limit), fmt)


@query.command("top")
@click.option("--limit", default=20, show_default=True)
@DB_OPTION
@_FORMAT
def query_top(limit: int, db: str, fmt: str) -> None:
    """The most reported events."""
    from wirecoder.store.queries import top_events

    _show(top_events(_open(db, read_only=True), limit=limit), fmt)


@query.command("event")
@click.argument("event_id")
@DB_OPTION
@_FORMAT
def query_event(event_id: str, db: str, fmt: str) -> None:
    """Every report of EVENT_ID: story, outlet, sentence, attribution, modality."""
    from wirecoder.store.queries import provenance

    frame = provenance(_open(db, read_only=True), event_id)
    if frame.empty:
        raise click.ClickException(f"no event {event_id!r}")
    _show(frame, fmt)


@query.command("summary")
@DB_OPTION
@_FORMAT
def query_summary(db: str, fmt: str) -> None:
    """How many stories, mentions and events the database holds."""
    from wirecoder.store.queries import summary

    _show(summary(_open(db, read_only=True)), fmt)


@click.group()
def plot() -> None:
    """Charts of the corpus database."""


@plot.command("dyad")
@click.argument("actor_a")
@click.argument("actor_b")
@click.option("--by", type=click.Choice(["day", "week", "month", "year"]), default="month",
              show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              default=Path("dyad.png"), show_default=True)
@DB_OPTION
def plot_dyad_command(actor_a: str, actor_b: str, by: str, output: Path, db: str) -> None:
    """Cooperation vs conflict between ACTOR_A and ACTOR_B over time, with Goldstein."""
    from wirecoder.store.plot import plot_dyad
    from wirecoder.store.queries import dyad

    frame = dyad(_open(db, read_only=True), actor_a, actor_b, by=by)
    plot_dyad(frame, actor_a, actor_b, by, output)
    click.echo(f"wrote {output} ({len(frame)} {by}s, {int(frame['events'].sum())} events)",
               err=True)


@click.command()
@click.option("--format", "fmt", type=click.Choice(["gdelt", "plover", "parquet"]),
              required=True)
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True,
              help="A file (gdelt, plover) or a folder (parquet: one file per table).")
@click.option("--header", is_flag=True, help="gdelt: write a header line (GDELT's own "
              "files have none).")
@DB_OPTION
def export(fmt: str, output: Path, header: bool, db: str) -> None:
    """Export the corpus: GDELT 2.0 events (61 columns), PLOVER JSONL, or Parquet."""
    from wirecoder.export import export_gdelt, export_parquet, export_plover

    con = _open(db, read_only=True)
    if fmt == "gdelt":
        click.echo(f"wrote {export_gdelt(con, output, header=header)} events to {output}",
                   err=True)
    elif fmt == "plover":
        click.echo(f"wrote {export_plover(con, output)} events to {output}", err=True)
    else:
        paths = export_parquet(con, output)
        click.echo(f"wrote {len(paths)} tables to {output}/", err=True)


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="Output folder: records/ and mentions/ Parquet datasets.")
@click.option("--master", default="local[*]", show_default=True,
              help="Spark master (ignored under spark-submit, which sets it).")
@click.option("--partitions", default=None, type=int, help="Partitions of the input.")
def spark(inputs: tuple[str, ...], out: Path, master: str, partitions: int | None) -> None:
    """Code INPUTS as a PySpark job (mapInPandas; the model loads once per executor)."""
    from wirecoder.scale.spark_job import SparkUnavailable, run_spark_job

    try:
        counts = run_spark_job(list(inputs), out, master=master, partitions=partitions)
    except SparkUnavailable as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"coded {counts['stories']} stories ({counts['mentions']} event mentions) "
               f"into {out}", err=True)


COMMANDS = (ingest, query, plot, export, spark)
